package models

import (
	"slices"
	"strings"

	"github.com/storylens/storylens/features"
)

// Special focus values.
const (
	Narrator = "narrator"
	None     = "none"
)

// character is one member of a story's cast: a cluster of name forms
// ("Stefan Salvatore", "Stefan", "Salvatore") that refer to one person.
type character struct {
	Label    string         // the name shown: the most used one-word form
	words    map[string]int // lower-case words of its names -> mentions
	mentions int
	gender   int // >0 masculine, <0 feminine, from titles and pronouns
}

// cast is a story's characters, found from its capitalised names.
type cast struct {
	chars []*character
	index map[string]int // lower-case full name or word -> character
	// rank[c] is the character's rank by mentions (0 = most mentioned)
	rank []int
}

var feminineTitles = map[string]bool{"mrs": true, "miss": true, "ms": true, "lady": true, "madame": true, "mme": true,
	"mlle": true, "mademoiselle": true, "countess": true, "dame": true, "mistress": true, "sister": true,
	"queen": true, "princess": true, "aunt": true, "mother": true, "signora": true, "frau": true, "donna": true, "nurse": true}

var masculineTitles = map[string]bool{"mr": true, "sir": true, "lord": true, "monsieur": true, "captain": true,
	"capt": true, "colonel": true, "col": true, "major": true, "general": true, "gen": true, "uncle": true,
	"count": true, "master": true, "brother": true, "king": true, "prince": true, "father": true,
	"signor": true, "herr": true, "don": true, "squire": true, "admiral": true, "reverend": true, "rev": true}

// nameForm is one spelling of a name and how the story uses it.
type nameForm struct {
	words             []string
	count, nonInitial int
	gender            int
}

// buildCast clusters the story's names into characters. A capitalised
// word counts as a name when it is seen at least once away from the start
// of a sentence (so "Suddenly" does not) or the metadata lists it. A
// one-word name joins the character of the longer name it is part of when
// that is unambiguous.
//
// known are names the story's metadata lists (AO3's Characters tags, such
// as "Stefan Salvatore"): their words count as names even when the text
// only uses them at the start of sentences, and a one-word form joins the
// known full name ("Stefan" with "Stefan Salvatore").
func buildCast(paras []Para, known []string) *cast {
	// A capitalised word seen only at the start of sentences is ordinary
	// English ("Suddenly", "Give"), not a name: drop it from the front of
	// a sentence-initial mention ("Come Ned" is "Ned").
	midSentence := map[string]bool{}
	var knownForms [][]string
	for _, k := range known {
		if words := knownName(k); len(words) > 0 {
			knownForms = append(knownForms, words)
			for _, w := range words {
				midSentence[w] = true
			}
		}
	}
	for _, p := range paras {
		for _, m := range p.Mentions {
			for k, w := range strings.Fields(strings.ToLower(m.Name)) {
				if k > 0 || !m.Initial || m.Title != "" {
					midSentence[w] = true
				}
			}
		}
	}
	for pi := range paras {
		ms := paras[pi].Mentions[:0]
		for _, m := range paras[pi].Mentions {
			if m.Initial && m.Title == "" {
				words := strings.Fields(m.Name)
				for len(words) > 0 && !midSentence[strings.ToLower(words[0])] {
					words = words[1:]
				}
				if len(words) == 0 {
					continue
				}
				m.Name = strings.Join(words, " ")
			}
			ms = append(ms, m)
		}
		paras[pi].Mentions = ms
	}
	forms := map[string]*nameForm{}
	var order []string
	for _, p := range paras {
		for mi, m := range p.Mentions {
			key := strings.ToLower(m.Name)
			f, ok := forms[key]
			if !ok {
				f = &nameForm{words: strings.Fields(key)}
				forms[key] = f
				order = append(order, key)
			}
			f.count++
			if !m.Initial || m.Title != "" {
				f.nonInitial++
			}
			switch {
			case feminineTitles[m.Title]:
				f.gender -= 3
			case masculineTitles[m.Title]:
				f.gender += 3
			}
			// The paragraph's pronouns lean towards its only name.
			if len(p.Mentions) == 1 && mi == 0 {
				if p.Pronouns.Masculine > p.Pronouns.Feminine {
					f.gender++
				} else if p.Pronouns.Feminine > p.Pronouns.Masculine {
					f.gender--
				}
			}
		}
	}
	for _, words := range knownForms {
		key := strings.Join(words, " ")
		if _, ok := forms[key]; !ok && len(words) > 1 {
			forms[key] = &nameForm{words: words}
			order = append(order, key)
		}
	}
	c := &cast{index: map[string]int{}}
	keep := func(f *nameForm) bool { return f.count > 0 || len(f.words) > 1 }
	// Longer names first, so one-word forms can join them.
	slices.SortStableFunc(order, func(a, b string) int { return len(forms[b].words) - len(forms[a].words) })
	wordOwner := map[string]int{} // word -> character, -1 when ambiguous
	for _, key := range order {
		f := forms[key]
		if !keep(f) {
			continue
		}
		ci := -1
		if len(f.words) == 1 {
			if o, ok := wordOwner[f.words[0]]; ok && o >= 0 {
				ci = o
			}
		} else if o, ok := c.index[key]; ok {
			ci = o
		}
		if ci < 0 {
			ci = len(c.chars)
			c.chars = append(c.chars, &character{words: map[string]int{}})
		}
		ch := c.chars[ci]
		ch.mentions += f.count
		ch.gender += f.gender
		c.index[key] = ci
		for _, w := range f.words {
			ch.words[w] += f.count
			if o, ok := wordOwner[w]; ok && o != ci {
				wordOwner[w] = -1
			} else if !ok {
				wordOwner[w] = ci
			}
		}
	}
	for _, ch := range c.chars {
		ch.Label = labelOf(ch, forms)
	}
	c.rank = make([]int, len(c.chars))
	idx := make([]int, len(c.chars))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return c.chars[b].mentions - c.chars[a].mentions })
	for r, i := range idx {
		c.rank[i] = r
	}
	return c
}

// labelOf picks a character's name: its most used one-word form,
// capitalised as the text has it; else the first word of its longest name.
func labelOf(ch *character, forms map[string]*nameForm) string {
	best, bestN := "", 0
	for w := range ch.words {
		if f, ok := forms[w]; ok && len(f.words) == 1 && (f.count > bestN || f.count == bestN && w < best) {
			best, bestN = w, f.count
		}
	}
	if best == "" {
		for w, n := range ch.words {
			if n > bestN || n == bestN && w < best {
				best, bestN = w, n
			}
		}
	}
	return capitalise(best)
}

func capitalise(s string) string {
	parts := strings.Split(s, "-")
	for i, p := range parts {
		if p != "" {
			r := []rune(p)
			r[0] = []rune(strings.ToUpper(string(r[0])))[0]
			parts[i] = string(r)
		}
	}
	return strings.Join(parts, "-")
}

// of returns the character a mention refers to, or -1.
func (c *cast) of(m features.Mention) int {
	key := strings.ToLower(m.Name)
	if i, ok := c.index[key]; ok {
		return i
	}
	for _, w := range strings.Fields(key) {
		if i, ok := c.index[w]; ok {
			return i
		}
	}
	return -1
}

// matches reports whether a gold focus label names character ci: every
// word of the label but its titles is one of the character's name words.
func (c *cast) matches(ci int, label string) bool {
	ch := c.chars[ci]
	words := nameWords(label)
	if len(words) == 0 {
		return false
	}
	for _, w := range words {
		if _, ok := ch.words[w]; !ok {
			return false
		}
	}
	return true
}

// nameWords are a focus label's lower-case words without titles.
func nameWords(label string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(label), func(r rune) bool { return r == ' ' || r == '.' }) {
		if !features.IsHonorific(w) {
			out = append(out, strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s"))
		}
	}
	return out
}

// knownName turns an AO3 character tag into lower-case name words:
// "Stefan Salvatore" → [stefan salvatore]; qualifiers in brackets are
// dropped ("Elena Gilbert (TVD)"), and tags that name no one ("Original
// Characters", "Everyone") give nothing.
func knownName(tag string) []string {
	if i := strings.IndexAny(tag, "(["); i >= 0 {
		tag = tag[:i]
	}
	lower := strings.ToLower(tag)
	for _, generic := range []string{"original", "character", "everyone", "ensemble", "reader", "you", "other"} {
		if strings.Contains(lower, generic) {
			return nil
		}
	}
	var words []string
	for _, w := range strings.Fields(lower) {
		w = strings.Trim(w, ".,;:'\"")
		if w != "" && !features.IsHonorific(w) {
			words = append(words, w)
		}
	}
	return words
}
