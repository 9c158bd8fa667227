package models

import (
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sync"
)

// Format names the model file format.
const Format = "storylens-model/2"

// FileName is the model file inside a model directory.
const FileName = "model.json"

// Model is the trained classifiers for pov, tone and focus (any may be
// missing), with the cross-validation reports they were chosen by.
type Model struct {
	Format  string      `json:"format"`
	Seed    uint64      `json:"seed"`
	Folds   int         `json:"folds"`
	Data    []string    `json:"data"` // training files, as given
	POV     *Classifier `json:"pov,omitempty"`
	Tone    *Classifier `json:"tone,omitempty"`
	Focus   *Classifier `json:"focus,omitempty"`
	Reports []*Report   `json:"reports"`
}

// Tasks lists the tasks the model has classifiers for.
func (m *Model) Tasks() []string {
	var out []string
	for _, t := range []struct {
		name string
		c    *Classifier
	}{{"pov", m.POV}, {"tone", m.Tone}, {"focus", m.Focus}} {
		if t.c != nil {
			out = append(out, t.name)
		}
	}
	return out
}

// Classifier returns the model's classifier for a task, or nil.
func (m *Model) Classifier(task string) *Classifier {
	switch task {
	case "pov":
		return m.POV
	case "tone":
		return m.Tone
	case "focus":
		return m.Focus
	}
	return nil
}

// TrainOptions are the settings of Train.
type TrainOptions struct {
	Tasks []string // pov, tone, focus
	Folds int
	Seed  uint64
	Data  []string // names of the training files, recorded in the model
	// Learners are cross-validated for each task on the same folds and
	// the best is kept; nil means Learners().
	Learners []Learner
}

// Train cross-validates each task (grouped by story, stratified), then
// fits its classifier on all the data, calibrated with the temperature
// the cross-validation found.
func Train(d *Data, o TrainOptions) (*Model, error) {
	if o.Folds < 2 {
		return nil, fmt.Errorf("models: --folds must be at least 2, not %d", o.Folds)
	}
	m := &Model{Format: Format, Seed: o.Seed, Folds: o.Folds, Data: o.Data}
	all := make([]int, len(d.Stories))
	for i := range all {
		all[i] = i
	}
	for _, task := range o.Tasks {
		if len(d.labelled(task, all)) == 0 {
			return nil, fmt.Errorf("models: the data has no %s labels", task)
		}
		rep, l, err := chooseLearner(d, task, o)
		if err != nil {
			return nil, err
		}
		c, err := trainClassifier(task, d, all, l)
		if err != nil {
			return nil, err
		}
		c.Temperature = rep.Temperature
		c.Smoothing = rep.Smoothing
		c.NeighbourWeight, c.PriorShare = rep.NeighbourWeight, rep.PriorShare
		c.Bias = priorBias(c.priors, c.PriorShare)
		if rep.Scale != 1 {
			c.Scale = rep.Scale
		}
		c.Offset = rep.Offset
		m.Reports = append(m.Reports, rep)
		c.Trained = trainedOn(d, task)
		m.set(task, c)
	}
	return m, nil
}

// chooseLearner cross-validates each learner, with each smoothing
// setting, on the same folds and chooses among them all by held-out
// accuracy (macro-F1 for tone; the earlier learner wins ties). The
// report's figures are cross-fitted over that choice too: each fold is
// scored with the learner and setting the other folds chose. It lists
// each learner's own cross-fitted score.
func chooseLearner(d *Data, task string, o TrainOptions) (*Report, Learner, error) {
	ls := o.Learners
	if len(ls) == 0 {
		ls = Learners()
	}
	var all *cvRun
	var scores []Score
	own := map[Learner]*Report{} // each learner's report on its own
	for _, l := range ls {
		// The baselines are the same for every learner: computed once.
		run, err := foldTrials(d, task, o.Folds, o.Seed, l, all == nil)
		if err != nil {
			return nil, Learner{}, err
		}
		rep, _, err := run.report(task)
		if err != nil {
			return nil, Learner{}, err
		}
		own[l] = rep
		s := rep.Model
		s.Name = l.String()
		scores = append(scores, s)
		if all == nil {
			all = run
		} else {
			all.trials = append(all.trials, run.trials...)
		}
	}
	rep, chosen, err := all.report(task)
	if err != nil {
		return nil, Learner{}, err
	}
	// The kept learner's confidences are calibrated on its own held-out
	// scores: where folds chose different learners, the cross-fitted
	// predictions mix scores of different sharpness. The calibration
	// error stays that of the cross-fitted predictions, the honest figure
	// for the whole procedure.
	c := own[chosen.learner]
	rep.Temperature, rep.Scale, rep.Offset = c.Temperature, c.Scale, c.Offset
	if len(scores) > 1 {
		rep.Learners = scores
	}
	return rep, chosen.learner, nil
}

// set puts a task's classifier in the model.
func (m *Model) set(task string, c *Classifier) {
	switch task {
	case "pov":
		m.POV = c
	case "tone":
		m.Tone = c
	case "focus":
		m.Focus = c
	}
}

// Marshal encodes the model; the same model always gives the same bytes.
func (m *Model) Marshal() ([]byte, error) {
	b, err := json.Marshal(m)
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// Save writes the model to dir/model.json, creating dir.
func (m *Model) Save(dir string) error {
	b, err := m.Marshal()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp := filepath.Join(dir, FileName+".tmp")
	if err := os.WriteFile(tmp, b, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, filepath.Join(dir, FileName))
}

// ErrBadModel reports a model file that cannot be used.
var ErrBadModel = errors.New("not a usable storylens model")

// Decode reads and checks a model file's bytes; name is used in errors.
func Decode(name string, b []byte) (*Model, error) {
	var m Model
	dec := json.NewDecoder(bytes.NewReader(b))
	if err := dec.Decode(&m); err != nil {
		var se *json.SyntaxError
		if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("%s: %w: the file ends early after %d bytes (truncated? retrain with storylens train)", name, ErrBadModel, len(b))
		}
		if errors.As(err, &se) {
			return nil, fmt.Errorf("%s: %w: JSON syntax error at byte %d: %v (is the file truncated? retrain with storylens train)", name, ErrBadModel, se.Offset, err)
		}
		return nil, fmt.Errorf("%s: %w: %v (retrain with storylens train)", name, ErrBadModel, err)
	}
	if m.Format != Format {
		return nil, fmt.Errorf("%s: %w: format %q, want %q", name, ErrBadModel, m.Format, Format)
	}
	if len(m.Tasks()) == 0 {
		return nil, fmt.Errorf("%s: %w: no classifiers", name, ErrBadModel)
	}
	for _, t := range m.Tasks() {
		c := m.Classifier(t)
		if c.Encoder == nil || c.Scorer == nil {
			return nil, fmt.Errorf("%s: %w: the %s classifier is incomplete", name, ErrBadModel, t)
		}
		c.Encoder.init()
		if err := c.Encoder.check(); err != nil {
			return nil, fmt.Errorf("%s: %w: %s classifier: %v", name, ErrBadModel, t, err)
		}
		if err := c.Scorer.Validate(c.Encoder.Len()); err != nil {
			return nil, fmt.Errorf("%s: %w: %s classifier: %v", name, ErrBadModel, t, err)
		}
		c.folded = fold(c.Encoder, c.Scorer)
		if c.Trained != nil {
			c.Trained.sort()
		}
		if t == "pov" || t == "focus" {
			want := map[string][]string{"pov": {"first", "second", "third"}, "focus": {"no", "yes"}}[t]
			for _, cl := range c.Scorer.Classes {
				if !slices.Contains(want, cl) {
					return nil, fmt.Errorf("%s: %w: %s classifier has class %q", name, ErrBadModel, t, cl)
				}
			}
		}
		if _, err := ParseLearner(c.Learner); err != nil {
			return nil, fmt.Errorf("%s: %w: %s classifier: %v", name, ErrBadModel, t, err)
		}
		if c.Task != t {
			return nil, fmt.Errorf("%s: %w: the %s classifier is for %q", name, ErrBadModel, t, c.Task)
		}
		if err := checkInputs(t, c); err != nil {
			return nil, fmt.Errorf("%s: %w: %s classifier: %v", name, ErrBadModel, t, err)
		}
	}
	return &m, nil
}

// Load reads the model in dir (dir/model.json), or the file dir itself.
func Load(dir string) (*Model, error) {
	path := dir
	if info, err := os.Stat(dir); err == nil && info.IsDir() {
		path = filepath.Join(dir, FileName)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Decode(path, b)
}

//go:generate go run -tags liblinear ../cmd/storylens train --data ../datasets/novels.csv,../datasets/seeds.csv,../datasets/second_person.csv --texts ../../shared/corpus/novels --out default --seed 1 --folds 5 --quiet

//go:embed default/model.json
var defaultFS embed.FS

// Default returns the embedded default model, trained on the project's
// gold data (datasets/); it is decoded once.
var Default = sync.OnceValues(func() (*Model, error) {
	b, err := fs.ReadFile(defaultFS, "default/model.json")
	if err != nil {
		return nil, err
	}
	return Decode("embedded default model", b)
})

// checkInputs checks that a decoded classifier reads the inputs this
// version computes for its task, and that its numbers are finite and sane.
func checkInputs(task string, c *Classifier) error {
	want := map[string][]Input{"pov": povInputs, "tone": toneInputs, "focus": focusInputs}[task]
	// A tone classifier trained before the later inputs were added reads
	// the first of them, which this version still computes in order.
	if task == "tone" && len(c.Encoder.Inputs) < len(want) && len(c.Encoder.Inputs) >= len(tonePrefixInputs) {
		want = want[:len(c.Encoder.Inputs)]
	}
	if len(c.Encoder.Inputs) != len(want) {
		return fmt.Errorf("%d inputs, this version computes %d (retrain with storylens train)", len(c.Encoder.Inputs), len(want))
	}
	for i, in := range c.Encoder.Inputs {
		if in.Name != want[i].Name {
			return fmt.Errorf("input %d is %q, this version computes %q (retrain with storylens train)", i, in.Name, want[i].Name)
		}
	}
	sane := func(x float64) bool { return !math.IsNaN(x) && math.Abs(x) <= 1e9 }
	if len(c.Bias) != 0 && len(c.Bias) != len(c.Scorer.Classes) {
		return fmt.Errorf("%d class biases for %d classes", len(c.Bias), len(c.Scorer.Classes))
	}
	if c.Majority != "" && !slices.Contains(c.Scorer.Classes, c.Majority) {
		return fmt.Errorf("majority label %q is not one of its classes", c.Majority)
	}
	if c.LocalRadius < 0 || c.LocalRadius > 1e6 {
		return fmt.Errorf("local radius %d", c.LocalRadius)
	}
	params := append([]float64{c.Temperature, c.Scale, c.Offset, c.StoryWeight, c.LocalWeight, c.NeighbourWeight, c.PriorShare}, c.Bias...)
	for _, x := range append(params, c.Scorer.Base...) {
		if !sane(x) {
			return fmt.Errorf("a parameter is %v", x)
		}
	}
	for _, d := range c.Scorer.Delta {
		for _, x := range d {
			if !sane(x) {
				return fmt.Errorf("a weight is %v", x)
			}
		}
	}
	for _, in := range c.Encoder.Inputs {
		for _, x := range in.Thresholds {
			if math.IsNaN(x) {
				return fmt.Errorf("input %s has a NaN threshold", in.Name)
			}
		}
	}
	if c.Temperature < 0 || c.Scale < 0 || c.Scale > 1 || math.Abs(c.Offset) > 1 {
		return fmt.Errorf("temperature %v, scale %v or offset %v out of range", c.Temperature, c.Scale, c.Offset)
	}
	return nil
}
