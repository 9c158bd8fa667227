package models

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// povTestClassifier reads one input, the narration's first-person rate:
// "first" when the narration says "I", "third" otherwise.
func povTestClassifier() *Classifier {
	e := &Encoder{Inputs: povInputs}
	e.init()
	lin := &Linear{Classes: []string{"first", "third"}, Base: []float64{0, 1}, Delta: make([][]float64, e.Len())}
	for f := range lin.Delta {
		lin.Delta[f] = []float64{0, 0}
	}
	first := slices.IndexFunc(povInputs, func(in Input) bool { return in.Name == "narr_first" })
	lin.Delta[e.offset[first]] = []float64{3, 0} // narr_first > 0
	return &Classifier{Task: "pov", Learner: NaiveBayes, Encoder: e, Scorer: lin, Temperature: 1, folded: fold(e, lin)}
}

// memoir is a story told in the third person with a memoir in the first
// person inside it (paragraphs 100 to 139), one of whose paragraphs
// (120) says no pronoun at all.
func memoir() *Story {
	var texts []string
	for i := range 300 {
		switch {
		case i == 120:
			texts = append(texts, "The rain fell on the roofs of the town all night.")
		case i >= 100 && i < 140:
			texts = append(texts, "I walked home by the river, and I slept.")
		default:
			texts = append(texts, "He walked home by the river, and he slept.")
		}
	}
	return storyOf(texts, nil)
}

func TestPOVLocalSmoothing(t *testing.T) {
	c, s := povTestClassifier(), memoir()
	sc := &scratch{}
	pred := func(i int) string { return c.Scorer.Classes[argmax(c.povStoryScores(sc, s)[i])] }
	// Alone, each paragraph is read by its own pronouns.
	if pred(110) != "first" || pred(120) != "third" || pred(200) != "third" {
		t.Fatalf("unsmoothed: 110 %s, 120 %s, 200 %s", pred(110), pred(120), pred(200))
	}
	// The whole story's lean outvotes the memoir.
	c.StoryWeight = 8
	if pred(110) != "third" {
		t.Errorf("story weight 8: paragraph 110 is %s, want the story's third", pred(110))
	}
	// Leaning on the paragraphs around it instead, the memoir keeps its
	// person, and its paragraph without a pronoun takes it.
	c.StoryWeight, c.LocalWeight, c.LocalRadius = 0, 8, 10
	for i, want := range map[int]string{0: "third", 105: "first", 110: "first", 120: "first", 135: "first", 150: "third", 299: "third"} {
		if got := pred(i); got != want {
			t.Errorf("local weight 8 over 10 paragraphs: paragraph %d is %s, want %s", i, got, want)
		}
	}
}

// TestPOVSettingsListed checks the pov smoothing settings that
// cross-validation tries.
func TestPOVSettingsListed(t *testing.T) {
	settings := povSettings()
	if len(settings) != len(storyWeights)*(1+len(localWeights)*len(localRadii)) {
		t.Fatalf("%d settings", len(settings))
	}
	if settings[0] != (Smoothing{}) {
		t.Errorf("the first setting is %+v, want no smoothing (chosen on ties)", settings[0])
	}
	if last := settings[len(settings)-1]; last != (Smoothing{storyWeights[len(storyWeights)-1], localWeights[len(localWeights)-1], localRadii[len(localRadii)-1]}) {
		t.Errorf("the last setting is %+v", last)
	}
}

func TestDecodeBadLocalRadius(t *testing.T) {
	good, err := fsRead()
	if err != nil {
		t.Fatal(err)
	}
	bad := bytes.Replace(good, []byte(`"local_radius":`), []byte(`"local_radius":-`), 1)
	if bytes.Equal(bad, good) {
		t.Fatal("the default model has no local radius")
	}
	if _, err := Decode("m.json", bad); !errors.Is(err, ErrBadModel) || !strings.Contains(err.Error(), "local radius -") {
		t.Errorf("Decode = %v, want a bad local radius", err)
	}
}

// TestCrossFit: each fold is scored with the setting the other folds
// chose, never with the one its own outcomes favour.
func TestCrossFit(t *testing.T) {
	out := func(fold int, correct bool, pred string) outcome {
		return outcome{fold: fold, correct: correct, pred: pred}
	}
	// Setting 0 is right on fold 0 only (twice); setting 1 is right on
	// fold 1 only (once). Over both folds, setting 0 is better.
	tried := [][]outcome{
		{out(0, true, "a"), out(0, true, "a"), out(1, false, "a")},
		{out(0, false, "b"), out(0, false, "b"), out(1, true, "b")},
	}
	accuracy := func(o []outcome) float64 {
		n := 0
		for _, x := range o {
			if x.correct {
				n++
			}
		}
		return float64(n) / float64(len(o))
	}
	all, outs := crossFit(tried, []int{0, 1}, accuracy)
	if all != 0 {
		t.Errorf("over all folds chose setting %d, want 0", all)
	}
	var got []string
	for _, o := range outs {
		got = append(got, fmt.Sprintf("%d%s", o.fold, o.pred))
	}
	// Fold 0 takes fold 1's choice (setting 1), and fold 1 fold 0's.
	if strings.Join(got, " ") != "0b 0b 1a" {
		t.Errorf("cross-fitted outcomes %v, want fold 0 under setting 1 and fold 1 under setting 0", got)
	}
}

// The learner and setting are chosen together, and the report's figures
// are cross-fitted over that choice: a fold is scored with the learner
// the other folds chose, and the model is the learner best on all folds.
func TestReportCrossFitsTheLearner(t *testing.T) {
	out := func(fold int, correct bool) outcome {
		pred, scores := "first", []float64{0, -2}
		if !correct {
			pred, scores = "third", []float64{-2, 0}
		}
		return outcome{gold: "first", pred: pred, correct: correct, scores: scores, goldIdx: 0, fold: fold}
	}
	nb, lr := Learner{Kind: NaiveBayes}, Learner{Kind: LogisticRegression, C: 1}
	run := &cvRun{folds: []int{0, 1}, trials: []trial{
		// Naive Bayes is right on fold 0 only (twice), logistic
		// regression on fold 1 only (once): naive Bayes is the better
		// over both folds.
		{nb, func(*Classifier) {}, []outcome{out(0, true), out(0, true), out(1, false)}},
		{lr, func(*Classifier) {}, []outcome{out(0, false), out(0, false), out(1, true)}},
	}}
	rep, chosen, err := run.report("pov")
	if err != nil {
		t.Fatal(err)
	}
	if chosen.learner != nb || rep.Learner != nb.String() {
		t.Errorf("chose %s (report %q), want %s", chosen.learner, rep.Learner, nb)
	}
	// Fold 0 is scored with logistic regression (fold 1's choice) and
	// fold 1 with naive Bayes: nothing right.
	if rep.Model.N != 3 || rep.Model.Accuracy != 0 {
		t.Errorf("cross-fitted accuracy %.3f on %d, want 0 on 3", rep.Model.Accuracy, rep.Model.N)
	}
}
