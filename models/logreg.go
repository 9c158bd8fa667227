//go:build cgo && liblinear

package models

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strconv"
	"strings"

	"github.com/sjwhitworth/golearn/base"
	"github.com/sjwhitworth/golearn/linear_models"
)

// HaveLogReg reports whether this build can train logistic regression:
// this file is built only with -tags liblinear and cgo, since golearn's
// logistic regression is liblinear, in C++. Labelling with a trained model
// never needs it.
const HaveLogReg = true

// TrainLogReg fits golearn's L2-regularised logistic regression
// (linear_models, liblinear's L2R_LR solver: one-vs-rest for more than
// two classes) at inverse regularisation strength c, and compiles it into
// a Linear scorer: liblinear's decision values become the class scores.
// Column 0 must be active in every row; it acts as the intercept.
//
// golearn's LogisticRegression.Fit cannot be used as it is: it hands
// liblinear Go memory that holds Go pointers, which the cgo checks refuse
// (golearn issue #296) unless GODEBUG=cgocheck=0 is set before the
// program starts. TrainLogReg builds golearn's Problem itself and pins
// that memory for the call instead, which is what the checks ask for.
func TrainLogReg(rows []Row, nFeatures int, c float64) (*Linear, error) {
	if len(rows) == 0 {
		return nil, errors.New("models: no training rows")
	}
	if c <= 0 {
		return nil, fmt.Errorf("models: logistic regression needs C > 0, not %g", c)
	}
	if classes := distinctClasses(rows); len(classes) == 1 {
		// One class: nothing to fit (liblinear would refuse); the scorer
		// always gives it, as naive Bayes does.
		lin := &Linear{Classes: classes, Base: []float64{0}, Delta: make([][]float64, nFeatures)}
		for f := range lin.Delta {
			lin.Delta[f] = []float64{0}
		}
		return lin, nil
	}
	model, classes, err := fitLiblinear(rows, nFeatures, c)
	if err != nil {
		return nil, err
	}
	return compileLiblinear(model, classes, nFeatures)
}

// fitLiblinear fits liblinear through golearn; liblinear label k is
// classes[k].
func fitLiblinear(rows []Row, nFeatures int, c float64) (model *linear_models.Model, classes []string, err error) {
	classes = distinctClasses(rows)
	if len(classes) < 2 {
		return nil, nil, fmt.Errorf("models: logistic regression needs two classes, the data has %d", len(classes))
	}
	X := make([][]float64, len(rows))
	y := make([]float64, len(rows))
	for i, r := range rows {
		X[i] = make([]float64, nFeatures)
		for _, f := range r.Features {
			X[i][f] = 1
		}
		y[i] = float64(slices.Index(classes, r.Class))
	}
	golearnMu.Lock()
	defer golearnMu.Unlock()
	silence.Do(base.Silent) // liblinear's progress lines go to golearn's logger
	defer func() {
		if r := recover(); r != nil {
			model, err = nil, fmt.Errorf("models: golearn logistic regression: %v", r)
		}
	}()
	// Bias 0: golearn's bias column writes liblinear index 0, which
	// liblinear does not allow; column 0 is the intercept instead.
	prob := linear_models.NewProblem(X, y, 0)
	var pin runtime.Pinner
	defer pin.Unpin()
	cp := reflect.ValueOf(prob).Elem().Field(0) // golearn's C.struct_problem
	for _, f := range []string{"x", "y"} {
		pin.Pin(cp.FieldByName(f).UnsafePointer())
	}
	model = linear_models.Train(prob, linear_models.NewParameter(linear_models.L2R_LR, c, 0.001))
	runtime.KeepAlive(prob)
	return model, classes, nil
}

// distinctClasses lists the rows' classes in sorted order.
func distinctClasses(rows []Row) []string {
	var classes []string
	for _, r := range rows {
		classes = append(classes, r.Class)
	}
	slices.Sort(classes)
	return slices.Compact(classes)
}

// compileLiblinear reads a fitted model's weights, which liblinear only
// gives through its model file.
func compileLiblinear(model *linear_models.Model, classes []string, nFeatures int) (*Linear, error) {
	dir, err := os.MkdirTemp("", "storylens-logreg")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "model")
	golearnMu.Lock()
	err = linear_models.Export(model, path)
	golearnMu.Unlock()
	if err != nil {
		return nil, fmt.Errorf("models: saving liblinear model: %w", err)
	}
	return readLiblinear(path, classes, nFeatures)
}

// readLiblinear reads the weights of a liblinear model file into a
// Linear scorer over classes (liblinear label k is classes[k]). With two
// classes liblinear keeps one weight vector w for its first label;
// the scorer gives that label w·x/2 and the other −w·x/2, so their
// difference is liblinear's decision value.
func readLiblinear(path string, classes []string, nFeatures int) (*Linear, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	bad := func(format string, a ...any) error {
		return fmt.Errorf("models: liblinear model %s: %s", path, fmt.Sprintf(format, a...))
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	var labels []int
	nf := -1
	for sc.Scan() {
		fs := strings.Fields(sc.Text())
		if len(fs) == 0 {
			continue
		}
		if fs[0] == "w" {
			break
		}
		switch fs[0] {
		case "label":
			for _, s := range fs[1:] {
				v, err := strconv.Atoi(s)
				if err != nil || v < 0 || v >= len(classes) {
					return nil, bad("label %q", s)
				}
				labels = append(labels, v)
			}
		case "nr_feature":
			nf, _ = strconv.Atoi(fs[1])
		}
	}
	// golearn's Problem declares one column more than the rows have; it
	// is never active.
	if len(labels) != len(classes) || nf < 0 || nf > nFeatures+1 {
		return nil, bad("%d labels and %d features, want %d labels and at most %d features", len(labels), nf, len(classes), nFeatures+1)
	}
	lin := &Linear{Classes: classes, Base: make([]float64, len(classes)), Delta: make([][]float64, nFeatures)}
	for i := range lin.Delta {
		lin.Delta[i] = make([]float64, len(classes))
	}
	for fi := 0; fi < nf; fi++ {
		if !sc.Scan() {
			return nil, bad("%d weight rows, want %d", fi, nf)
		}
		if fi >= nFeatures {
			continue
		}
		fs := strings.Fields(sc.Text())
		ws := make([]float64, len(fs))
		for k, s := range fs {
			if ws[k], err = strconv.ParseFloat(s, 64); err != nil {
				return nil, bad("weight %q", s)
			}
		}
		switch {
		case len(labels) == 2 && len(ws) == 1:
			lin.Delta[fi][labels[0]] = ws[0] / 2
			lin.Delta[fi][labels[1]] = -ws[0] / 2
		case len(labels) > 2 && len(ws) == len(labels):
			for k, w := range ws {
				lin.Delta[fi][labels[k]] = w
			}
		default:
			return nil, bad("row %d has %d weights for %d labels", fi+1, len(ws), len(labels))
		}
	}
	return lin, sc.Err()
}
