package models

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/storylens/storylens/datasets"
	"github.com/storylens/storylens/features"
	"github.com/storylens/storylens/seeds"
)

// TestDefaultModelIsReproducible retrains the default model from the
// project's gold data exactly as `go generate ./models` does and checks
// that it gives the embedded bytes: the embedded model is never stale.
func TestDefaultModelIsReproducible(t *testing.T) {
	if testing.Short() {
		t.Skip("retraining takes a few seconds")
	}
	paths := []string{"../datasets/novels.csv", "../datasets/seeds.csv", "../datasets/second_person.csv"}
	var all []datasets.LabelledStory
	for _, p := range paths {
		ls, err := datasets.ReadLabelledFile(p)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, ls...)
	}
	texts := filepath.Join("..", "..", "shared", "corpus", "novels")
	if _, err := os.Stat(texts); err != nil {
		t.Skipf("the default model is trained with the novels' full texts, and %s is missing", texts)
	}
	if !HaveLogReg {
		t.Skip("the default model's focus classifier is golearn's logistic regression: retrain with go test -tags liblinear (cgo, a C++ compiler)")
	}
	d, err := PrepareWithTexts(all, []string{texts})
	if err != nil {
		t.Fatal(err)
	}
	m, err := Train(d, TrainOptions{Tasks: []string{"pov", "tone", "focus"}, Folds: 5, Seed: 1, Data: paths})
	if err != nil {
		t.Fatal(err)
	}
	got, err := m.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join("default", FileName))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("retraining gives %d bytes that differ from the embedded default model (%d bytes): run go generate ./models", len(got), len(want))
	}
}

// seedStories reads the embedded seed stories.
func seedStories(t *testing.T) []*datasets.Story {
	t.Helper()
	var out []*datasets.Story
	for _, name := range seeds.Names() {
		f, err := seeds.FS.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		s, err := datasets.ReadFrom(name, datasets.StoryName(name), f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	return out
}

// TestLabelSeeds labels the embedded seed stories with the default model:
// every paragraph gets a label from the taxonomy with a confidence in
// [0,1], and the seeds, told in the third person, come out third.
func TestLabelSeeds(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	a := features.NewAnalyzer()
	third, total := 0, 0
	for _, s := range seedStories(t) {
		name := s.Name
		st, rows := Analyse(a, s)
		labels := m.Label(st)
		if len(labels) != len(rows) {
			t.Fatalf("%s: %d labels for %d paragraphs", name, len(labels), len(rows))
		}
		for i, l := range labels {
			if !slices.Contains(datasets.POVLabels, l.POV.Label) || !slices.Contains(datasets.ToneLabels, l.Tone.Label) || l.Focus.Label == "" {
				t.Errorf("%s paragraph %d: labels %+v", name, i+1, l)
			}
			for _, c := range []float64{l.POV.Confidence, l.Tone.Confidence, l.Focus.Confidence} {
				if c < 0 || c > 1 {
					t.Errorf("%s paragraph %d: confidence %v", name, i+1, c)
				}
			}
			if l.POV.Label == "third" {
				third++
			}
			total++
		}
	}
	if third < total*9/10 {
		t.Errorf("%d of %d seed paragraphs labelled third person", third, total)
	}
}

func TestDecodeBadModels(t *testing.T) {
	good, err := fsRead()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"truncated", good[:len(good)/2], "the file ends early"},
		{"garbage", []byte("PK\x03\x04zip"), "JSON syntax error at byte 1"},
		{"empty", nil, "not a usable storylens model"},
		{"foreign JSON", []byte(`{"format":"other/1"}`), `format "other/1"`},
		{"no classifiers", []byte(`{"format":"storylens-model/2"}`), "no classifiers"},
		{"wrong shape", bytes.Replace(good, []byte(`"base":[`), []byte(`"base":[1,`), 1), "base scores"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Decode("m.json", tt.data)
			if !errors.Is(err, ErrBadModel) || !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "m.json: ") {
				t.Errorf("Decode = %v, want %q", err, tt.want)
			}
		})
	}
}

func fsRead() ([]byte, error) { return os.ReadFile(filepath.Join("default", FileName)) }
