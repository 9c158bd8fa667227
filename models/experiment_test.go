package models

import (
	"os"
	"testing"

	"github.com/storylens/storylens/datasets"
)

func TestExperiment(t *testing.T) {
	dir := os.Getenv("STORYLENS_EXPERIMENT")
	if dir == "" {
		t.Skip()
	}
	var all []datasets.LabelledStory
	for _, f := range []string{"novels.csv", "seeds.csv", "second_person.csv"} {
		ls, err := datasets.ReadLabelledFile(dir + "/" + f)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, ls...)
	}
	d := Prepare(all)
	for _, task := range []string{"pov", "tone", "focus"} {
		rep, err := CrossValidate(d, task, 5, 1)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: model acc %.3f f1 %.3f n=%d ece %.3f T %.2f", task, rep.Model.Accuracy, rep.Model.MacroF1, rep.Model.N, rep.ECE, rep.Temperature)
		for _, b := range rep.Baselines {
			t.Logf("   %s: acc %.3f f1 %.3f", b.Name, b.Accuracy, b.MacroF1)
		}
		for _, c := range rep.PerClass {
			t.Logf("   %s: p %.2f r %.2f f1 %.2f (%d)", c.Label, c.Precision, c.Recall, c.F1, c.Support)
		}
	}
}
