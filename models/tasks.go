package models

import (
	"maps"
	"math"
	"slices"
	"strconv"
	"sync"

	"github.com/storylens/storylens/datasets"
	"github.com/storylens/storylens/features"
)

// povInputs are the pov classifier's inputs: the paragraph's narration
// pronoun rates, its dialogue, the story's narration rates, and the rates
// over the two paragraphs either side (so a pure-dialogue paragraph takes
// the person of the narration around it).
var povInputs = []Input{
	in("narr_first", rateBins), in("narr_second", rateBins), in("narr_third", rateBins),
	in("narr_i_present", flagBins), in("dialogue", shareBins), in("dlg_first", rateBins),
	in("narr_words", countBins), in("present", rateBins), in("past", rateBins),
	in("story_first", rateBins), in("story_second", rateBins), in("story_third", rateBins),
	in("window_first", rateBins), in("window_second", rateBins), in("window_third", rateBins),
	in("pov_heading", flagBins),
}

func povValues(dst []float64, s *Story, i int) []float64 {
	p := &s.Paras[i]
	d := &p.Vec.Dense
	var w, f, sec, t float64
	for j := max(0, i-2); j <= min(len(s.Paras)-1, i+2); j++ {
		q := &s.Paras[j]
		w += q.narrWords
		f += q.narrFirst
		sec += q.narrSecond
		t += q.narrThird
	}
	hint := 0.0
	if p.POVHint != "" {
		hint = 1
	}
	return append(dst[:0],
		d[features.FNarrFirst], d[features.FNarrSecond], d[features.FNarrThird],
		d[features.FNarrI], d[features.FDialogue], d[features.FDlgFirst],
		p.narrWords, d[features.FPresent], d[features.FPast],
		s.First, s.Second, s.Third,
		ratio(f, w), ratio(sec, w), ratio(t, w),
		hint)
}

// toneInputs are the tone classifier's inputs besides its stems: the
// lexicon, punctuation and style, the lexicon of the neighbouring
// paragraphs, and the EmoBank valence and arousal of the stems (their
// thresholds are near the 5th, 15th, 30th, 50th, 70th, 85th and 95th
// percentiles over the gold paragraphs). New inputs go at the end: a
// model that reads a prefix of them still decodes.
var toneInputs = append([]Input{
	in("valence", valenceBins), in("positive", perWordBins), in("negative", perWordBins),
	in("max_valence", valenceBins), in("min_valence", valenceBins),
	in("exclaim", shareBins), in("question", shareBins), in("ellipsis", shareBins), in("dash", shareBins),
	in("caps", rateBins), in("dialogue", shareBins), in("words", countBins),
	in("mean_sentence", []float64{5, 10, 15, 20, 30, 45}), in("semicolon", shareBins),
	in("prev_valence", valenceBins), in("next_valence", valenceBins),
	in("lex_sad", lexBins), in("lex_happy", lexBins), in("lex_tender", lexBins),
	in("lex_angry", lexBins), in("lex_tense", lexBins), in("lex_neutral", lexBins),
	in("va_valence", []float64{2.91, 2.94, 2.953, 2.966, 2.978, 2.99, 3.02}),
	in("va_arousal", []float64{3.034, 3.044, 3.054, 3.061, 3.072, 3.084, 3.103}),
	in("va_min_valence", []float64{2.58, 2.65, 2.75, 2.81, 2.86, 2.9, 2.94}),
	in("va_max_valence", []float64{2.99, 3.03, 3.075, 3.14, 3.19, 3.32, 3.45}),
	in("va_max_arousal", []float64{3.08, 3.11, 3.14, 3.17, 3.21, 3.27, 3.33}),
	in("story_valence", shiftBins[0]),
	in("story_lex_sad", shiftBins[1]), in("story_lex_happy", shiftBins[2]), in("story_lex_tender", shiftBins[3]),
	in("story_lex_angry", shiftBins[4]), in("story_lex_tense", shiftBins[5]), in("story_lex_neutral", shiftBins[6]),
	in("story_va_valence", shiftBins[7]), in("story_va_arousal", shiftBins[8]),
}, vectorInputs()...)

// vectorBins are the thresholds of each dimension of a paragraph's mean
// stem vector, which the vectors are scaled to give mean 0 and standard
// deviation 1 over the corpus's paragraphs.
var vectorBins = []float64{-1.5, -1, -0.5, 0, 0.5, 1, 1.5}

// vectorInputs are the tone inputs of the paragraph's mean stem vector.
func vectorInputs() []Input {
	out := make([]Input, datasets.VectorDim)
	for j := range out {
		out[j] = in("vector_"+strconv.Itoa(j+1), vectorBins)
	}
	return out
}

// toneShifted is how many tone inputs are also given against the story's
// mean: VADER valence, the six GoEmotions associations, EmoBank valence
// and arousal. An author's vocabulary has a tone of its own; what a
// paragraph says is how it departs from it.
const toneShifted = 9

// shiftBins are the thresholds of a paragraph's departure from its
// story's mean (near the 5th, 15th, 30th, 50th, 70th, 85th and 95th
// percentiles over the gold paragraphs).
var shiftBins = [toneShifted][]float64{
	{-1.96, -1.14, -0.45, -0.15, 0.51, 1.21, 1.84},
	{-0.17, -0.081, -0.035, 0, 0.039, 0.084, 0.16},
	{-0.11, -0.056, -0.027, -0.002, 0.023, 0.056, 0.11},
	{-0.19, -0.085, -0.041, -0.003, 0.04, 0.09, 0.18},
	{-0.15, -0.07, -0.032, 0.002, 0.036, 0.074, 0.14},
	{-0.29, -0.16, -0.067, 0.003, 0.064, 0.13, 0.25},
	{-0.14, -0.063, -0.021, 0.01, 0.039, 0.068, 0.11},
	{-0.056, -0.027, -0.013, 0, 0.011, 0.025, 0.052},
	{-0.031, -0.018, -0.01, -0.0015, 0.0077, 0.018, 0.038},
}

// toneShiftOf is what a paragraph's story-relative inputs compare:
// its VADER valence, the six GoEmotions associations and the EmoBank
// means of valence and arousal (the first eight lexicon values).
func toneShiftOf(p *Para) [toneShifted]float64 {
	var v [toneShifted]float64
	v[0] = p.Vec.Dense[features.FValence]
	copy(v[1:], p.lex[:toneShifted-1])
	return v
}

// toneBase averages toneShiftOf over a story's paragraphs.
func toneBase(paras []Para) [toneShifted]float64 {
	var sum, n [toneShifted]float64
	for i := range paras {
		for k, x := range toneShiftOf(&paras[i]) {
			if !math.IsNaN(x) {
				sum[k] += x
				n[k]++
			}
		}
	}
	var out [toneShifted]float64
	for k := range out {
		out[k] = math.NaN()
		if n[k] > 0 {
			out[k] = sum[k] / n[k]
		}
	}
	return out
}

// lexBins are the thresholds of the mean GoEmotions tone association.
var lexBins = []float64{-0.6, -0.4, -0.2, -0.1, 0, 0.1, 0.2, 0.4, 0.6}

// lexiconInputs is the lexicon-only baseline's input set.
var lexiconInputs = toneInputs[:5]

func toneValues(dst []float64, s *Story, i int) []float64 {
	d := &s.Paras[i].Vec.Dense
	prev, next := math.NaN(), math.NaN()
	if i > 0 {
		prev = s.Paras[i-1].Vec.Dense[features.FValence]
	}
	if i+1 < len(s.Paras) {
		next = s.Paras[i+1].Vec.Dense[features.FValence]
	}
	dst = append(dst[:0],
		d[features.FValence], d[features.FPositive], d[features.FNegative],
		d[features.FMaxValence], d[features.FMinValence],
		d[features.FExclaim], d[features.FQuestion], d[features.FEllipsis], d[features.FDash],
		d[features.FCaps], d[features.FDialogue], d[features.FWords],
		d[features.FMeanSentence], d[features.FSemicolon],
		prev, next)
	dst = append(dst, s.Paras[i].lex[:]...)
	for k, x := range toneShiftOf(&s.Paras[i]) {
		dst = append(dst, x-s.toneBase[k])
	}
	return append(dst, s.Paras[i].vec[:]...)
}

// stemLex is one stem's entries in the tone lexicons.
type stemLex struct {
	tone    [6]float64 // GoEmotions association, in datasets.ToneLabels order
	va      datasets.VA
	vec     []float32 // stem vector (datasets.StemVectors), nil when none
	weight  float64   // its weight in a paragraph's mean
	hasTone bool
	hasVA   bool
}

// stemLexicon merges the GoEmotions and EmoBank lexicons and the stem
// vectors, so that a paragraph's stems are looked up once for all three
// (one that fails to decode is left out).
var stemLexicon = sync.OnceValue(func() lexicon {
	lex := lexicon{index: map[string]int32{}}
	get := func(st string) *stemLex {
		k, ok := lex.index[st]
		if !ok {
			k = int32(len(lex.entries))
			lex.index[st] = k
			lex.entries = append(lex.entries, stemLex{})
		}
		return &lex.entries[k]
	}
	if tl, err := datasets.ToneLexicon(); err == nil {
		for _, st := range slices.Sorted(maps.Keys(tl)) {
			e := get(st)
			copy(e.tone[:], tl[st])
			e.hasTone = true
		}
	}
	if va, err := datasets.VALexicon(); err == nil {
		for _, st := range slices.Sorted(maps.Keys(va)) {
			e := get(st)
			e.va, e.hasVA = va[st], true
		}
	}
	if vecs, err := datasets.StemVectors(); err == nil {
		for i, st := range vecs.Stems {
			e := get(st)
			e.vec, e.weight = vecs.Of(i), float64(vecs.Weights[i])
		}
	}
	return lex
})

// meanVector sets v to the weighted mean stem vector
// (datasets.StemVectors, weighted by their Weights) of a paragraph's
// stems, given by their lexicon index as appendLexiconOf
// takes them. A paragraph without a stem that has a vector ("1912.")
// gets the corpus's mean paragraph, zero: NaN would turn every threshold
// column off, which the classifier reads as a paragraph far out on every
// dimension.
func meanVector(v *[datasets.VectorDim]float64, idx []int32) {
	entries := stemLexicon().entries
	*v = [datasets.VectorDim]float64{}
	total := 0.0
	for _, k := range idx {
		if k < 0 || entries[k].vec == nil {
			continue
		}
		e := &entries[k]
		for j, x := range e.vec {
			v[j] += e.weight * float64(x)
		}
		total += e.weight
	}
	if total > 0 {
		for j := range v {
			v[j] /= total
		}
	}
}

// lexicon is the merged stem lexicon: its entries, and each stem's index
// among them.
type lexicon struct {
	entries []stemLex
	index   map[string]int32
}

// The Analyzers number each new word's stem by its lexicon entry, so that
// a paragraph's lexicon values cost no map lookup per word.
func init() {
	features.SetStemIndexer(func(stem string) int32 {
		if k, ok := stemLexicon().index[stem]; ok {
			return k
		}
		return -1
	})
}

// lexiconLen is how many values appendLexiconOf appends.
const lexiconLen = 11

// appendLexiconOf appends the mean GoEmotions association of a
// paragraph's stems with each tone, then the mean EmoBank valence and
// arousal of the stems, the lowest and highest valence and the highest
// arousal (NaN where no stem is in the lexicon). The stems are given by
// their lexicon index (-1: not in the lexicon), as Doc.StemIndexes gives
// them.
func appendLexiconOf(dst []float64, idx []int32) []float64 {
	entries := stemLexicon().entries
	var sum [6]float64
	var v, a float64
	minV, maxV, maxA := math.Inf(1), math.Inf(-1), math.Inf(-1)
	nTone, nVA := 0, 0
	for _, k := range idx {
		if k < 0 {
			continue
		}
		e := &entries[k]
		if e.hasTone {
			for t := range sum {
				sum[t] += e.tone[t]
			}
			nTone++
		}
		if e.hasVA {
			v += e.va.Valence
			a += e.va.Arousal
			minV, maxV, maxA = min(minV, e.va.Valence), max(maxV, e.va.Valence), max(maxA, e.va.Arousal)
			nVA++
		}
	}
	nan := math.NaN()
	for t := range sum {
		if nTone == 0 {
			dst = append(dst, nan)
		} else {
			dst = append(dst, sum[t]/float64(nTone))
		}
	}
	if nVA == 0 {
		return append(dst, nan, nan, nan, nan, nan)
	}
	return append(dst, v/float64(nVA), a/float64(nVA), minV, maxV, maxA)
}

const (
	fNarrFirst  = features.FNarrFirst
	fNarrSecond = features.FNarrSecond
	fNarrThird  = features.FNarrThird
	fWords      = features.FWords
)

func ratio(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}

// tonePrefixInputs is the shortest input list a tone classifier may
// read: the inputs of the first storylens-model/2 tone classifiers.
var tonePrefixInputs = toneInputs[:22]
