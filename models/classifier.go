package models

import (
	"math"
	"slices"

	"github.com/storylens/storylens/features"
)

// Classifier is one task's trained model: how paragraphs become binary
// columns, the golearn classifier that was fitted on them (compiled into a
// linear scorer), and the temperature that calibrates its probabilities.
type Classifier struct {
	Task        string   `json:"task"`
	Learner     string   `json:"learner"` // the golearn classifier, as Learner.String gives it
	Encoder     *Encoder `json:"encoder"`
	Scorer      *Linear  `json:"scorer"`
	Temperature float64  `json:"temperature"`
	// Scale multiplies the calibrated top probability and Offset is
	// added to it (focus and tone; a Scale of 0 means 1).
	Scale  float64 `json:"scale,omitempty"`
	Offset float64 `json:"offset,omitempty"`
	// Smoothing (pov only) leans each paragraph's scores on the story's
	// and its neighbours'.
	Smoothing
	// NeighbourWeight (tone only) adds the mean log-probabilities of the
	// paragraphs within toneRadius, times this weight, to each
	// paragraph's: tone tends to hold across a scene.
	NeighbourWeight float64 `json:"neighbour_weight,omitempty"`
	// Bias (tone only; nil means none) is added to each class's score
	// after the neighbours': cross-validation sets it to a share of minus
	// the log prior of the training classes, which trades accuracy on
	// the common tones for recall on the rare ones (macro-F1).
	Bias []float64 `json:"bias,omitempty"`
	// PriorShare is the share of the log prior Bias takes off (tone).
	PriorShare float64 `json:"prior_share,omitempty"`
	// Majority (pov and tone) is the commonest label of the training
	// data: eval's majority-class baseline.
	Majority string `json:"majority,omitempty"`
	// Trained records the stories and paragraphs the classifier trained
	// on (nil in older model files).
	Trained *TrainedOn `json:"trained_on,omitempty"`
	// priors are the training classes' shares, in Scorer.Classes order
	// (kept while cross-validating, not saved).
	priors []float64
	// povRaw holds stories' unsmoothed pov log-probabilities
	// (povLogProbs) while cross-validation tries smoothing settings on
	// them (nil otherwise, and not saved).
	povRaw map[*Story][][]float64
	// folded is the scorer folded over the encoder (set by fold).
	folded *folded
}

// toneRadius is how many paragraphs on each side of a paragraph its tone
// scores read.
const toneRadius = 2

// tonePreTemperature softens the tone scores before they are shared with
// the neighbours (naive Bayes log-probabilities are extreme).
const tonePreTemperature = 5

// toneScores returns the tone scores of the paragraphs of s listed in
// want (every paragraph when want is nil), indexed by paragraph (nil for
// those not wanted): each paragraph's log-probabilities at
// tonePreTemperature, plus NeighbourWeight times the mean of those of the
// paragraphs within toneRadius (labelled or not), plus Bias, all times
// tonePreTemperature. Labelling and evaluation both score tone through
// here.
func (c *Classifier) toneScores(sc *scratch, s *Story, want []int) [][]float64 {
	own := make([][]float64, len(s.Paras))
	get := func(i int) []float64 {
		if own[i] == nil {
			p := Probs(slices.Clone(c.scoresPara(sc, s, i)), tonePreTemperature)
			for k := range p {
				p[k] = math.Log(math.Max(p[k], 1e-12))
			}
			own[i] = p
		}
		return own[i]
	}
	if want == nil {
		want = make([]int, len(s.Paras))
		for i := range want {
			want[i] = i
		}
	}
	out := make([][]float64, len(s.Paras))
	for _, i := range want {
		sum := slices.Clone(get(i))
		if c.NeighbourWeight != 0 {
			lo, hi := max(0, i-toneRadius), min(len(s.Paras)-1, i+toneRadius)
			if n := hi - lo; n > 0 {
				w := c.NeighbourWeight / float64(n)
				for j := lo; j <= hi; j++ {
					if j == i {
						continue
					}
					for k, x := range get(j) {
						sum[k] += w * x
					}
				}
			}
		}
		for k := range sum {
			if k < len(c.Bias) {
				sum[k] += c.Bias[k]
			}
			// Back to the scale of the scorer's own scores, so that a
			// classifier without neighbours or bias keeps its
			// temperature.
			sum[k] *= tonePreTemperature
		}
		out[i] = sum
	}
	return out
}

// priorBias returns -share times the log of each class's training share.
func priorBias(priors []float64, share float64) []float64 {
	if share == 0 || len(priors) == 0 {
		return nil
	}
	b := make([]float64, len(priors))
	for k, p := range priors {
		b[k] = -share * math.Log(math.Max(p, 1e-6))
	}
	return b
}

// povPreTemperature softens the naive Bayes scores before they are
// averaged over a story (naive Bayes log-probabilities are extreme).
const povPreTemperature = 5

// Smoothing is how pov scores lean on other paragraphs'.
type Smoothing struct {
	// StoryWeight adds the story's mean log-probabilities, times this
	// weight, to each paragraph's, so that one story's paragraphs lean
	// together and isolated errors are outvoted.
	StoryWeight float64 `json:"story_weight,omitempty"`
	// LocalWeight adds the mean log-probabilities of the paragraphs
	// within LocalRadius either side, times this weight: a book whose
	// narrator changes by section (a memoir inside a tale) leans by
	// section rather than as a whole.
	LocalWeight float64 `json:"local_weight,omitempty"`
	LocalRadius int     `json:"local_radius,omitempty"`
}

// povStoryScores returns every paragraph's pov scores: its
// log-probabilities (povLogProbs), plus StoryWeight times the story's
// mean log-probabilities, plus LocalWeight times the mean over the
// paragraphs within LocalRadius either side.
func (c *Classifier) povStoryScores(sc *scratch, s *Story) [][]float64 {
	raw, ok := c.povRaw[s]
	if !ok {
		raw = c.povLogProbs(sc, s)
	}
	n := len(raw)
	out := make([][]float64, n)
	if n == 0 {
		return out
	}
	nc := len(raw[0])
	// sum[i*nc+k] is the sum of class k's log-probabilities over
	// paragraphs 0 to i-1.
	sum := make([]float64, (n+1)*nc)
	for i, p := range raw {
		for k, x := range p {
			sum[(i+1)*nc+k] = sum[i*nc+k] + x
		}
	}
	scores := make([]float64, n*nc)
	for i, p := range raw {
		lo, hi := max(0, i-c.LocalRadius), min(n, i+c.LocalRadius+1)
		out[i] = scores[i*nc : (i+1)*nc : (i+1)*nc]
		for k, x := range p {
			out[i][k] = x + c.StoryWeight*sum[n*nc+k]/float64(n)
			if c.LocalWeight != 0 {
				out[i][k] += c.LocalWeight * (sum[hi*nc+k] - sum[lo*nc+k]) / float64(hi-lo)
			}
		}
	}
	return out
}

// povLogProbs returns every paragraph's pov log-probabilities, softened
// at povPreTemperature.
func (c *Classifier) povLogProbs(sc *scratch, s *Story) [][]float64 {
	out := make([][]float64, len(s.Paras))
	for i := range s.Paras {
		p := Probs(slices.Clone(c.scoresPara(sc, s, i)), povPreTemperature)
		for k := range p {
			p[k] = math.Log(math.Max(p[k], 1e-12))
		}
		out[i] = p
	}
	return out
}

func (c *Classifier) scale() float64 {
	if c.Scale <= 0 {
		return 1
	}
	return c.Scale
}

// calibration is the classifier's map from scores to a confidence.
func (c *Classifier) calibration() calibration {
	return calibration{t: c.Temperature, scale: c.scale(), offset: c.Offset}
}

// calibration turns a prediction's scores into its confidence: a softmax
// at temperature t, then the top probability times scale plus offset,
// kept within [0, 1].
type calibration struct{ t, scale, offset float64 }

func (cal calibration) confidence(top float64) float64 {
	return min(1, max(0, cal.offset+cal.scale*top))
}

// labelled lists (story, paragraph) pairs with a label for task.
func (d *Data) labelled(task string, stories []int) [][2]int {
	var out [][2]int
	for _, s := range stories {
		for i, r := range d.Rows[s] {
			if r.Label(task) != "" {
				out = append(out, [2]int{s, i})
			}
		}
	}
	return out
}

// values returns the inputs and stems a paragraph-level task reads.
func paraInputs(task string, dst []float64, s *Story, i int) ([]float64, []string) {
	switch task {
	case "pov":
		return povValues(dst, s, i), nil
	case "lexicon":
		return toneValues(dst, s, i)[:len(lexiconInputs)], nil
	case "bow":
		return dst[:0], s.Paras[i].Vec.Stems
	}
	return toneValues(dst, s, i), s.Paras[i].Vec.Stems
}

// newEncoder builds the encoder of a task; tasks with stems learn their
// vocabulary from the training stories only.
func newEncoder(task string, d *Data, stories []int) *Encoder {
	e := &Encoder{}
	switch task {
	case "pov":
		e.Inputs = povInputs
	case "focus":
		e.Inputs = focusInputs
	case "lexicon":
		e.Inputs = lexiconInputs
	case "bow", "tone":
		if task == "tone" {
			e.Inputs = toneInputs
		}
		var docs [][]string
		for _, p := range d.labelled("tone", stories) {
			docs = append(docs, d.Stories[p[0]].Paras[p[1]].Vec.Stems)
		}
		e.Stems = features.BuildVocabulary(docs, 3, toneVocabSize).Stems
	}
	e.init()
	return e
}

// labelTask is the dataset column a task is trained on.
func labelTask(task string) string {
	switch task {
	case "lexicon", "bow":
		return "tone"
	}
	return task
}

// trainClassifier trains a task's classifier on the given stories.
func trainClassifier(task string, d *Data, stories []int, l Learner) (*Classifier, error) {
	e := newEncoder(task, d, stories)
	var rows []Row
	var vals []float64
	if task == "focus" {
		for _, s := range stories {
			st := d.Stories[s]
			stats := focusContext(st)
			for i, r := range d.Rows[s] {
				if r.Focus == "" {
					continue
				}
				for _, c := range focusCandidates(st, i, stats) {
					vals = focusValues(vals, st, i, c, stats)
					class := "no"
					if st.isGold(c, r.Focus) {
						class = "yes"
					}
					rows = append(rows, Row{Features: e.Encode(nil, vals, nil), Class: class})
				}
			}
		}
	} else {
		lt := labelTask(task)
		for _, p := range d.labelled(lt, stories) {
			st := d.Stories[p[0]]
			v, stems := paraInputs(task, vals, st, p[1])
			vals = v
			rows = append(rows, Row{Features: e.Encode(nil, v, stems), Class: d.Rows[p[0]][p[1]].Label(lt)})
		}
	}
	lin, err := l.Train(rows, e.Len())
	if err != nil {
		return nil, err
	}
	c := &Classifier{Task: task, Learner: l.String(), Encoder: e, Scorer: lin, Temperature: 1, folded: fold(e, lin)}
	c.priors = make([]float64, len(lin.Classes))
	for _, r := range rows {
		if k := slices.Index(lin.Classes, r.Class); k >= 0 {
			c.priors[k] += 1 / float64(len(rows))
		}
	}
	if task != "focus" {
		c.Majority = lin.Classes[argmax(c.priors)]
	}
	return c, nil
}

// Prediction is one label with its confidence in [0,1].
type Prediction struct {
	Label      string
	Confidence float64
}

// scratch holds reusable buffers for prediction.
type scratch struct {
	vals   []float64
	cols   []int
	scores []float64
}

// scoresPara returns the log scores of a paragraph-level classifier.
func (c *Classifier) scoresPara(sc *scratch, s *Story, i int) []float64 {
	var stems []string
	sc.vals, stems = paraInputs(c.Task, sc.vals, s, i)
	sc.cols = sc.cols[:0]
	if len(c.Encoder.Stems) > 0 {
		if p := &s.Paras[i]; p.vocab != nil {
			if p.vocab != c.Encoder.vocab && !slices.Equal(p.vocab.Stems, c.Encoder.Stems) {
				panic("models: a paragraph analysed for one model's tone vocabulary scored by another's")
			}
			sc.cols = append(sc.cols, p.bag...)
		} else {
			sc.cols = c.Encoder.vocab.Bag(sc.cols, stems)
		}
	}
	sc.scores = c.scores(sc.scores, sc.vals, sc.cols)
	return sc.scores
}

// focusScores returns the candidates of paragraph i and each one's
// log-odds of being the focus.
func (c *Classifier) focusScores(sc *scratch, s *Story, i int, stats *focusCtx) ([]candidate, []float64) {
	cands := focusCandidates(s, i, stats)
	yes := 0
	for k, cl := range c.Scorer.Classes {
		if cl == "yes" {
			yes = k
		}
	}
	odds := make([]float64, len(cands))
	for k, cand := range cands {
		sc.vals = focusValues(sc.vals, s, i, cand, stats)
		sc.scores = c.scores(sc.scores, sc.vals, nil)
		odds[k] = sc.scores[yes] - logSumExcept(sc.scores, yes)
	}
	return cands, odds
}

func logSumExcept(xs []float64, skip int) float64 {
	m := math.Inf(-1)
	for i, x := range xs {
		if i != skip {
			m = math.Max(m, x)
		}
	}
	sum := 0.0
	for i, x := range xs {
		if i != skip {
			sum += math.Exp(x - m)
		}
	}
	return m + math.Log(sum)
}

// predictFocus labels paragraph i of s with its focus.
func (c *Classifier) predictFocus(sc *scratch, s *Story, i int, stats *focusCtx) (Prediction, candidate) {
	cands, odds := c.focusScores(sc, s, i, stats)
	probs := Probs(odds, c.Temperature)
	k := argmax(probs)
	return Prediction{Label: cands[k].label, Confidence: c.calibration().confidence(probs[k])}, cands[k]
}

// toneVocabSize is the number of stems the tone classifier keeps.
var toneVocabSize = 300
