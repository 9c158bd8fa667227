package models

import (
	"math"
	"reflect"
	"testing"

	"github.com/storylens/storylens/features"
)

// TestFoldedScoresAgree checks that the default model's folded scorers
// give, paragraph by paragraph and candidate by candidate, the scores of
// the encoder's binary columns summed by the scorer.
func TestFoldedScoresAgree(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	a := features.NewAnalyzer()
	checked := 0
	for _, s := range seedStories(t) {
		name := s.Name
		st, _ := Analyse(a, s)
		stats := focusContext(st)
		for _, task := range m.Tasks() {
			c := m.Classifier(task)
			if c.folded == nil {
				t.Fatalf("%s: the decoded classifier is not folded", task)
			}
			for i := range st.Paras {
				var rows [][]float64
				var stems []string
				if task == "focus" {
					for _, cand := range focusCandidates(st, i, stats) {
						rows = append(rows, focusValues(nil, st, i, cand, stats))
					}
				} else {
					var v []float64
					v, stems = paraInputs(task, nil, st, i)
					rows = append(rows, v)
				}
				for _, v := range rows {
					got := c.scores(nil, v, c.Encoder.vocab.Bag(nil, stems))
					want := c.Scorer.Scores(nil, c.Encoder.Encode(nil, v, stems))
					for k := range want {
						if math.Abs(got[k]-want[k]) > 1e-9*math.Max(1, math.Abs(want[k])) {
							t.Fatalf("%s %s paragraph %d: folded scores %v, encoded %v", name, task, i+1, got, want)
						}
					}
					checked++
				}
			}
		}
	}
	if checked < 300 {
		t.Errorf("only %d rows checked", checked)
	}
}

// TestModelAnalyseLabelsAlike checks that a story analysed for the model
// (its tone stems bagged as they are read) gets the labels of one
// analysed with every stem kept, and keeps no stems.
func TestModelAnalyseLabelsAlike(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	b, err := defaultFS.ReadFile("default/model.json")
	if err != nil {
		t.Fatal(err)
	}
	m2, err := Decode("default/model.json", b)
	if err != nil {
		t.Fatal(err)
	}
	plain, bound := features.NewAnalyzer(), features.NewAnalyzer()
	for _, s := range seedStories(t) {
		name := s.Name
		st1, _ := Analyse(plain, s)
		st2, _ := m.Analyse(bound, s)
		want, got := m.Label(st1), m.Label(st2)
		if again := m2.Label(st2); !reflect.DeepEqual(again, got) {
			t.Errorf("%s: another load of the model labels the story differently", name)
		}
		if st3, _ := Analyse(bound, s); st3.Paras[0].Vec.Stems == nil {
			t.Errorf("%s: Analyse with an Analyzer bound before kept no stems", name)
		}
		for i := range want {
			if st2.Paras[i].Vec.Stems != nil {
				t.Fatalf("%s paragraph %d: stems kept", name, i+1)
			}
			w, g := want[i], got[i]
			if w.POV != g.POV || w.Tone != g.Tone || w.Focus != g.Focus {
				t.Errorf("%s paragraph %d: %+v, want %+v", name, i+1, g, w)
			}
		}
	}
}
