package models

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/storylens/storylens/datasets"
)

// toneTestClassifier scores tone from one input, the paragraph's
// exclamation marks: "happy" when there are any, "sad" otherwise.
func toneTestClassifier() (*Classifier, *Story) {
	e := &Encoder{Inputs: toneInputs}
	e.init()
	lin := &Linear{Classes: []string{"happy", "sad"}, Base: []float64{0, 1}, Delta: make([][]float64, e.Len())}
	for f := range lin.Delta {
		lin.Delta[f] = []float64{0, 0}
	}
	exclaim := slices.IndexFunc(toneInputs, func(in Input) bool { return in.Name == "exclaim" })
	lin.Delta[e.offset[exclaim]] = []float64{3, 0} // exclaim > 0
	c := &Classifier{Task: "tone", Learner: NaiveBayes, Encoder: e, Scorer: lin, Temperature: 1, folded: fold(e, lin)}
	return c, storyOf([]string{"Hooray!", "Hooray!", "It rained.", "Hooray!", "Hooray!"}, nil)
}

func TestToneScoresNeighbours(t *testing.T) {
	c, s := toneTestClassifier()
	sc := &scratch{}
	// Alone, the middle paragraph is sad, its neighbours happy.
	own := c.toneScores(sc, s, nil)
	if argmax(own[2]) != 1 || argmax(own[1]) != 0 {
		t.Fatalf("without neighbours: scores %v", own)
	}
	// At weight 0 the scores keep the scorer's own differences, so a
	// classifier's temperature still applies.
	raw := c.Scorer.Scores(nil, c.Encoder.Encode(nil, toneValues(nil, s, 2), s.Paras[2].Vec.Stems))
	if d, r := own[2][1]-own[2][0], raw[1]-raw[0]; math.Abs(d-r) > 1e-9 {
		t.Errorf("score difference %v, the scorer's is %v", d, r)
	}
	// Its four happy neighbours outvote it.
	c.NeighbourWeight = 2
	got := c.toneScores(sc, s, []int{2})
	if argmax(got[2]) != 0 {
		t.Errorf("with neighbour weight 2: scores %v, want happy", got[2])
	}
	if got[0] != nil || got[1] != nil {
		t.Errorf("scores of paragraphs not asked for: %v", got)
	}
	// The edge paragraph has only two neighbours; it stays happy.
	if got := c.toneScores(sc, s, []int{0}); argmax(got[0]) != 0 {
		t.Errorf("first paragraph: scores %v", got[0])
	}
}

func TestToneScoresBias(t *testing.T) {
	c, s := toneTestClassifier()
	sc := &scratch{}
	before := c.toneScores(sc, s, []int{2})[2]
	// A rare class (5 %) gains on a common one (95 %).
	c.Bias = priorBias([]float64{0.05, 0.95}, 1)
	after := c.toneScores(sc, s, []int{2})[2]
	if gain := (after[0] - after[1]) - (before[0] - before[1]); math.Abs(gain-tonePreTemperature*math.Log(0.95/0.05)) > 1e-9 {
		t.Errorf("bias gives happy %v over sad, want %v", gain, tonePreTemperature*math.Log(0.95/0.05))
	}
	if argmax(after) != 0 {
		t.Errorf("with the prior taken off: scores %v, want happy", after)
	}
}

func TestPriorBias(t *testing.T) {
	if b := priorBias([]float64{0.5, 0.5}, 0); b != nil {
		t.Errorf("share 0: bias %v, want none", b)
	}
	b := priorBias([]float64{0.25, 0.75}, 0.5)
	if math.Abs(b[0]-0.5*math.Log(4)) > 1e-12 || math.Abs(b[1]-0.5*math.Log(4.0/3)) > 1e-12 {
		t.Errorf("bias %v", b)
	}
	// A class never seen in training gets a finite bias.
	if b := priorBias([]float64{0, 1}, 1); math.IsInf(b[0], 0) || math.IsNaN(b[0]) {
		t.Errorf("bias %v", b)
	}
}

// TestDecodeBadToneBias: a tone bias of the wrong length or not finite is
// a clear error.
func TestDecodeBadToneBias(t *testing.T) {
	good, err := fsRead()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		bias []any
		want string
	}{
		{[]any{1, 2}, "2 class biases for 6 classes"},
		{[]any{1, 2, 3, 4, 5, json.Number("1e300")}, "a parameter is"},
	} {
		var m map[string]any
		dec := json.NewDecoder(bytes.NewReader(good))
		dec.UseNumber()
		if err := dec.Decode(&m); err != nil {
			t.Fatal(err)
		}
		tone, ok := m["tone"].(map[string]any)
		if !ok {
			t.Fatal("the default model has no tone classifier")
		}
		tone["bias"] = tt.bias
		bad, err := json.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		_, err = Decode("m.json", bad)
		if !errors.Is(err, ErrBadModel) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("bias %v: Decode = %v, want %q", tt.bias, err, tt.want)
		}
	}
}

func TestAppendLexicon(t *testing.T) {
	got := appendLexicon(nil, []string{"nosuchstem"})
	for _, x := range got {
		if !math.IsNaN(x) {
			t.Errorf("no stem in the lexicons: values %v, want NaN", got)
		}
	}
	// "the" is in the GoEmotions lexicon, too common for EmoBank's.
	got = appendLexicon(nil, []string{"the"})
	if math.IsNaN(got[0]) || !math.IsNaN(got[6]) || len(got) != 11 {
		t.Errorf("the: values %v", got)
	}
	got = appendLexicon(nil, []string{"scream", "laugh", "nosuchstem"})[6:]
	if len(got) != 5 || got[2] > got[3] || got[1] > got[4] || !(got[0] >= got[2] && got[0] <= got[3]) {
		t.Errorf("values %v: want mean valence, mean arousal, min valence, max valence, max arousal", got)
	}
}

// TestToneInputsPrefix: a tone classifier that reads the first
// tonePrefixInputs inputs decodes; fewer, or a wrong name, do not.
func TestToneInputsPrefix(t *testing.T) {
	c := &Classifier{Encoder: &Encoder{Inputs: slices.Clone(tonePrefixInputs)}, Scorer: &Linear{}}
	if err := checkInputs("tone", c); err != nil {
		t.Errorf("prefix: %v", err)
	}
	c.Encoder.Inputs = tonePrefixInputs[:len(tonePrefixInputs)-1]
	if err := checkInputs("tone", c); err == nil {
		t.Error("a shorter list decodes")
	}
	c.Encoder.Inputs = slices.Clone(toneInputs)
	c.Encoder.Inputs[len(toneInputs)-1].Name = "other"
	if err := checkInputs("tone", c); err == nil || !strings.Contains(err.Error(), `"other"`) {
		t.Errorf("wrong name: error %v", err)
	}
}

// TestToneStoryShift: the story-relative tone inputs are a paragraph's
// lexicon values less the story's mean, so in a story of two paragraphs
// they are opposite, and a paragraph without lexicon words has none.
func TestToneStoryShift(t *testing.T) {
	s := storyOf([]string{"She wept with grief and sorrow at the grave.", "They laughed with joy at the happy wedding.", "Xq zv."}, nil)
	n := len(toneInputs)
	a, b, none := toneValues(nil, s, 0), toneValues(nil, s, 1), toneValues(nil, s, 2)
	if len(a) != n {
		t.Fatalf("%d tone values, %d inputs", len(a), n)
	}
	first := slices.Index(inputNames(toneInputs), "story_valence")
	for k := first; k < first+toneShifted; k++ {
		if math.IsNaN(a[k]) || math.Abs(a[k]+b[k]) > 1e-9 && k != first {
			t.Errorf("%s: %v and %v are not opposite", toneInputs[k].Name, a[k], b[k])
		}
		if k > first && !math.IsNaN(none[k]) {
			t.Errorf("%s of a paragraph without lexicon words: %v", toneInputs[k].Name, none[k])
		}
	}
	sad, happy := slices.Index(inputNames(toneInputs), "story_lex_sad"), slices.Index(inputNames(toneInputs), "story_lex_happy")
	if !(a[sad] > 0 && b[sad] < 0 && a[happy] < 0 && b[happy] > 0) {
		t.Errorf("grief against the story: sad %+.3f happy %+.3f; joy: sad %+.3f happy %+.3f", a[sad], a[happy], b[sad], b[happy])
	}
}

func inputNames(ins []Input) []string {
	out := make([]string, len(ins))
	for i, in := range ins {
		out[i] = in.Name
	}
	return out
}

// appendLexicon is appendLexiconOf for stems given as strings.
func appendLexicon(dst []float64, stems []string) []float64 {
	lex := stemLexicon()
	idx := make([]int32, len(stems))
	for i, st := range stems {
		idx[i] = -1
		if k, ok := lex.index[st]; ok {
			idx[i] = k
		}
	}
	return appendLexiconOf(dst, idx)
}

// TestToneVectorInputs: the last tone inputs are the weighted mean stem
// vector of the paragraph's stems (datasets.StemVectors), 0 without any.
func TestToneVectorInputs(t *testing.T) {
	vecs, err := datasets.StemVectors()
	if err != nil {
		t.Fatal(err)
	}
	text := "She wept with grief and sorrow at the grave."
	s := storyOf([]string{text, "Xq zv."}, nil)
	got, none := toneValues(nil, s, 0), toneValues(nil, s, 1)
	first := slices.Index(inputNames(toneInputs), "vector_1")
	if first < 0 || len(got) != first+datasets.VectorDim {
		t.Fatalf("vector inputs start at %d of %d values", first, len(got))
	}
	var want [datasets.VectorDim]float64
	n, total := 0, 0.0
	for _, st := range s.Paras[0].Vec.Stems {
		if i := slices.Index(vecs.Stems, st); i >= 0 {
			w := float64(vecs.Weights[i])
			for j, x := range vecs.Of(i) {
				want[j] += w * float64(x)
			}
			n++
			total += w
		}
	}
	if n < 5 {
		t.Fatalf("only %d of the stems of %q have vectors", n, text)
	}
	for j := range want {
		if w := want[j] / total; math.Abs(got[first+j]-w) > 1e-9 {
			t.Errorf("vector_%d = %v, want %v", j+1, got[first+j], w)
		}
		if none[first+j] != 0 {
			t.Errorf("vector_%d of a paragraph without known stems: %v, want 0 (the corpus mean)", j+1, none[first+j])
		}
	}
}
