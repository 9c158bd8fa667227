package models

import (
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sync"

	"github.com/sjwhitworth/golearn/base"
	"github.com/sjwhitworth/golearn/naive"
)

// Row is one training or scoring example: its active binary features
// (sorted, distinct column indices) and, for training, its class.
type Row struct {
	Features []int
	Class    string
}

// Linear is a trained golearn classifier compiled into a sparse linear
// scorer: a base score per class plus one weight per active binary column
// and class. It gives golearn's decisions (TestNBAgreesWithGolearn,
// TestLogRegAgreesWithLiblinear) at the cost of the active features only,
// and a score for every class.
//
// For naive Bayes (golearn's naive.BernoulliNBClassifier), for class c
// golearn scores log P(c) + Σ_f log P(x_f | c), with
// P(x_f=1|c) = p = (docs of c with f + 1) / (docs of c + 1), and for an
// absent feature log(1-p), or log(1/(docs of c + 1)) when p is 1. The
// scorer keeps Base[c] (the prior plus every feature absent) and Delta[f][c]
// (present minus absent), so a row costs one addition per active feature
// and class.
//
// For logistic regression (golearn's linear_models, liblinear), Base is 0
// and Delta holds the fitted weights; see TrainLogReg.
type Linear struct {
	Classes []string    `json:"classes"`
	Base    []float64   `json:"base"`
	Delta   [][]float64 `json:"delta"` // [feature][class]
}

// golearnMu serialises golearn calls: its package state (logging, the
// serializer's temporary files) is not known to be safe for concurrent use.
var golearnMu sync.Mutex

var silence sync.Once

// TrainNB fits golearn's BernoulliNB on rows over nFeatures binary columns
// and compiles it. Column 0 must be a bias feature active in every row (it
// keeps golearn from panicking on a class with no active feature). golearn
// panics are returned as errors.
func TrainNB(rows []Row, nFeatures int) (nb *Linear, err error) {
	if len(rows) == 0 {
		return nil, errors.New("models: no training rows")
	}
	golearnMu.Lock()
	defer golearnMu.Unlock()
	silence.Do(base.Silent)
	defer func() {
		if r := recover(); r != nil {
			nb, err = nil, fmt.Errorf("models: golearn BernoulliNB: %v", r)
		}
	}()
	inst, _ := instances(rows, nFeatures)
	cls := naive.NewBernoulliNBClassifier()
	if err := cls.Fit(inst); err != nil {
		return nil, fmt.Errorf("models: golearn BernoulliNB: %w", err)
	}
	return compile(cls, nFeatures)
}

// instances builds golearn's dense grid: nFeatures binary attributes and a
// categorical class attribute whose values are the classes in sorted order.
func instances(rows []Row, nFeatures int) (*base.DenseInstances, []string) {
	inst := base.NewDenseInstances()
	specs := make([]base.AttributeSpec, nFeatures)
	for i := range specs {
		specs[i] = inst.AddAttribute(base.NewBinaryAttribute(fmt.Sprintf("f%d", i)))
	}
	var classes []string
	for _, r := range rows {
		classes = append(classes, r.Class)
	}
	slices.Sort(classes)
	classes = slices.Compact(classes)
	classAttr := base.NewCategoricalAttribute()
	classAttr.SetName("class")
	for _, c := range classes {
		classAttr.GetSysValFromString(c)
	}
	cs := inst.AddAttribute(classAttr)
	if err := inst.AddClassAttribute(classAttr); err != nil {
		panic(err)
	}
	if err := inst.Extend(len(rows)); err != nil {
		panic(err)
	}
	one := []byte{1}
	for r, row := range rows {
		for _, f := range row.Features {
			inst.Set(specs[f], r, one)
		}
		inst.Set(cs, r, classAttr.GetSysValFromString(row.Class))
	}
	return inst, classes
}

// compile reads the fitted parameters back through golearn's own
// serialisation (its fields are unexported) and builds the sparse scorer.
func compile(cls *naive.BernoulliNBClassifier, nFeatures int) (*Linear, error) {
	dir, err := os.MkdirTemp("", "storylens-nb")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "nb.cls")
	if err := cls.Save(path); err != nil {
		return nil, fmt.Errorf("models: saving golearn model: %w", err)
	}
	r, err := base.ReadSerializedClassifierStub(path)
	if err != nil {
		return nil, fmt.Errorf("models: reading golearn model: %w", err)
	}
	defer r.Close()
	var cond map[string][]float64
	var counts map[string]int
	if err := r.GetJSONForKey(r.Prefix("", "COND_MAP"), &cond); err != nil {
		return nil, fmt.Errorf("models: reading golearn model: %w", err)
	}
	if err := r.GetJSONForKey(r.Prefix("", "CLASS_INSTANCES"), &counts); err != nil {
		return nil, fmt.Errorf("models: reading golearn model: %w", err)
	}
	nb := &Linear{}
	total := 0
	for c, n := range counts {
		nb.Classes = append(nb.Classes, c)
		total += n
	}
	slices.Sort(nb.Classes)
	nb.Base = make([]float64, len(nb.Classes))
	nb.Delta = make([][]float64, nFeatures)
	for f := range nb.Delta {
		nb.Delta[f] = make([]float64, len(nb.Classes))
	}
	for ci, c := range nb.Classes {
		p := cond[c]
		if len(p) != nFeatures {
			return nil, fmt.Errorf("models: golearn model has %d features, want %d", len(p), nFeatures)
		}
		n := counts[c]
		b := math.Log(float64(n) / float64(total))
		for f, pf := range p {
			absent := math.Log(1 - pf)
			if pf == 1 {
				absent = math.Log(1 / float64(n+1))
			}
			b += absent
			nb.Delta[f][ci] = math.Log(pf) - absent
		}
		nb.Base[ci] = b
	}
	return nb, nil
}

// Scores appends to dst the log score of each class (in Classes order)
// for a row's active features; out-of-range features are ignored.
func (nb *Linear) Scores(dst []float64, features []int) []float64 {
	dst = append(dst[:0], nb.Base...)
	for _, f := range features {
		if f < 0 || f >= len(nb.Delta) {
			continue
		}
		for c, d := range nb.Delta[f] {
			dst[c] += d
		}
	}
	return dst
}

// Probs turns log scores into probabilities at temperature t (softmax of
// score/t), in place.
func Probs(scores []float64, t float64) []float64 {
	if t <= 0 {
		t = 1
	}
	m := math.Inf(-1)
	for _, s := range scores {
		m = math.Max(m, s)
	}
	sum := 0.0
	for i, s := range scores {
		scores[i] = math.Exp((s - m) / t)
		sum += scores[i]
	}
	for i := range scores {
		scores[i] /= sum
	}
	return scores
}

// argmax returns the index of the largest value (the first on ties).
func argmax(xs []float64) int {
	best := 0
	for i, x := range xs {
		if x > xs[best] {
			best = i
		}
	}
	return best
}

// Validate checks the shape of a decoded classifier.
func (nb *Linear) Validate(nFeatures int) error {
	if len(nb.Classes) == 0 || len(nb.Base) != len(nb.Classes) || len(nb.Delta) != nFeatures {
		return fmt.Errorf("classifier has %d classes, %d base scores and %d features, want %d features", len(nb.Classes), len(nb.Base), len(nb.Delta), nFeatures)
	}
	for f, d := range nb.Delta {
		if len(d) != len(nb.Classes) {
			return fmt.Errorf("feature %d has %d class weights, want %d", f, len(d), len(nb.Classes))
		}
	}
	return nil
}
