package models

import (
	"math"

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
var focusInputs = []Input{
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
}

// references counts how often paragraph i refers to character ci: its
// name mentions and, when it is the referent of "he" or "she", those
// pronouns of the narration.
func references(fc *focusCtx, p *Para, i, ci int) int {
	n := 0
	if m, ok := fc.m[i][ci]; ok {
		n = m.total
	}
	if ci == fc.he[i] {
		n += p.Pronouns.Masculine
	}
	if ci == fc.she[i] {
		n += p.Pronouns.Feminine
	}
	return n
}

// mentionStats counts a paragraph's mentions per character.
type mentionStats struct {
	total, narration, dialogue int
	firstAt                    int // index of its first mention among the paragraph's mentions
	subject, speaker           bool
	possessive                 int
}

func paraStats(c *cast, p *Para) map[int]*mentionStats {
	st := map[int]*mentionStats{}
	for mi, m := range p.Mentions {
		ci := p.chars[mi]
		if ci < 0 {
			continue
		}
		s, ok := st[ci]
		if !ok {
			s = &mentionStats{firstAt: mi}
			st[ci] = s
		}
		s.total++
		if m.Quoted {
			s.dialogue++
		} else {
			s.narration++
			if m.Initial {
				s.subject = true
			}
		}
		if m.Speaker {
			s.speaker = true
		}
		if m.Possessive {
			s.possessive++
		}
	}
	return st
}

// focusCandidates lists the candidates for paragraph i: the characters
// named in it, in the two paragraphs before it and in the next one, the
// character of a point-of-view heading, the narrator and none.
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
	for _, j := range []int{i, i - 1, i - 2, i + 1} {
		if j < 0 || j >= len(s.Paras) {
			continue
		}
		for _, ci := range s.Paras[j].chars {
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
		if m, ok := stats[j][ci]; ok {
			return float64(m.total)
		}
		return 0
	}
	switch {
	case cand.char >= 0:
		ci := cand.char
		dst[0] = 1
		if m, ok := stats[i][ci]; ok {
			dst[3], dst[4], dst[5] = float64(m.total), float64(m.narration), float64(m.dialogue)
			dst[6] = b2f(m.firstAt == firstMentionIndex(stats[i]))
			dst[7], dst[8] = b2f(m.subject), b2f(m.speaker)
			dst[9] = b2f(m.possessive == m.total)
		} else {
			dst[3], dst[4], dst[5], dst[6], dst[7], dst[8], dst[9] = 0, 0, 0, 0, 0, 0, 0
		}
		dst[10], dst[11], dst[12] = cnt(i-1, ci), cnt(i-2, ci), cnt(i+1, ci)
		for j := i - 1; j >= max(0, i-10); j-- {
			if _, ok := stats[j][ci]; ok {
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
			if m, ok := stats[j][ci]; ok && m.speaker {
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
		refs, total, most := references(fc, p, i, ci), 0, 0
		count := func(cj int) {
			if cj >= 0 {
				r := references(fc, p, i, cj)
				total += r
				most = max(most, r)
			}
		}
		for cj := range stats[i] {
			count(cj)
		}
		if _, ok := stats[i][fc.he[i]]; !ok {
			count(fc.he[i])
		}
		if _, ok := stats[i][fc.she[i]]; !ok && fc.she[i] != fc.he[i] {
			count(fc.she[i])
		}
		dst[36] = float64(refs)
		if total > 0 {
			dst[37] = float64(refs) / float64(total)
		} else {
			dst[37] = 0
		}
		dst[38] = b2f(refs > 0 && refs == most)
	case cand.label == Narrator:
		dst[1] = 1
		dst[18], dst[19] = s.First, s.Second
		dst[20], dst[21], dst[22] = d[fNarrFirst], d[fNarrSecond], d[fNarrThird]
		dst[23] = names
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

func firstMentionIndex(st map[int]*mentionStats) int {
	best := math.MaxInt
	for _, m := range st {
		best = min(best, m.firstAt)
	}
	return best
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

// isGold reports whether a candidate is the gold focus label.
func (s *Story) isGold(c candidate, gold string) bool {
	if c.char < 0 {
		return c.label == gold
	}
	return s.cast.matches(c.char, gold)
}

// focusCtx is a story's focus context: every paragraph's mention
// statistics, and a light coreference pass over the story in order.
type focusCtx struct {
	m []map[int]*mentionStats
	// he[i] and she[i] are the most salient masculine and feminine
	// characters before paragraph i (-1 when none): the likely referents
	// of its "he" and "she".
	he, she []int
	// speaker[i] is the character who speaks in paragraph i: named next
	// to a speech verb, a "he said" resolved to he[i], or, in untagged
	// dialogue, the speaker two paragraphs back (speakers alternate).
	speaker []int
}

// salienceDecay is how much of a character's salience carries over to
// the next paragraph.
const salienceDecay = 0.5

// focusContext computes every paragraph's mention statistics and
// resolves its pronouns and speaker.
func focusContext(s *Story) *focusCtx {
	n := len(s.Paras)
	fc := &focusCtx{m: make([]map[int]*mentionStats, n), he: make([]int, n), she: make([]int, n), speaker: make([]int, n)}
	sal := make([]float64, len(s.cast.chars))
	for i := range s.Paras {
		p := &s.Paras[i]
		st := paraStats(s.cast, p)
		fc.m[i] = st
		fc.he[i], fc.she[i] = -1, -1
		for ci, v := range sal {
			if v < 0.05 {
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
		sp := -1
		for ci, m := range st {
			if m.speaker && (sp < 0 || m.firstAt < st[sp].firstAt) {
				sp = ci
			}
		}
		if sp < 0 {
			pc := p.Pronouns
			switch {
			case pc.SpeakerMasculine > 0 && pc.SpeakerFeminine == 0:
				sp = fc.he[i]
			case pc.SpeakerFeminine > 0 && pc.SpeakerMasculine == 0:
				sp = fc.she[i]
			case i >= 2 && p.Vec.Dense[features.FDialogue] > 0.9 && s.Paras[i-1].Vec.Dense[features.FDialogue] > 0.5:
				sp = fc.speaker[i-2]
			}
		}
		fc.speaker[i] = sp
		for ci := range sal {
			sal[ci] *= salienceDecay
		}
		for ci, m := range st {
			sal[ci] += float64(m.narration) + 0.3*float64(m.dialogue) + b2f(m.subject) + b2f(m.speaker)
		}
		if sp >= 0 {
			sal[sp] += 0.5
		}
		// Pronouns keep their referent salient.
		if p.Pronouns.Masculine > 0 && fc.he[i] >= 0 {
			sal[fc.he[i]] += 0.5 * float64(min(p.Pronouns.Masculine, 3))
		}
		if p.Pronouns.Feminine > 0 && fc.she[i] >= 0 {
			sal[fc.she[i]] += 0.5 * float64(min(p.Pronouns.Feminine, 3))
		}
	}
	return fc
}

// mostFrequentName is the focus baseline: the character named most often
// in the paragraph (the first named on ties), or none.
func mostFrequentName(s *Story, stats map[int]*mentionStats) candidate {
	best, bestN, bestAt := -1, 0, 0
	for ci, m := range stats {
		if m.total > bestN || m.total == bestN && m.firstAt < bestAt {
			best, bestN, bestAt = ci, m.total, m.firstAt
		}
	}
	if best < 0 {
		return candidate{char: -1, label: None}
	}
	return candidate{char: best, label: s.cast.chars[best].Label}
}
