package models

import (
	"fmt"
	"slices"

	"github.com/storylens/storylens/datasets"
)

// Labels are one paragraph's predictions; a task the model lacks is
// left empty. ToneProbs holds the probability of every tone, in
// Model.ToneClasses order.
type Labels struct {
	POV, Tone, Focus Prediction
	ToneProbs        []float64
}

// ToneClasses are the model's tone labels, in ToneProbs order; nil
// without a tone classifier.
func (m *Model) ToneClasses() []string {
	if m.Tone == nil {
		return nil
	}
	return m.Tone.Scorer.Classes
}

// Label predicts every paragraph of a story, analysed by Analyse or by
// the model's own Analyse (Model.Analyse of another model with a
// different tone vocabulary is a programming error, and panics).
func (m *Model) Label(s *Story) []Labels {
	out := make([]Labels, len(s.Paras))
	sc := &scratch{}
	var stats *focusCtx
	if m.Focus != nil {
		stats = focusContext(s)
	}
	var pov, tone [][]float64
	if m.POV != nil {
		pov = m.POV.povStoryScores(sc, s)
	}
	if m.Tone != nil {
		tone = m.Tone.toneScores(sc, s, nil)
	}
	for i := range s.Paras {
		if m.POV != nil {
			probs := Probs(pov[i], m.POV.Temperature)
			k := argmax(probs)
			out[i].POV = Prediction{Label: m.POV.Scorer.Classes[k], Confidence: probs[k]}
		}
		if m.Tone != nil {
			probs := Probs(tone[i], m.Tone.Temperature)
			k := argmax(probs)
			out[i].Tone = Prediction{Label: m.Tone.Scorer.Classes[k], Confidence: m.Tone.calibration().confidence(probs[k])}
			out[i].ToneProbs = probs
		}
		if m.Focus != nil {
			out[i].Focus, _ = m.Focus.predictFocus(sc, s, i, stats)
		}
	}
	return out
}

// Evaluate scores the model on labelled data it did not train on: one
// report per task that both the model and the data have, with the
// baselines that need no training, and calibration at the model's
// temperature. A tone label the model does not know is an error that
// names the file and row.
func (m *Model) Evaluate(ls []datasets.LabelledStory, d *Data) ([]*Report, error) {
	var reps []*Report
	for _, task := range m.Tasks() {
		c := m.Classifier(task)
		if task == "tone" {
			for _, s := range ls {
				for _, r := range s.Rows {
					if r.Tone != "" && !slices.Contains(c.Scorer.Classes, r.Tone) {
						return nil, &datasets.RowError{Path: r.File, Row: r.Row,
							Err: fmt.Errorf("tone %q is not one of the model's labels (%v); train a model on this label set with storylens train", r.Tone, c.Scorer.Classes)}
					}
				}
			}
		}
		all := make([]int, len(d.Stories))
		for i := range all {
			all[i] = i
		}
		if len(d.labelled(task, all)) == 0 {
			continue
		}
		outs := heldOut(c, d, all, 0)
		rep := summarise(task, outs)
		rep.Temperature, rep.Scale, rep.Offset = c.Temperature, c.scale(), c.Offset
		rep.ECE, rep.Reliability = eceAt(outs, c.calibration())
		for name, b := range baselines(task, d, nil, all, 0) {
			if name == "majority class" {
				// The majority class of the model's training data; a
				// model file that does not say it has no such baseline.
				maj := c.Majority
				if maj == "" {
					continue
				}
				for i := range b {
					b[i].pred, b[i].correct = maj, maj == b[i].gold
				}
			}
			s := summarise(task, b).Model
			s.Name = name
			rep.Baselines = append(rep.Baselines, s)
		}
		slices.SortFunc(rep.Baselines, func(a, b Score) int { return cmpString(a.Name, b.Name) })
		reps = append(reps, rep)
	}
	return reps, nil
}

func cmpString(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// FocusChoices lists focus labels to offer for paragraph i: the characters
// named in it and around it first, then the story's most named
// characters, at most n names, then narrator and none.
func (s *Story) FocusChoices(i, n int) []string {
	var out []string
	add := func(label string) {
		if len(out) < n && !slices.Contains(out, label) {
			out = append(out, label)
		}
	}
	for _, c := range focusCandidates(s, i, nil) {
		if c.char >= 0 {
			add(c.label)
		}
	}
	order := make([]int, len(s.cast.chars))
	for ci := range order {
		order[ci] = ci
	}
	slices.SortStableFunc(order, func(a, b int) int { return s.cast.rank[a] - s.cast.rank[b] })
	for _, ci := range order {
		if s.cast.chars[ci].mentions > 0 {
			add(s.cast.chars[ci].Label)
		}
	}
	return append(out, Narrator, None)
}

// Fit trains classifiers for the given tasks on all the data, without
// cross-validation, keeping base's classifiers for the other tasks: a
// quick retrain for interactive labelling. Its confidences are not
// calibrated beyond base's temperatures.
func Fit(d *Data, tasks []string, base *Model) (*Model, error) {
	m := &Model{Format: Format, Folds: 0}
	if base != nil {
		*m = *base
		m.Reports = nil
	}
	all := make([]int, len(d.Stories))
	for i := range all {
		all[i] = i
	}
	for _, task := range tasks {
		// Keep the learner cross-validation chose, when this build can
		// train it (logistic regression needs -tags liblinear; else naive
		// Bayes).
		l := Learner{Kind: NaiveBayes}
		if old := m.Classifier(task); old != nil {
			if ol, err := ParseLearner(old.Learner); err == nil && (ol.Kind != LogisticRegression || HaveLogReg) {
				l = ol
			}
		}
		c, err := trainClassifier(task, d, all, l)
		if err != nil {
			return nil, err
		}
		if old := m.Classifier(task); old != nil {
			c.Temperature, c.Scale, c.Offset = old.Temperature, old.Scale, old.Offset
			c.Smoothing = old.Smoothing
			c.NeighbourWeight, c.PriorShare = old.NeighbourWeight, old.PriorShare
			c.Bias = priorBias(c.priors, c.PriorShare)
		}
		c.Trained = trainedOn(d, task)
		m.set(task, c)
	}
	return m, nil
}
