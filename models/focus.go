package models

import (
	"math"
	"slices"
	"strings"

	"github.com/storylens/storylens/features"
)

// candidate is a possible focus of a paragraph: a cast member, the
// narrator, or none.
type candidate struct {
	char  int // cast index, or -1
	label string
}

// focusInputs describe a (paragraph, candidate) pair; inputs that do not
// apply to the candidate's kind are NaN, so each kind has its own columns.
var focusInputs = withDialogueCopies([]Input{
	in("is_name", flagBins), in("is_narrator", flagBins), in("is_none", flagBins),
	in("mentions", smallBins), in("narration_mentions", smallBins), in("dialogue_mentions", smallBins),
	in("first_named", flagBins), in("sentence_subject", flagBins), in("speaker", flagBins),
	in("possessive_only", flagBins),
	in("prev_mentions", smallBins), in("prev2_mentions", smallBins), in("next_mentions", smallBins),
	in("paragraphs_since_seen", []float64{0, 1, 2, 3, 5, 8}), in("story_rank", []float64{0, 1, 2, 4, 8}),
	in("pov_heading", flagBins), in("pronoun_agreement", []float64{-0.5, 0.5}), in("names_in_paragraph", smallBins),
	in("narrator_story_first", rateBins), in("narrator_story_second", rateBins),
	in("narrator_first", rateBins), in("narrator_second", rateBins), in("narrator_third", rateBins),
	in("narrator_names", smallBins),
	in("none_names", smallBins), in("none_pronouns", rateBins), in("none_words", countBins), in("none_prev_names", smallBins),
	in("spoke_two_before", flagBins), in("spoke_one_before", flagBins), in("dialogue_only", flagBins),
	in("pronoun_referent", flagBins), in("subject_referent", flagBins), in("resolved_speaker", flagBins),
	in("any_referent", flagBins), in("unnamed", flagBins),
	in("references", []float64{0, 1, 2, 3, 5, 8, 12}), in("reference_share", []float64{0, 0.2, 0.35, 0.5, 0.65, 0.8, 0.99}),
	in("most_referenced", flagBins),
	in("resolved_pronouns", smallBins), in("subjects", smallBins), in("subject_share", []float64{0, 0.2, 0.35, 0.5, 0.65, 0.8, 0.99}),
	in("narrator_refs", []float64{0, 1, 2, 4, 8, 16}), in("narrator_share", []float64{0, 0.2, 0.35, 0.5, 0.65, 0.8, 0.99}),
	in("narrator_speaks", flagBins), in("addressed", flagBins), in("addressed_before", flagBins),
	in("resolved_speaker_before", flagBins), in("resolved_speaker_two_before", flagBins),
})

// dialogueSplit are the inputs of a named candidate that a paragraph of
// dialogue (over 30 % of its words quoted) gives in copies of their own,
// so that the classifier weighs them apart: in dialogue the speaker
// counts, in narration the subject.
var dialogueSplit = []int{3, 4, 5, 6, 7, 8, 10, 14, 16, 28, 29, 31, 32, 33, 36, 37, 38, 40, 41, 45, 46, 47, 48}

// withDialogueCopies appends the dialogue copies of the dialogueSplit
// inputs ("dialogue_para_" and the name).
func withDialogueCopies(in []Input) []Input {
	for _, k := range dialogueSplit {
		c := in[k]
		c.Name = "dialogue_para_" + c.Name
		in = append(in, c)
	}
	return in
}

// references counts how often paragraph i refers to character ci (its
// name mentions and the narration's pronouns resolved to it), and of how
// many of its clauses ci is the subject: its name starting a sentence or
// followed by a verb ("Mary turned"), or a resolved "he" or "she".
func references(fc *focusCtx, i, ci int) (refs, subjects int) {
	if m, ok := fc.m[i].get(ci); ok {
		refs, subjects = m.total, m.subjects
	}
	if r := fc.ref(i, ci); r != nil {
		refs += r.pronouns
		subjects += r.subjects
	}
	return refs, subjects
}

// refTotals are a paragraph's references summed over every character it
// names or resolves a pronoun to, and the most any one of them gets.
type refTotals struct{ refs, most, subjects int }

func paragraphTotals(fc *focusCtx, i int) refTotals {
	var t refTotals
	count := func(ci int) {
		r, sj := references(fc, i, ci)
		t.refs += r
		t.most = max(t.most, r)
		t.subjects += sj
	}
	for _, c := range fc.m[i] {
		count(c.char)
	}
	for _, r := range fc.refs[i] {
		if _, ok := fc.m[i].get(r.char); !ok {
			count(r.char)
		}
	}
	return t
}

// pronounRef is what a paragraph's resolved pronouns say of a character.
type pronounRef struct {
	char               int
	pronouns, subjects int
}

func (fc *focusCtx) ref(i, ci int) *pronounRef {
	for k := range fc.refs[i] {
		if fc.refs[i][k].char == ci {
			return &fc.refs[i][k]
		}
	}
	return nil
}

// resolvePronouns gives each narration pronoun of paragraph i its
// referent: a name before it in the paragraph's narration whose
// character has the pronoun's gender (or, starting a sentence a few words
// before, is of unknown gender), else the paragraph's likely referent of
// that gender (he, she: see focusCtx). Of such names, a subject (a name
// opening a sentence or followed by a verb) within subjectReach words of
// the pronoun goes before a nearer name that is not one: in "Mr. Darcy
// looked at Mr. Bingley. He smiled." he is Darcy.
func resolvePronouns(s *Story, i int, chars []int, he, she int) []pronounRef {
	p := &s.Paras[i]
	var out []pronounRef
	for _, u := range p.Pronouns.Uses {
		want, ci := 1, he
		if u.Feminine {
			want, ci = -1, she
		}
		nearest, subject := -1, -1
		for k := len(p.Mentions) - 1; k >= 0; k-- {
			m := &p.Mentions[k]
			if m.Word >= int(u.Word) || m.Quoted || chars[k] < 0 {
				continue
			}
			if nearest >= 0 && int(u.Word)-m.Word > subjectReach {
				break
			}
			g := sign(float64(s.cast.chars[chars[k]].gender))
			// A subject of unknown gender just before the pronoun
			// takes it ("Totty turned her face").
			if g == float64(want) || g == 0 && m.Initial && !m.Role && int(u.Word)-m.Word <= 12 {
				if nearest < 0 {
					nearest = chars[k]
				}
				// Only a name of the pronoun's gender goes before a
				// nearer one ("Totty looked up at Mr. Bingley, and he
				// smiled": he is Bingley).
				if g == float64(want) && (m.Initial || m.Agent) {
					subject = chars[k]
					break
				}
			}
		}
		switch {
		case subject >= 0:
			ci = subject
		case nearest >= 0:
			ci = nearest
		}
		if ci < 0 {
			continue
		}
		k := slices.IndexFunc(out, func(r pronounRef) bool { return r.char == ci })
		if k < 0 {
			out = append(out, pronounRef{char: ci})
			k = len(out) - 1
		}
		out[k].pronouns++
		if u.Subject {
			out[k].subjects++
		}
	}
	return out
}

// subjectReach is how many words back a pronoun looks for a subject
// before it takes the nearest name of its gender.
const subjectReach = 15

// mentionStats counts a paragraph's mentions per character.
type mentionStats struct {
	total, narration, dialogue int
	subjects                   int // narration mentions that start a sentence or a verb follows (Agent)
	firstAt                    int // index of its first mention among the paragraph's mentions
	subject, speaker           bool
	addressed                  bool // named as the one spoken to ("Well, Joshua?")
	possessive                 int
}

// charStats is one character's mention statistics in a paragraph.
type charStats struct {
	char int
	mentionStats
}

// paraChars are a paragraph's mention statistics by character, in the
// order of their first mention (a paragraph names few characters, so a
// scan beats a map).
type paraChars []charStats

// get returns character ci's statistics, if the paragraph names it.
func (pc paraChars) get(ci int) (*mentionStats, bool) {
	for k := range pc {
		if pc[k].char == ci {
			return &pc[k].mentionStats, true
		}
	}
	return nil, false
}

// paraStats counts paragraph p's mentions by character; chars[k] is the
// character of its mention k.
func paraStats(p *Para, chars []int) paraChars {
	var st paraChars
	for mi, m := range p.Mentions {
		ci := chars[mi]
		if ci < 0 {
			continue
		}
		s, ok := st.get(ci)
		if !ok {
			st = append(st, charStats{char: ci, mentionStats: mentionStats{firstAt: mi}})
			s = &st[len(st)-1].mentionStats
		}
		s.total++
		if m.Quoted {
			s.dialogue++
		} else {
			s.narration++
			if m.Initial || m.Agent {
				s.subject = true
				s.subjects++
			}
		}
		if m.Speaker {
			s.speaker = true
		}
		if m.Vocative {
			s.addressed = true
		}
		if m.Possessive {
			s.possessive++
		}
	}
	return st
}

// focusCandidates lists the candidates for paragraph i: the characters
// named in it, in the paragraph before it and in the next one, the
// character of a point-of-view heading, and with a focus context the
// referents of its "he" and "she", its speaker and the speakers of the
// three paragraphs before it; then the narrator and none.
func focusCandidates(s *Story, i int, fc *focusCtx) []candidate {
	out := make([]candidate, 0, 8)
	add := func(ci int) {
		if ci < 0 {
			return
		}
		for _, c := range out {
			if c.char == ci {
				return
			}
		}
		out = append(out, candidate{char: ci, label: s.cast.chars[ci].Label})
	}
	for _, j := range []int{i, i - 1, i + 1} {
		if j < 0 || j >= len(s.Paras) {
			continue
		}
		chars := s.Paras[j].chars
		if fc != nil {
			chars = fc.chars[j]
		}
		for _, ci := range chars {
			add(ci)
		}
	}
	if h := s.Paras[i].POVHint; h != "" {
		add(s.cast.indexOf(h))
	}
	if fc != nil {
		pc := s.Paras[i].Pronouns
		if pc.Masculine > 0 {
			add(fc.he[i])
		}
		if pc.Feminine > 0 {
			add(fc.she[i])
		}
		add(fc.speaker[i])
		// The conversation's other speakers.
		for j := i - 1; j >= max(0, i-3); j-- {
			add(fc.speaker[j])
		}
	}
	return append(out, candidate{char: -1, label: Narrator}, candidate{char: -1, label: None})
}

func (c *cast) indexOf(name string) int {
	for _, w := range nameWords(name) {
		if i, ok := c.index[w]; ok {
			return i
		}
	}
	return -1
}

// focusValues fills the inputs of one candidate of paragraph i.
func focusValues(dst []float64, s *Story, i int, cand candidate, fc *focusCtx) []float64 {
	stats := fc.m
	dst = dst[:0]
	for range focusInputs {
		dst = append(dst, math.NaN())
	}
	p := &s.Paras[i]
	d := &p.Vec.Dense
	names := float64(len(stats[i]))
	cnt := func(j, ci int) float64 {
		if j < 0 || j >= len(stats) {
			return 0
		}
		if m, ok := stats[j].get(ci); ok {
			return float64(m.total)
		}
		return 0
	}
	switch {
	case cand.char >= 0:
		ci := cand.char
		dst[0] = 1
		if m, ok := stats[i].get(ci); ok {
			dst[3], dst[4], dst[5] = float64(m.total), float64(m.narration), float64(m.dialogue)
			dst[6] = b2f(m.firstAt == firstMentionIndex(stats[i]))
			dst[7], dst[8] = b2f(m.subject), b2f(m.speaker)
			dst[9] = b2f(m.possessive == m.total)
		} else {
			dst[3], dst[4], dst[5], dst[6], dst[7], dst[8], dst[9] = 0, 0, 0, 0, 0, 0, 0
		}
		dst[10], dst[11], dst[12] = cnt(i-1, ci), cnt(i-2, ci), cnt(i+1, ci)
		for j := i - 1; j >= max(0, i-10); j-- {
			if _, ok := stats[j].get(ci); ok {
				dst[13] = float64(i - j)
				break
			}
		}
		dst[14] = float64(s.cast.rank[ci])
		dst[15] = b2f(p.POVHint != "" && s.cast.indexOf(p.POVHint) == ci)
		g := s.cast.chars[ci].gender
		agree := 0.0
		if p.Pronouns.Masculine > p.Pronouns.Feminine {
			agree = sign(float64(g))
		} else if p.Pronouns.Feminine > p.Pronouns.Masculine {
			agree = -sign(float64(g))
		}
		dst[16] = agree
		dst[17] = names
		spoke := func(j int) float64 {
			if j < 0 {
				return 0
			}
			if m, ok := stats[j].get(ci); ok && m.speaker {
				return 1
			}
			return 0
		}
		dst[28], dst[29] = spoke(i-2), spoke(i-1)
		dst[30] = b2f(d[features.FDialogue] > 0.9)
		pc := p.Pronouns
		dst[31] = b2f(pc.Masculine > pc.Feminine && ci == fc.he[i] || pc.Feminine > pc.Masculine && ci == fc.she[i])
		dst[32] = b2f(pc.SubjectMasculine > 0 && ci == fc.he[i] || pc.SubjectFeminine > 0 && ci == fc.she[i])
		dst[33] = b2f(ci == fc.speaker[i])
		dst[34] = b2f(ci == fc.he[i] || ci == fc.she[i])
		dst[35] = b2f(s.cast.chars[ci].unnamed)
		refs, subj := references(fc, i, ci)
		tot := fc.totals[i]
		dst[36] = float64(refs)
		dst[37] = share(refs, tot.refs)
		dst[38] = b2f(refs > 0 && refs == tot.most)
		dst[39] = 0
		if r := fc.ref(i, ci); r != nil {
			dst[39] = float64(r.pronouns)
		}
		dst[40] = float64(subj)
		dst[41] = share(subj, tot.subjects)
		addressed := func(j int) float64 {
			if j < 0 {
				return 0
			}
			m, ok := stats[j].get(ci)
			return b2f(ok && m.addressed)
		}
		dst[45], dst[46] = addressed(i), addressed(i-1)
		spokeAt := func(j int) float64 { return b2f(j >= 0 && fc.speaker[j] == ci) }
		dst[47], dst[48] = spokeAt(i-1), spokeAt(i-2)
		if d[features.FDialogue] > 0.3 {
			base := len(focusInputs) - len(dialogueSplit)
			for k, idx := range dialogueSplit {
				dst[base+k], dst[idx] = dst[idx], math.NaN()
			}
		}
	case cand.label == Narrator:
		dst[1] = 1
		dst[18], dst[19] = s.First, s.Second
		dst[20], dst[21], dst[22] = d[fNarrFirst], d[fNarrSecond], d[fNarrThird]
		dst[23] = names
		own := int(p.narrFirst + p.narrSecond + 0.5)
		dst[42] = float64(own)
		dst[43] = share(own, own+fc.totals[i].refs)
		dst[44] = b2f(fc.speaker[i] == narratorSpeaks)
	default:
		dst[2] = 1
		dst[24] = names
		dst[25] = d[fNarrFirst] + d[fNarrSecond] + d[fNarrThird]
		dst[26] = d[fWords]
		if i > 0 {
			dst[27] = float64(len(stats[i-1]))
		}
	}
	return dst
}

// share is n/total, 0 when total is 0.
func share(n, total int) float64 {
	if total == 0 {
		return 0
	}
	return float64(n) / float64(total)
}

func firstMentionIndex(st paraChars) int {
	if len(st) == 0 {
		return math.MaxInt
	}
	return st[0].firstAt
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

func sign(x float64) float64 {
	switch {
	case x > 0:
		return 1
	case x < 0:
		return -1
	}
	return 0
}

// isGold reports whether a candidate is the gold focus label: the
// narrator or none as such, or a character whose names include the gold
// label's and whose label, as a reader sees it, shares a name with it
// ("Stefan" for "Stefan Salvatore", "Mrs. Gibson" for "Mrs. Gibson"; not
// "Molly" for "Mrs. Gibson" even if the cast had joined them, nor
// "Mr. Chillingly" for "Kenelm").
func (s *Story) isGold(c candidate, gold string) bool {
	if c.char < 0 {
		return c.label == gold
	}
	if !s.cast.matches(c.char, gold) {
		return false
	}
	g := labelWords(gold)
	if !slices.ContainsFunc(labelWords(c.label), func(w string) bool { return slices.Contains(g, w) }) {
		return false
	}
	// "Mr. Gibson" is not "Mrs. Gibson".
	ts, tg := titleSex(c.label), titleSex(gold)
	return ts == 0 || tg == 0 || ts == tg
}

// titleSex is +1 for a label that opens with a masculine title ("Mr.
// Gibson"), -1 for a feminine one, else 0.
func titleSex(label string) int {
	first, _, _ := strings.Cut(strings.ToLower(label), " ")
	first = strings.TrimSuffix(first, ".")
	switch {
	case masculineTitles[first]:
		return 1
	case feminineTitles[first]:
		return -1
	}
	return 0
}

// labelWords are a focus label's name words, or for a role label
// ("Doctor") its words.
func labelWords(label string) []string {
	if w := nameWords(label); len(w) > 0 {
		return w
	}
	return strings.Fields(strings.ToLower(label))
}

// focusCtx is a story's focus context: every paragraph's mention
// statistics, and a light coreference pass over the story in order.
type focusCtx struct {
	// chars[i][k] is the character paragraph i's mention k refers to:
	// the cast's, or for a role noun that several characters bear as a
	// title, the most salient of them (see roleReferents).
	chars [][]int
	m     []paraChars
	// he[i] and she[i] are the likely referents of paragraph i's "he"
	// and "she": the most salient masculine and feminine characters
	// before it, else the story's most named ones (a narrator's name is
	// never either; -1 when the story has none).
	he, she []int
	// speaker[i] is who speaks in paragraph i: a character, the
	// narrator (narratorSpeaks) or nobody known (-1). See the rules in
	// focusContext: a name next to a speech verb, "he said" resolved to
	// he[i], "said I", whoever the line before addressed, the speaker
	// before the last (turns alternate), the narration's main subject.
	speaker []int
	// refs[i] are the referents of paragraph i's narration pronouns,
	// totals[i] its references summed over characters.
	refs   [][]pronounRef
	totals []refTotals
	// narratorName[c]: in a first-person story, character c is named
	// almost only in dialogue, as the narrator is ("Well, Basil?").
	narratorName []bool
}

// narratorSpeaks is the speaker of a paragraph whose narrator speaks
// ("said I").
const narratorSpeaks = -2

// salienceDecay is how much of a character's salience carries over to
// the next paragraph.
const salienceDecay = 0.5

// focusContext computes every paragraph's mention statistics and
// resolves its pronouns and speaker.
func focusContext(s *Story) *focusCtx {
	n := len(s.Paras)
	fc := &focusCtx{m: make([]paraChars, n), he: make([]int, n), she: make([]int, n),
		speaker: make([]int, n), refs: make([][]pronounRef, n), totals: make([]refTotals, n),
		chars: make([][]int, n)}
	fc.narratorName = narratorNames(s)
	sal := make([]float64, len(s.cast.chars))
	topHe, topShe := -1, -1
	for ci, ch := range s.cast.chars {
		switch {
		case fc.narratorName[ci]:
			// The narrator is "I", not "he" or "she".
		case ch.gender > 0 && (topHe < 0 || s.cast.rank[ci] < s.cast.rank[topHe]):
			topHe = ci
		case ch.gender < 0 && (topShe < 0 || s.cast.rank[ci] < s.cast.rank[topShe]):
			topShe = ci
		}
	}
	for i := range s.Paras {
		p := &s.Paras[i]
		fc.chars[i] = roleReferents(s, p, sal)
		st := paraStats(p, fc.chars[i])
		fc.m[i] = st
		fc.he[i], fc.she[i] = -1, -1
		for ci, v := range sal {
			if v < 0.05 || fc.narratorName[ci] {
				continue
			}
			g := s.cast.chars[ci].gender
			switch {
			case g > 0 && (fc.he[i] < 0 || v > sal[fc.he[i]]):
				fc.he[i] = ci
			case g < 0 && (fc.she[i] < 0 || v > sal[fc.she[i]]):
				fc.she[i] = ci
			}
		}
		if fc.he[i] < 0 {
			fc.he[i] = topHe
		}
		if fc.she[i] < 0 {
			fc.she[i] = topShe
		}
		fc.refs[i] = resolvePronouns(s, i, fc.chars[i], fc.he[i], fc.she[i])
		fc.totals[i] = paragraphTotals(fc, i)
		sp := -1
		// The first named speaker (st is in first-mention order).
		for _, m := range st {
			if m.speaker {
				sp = m.char
				break
			}
		}
		if sp < 0 {
			pc := p.Pronouns
			switch {
			case pc.SpeakerMasculine > 0 && pc.SpeakerFeminine == 0:
				sp = fc.he[i]
			case pc.SpeakerFeminine > 0 && pc.SpeakerMasculine == 0:
				sp = fc.she[i]
			case pc.SpeakerFirst > 0 && pc.SpeakerMasculine == 0 && pc.SpeakerFeminine == 0 && p.Vec.Dense[features.FDialogue] > 0:
				sp = narratorSpeaks
			case p.Vec.Dense[features.FDialogue] > 0 && p.Vec.Dense[features.FDialogue] < 0.9:
				// Untagged speech inside narration is the subject's.
				sp = mainSubject(fc, i)
			case i >= 1 && p.Vec.Dense[features.FDialogue] > 0.9 && s.Paras[i-1].Vec.Dense[features.FDialogue] < 0.1:
				// A line after narration is spoken by whom the
				// narration was about ("He laughed." "Mademoiselle, …").
				sp = mainSubject(fc, i-1)
			case i >= 2 && p.Vec.Dense[features.FDialogue] > 0.9 && fc.inConversation(s, i-1):
				sp = fc.otherSpeaker(i)
				// Whoever the line before spoke to answers.
				if a := addressee(fc.m[i-1]); a >= 0 {
					sp = a
				}
			}
			// Nobody addresses themselves.
			if m, ok := st.get(sp); ok && m.addressed {
				sp = -1
			}
			if sp == narratorSpeaks {
				for _, m := range st {
					if m.addressed && fc.narratorName[m.char] {
						sp = -1
						break
					}
				}
			}
		}
		if sp >= 0 && fc.narratorName[sp] {
			sp = narratorSpeaks
		}
		fc.speaker[i] = sp
		for ci := range sal {
			sal[ci] *= salienceDecay
		}
		for _, m := range st {
			sal[m.char] += float64(m.narration) + 0.3*float64(m.dialogue) + b2f(m.subject) + b2f(m.speaker)
		}
		if sp >= 0 {
			sal[sp] += 0.5
		}
		// Pronouns keep their referent salient.
		for _, r := range fc.refs[i] {
			sal[r.char] += 0.5 * float64(min(r.pronouns, 3))
		}
	}
	return fc
}

// inConversation reports whether paragraph j is a turn of a
// conversation: mostly dialogue, or a tagged line.
func (fc *focusCtx) inConversation(s *Story, j int) bool {
	d := s.Paras[j].Vec.Dense[features.FDialogue]
	return d > 0.5 || d > 0 && fc.speaker[j] != -1
}

// mainSubject is the character most often the subject of paragraph j's
// clauses (see references), or -1 when none is or two tie.
func mainSubject(fc *focusCtx, j int) int {
	best, most, tie := -1, 0, false
	consider := func(ci int) {
		_, sj := references(fc, j, ci)
		switch {
		case sj > most:
			best, most, tie = ci, sj, false
		case sj == most && sj > 0 && ci != best:
			tie = true
		}
	}
	for _, c := range fc.m[j] {
		consider(c.char)
	}
	for _, r := range fc.refs[j] {
		if _, ok := fc.m[j].get(r.char); !ok {
			consider(r.char)
		}
	}
	if tie {
		return -1
	}
	return best
}

// roleReferents gives paragraph p's mentions their characters: a role
// noun that characters bear as a title ("the Professor", with Professor
// Challenger and Professor Summerlee in the story) is the most salient of
// them (sal) when one is salient, else the role's own character.
func roleReferents(s *Story, p *Para, sal []float64) []int {
	chars, cloned := p.chars, false
	for k, ci := range p.chars {
		if ci < 0 || len(s.cast.bearers[ci]) == 0 {
			continue
		}
		best := -1
		for _, b := range s.cast.bearers[ci] {
			if sal[b] >= 0.05 && (best < 0 || sal[b] > sal[best]) {
				best = b
			}
		}
		if best < 0 {
			continue
		}
		if !cloned {
			chars, cloned = slices.Clone(p.chars), true
		}
		chars[k] = best
	}
	return chars
}

// narratorNames marks the characters of a first-person story whose
// names are said almost only in dialogue: what the others call the
// narrator, whose narration says "I" ("Well, Basil?", "Macumazahn").
func narratorNames(s *Story) []bool {
	out := make([]bool, len(s.cast.chars))
	if s.First < 0.02 {
		return out
	}
	narr := make([]int, len(out))
	dial := make([]int, len(out))
	for i := range s.Paras {
		p := &s.Paras[i]
		for k, m := range p.Mentions {
			if ci := p.chars[k]; ci >= 0 {
				if m.Quoted {
					dial[ci]++
				} else {
					narr[ci]++
				}
			}
		}
	}
	for ci := range out {
		out[ci] = dial[ci] >= 8 && float64(narr[ci]) <= 0.2*float64(dial[ci]) && !kinWords[strings.ToLower(s.cast.chars[ci].Label)]
	}
	return out
}

// kinWords are what children call their elders; said only in dialogue,
// they are not the narrator's name.
var kinWords = map[string]bool{"papa": true, "mamma": true, "mama": true, "mummy": true, "daddy": true, "dad": true,
	"mother": true, "father": true, "grandfather": true, "grandmother": true, "granny": true, "grandpa": true,
	"grandma": true, "auntie": true, "aunt": true, "uncle": true, "nurse": true}

// otherSpeaker is the speaker of an untagged line of dialogue in
// paragraph i: the speakers of a conversation take turns, so it is the
// last speaker before paragraph i-1 who is not paragraph i-1's, or,
// when paragraph i-1's speaker is unknown, paragraph i-2's.
func (fc *focusCtx) otherSpeaker(i int) int {
	prev := fc.speaker[i-1]
	if prev == -1 {
		return fc.speaker[i-2]
	}
	for j := i - 2; j >= max(0, i-6); j-- {
		if sp := fc.speaker[j]; sp != -1 && sp != prev {
			return sp
		}
	}
	return -1
}

// addressee is the one character a paragraph's dialogue addresses by
// name, or -1.
func addressee(st paraChars) int {
	a := -1
	for _, m := range st {
		if m.addressed {
			if a >= 0 {
				return -1
			}
			a = m.char
		}
	}
	return a
}

// mostFrequentName is the focus baseline: the character named most often
// in the paragraph (the first named on ties), or none.
func mostFrequentName(s *Story, stats paraChars) candidate {
	best, bestN, bestAt := -1, 0, 0
	for _, m := range stats {
		if m.total > bestN || m.total == bestN && m.firstAt < bestAt {
			best, bestN, bestAt = m.char, m.total, m.firstAt
		}
	}
	if best < 0 {
		return candidate{char: -1, label: None}
	}
	return candidate{char: best, label: s.cast.chars[best].Label}
}
