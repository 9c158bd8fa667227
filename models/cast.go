package models

import (
	"cmp"
	"maps"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"

	"github.com/storylens/storylens/datasets"
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
	// titles counts the honorifics before its names, as role nouns
	// ("Dr. Brand" gives doctor).
	titles map[string]int
	// unnamed: the story designates the character by role nouns only.
	unnamed bool
	// name is the name the story uses for the character (see nameOf),
	// title the honorific it most often puts before it ("mrs"), if any.
	name, title string
	full        string // its commonest full name ("clara green"), if any
}

// cast is a story's characters, found from its capitalised names.
type cast struct {
	chars []*character
	index map[string]int // lower-case full name or word -> character
	// rank[c] is the character's rank by mentions (0 = most mentioned)
	rank []int
	// bearers[c], for a character known by a role noun ("Professor"),
	// are the named characters who bear it as a title.
	bearers [][]int
}

var feminineTitles = map[string]bool{"mrs": true, "miss": true, "ms": true, "lady": true, "madame": true, "mme": true,
	"mlle": true, "mademoiselle": true, "countess": true, "dame": true, "mistress": true, "sister": true,
	"queen": true, "princess": true, "aunt": true, "mother": true, "signora": true, "frau": true, "donna": true, "nurse": true}

// rankTitles are military ranks: weak evidence of a man.
var rankTitles = map[string]bool{"captain": true, "capt": true, "colonel": true, "col": true, "major": true,
	"general": true, "gen": true, "admiral": true}

var masculineTitles = map[string]bool{"mr": true, "sir": true, "lord": true, "monsieur": true, "captain": true,
	"capt": true, "colonel": true, "col": true, "major": true, "general": true, "gen": true, "uncle": true,
	"count": true, "master": true, "brother": true, "king": true, "prince": true, "father": true,
	"signor": true, "herr": true, "don": true, "squire": true, "admiral": true, "reverend": true, "rev": true}

// nameForm is one spelling of a name and how the story uses it.
type nameForm struct {
	words             []string
	count, nonInitial int
	narration         int // mentions outside dialogue
	gender            int
	// role: the form is a role noun ("the doctor"), not a name.
	role bool
	// sex is +1 for a name under a masculine title ("Mr. Holt"), -1
	// under a feminine one ("Mrs. Holt"), else 0: such forms are kept
	// apart from the untitled ones, so that Mrs. Holt need not join
	// Felix Holt.
	sex int
	// titles counts the honorifics the text puts before the name, by
	// the role noun they stand for ("dr" as "doctor").
	titles map[string]int
	// said weighs the honorifics before the name as written ("mrs"): 10
	// for each in the narration, 1 in dialogue.
	said map[string]int
}

// titleRoles spells abbreviated titles as the role nouns they are.
var titleRoles = map[string]string{"dr": "doctor", "capt": "captain", "col": "colonel", "gen": "general",
	"prof": "professor", "rev": "reverend", "mrs": "", "mr": "", "miss": "", "ms": "", "mme": "madame",
	"mlle": "mademoiselle", "st": "saint"}

// roleOfTitle is the role noun an honorific stands for ("dr" → "doctor"),
// or "" for plain forms of address (Mr, Mrs, Miss).
func roleOfTitle(t string) string {
	if r, ok := titleRoles[t]; ok {
		return r
	}
	return t
}

// Role nouns with a gender of their own.
var feminineRoles = map[string]bool{"woman": true, "girl": true, "lady": true, "mother": true, "aunt": true,
	"grandmother": true, "sister": true, "wife": true, "niece": true, "widow": true, "daughter": true,
	"mistress": true, "nun": true, "abbess": true, "governess": true, "maid": true, "housekeeper": true,
	"landlady": true, "hostess": true, "queen": true, "princess": true, "duchess": true, "countess": true,
	"baroness": true, "witch": true, "schoolmistress": true, "stepmother": true, "nurse": true}

var masculineRoles = map[string]bool{"man": true, "boy": true, "gentleman": true, "father": true, "uncle": true,
	"grandfather": true, "brother": true, "husband": true, "nephew": true, "son": true, "master": true,
	"priest": true, "parson": true, "vicar": true, "rector": true, "curate": true, "chaplain": true,
	"bishop": true, "archdeacon": true, "monk": true, "abbot": true, "friar": true, "hermit": true,
	"butler": true, "footman": true, "coachman": true, "groom": true, "shepherd": true, "miller": true,
	"landlord": true, "host": true, "policeman": true, "king": true, "prince": true, "duke": true,
	"earl": true, "count": true, "baron": true, "knight": true, "wizard": true, "squire": true,
	"headman": true, "schoolmaster": true, "stepfather": true}

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
	lower := lowerCaseCounts(paras)
	dropShouted(paras, lower)
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
				// A tag's capital counts for a first name only
				// ("Stay?" Hannibal asked; but "Help!" People
				// screamed).
				if k > 0 || !m.Initial || m.Title != "" || m.Role || m.Tagged && k == 0 && isFirstName(w) {
					midSentence[w] = true
				}
			}
		}
	}
	for _, w := range initialFirstNames(paras, midSentence, lower) {
		midSentence[w] = true
	}
	common := commonWords(paras, knownForms, lower)
	for pi := range paras {
		// A new list: paragraphs may share their mentions' backing array.
		ms := make([]features.Mention, 0, len(paras[pi].Mentions))
		for _, m := range paras[pi].Mentions {
			if strings.TrimSpace(m.Name) == "" || common[strings.ToLower(m.Name)] && m.Title == "" && !m.Role {
				continue
			}
			if m.Initial && m.Title == "" && !m.Role {
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
		for _, m := range p.Mentions {
			key, sex := formKey(m)
			f, ok := forms[key]
			if !ok {
				f = &nameForm{words: strings.Fields(strings.ToLower(m.Name)), role: m.Role, sex: sex}
				forms[key] = f
				order = append(order, key)
			}
			f.role = f.role && m.Role
			f.count++
			if !m.Quoted {
				f.narration++
			}
			if m.Title != "" {
				if f.said == nil {
					f.said = map[string]int{}
				}
				// The narration's titles count; the dialogue's by a
				// tenth, so they decide only where the narration has none.
				f.said[m.Title] += 10
				if m.Quoted {
					f.said[m.Title] -= 9
				}
			}
			if r := roleOfTitle(m.Title); r != "" {
				if f.titles == nil {
					f.titles = map[string]int{}
				}
				f.titles[r]++
			}
			if m.Role {
				switch {
				case feminineRoles[key]:
					f.gender -= 3
				case masculineRoles[key]:
					f.gender += 3
				}
			}
			if !m.Initial || m.Title != "" {
				f.nonInitial++
			}
			switch {
			case feminineTitles[m.Title]:
				f.gender -= 3
			case rankTitles[m.Title] && sex < 0:
				// A rank before a woman's first name says nothing.
			case rankTitles[m.Title]:
				// A rank leans masculine in older fiction; a
				// woman captain's pronouns and first name outweigh it.
				f.gender++
			case masculineTitles[m.Title]:
				f.gender += 3
			}
			// The pronouns of a sentence that names no one else.
			f.gender += m.Gender
		}
	}
	for _, words := range knownForms {
		key := strings.Join(words, " ")
		if _, ok := forms[key]; !ok && len(words) > 1 {
			forms[key] = &nameForm{words: words}
			order = append(order, key)
		}
	}
	alias := mergeMisspellings(forms, order)
	order = slices.DeleteFunc(order, func(k string) bool { _, ok := alias[k]; return ok })
	folded := map[string][]string{} // a key -> the keys folded into it
	for _, rare := range slices.Sorted(maps.Keys(alias)) {
		folded[alias[rare]] = append(folded[alias[rare]], rare)
	}
	c := &cast{index: map[string]int{}}
	keep := func(f *nameForm) bool { return f.count > 0 || len(f.words) > 1 }
	// Longer names first, so one-word forms can join them; then the
	// titled forms, which join a character of their gender; role nouns
	// last, so they can join the named character whose title they are.
	slices.SortStableFunc(order, func(a, b string) int {
		fa, fb := forms[a], forms[b]
		if fa.role != fb.role {
			return b2i(fa.role) - b2i(fb.role)
		}
		if ta, tb := fa.sex != 0, fb.sex != 0; ta != tb {
			return b2i(ta) - b2i(tb)
		}
		return len(fb.words) - len(fa.words)
	})
	wordOwner := map[string]int{} // word -> character, -1 when ambiguous
	near := nearTitled(paras)
	// firstOf[w][c]: how often a full name of character c opening with
	// w is said.
	firstOf := map[string]map[int]int{}
	var keysOf [][]string // a character's form keys
	apart := func(key string, ci int) bool {
		n := 0
		for w := range c.chars[ci].words {
			if !slices.Contains(forms[key].words, w) {
				n = max(n, near[key][w])
			}
		}
		return n >= apartMin && float64(n) >= apartShare*float64(min(forms[key].count, c.chars[ci].mentions))
	}
	// surname: a word that ends full names opening with a first name
	// ("transome" of Harold Transome) at least as often as it opens full
	// names ("Transome Court"); not "clara" of "Cousin Clara", nor
	// "phineas" of Phineas Finn for a rare "… Phineas".
	asLast, asFirst := map[string]int{}, map[string]int{}
	for _, key := range order {
		if f := forms[key]; len(f.words) > 1 && !f.role {
			asFirst[f.words[0]] += f.count
			if isFirstName(f.words[0]) {
				asLast[f.words[len(f.words)-1]] += f.count
			}
		}
	}
	surname := func(w string) bool { return asLast[w] > 0 && asLast[w] >= asFirst[w] }
	// endsName: one of character ci's names ends with w, or opens with
	// it as a first name ("Mr. Transome" may be Harold Transome, not
	// Transome Court; "Sir Michael" is Michael Audley).
	endsName := func(ci int, w string) bool {
		ends := func(k string) bool {
			ws := forms[k].words
			return len(ws) > 0 && (ws[len(ws)-1] == w || ws[0] == w && isFirstName(w))
		}
		// A slip folded into a name counts as that name ("Perice").
		return slices.ContainsFunc(keysOf[ci], func(k string) bool { return ends(k) || slices.ContainsFunc(folded[k], ends) })
	}
	for _, key := range order {
		f := forms[key]
		if !keep(f) {
			continue
		}
		ci := -1
		sexless := false // the form's gender evidence is its rank's alone
		switch {
		case f.role:
			ci = c.titled(key)
			if ci >= 0 && f.count > roleRatio*c.chars[ci].titles[key] {
				ci = -1
			}
		case f.sex != 0 && len(f.words) == 1:
			ci = c.sameGender(f.words[0], f.sex, func(ci int) bool { return apart(key, ci) || !endsName(ci, f.words[0]) })
			// "Captain Dask" is Captain Mireille Dask: a rank says
			// nothing of sex.
			if r := rankOf(f); r != "" {
				for _, k := range order {
					if o := forms[k]; len(o.words) > 1 && o.words[len(o.words)-1] == f.words[0] && rankOf(o) == r {
						if oc, ok := c.index[k]; ok {
							ci, sexless = oc, true
							break
						}
					}
				}
			}
		case len(f.words) == 1:
			if o, ok := wordOwner[f.words[0]]; ok && o >= 0 {
				ci = o
			} else if ok && !surname(f.words[0]) {
				ci = dominant(firstOf[f.words[0]])
			}
		case f.sex != 0:
			// "Sister Mary Seraphine" is Mary Seraphine, unless the
			// untitled name's pronouns say otherwise.
			if o, ok := c.index[strings.Join(f.words, " ")]; ok && c.chars[o].gender*f.sex >= 0 {
				ci = o
			} else if o, ok := wordOwner[f.words[0]]; ok && o >= 0 && isFirstName(f.words[0]) && !hasUntitledFullName(keysOf[o], forms) &&
				c.chars[o].gender*f.sex >= 0 && !titledAlone(forms, f.words[len(f.words)-1]) {
				// "Prince Aldric Vane", said only with his title, is
				// the Aldric the story names alone; but Miss Amelia
				// Minchin may not be the Amelia of a story that says
				// "Miss Minchin" of her sister.
				ci = o
			}
		default:
			if o, ok := c.index[key]; ok {
				ci = o
			}
		}
		if ci < 0 {
			ci = len(c.chars)
			c.chars = append(c.chars, &character{words: map[string]int{}, unnamed: f.role})
			keysOf = append(keysOf, nil)
		}
		keysOf[ci] = append(keysOf[ci], key)
		ch := c.chars[ci]
		ch.mentions += f.count
		if !sexless {
			ch.gender += f.gender
		}
		for t, n := range f.titles {
			if ch.titles == nil {
				ch.titles = map[string]int{}
			}
			ch.titles[t] += n
		}
		c.index[key] = ci
		own := func(w string, n int) {
			ch.words[w] += n
			if o, ok := wordOwner[w]; ok && o != ci {
				wordOwner[w] = -1
			} else if !ok {
				wordOwner[w] = ci
			}
		}
		for _, w := range f.words {
			own(w, f.count)
		}
		if len(f.words) > 1 && !f.role {
			w := f.words[0]
			if firstOf[w] == nil {
				firstOf[w] = map[int]int{}
			}
			firstOf[w][ci] += f.count
		}
		// "Perice" alone is Katherine Perice's, folded into Katherine
		// Pierce; the slip's count is already in f's.
		for _, rare := range folded[key] {
			for _, w := range forms[rare].words {
				own(w, 0)
			}
		}
	}
	for rare, common := range alias {
		if ci, ok := c.index[common]; ok {
			c.index[rare] = ci
		}
	}
	for ci, ch := range c.chars {
		if ch.gender == 0 && !ch.unnamed {
			ch.gender = firstNameGender(ch, commonestName(ch, forms))
		}
		ch.name, ch.title, ch.full = nameOf(keysOf[ci], forms)
	}
	c.label()
	c.bearers = make([][]int, len(c.chars))
	for ri, rc := range c.chars {
		if !rc.unnamed {
			continue
		}
		for ci, ch := range c.chars {
			for w := range rc.words {
				if ci != ri && ch.titles[w] > 0 {
					c.bearers[ri] = append(c.bearers[ri], ci)
					break
				}
			}
		}
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

// commonMid and commonLower: a one-word name said capitalised in
// mid-sentence at most commonMid times, which the story writes in lower
// case at least commonLower times as often as capitalised, is a common
// word ("Everything", "Let", "Trust"), not a name.
const commonMid, commonLower = 2, 3

// commonWords are the one-word names of paras that are common words
// (see commonMid): never said with a title, in a longer name or in the
// metadata, and not first names.
func commonWords(paras []Para, known [][]string, lower map[string]int) map[string]bool {
	capital, mid := map[string]int{}, map[string]int{}
	other := map[string]bool{} // said with a title, or in a longer name
	for _, k := range known {
		for _, w := range k {
			other[w] = true
		}
	}
	for _, p := range paras {
		for _, m := range p.Mentions {
			name := strings.ToLower(m.Name)
			if m.Role || m.Title != "" || strings.Contains(name, " ") {
				for _, w := range strings.Fields(name) {
					other[w] = true
				}
				continue
			}
			capital[name]++
			if !m.Initial {
				mid[name]++
			}
		}
	}
	want := map[string]int{}
	for w, n := range mid {
		if n <= commonMid && !other[w] && !isFirstName(w) {
			want[w] = max(3, commonLower*capital[w])
		}
	}
	out := map[string]bool{}
	for w, n := range want {
		if lower[w] >= n {
			out[w] = true
		}
	}
	return out
}

// dropShouted removes the mentions written in capitals ("I SAID NO")
// with a word that the story also writes in lower case and never as a
// name in ordinary case ("Said"): a shouted common word. "STEFAN!" beside
// "Stefan", and a name the story only ever writes in capitals
// ("JARVIS"), stay.
func dropShouted(paras []Para, lower map[string]int) {
	common := map[string]bool{} // words of names in capitals
	for _, p := range paras {
		for _, m := range p.Mentions {
			if !m.Role && isShouted(m.Name) {
				for _, w := range strings.Fields(strings.ToLower(m.Name)) {
					common[w] = false
				}
			}
		}
	}
	if len(common) == 0 {
		return
	}
	// A word some name in ordinary case holds ("Stefan") is a name.
	words := slices.Collect(maps.Keys(common))
	for _, p := range paras {
		for _, m := range p.Mentions {
			if m.Role || isShouted(m.Name) {
				continue
			}
			for rest := m.Name; rest != ""; {
				var w string
				w, rest, _ = strings.Cut(rest, " ")
				for _, cw := range words {
					if len(cw) == len(w) && strings.EqualFold(cw, w) {
						delete(common, cw)
					}
				}
			}
		}
	}
	if len(common) == 0 {
		return
	}
	for w := range common {
		// "I SAID NO", "I HATE YOU": a common English word, not a
		// first name (but "said" is a verb here), is shouted even
		// where the story never writes it in lower case.
		common[w] = commonEnglish(w) && (firstNameSex(w) == 0 || features.IsSpeechVerb(w))
	}
	for w := range common {
		if lower[w] > 0 {
			common[w] = true
		}
	}
	shouted := func(m features.Mention) bool {
		return !m.Role && isShouted(m.Name) && slices.ContainsFunc(strings.Fields(strings.ToLower(m.Name)), func(w string) bool { return common[w] })
	}
	for pi := range paras {
		if !slices.ContainsFunc(paras[pi].Mentions, shouted) {
			continue
		}
		// A new list: paragraphs may share their mentions' backing array.
		var ms []features.Mention
		for _, m := range paras[pi].Mentions {
			if !shouted(m) {
				ms = append(ms, m)
			}
		}
		paras[pi].Mentions = ms
	}
}

// commonEnglish reports whether a lower-case word's stem is among the
// commonest of the novels (those with a stem vector).
func commonEnglish(w string) bool {
	lex := stemLexicon()
	k, ok := lex.index[english.Stem(w, false)]
	return ok && lex.entries[k].vec != nil
}

// isShouted reports whether a name has two or more letters and no
// lower-case one.
func isShouted(name string) bool {
	letters := 0
	for _, r := range name {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}

// initialFirstNames are the first names (datasets.FirstNames) that the
// story only ever puts at the start of a sentence, at least twice, and
// never writes in lower case: in a drabble whose every sentence opens
// "Damon smirked." or "Elena laughed." they are the characters, while
// "Miles away…" or "Hope rose…" in a story that also says "miles" or
// "hope" are not.
func initialFirstNames(paras []Para, midSentence map[string]bool, lower map[string]int) []string {
	opens := map[string]int{}
	for _, p := range paras {
		for _, m := range p.Mentions {
			if !m.Initial || m.Title != "" || m.Role {
				continue
			}
			w, _, _ := strings.Cut(strings.ToLower(m.Name), " ")
			if !midSentence[w] && isFirstName(w) {
				opens[w]++
			}
		}
	}
	for w, n := range opens {
		if n < 2 || lower[w] > 0 {
			delete(opens, w)
		}
	}
	return slices.Sorted(maps.Keys(opens))
}

// lowerCaseCounts counts how often the story writes each word of its
// names, lower-cased, as a word of its own in lower case ("miles" in
// "three miles’ walk", not in "Miles" or "milestone"): all that
// dropShouted, initialFirstNames and commonWords ask of the text, read in
// one pass.
func lowerCaseCounts(paras []Para) map[string]int {
	want := map[string]bool{}
	seen := map[string]bool{}
	for _, p := range paras {
		for _, m := range p.Mentions {
			if seen[m.Name] {
				continue
			}
			seen[m.Name] = true
			for _, w := range strings.Fields(strings.ToLower(m.Name)) {
				want[w] = true
			}
		}
	}
	return countLowerCase(paras, want)
}

// countLowerCase counts how often the story writes each of the words in
// want (lower-case ASCII words) as a word of its own in lower case. Words
// never written so are left out.
func countLowerCase(paras []Para, want map[string]bool) map[string]int {
	got := map[string]int{}
	// shape[c][n]: some word in want starts with letter c and has n
	// letters (n capped at maxShape, which stands for any longer), so
	// that most of the text's words need no map lookup.
	const maxShape = 31
	var shape [26][maxShape + 1]bool
	for w := range want {
		if w == "" || w[0] < 'a' || w[0] > 'z' {
			continue
		}
		shape[w[0]-'a'][min(len(w), maxShape)] = true
	}
	for _, p := range paras {
		text := p.text
		for i := 0; i < len(text); i++ {
			c := text[i]
			if c < 'a' || c > 'z' {
				continue
			}
			j := i + 1
			for j < len(text) && text[j] >= 'a' && text[j] <= 'z' {
				j++
			}
			if shape[c-'a'][min(j-i, maxShape)] && !letterBefore(text, i) && !letterAt(text, j) {
				if want[string(text[i:j])] {
					got[string(text[i:j])]++
				}
			}
			i = j
		}
	}
	return got
}

// letterBefore reports whether a letter or digit ends text[:i].
func letterBefore(text []byte, i int) bool {
	if i == 0 {
		return false
	}
	if b := text[i-1]; b < utf8.RuneSelf {
		return isAlnum(b)
	}
	r, _ := utf8.DecodeLastRune(text[:i])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// letterAt reports whether a letter or digit starts text[j:].
func letterAt(text []byte, j int) bool {
	if j >= len(text) {
		return false
	}
	if b := text[j]; b < utf8.RuneSelf {
		return isAlnum(b)
	}
	r, _ := utf8.DecodeRune(text[j:])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func isAlnum(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}

// dominant is the character whose full names say a first name far
// more often than all the others' together (Clara Vaughan 27 times,
// Clara Valence and Clara Green once or twice), or -1.
func dominant(said map[int]int) int {
	best, rest := -1, 0
	for ci, n := range said {
		if best < 0 || n > said[best] || n == said[best] && ci < best {
			best = ci
		}
		rest += n
	}
	if best < 0 {
		return -1
	}
	rest -= said[best]
	if said[best] >= domRatio*rest && said[best] >= domMin {
		return best
	}
	return -1
}

var domRatio, domMin = 3, 2

// mergeMisspellings finds the full names that are slips of the pen (or
// of a scanner) for another and folds each into it: a name whose last
// word is a letter off another full name with the same other words
// ("Katherine Perice" for "Katherine Pierce", "Guy Daxrell" for "Guy
// Darrell"; see nearMisspelling). The rarer form (on a tie, the later)
// joins the other when it is said once, or at most three times and half
// as often, or a tenth as often: two people may share all but a letter
// (John Carter and John Carver, three times each). Titled forms and role
// nouns are left alone. It returns each folded key with the key it
// joined.
func mergeMisspellings(forms map[string]*nameForm, order []string) map[string]string {
	alias := map[string]string{}
	plain := func(k string) bool {
		f := forms[k]
		return f.sex == 0 && !f.role && len(f.titles) == 0
	}
	into := func(rare, common string) {
		r, c := forms[rare], forms[common]
		c.count += r.count
		c.nonInitial += r.nonInitial
		c.gender += r.gender
		alias[rare] = common
	}
	// Full names by all their words but the last, in order of first use.
	groups := map[string][]string{}
	for _, k := range order {
		f := forms[k]
		if !plain(k) {
			continue
		}
		if len(f.words) == 1 {
			continue
		}
		prefix := strings.Join(f.words[:len(f.words)-1], " ")
		groups[prefix] = append(groups[prefix], k)
	}
	for _, g := range groups {
		for i, a := range g {
			for _, b := range g[i+1:] {
				if _, done := alias[a]; done {
					break
				}
				if _, done := alias[b]; done {
					continue
				}
				fa, fb := forms[a], forms[b]
				if len(fa.words) != len(fb.words) || !nearMisspelling(fa.words[len(fa.words)-1], fb.words[len(fb.words)-1]) {
					continue
				}
				rare, common := b, a
				if fb.count > fa.count {
					rare, common = a, b
				}
				// A slip is rare beside the right spelling.
				if r, c := forms[rare].count, forms[common].count; r == 1 || c >= 2*r && (r <= 3 || 10*r <= c) {
					into(rare, common)
				}
			}
		}
	}
	// A form that joined one that then joined a third goes to the third.
	for rare, common := range alias {
		for {
			next, ok := alias[common]
			if !ok {
				break
			}
			common = next
		}
		alias[rare] = common
	}
	return alias
}

// nearMisspelling reports whether two different surnames of at least
// five letters are one edit apart (a letter added, dropped or changed, or
// two neighbours swapped) or two edits apart with the same letters
// ("Perice" for "Pierce"). A plural is not a slip ("Brangwens").
func nearMisspelling(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	if a == b || len(ra) < 5 || len(rb) < 5 || a+"s" == b || b+"s" == a {
		return false
	}
	switch editDistance(ra, rb) {
	case 1:
		return true
	case 2:
		sa, sb := slices.Clone(ra), slices.Clone(rb)
		slices.Sort(sa)
		slices.Sort(sb)
		return slices.Equal(sa, sb)
	}
	return false
}

// editDistance is the optimal string alignment distance: insertions,
// deletions, substitutions and swaps of neighbouring letters.
func editDistance(a, b []rune) int {
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}

// formKey is the key of a mention's name form: its lower-case name,
// marked with the gender of its title when it has one ("f:holt" for
// Mrs. Holt), and that gender.
func formKey(m features.Mention) (string, int) {
	key := strings.ToLower(m.Name)
	switch {
	case m.Role:
	case feminineTitles[m.Title]:
		return "f:" + key, -1
	case rankTitles[m.Title] && firstNameSex(key) < 0:
		// A rank before a woman's first name: "Captain Mireille Dask".
		return "f:" + key, -1
	case masculineTitles[m.Title]:
		return "m:" + key, 1
	}
	return key, 0
}

// firstNameSex is the usual sex of the first word of a lower-case name,
// when it is a first name (datasets.FirstNames).
func firstNameSex(name string) int {
	first, _, _ := strings.Cut(name, " ")
	names, err := datasets.FirstNames()
	if err != nil {
		return 0
	}
	return names[first]
}

var apartMin, apartShare = 3, 0.1

// roleRatio: a role noun said more than this many times for each time a
// character bears it as a title designates someone else ("my father",
// 140 times, is not Father Time, said twice).
var roleRatio = 20

// nearWords is how close two names must stand in a paragraph to be
// read as two people when they are said together.
const nearWords = 30

// nearTitled counts, for each titled form ("f:gibson"), how often each
// word of the untitled names is said within nearWords words of it in a
// paragraph, unless the title addresses someone: Mrs. Gibson talking to
// Molly says they are two people.
func nearTitled(paras []Para) map[string]map[string]int {
	out := map[string]map[string]int{}
	var keys []string
	for _, p := range paras {
		ms := p.Mentions
		keys = keys[:0]
		for _, m := range ms {
			k, _ := formKey(m)
			keys = append(keys, k)
		}
		for a, ma := range ms {
			// Not a title that addresses someone: talk calls a person
			// by title beside the narration's name for them ("'Good
			// morning, Mr. Audley,' said the landlord, and Robert
			// nodded"), while "'My dear Arthur,' said Major Pendennis"
			// is two people.
			if ma.Vocative || !strings.HasPrefix(keys[a], "f:") && !strings.HasPrefix(keys[a], "m:") {
				continue
			}
			// Mentions are in text order: look either side until out of
			// reach.
			for _, step := range []int{-1, 1} {
				for b := a + step; b >= 0 && b < len(ms) && max(ms[b].Word-ma.Word, ma.Word-ms[b].Word) <= nearWords; b += step {
					// Untitled names only: "Dr. Finn" beside "Mr. Phineas"
					// is his father, not a sign that Phineas Finn is two.
					if keys[b] == keys[a] || ms[b].Title != "" {
						continue
					}
					if out[keys[a]] == nil {
						out[keys[a]] = map[string]int{}
					}
					for _, w := range strings.Fields(strings.ToLower(ms[b].Name)) {
						out[keys[a]][w]++
					}
				}
			}
		}
	}
	return out
}

// sameGender returns the most mentioned character named by word whose
// gender (or, without evidence, first name) is not the opposite of sex,
// or -1.
func (c *cast) sameGender(word string, sex int, apart func(int) bool) int {
	best := -1
	for ci, ch := range c.chars {
		if _, ok := ch.words[word]; !ok || ch.gender*sex < 0 || apart(ci) {
			continue
		}
		// Without pronoun evidence yet, the first name's usual sex
		// keeps a titled surname apart: Captain Crewe is not Sara Crewe.
		if ch.gender == 0 && !ch.unnamed && firstNameGender(ch, "")*sex < 0 {
			continue
		}
		if best < 0 || ch.mentions > c.chars[best].mentions {
			best = ci
		}
	}
	return best
}

// isFirstName reports whether a lower-case word is a first name in
// datasets.FirstNames.
func isFirstName(w string) bool { return firstNameSex(w) != 0 }

// firstNameGender is the usual sex of a character's first name, for a
// character whose titles and pronouns give no gender (a name said rarely,
// or only in dialogue, or evidence that cancels out): that of name (its
// commonest one, or "" while the cast is being built), else of its other
// names from the most used, looked up in datasets.FirstNames; 0 when none
// is there.
func firstNameGender(ch *character, name string) int {
	names, err := datasets.FirstNames()
	if err != nil {
		return 0
	}
	if g := names[name]; g != 0 {
		return g
	}
	words := slices.Collect(maps.Keys(ch.words))
	slices.SortFunc(words, func(a, b string) int { return cmp.Or(ch.words[b]-ch.words[a], strings.Compare(a, b)) })
	for _, w := range words {
		if g := names[w]; g != 0 {
			return g
		}
	}
	return 0
}

// titledAlone reports whether the story says the one word w with a
// title other than a rank ("Miss Minchin"; "Captain Dask" may be Captain
// Mireille Dask).
func titledAlone(forms map[string]*nameForm, w string) bool {
	for _, k := range []string{"m:" + w, "f:" + w} {
		if f, ok := forms[k]; ok && f.count > 0 && rankOf(f) == "" {
			return true
		}
	}
	return false
}

// hasUntitledFullName reports whether any of keys is a name of two or
// more words said without a title.
func hasUntitledFullName(keys []string, forms map[string]*nameForm) bool {
	return slices.ContainsFunc(keys, func(k string) bool { return len(forms[k].words) > 1 && forms[k].sex == 0 && !forms[k].role })
}

// rankOf is the military rank that is the only title written before a
// name form ("captain" of "Captain Dask"), or "".
func rankOf(f *nameForm) string {
	r := ""
	for t := range f.said {
		if !rankTitles[t] || r != "" && r != t {
			return ""
		}
		r = t
	}
	return r
}

// titled returns the character that a role noun designates when the
// story names them with that title ("the doctor" is "Dr. Brand"): the
// character carrying at least two thirds of the title's uses. Else -1.
func (c *cast) titled(role string) int {
	best, bestN, total := -1, 0, 0
	for ci, ch := range c.chars {
		n := ch.titles[role]
		total += n
		if n > bestN {
			best, bestN = ci, n
		}
	}
	if best < 0 || 3*bestN < 2*total {
		return -1
	}
	return best
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// commonestName is a character's most used one-word name, lower case;
// else its most used role noun ("stranger"), else its most said word.
func commonestName(ch *character, forms map[string]*nameForm) string {
	best, bestN := "", 0
	for w := range ch.words {
		if f, ok := forms[w]; ok && len(f.words) == 1 && !f.role && (f.count > bestN || f.count == bestN && w < best) {
			best, bestN = w, f.count
		}
	}
	if best == "" {
		// A character the story designates only by role nouns.
		for w := range ch.words {
			if f, ok := forms[w]; ok && f.role && (f.count > bestN || f.count == bestN && w < best) {
				best, bestN = w, f.count
			}
		}
	}
	if best == "" {
		for w, n := range ch.words {
			if n > bestN || n == bestN && w < best {
				best, bestN = w, n
			}
		}
	}
	return best
}

// nameOf is the name a character goes by, from its own name forms
// (keys), as the annotation guideline names the focus: each word said
// alone in the narration, with or without a title ("Molly", "Mrs.
// Gibson"), counts as a use of it (in dialogue too for a character the
// narration never names), a full name as a use of neither; the commoner wins, the
// first name when they are about even (within a tenth). A character
// with no one-word name takes its commonest role noun ("Stranger"),
// else the first word of its commonest full name. title is the
// honorific most often put before the chosen name when that is a
// surname (not the first word of one of its full names).
func nameOf(keys []string, forms map[string]*nameForm) (name, title, fullName string) {
	uses, all := map[string]int{}, map[string]int{}
	said := map[string]map[string]int{}
	first := map[string]bool{}
	var role, full string
	for _, k := range keys {
		f := forms[k]
		switch {
		case f.role:
			if role == "" || f.count > forms[role].count {
				role = k
			}
		case len(f.words) == 1:
			w := f.words[0]
			uses[w] += f.narration
			all[w] += f.count
			for t, n := range f.said {
				if said[w] == nil {
					said[w] = map[string]int{}
				}
				said[w][t] += n
			}
		default:
			first[f.words[0]] = true
			if full == "" || f.count > forms[full].count {
				full = k
			}
		}
	}
	if sum(uses) == 0 {
		// Named in dialogue only.
		uses = all
	}
	best := ""
	for w, n := range uses {
		if best == "" || n > uses[best] || n == uses[best] && (first[w] && !first[best] || first[w] == first[best] && w < best) {
			best = w
		}
	}
	if best != "" && !first[best] {
		// The commonest first name, if it is about even with the surname.
		fn := ""
		for w, n := range uses {
			if first[w] && (fn == "" || n > uses[fn] || n == uses[fn] && w < fn) {
				fn = w
			}
		}
		if fn != "" && 10*uses[fn] >= 9*uses[best] {
			best = fn
		}
	}
	if full != "" {
		fullName = strings.Join(forms[full].words, " ")
	}
	switch {
	case best != "":
		name = best
	case role != "":
		return forms[role].words[0], "", fullName
	case full != "":
		return forms[full].words[0], "", fullName
	default:
		return "", "", ""
	}
	if first[name] {
		return name, "", fullName
	}
	for t, n := range said[name] {
		if title == "" || n > said[name][title] || n == said[name][title] && t < title {
			title = t
		}
	}
	return name, title, fullName
}

func sum(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}

// label sets each character's Label to its name, capitalised. Where
// several characters go by the same surname, each takes the title the
// story puts before it ("Mr. Gibson", "Mrs. Gibson"), as the guideline's
// clash rule asks; where several go by the same first name, those with
// a full name show it ("Clara Green"), except the most mentioned when
// all of them have one.
func (c *cast) label() {
	by := map[string][]int{}
	for ci, ch := range c.chars {
		if ch.name != "" {
			by[ch.name] = append(by[ch.name], ci)
		}
	}
	for ci, ch := range c.chars {
		if ch.name == "" {
			continue
		}
		ch.Label = capitalise(ch.name)
		// Who else goes by the name; for a title, one named in passing
		// (under clashMentions) causes no clash.
		others := slices.DeleteFunc(slices.Clone(by[ch.name]), func(o int) bool { return o == ci })
		major := slices.DeleteFunc(slices.Clone(others), func(o int) bool { return c.chars[o].mentions < clashMentions })
		switch {
		case len(others) == 0:
		case ch.title != "":
			// A first name under a title ("Sir Michael", "Master
			// Richard") is the first name, the clash rule being for
			// surnames, unless another character would then show the
			// same name ("Master James" and "Miss James").
			bare := titledFirstName(ch) && !slices.ContainsFunc(major, func(o int) bool {
				return c.chars[o].title == "" || titledFirstName(c.chars[o])
			})
			if len(major) > 0 && !bare {
				ch.Label = spellTitle(ch.title) + " " + ch.Label
			}
		case ch.full == "":
			// The short name is left to those without a full name.
		case slices.ContainsFunc(others, func(o int) bool {
			oc := c.chars[o]
			return oc.title == "" && (oc.full == "" || oc.mentions > ch.mentions || oc.mentions == ch.mentions && o < ci)
		}):
			var ws []string
			for _, w := range strings.Fields(ch.full) {
				ws = append(ws, capitalise(w))
			}
			ch.Label = strings.Join(ws, " ")
		}
	}
}

// commonFirstName reports whether name is a common first name (at
// least commonBirths births in datasets.FirstNameBirths) that does not
// end the character's full name: "richard", not "finn" of Phineas Finn
// nor "gibson".
func commonFirstName(name, full string) bool {
	if strings.HasSuffix(" "+full, " "+name) {
		return false
	}
	births, err := datasets.FirstNameBirths()
	return err == nil && births[name] >= commonBirths
}

// titledFirstName reports whether a character's title stands before a
// common first name of the title's sex ("Sir Thomas", "Miss Molly"; not
// "Miss James", a surname).
func titledFirstName(ch *character) bool {
	if !firstNameTitles[ch.title] || !commonFirstName(ch.name, ch.full) {
		return false
	}
	sex := 0
	switch {
	case feminineTitles[ch.title]:
		sex = -1
	case masculineTitles[ch.title]:
		sex = 1
	}
	return sex*firstNameSex(ch.name) >= 0
}

// firstNameTitles are the titles put before first names ("Sir Michael",
// "Lady Mary", "Master Richard", "Miss Molly"); "Mr." and "Mrs." go
// before surnames.
var firstNameTitles = map[string]bool{"sir": true, "lady": true, "lord": true, "master": true, "miss": true,
	"dame": true, "madame": true, "mademoiselle": true, "mlle": true, "aunt": true, "uncle": true, "cousin": true,
	"sister": true, "brother": true, "don": true, "donna": true, "prince": true, "princess": true, "king": true, "queen": true}

// commonBirths is how many births make a first name common.
const commonBirths = 100000

// clashMentions is how often a character must be named to claim its
// name from another: the guideline's clash rule leaves out a relative
// named once in passing.
const clashMentions = 3

// spellTitle writes a lower-case honorific as it is printed: "Mr.",
// "Lady".
func spellTitle(t string) string {
	switch t {
	case "mr", "mrs", "ms", "dr", "st", "mme", "mlle", "capt", "col", "gen", "prof", "rev":
		return capitalise(t) + "."
	}
	return capitalise(t)
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
	key, _ := formKey(m)
	if i, ok := c.index[key]; ok {
		return i
	}
	for _, w := range strings.Fields(strings.ToLower(m.Name)) {
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
	// A role label ("Doctor", "Captain") is all title words.
	words := labelWords(label)
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
