package models

import (
	"math"
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
var toneInputs = []Input{
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
	return appendLexicon(dst, s.Paras[i].Vec.Stems)
}

// stemLex is one stem's entries in the tone lexicons.
type stemLex struct {
	tone    [6]float64 // GoEmotions association, in datasets.ToneLabels order
	va      datasets.VA
	hasTone bool
	hasVA   bool
}

// stemLexicon merges the GoEmotions and EmoBank lexicons, so that a
// paragraph's stems are looked up once for both (a lexicon that fails to
// decode is left out).
var stemLexicon = sync.OnceValue(func() map[string]*stemLex {
	out := map[string]*stemLex{}
	get := func(st string) *stemLex {
		if out[st] == nil {
			out[st] = &stemLex{}
		}
		return out[st]
	}
	if lex, err := datasets.ToneLexicon(); err == nil {
		for st, w := range lex {
			e := get(st)
			copy(e.tone[:], w)
			e.hasTone = true
		}
	}
	if lex, err := datasets.VALexicon(); err == nil {
		for st, va := range lex {
			e := get(st)
			e.va, e.hasVA = va, true
		}
	}
	return out
})

// appendLexicon appends the mean GoEmotions association of the stems
// with each tone, then the mean EmoBank valence and arousal of the stems,
// the lowest and highest valence and the highest arousal (NaN where no
// stem is in the lexicon).
func appendLexicon(dst []float64, stems []string) []float64 {
	lex := stemLexicon()
	var sum [6]float64
	var v, a float64
	minV, maxV, maxA := math.Inf(1), math.Inf(-1), math.Inf(-1)
	nTone, nVA := 0, 0
	for _, st := range stems {
		e := lex[st]
		if e == nil {
			continue
		}
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
