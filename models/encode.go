package models

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/storylens/storylens/features"
)

// Input is one numeric input of a classifier, turned into binary columns
// by thresholds: column j is on when the value is above Thresholds[j]
// (a thermometer code, which Bernoulli naive Bayes can use). NaN turns
// every column off.
type Input struct {
	Name       string    `json:"name"`
	Thresholds []float64 `json:"thresholds"`
}

// Encoder maps a paragraph's inputs and stems to the sorted active binary
// columns of a classifier: column 0 is a bias that is always on, then the
// thresholds of every input, then one column per vocabulary stem.
type Encoder struct {
	Inputs []Input  `json:"inputs"`
	Stems  []string `json:"stems,omitempty"`
	vocab  *features.Vocabulary
	offset []int
	stem0  int
	n      int
}

func (e *Encoder) init() {
	e.offset = make([]int, len(e.Inputs))
	col := 1
	for i, in := range e.Inputs {
		e.offset[i] = col
		col += len(in.Thresholds)
	}
	e.stem0 = col
	e.vocab = features.NewVocabulary(e.Stems)
	e.n = col + len(e.Stems)
}

// check reports an encoder whose thresholds do not ascend.
func (e *Encoder) check() error {
	for _, in := range e.Inputs {
		if !slices.IsSorted(in.Thresholds) {
			return fmt.Errorf("input %s: thresholds %v do not ascend", in.Name, in.Thresholds)
		}
	}
	return nil
}

// Len is the number of columns.
func (e *Encoder) Len() int { return e.n }

// Encode appends the active columns to dst[:0]; values holds one value per
// input, in Inputs order.
func (e *Encoder) Encode(dst []int, values []float64, stems []string) []int {
	dst = append(dst[:0], 0)
	for i, in := range e.Inputs {
		v := values[i]
		// Thresholds ascend (Decode checks), so the first miss ends the
		// run; NaN misses at once.
		for j, t := range in.Thresholds {
			if !(v > t) {
				break
			}
			dst = append(dst, e.offset[i]+j)
		}
	}
	if len(e.Stems) > 0 && len(stems) > 0 {
		start := len(dst)
		dst = e.vocab.Bag(dst, stems)
		for k := start; k < len(dst); k++ {
			dst[k] += e.stem0
		}
	}
	return dst
}

// ColumnName describes a column, for reports.
func (e *Encoder) ColumnName(c int) string {
	if c == 0 {
		return "bias"
	}
	if c >= e.stem0 {
		return "stem:" + e.Stems[c-e.stem0]
	}
	for i := len(e.offset) - 1; i >= 0; i-- {
		if c >= e.offset[i] {
			return e.Inputs[i].Name + ">" + strconv.FormatFloat(e.Inputs[i].Thresholds[c-e.offset[i]], 'g', -1, 64)
		}
	}
	return fmt.Sprint(c)
}

// Threshold sets used by the tasks' inputs.
var (
	rateBins    = []float64{0, 0.01, 0.02, 0.04, 0.07, 0.12, 0.2}
	shareBins   = []float64{0, 0.1, 0.25, 0.5, 0.75, 0.9}
	countBins   = []float64{0, 1, 2, 4, 8, 16, 32, 64, 128, 256}
	smallBins   = []float64{0, 1, 2, 3, 5}
	valenceBins = []float64{-2.5, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2.5}
	perWordBins = []float64{0, 0.02, 0.05, 0.1, 0.2, 0.4}
	flagBins    = []float64{0}
)

func in(name string, t []float64) Input { return Input{Name: name, Thresholds: t} }
