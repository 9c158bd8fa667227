package models

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storylens/storylens/features"
)

// FuzzDecode: a damaged or foreign model file gets an error naming it, and
// a model that decodes can label a story without panicking.
func FuzzDecode(f *testing.F) {
	good, err := os.ReadFile(filepath.Join("default", FileName))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good)
	f.Add(good[:len(good)/3])
	f.Add([]byte(`{"format":"storylens-model/1","pov":{"task":"pov","encoder":{"inputs":[]},"nb":{"classes":["first"],"base":[0],"delta":[[0]]}}}`))
	a := features.NewAnalyzer()
	para := NewPara(a, []byte(`"Stefan," she said. He left.`), features.DoubleQuotes, "")
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := Decode("in.json", data)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "in.json: ") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		st := NewStory("x", []Para{para, para}, nil)
		for _, l := range m.Label(st) {
			for _, c := range []float64{l.POV.Confidence, l.Tone.Confidence, l.Focus.Confidence} {
				if c < 0 || c > 1.0000001 || c != c {
					t.Fatalf("confidence %v", c)
				}
			}
		}
	})
}

// FuzzLabel: the default model labels any text, split into paragraphs as
// `storylens label` splits it, without panicking, with every confidence
// in [0, 1] and a label for every task.
func FuzzLabel(f *testing.F) {
	for _, s := range []string{
		"\"You forget, Capataz, I was not there.\"\n\n\"Not I,\" said I.\n\n\"Then who?\"",
		"The Professor came in.\n\nProfessor Challenger and Professor Summerlee sat down. He laughed.",
		"\"Macumazahn,\" he said, \"Macumazahn!\"\n\n\"\"\n\n, Elena,\n\n\"Nay, Damon\"",
		"She, she, she. Her. Him? \"He said,\" said he. I said. Said I.",
	} {
		f.Add(s)
	}
	m, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	a := features.NewAnalyzer()
	f.Fuzz(func(t *testing.T, text string) {
		var paras []Para
		for _, p := range strings.Split(text, "\n\n") {
			paras = append(paras, NewPara(a, []byte(p), features.DetectQuoteStyle([]byte(text)), ""))
		}
		st := NewStory("x", paras, nil)
		for _, l := range m.Label(st) {
			for _, p := range []Prediction{l.POV, l.Tone, l.Focus} {
				if c := p.Confidence; c < 0 || c > 1.0000001 || c != c || p.Label == "" {
					t.Fatalf("prediction %+v", p)
				}
			}
		}
	})
}
