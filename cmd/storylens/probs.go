package main

import (
	"fmt"
	"strconv"

	"github.com/storylens/storylens/datasets"
	"github.com/storylens/storylens/models"
)

// toneProbs says which tone probabilities a row carries: the tones in
// display order, and where each sits in the model's order.
type toneProbs struct {
	tones []string
	idx   []int
}

// newToneProbs returns the tone probabilities of m's rows when asked for
// (--probs): an error when m has no tone classifier, nil when not asked.
func newToneProbs(m *models.Model, asked bool, cmd string) (*toneProbs, error) {
	if !asked {
		return nil, nil
	}
	if m.Tone == nil {
		return nil, fmt.Errorf("%s: --probs: the model has no tone classifier; train one with storylens train --task tone", cmd)
	}
	tones, idx := toneOrder(m.ToneClasses())
	return &toneProbs{tones, idx}, nil
}

// probsRow is a row that may carry tone probabilities: a
// datasets.Record, or a row that embeds one.
type probsRow interface {
	ToneProbabilities() *datasets.Probabilities
}

// probsWriter makes a CSV writer add a tone_p_<tone> column for each tone
// of probs after the others, from each row's tone probabilities (empty
// where a row has none). It returns w as it is when probs is nil, and
// for JSON lines, whose rows carry the probabilities themselves.
func probsWriter[T probsRow](w rowWriter[T], probs *toneProbs) rowWriter[T] {
	c, ok := w.(*csvWriter[T])
	if probs == nil || !ok {
		return w
	}
	for _, t := range probs.tones {
		c.extra = append(c.extra, "tone_p_"+t)
	}
	c.cells = func(r T) []string {
		out := make([]string, len(probs.tones))
		if p := r.ToneProbabilities(); p != nil {
			for i, x := range p.P {
				out[i] = strconv.FormatFloat(x, 'f', 3, 64)
			}
		}
		return out
	}
	return c
}

// reorder returns probs in the order idx gives (see toneOrder).
func reorder(probs []float64, idx []int) []float64 {
	out := make([]float64, len(idx))
	for k, j := range idx {
		out[k] = probs[j]
	}
	return out
}
