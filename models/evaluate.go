package models

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"sort"

	"github.com/sjwhitworth/golearn/evaluation"
)

// Score is one set of metrics on held-out paragraphs.
type Score struct {
	Name     string  `json:"name"`
	N        int     `json:"n"`
	Accuracy float64 `json:"accuracy"`
	MacroF1  float64 `json:"macro_f1"`
}

// ClassScore is one class's precision, recall and F1.
type ClassScore struct {
	Label     string  `json:"label"`
	Support   int     `json:"support"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

// Report is a task's evaluation: the model's scores, per class, the
// confusion matrix (gold → predicted), the baselines beside it and the
// calibration of its confidences.
type Report struct {
	Task        string                     `json:"task"`
	Folds       int                        `json:"folds,omitempty"`
	Model       Score                      `json:"model"`
	PerClass    []ClassScore               `json:"per_class,omitempty"`
	Confusion   evaluation.ConfusionMatrix `json:"confusion,omitempty"`
	Baselines   []Score                    `json:"baselines"`
	ECE         float64                    `json:"ece"`
	Temperature float64                    `json:"temperature"`
	Scale       float64                    `json:"scale"`
	Offset      float64                    `json:"offset,omitempty"`
	// Smoothing (pov) is the smoothing cross-validation chose.
	Smoothing
	// NeighbourWeight and PriorShare (tone) are the settings of the
	// classifier's neighbour smoothing and prior correction that
	// cross-validation chose.
	NeighbourWeight float64 `json:"neighbour_weight,omitempty"`
	PriorShare      float64 `json:"prior_share,omitempty"`
	// Learner is the golearn classifier evaluated; Learners, when
	// several were cross-validated on the same folds, scores each (the
	// best by accuracy, macro-F1 for tone, is the model).
	Learner  string  `json:"learner"`
	Learners []Score `json:"learners,omitempty"`
	// Reliability: per confidence bin, the count and accuracy.
	Reliability []Bin `json:"reliability,omitempty"`
	// outs are the held-out predictions the report summarises.
	outs []outcome
}

// Bin is one confidence bin of a reliability table.
type Bin struct {
	Low, High  float64
	N          int
	Confidence float64 // mean confidence
	Accuracy   float64
}

// outcome is one held-out prediction.
type outcome struct {
	gold, pred string
	correct    bool
	scores     []float64 // raw log scores (pov, tone) or candidate log-odds (focus)
	goldIdx    int       // index of the gold class/candidate in scores, -1 if absent
	fold       int
	story      int // index in Data.Stories
}

// assignFolds puts each story with labels for task in one of k folds,
// keeping every label's share similar across folds (stratified) and no
// story in two folds (grouped). The order of equal choices is seeded.
func assignFolds(d *Data, task string, k int, seed uint64) []int {
	counts := make([]map[string]int, len(d.Stories))
	total := map[string]int{}
	var idx []int
	for s := range d.Stories {
		counts[s] = map[string]int{}
		for _, r := range d.Rows[s] {
			if l := r.Label(task); l != "" {
				counts[s][l]++
				total[l]++
			}
		}
		if len(counts[s]) > 0 {
			idx = append(idx, s)
		}
	}
	r := rand.New(rand.NewPCG(seed, 7))
	r.Shuffle(len(idx), func(i, j int) { idx[i], idx[j] = idx[j], idx[i] })
	size := func(s int) int {
		n := 0
		for _, c := range counts[s] {
			n += c
		}
		return n
	}
	slices.SortStableFunc(idx, func(a, b int) int { return size(b) - size(a) })
	fold := make([]int, len(d.Stories))
	for i := range fold {
		fold[i] = -1
	}
	have := make([]map[string]int, k)
	sizes := make([]int, k)
	for f := range have {
		have[f] = map[string]int{}
	}
	labels := make([]string, 0, len(total))
	for l := range total {
		labels = append(labels, l)
	}
	sort.Strings(labels) // a fixed order keeps the float sums, and so the folds, reproducible
	for _, s := range idx {
		best, bestCost := 0, math.Inf(1)
		for f := 0; f < k; f++ {
			cost := float64(sizes[f]+size(s)) * 0.5
			for _, l := range labels {
				if c, ok := counts[s][l]; ok {
					cost += float64(have[f][l]+c) / float64(total[l]) * float64(len(d.Rows[s]))
				}
			}
			if cost < bestCost {
				best, bestCost = f, cost
			}
		}
		fold[s] = best
		sizes[best] += size(s)
		for l, c := range counts[s] {
			have[best][l] += c
		}
	}
	return fold
}

// CrossValidate evaluates a task's learner by k-fold cross-validation
// grouped by story and stratified by label, with baselines on the same
// folds.
func CrossValidate(d *Data, task string, k int, seed uint64, l Learner) (*Report, error) {
	return crossValidate(d, task, k, seed, l, true)
}

// crossValidate is CrossValidate, with the baselines only when asked
// (they do not depend on the learner).
func crossValidate(d *Data, task string, k int, seed uint64, l Learner, withBaselines bool) (*Report, error) {
	cv, err := foldTrials(d, task, k, seed, l, withBaselines)
	if err != nil {
		return nil, err
	}
	rep, _, err := cv.report(task)
	return rep, err
}

// trial is one learner's held-out predictions on every fold under one
// setting of its smoothing.
type trial struct {
	learner Learner
	// apply sets the setting on a classifier.
	apply func(*Classifier)
	outs  []outcome
}

// cvRun is what cross-validation tried: every learner and setting's
// held-out predictions on the same folds, and the baselines'.
type cvRun struct {
	trials []trial
	folds  []int // the folds that had both training and test stories
	base   map[string][]outcome
}

// foldTrials trains learner l on each fold's training stories and
// predicts its test stories under every smoothing setting of the task
// (one setting for focus), with the baselines when asked.
func foldTrials(d *Data, task string, k int, seed uint64, l Learner, withBaselines bool) (*cvRun, error) {
	fold := assignFolds(d, labelTask(task), k, seed)
	run := &cvRun{base: map[string][]outcome{}}
	type trained struct {
		c    *Classifier
		test []int
		f    int
	}
	var fits []trained
	for f := 0; f < k; f++ {
		var train, test []int
		for s, sf := range fold {
			switch {
			case sf == f:
				test = append(test, s)
			case sf >= 0:
				train = append(train, s)
			}
		}
		if len(test) == 0 || len(train) == 0 {
			continue
		}
		c, err := trainClassifier(task, d, train, l)
		if err != nil {
			return nil, err
		}
		fits = append(fits, trained{c, test, f})
		run.folds = append(run.folds, f)
		if !withBaselines {
			continue
		}
		for name, b := range baselines(task, d, train, test, f) {
			run.base[name] = append(run.base[name], b...)
		}
	}
	// pov and tone: each smoothing setting is tried on every fold's
	// held-out predictions; cvRun.report chooses among them.
	var apply []func(*Classifier)
	switch task {
	case "pov":
		for _, t := range fits {
			t.c.povRaw = map[*Story][][]float64{}
			sc := &scratch{}
			for _, s := range t.test {
				t.c.povRaw[d.Stories[s]] = t.c.povLogProbs(sc, d.Stories[s])
			}
		}
		for _, ps := range povSettings() {
			apply = append(apply, func(c *Classifier) { c.Smoothing = ps })
		}
	case "tone":
		for _, w := range neighbourWeights {
			for _, ps := range priorShares {
				apply = append(apply, func(c *Classifier) {
					c.NeighbourWeight, c.PriorShare, c.Bias = w, ps, priorBias(c.priors, ps)
				})
			}
		}
	default:
		apply = append(apply, func(*Classifier) {})
	}
	for _, set := range apply {
		var o []outcome
		for _, t := range fits {
			set(t.c)
			o = append(o, heldOut(t.c, d, t.test, t.f)...)
		}
		run.trials = append(run.trials, trial{l, set, o})
	}
	for _, t := range fits {
		t.c.povRaw = nil
	}
	return run, nil
}

// report chooses among the run's trials by held-out accuracy (pov,
// focus) or macro-F1 (tone), the first of the best, and reports the
// cross-fitted figures: each fold's predictions come from the trial the
// other folds chose, so the choice does not flatter them. It returns
// the trial chosen on all the folds, which the final model takes.
func (run *cvRun) report(task string) (*Report, trial, error) {
	score := func(o []outcome) float64 {
		if task == "tone" {
			return summarise(task, o).Model.MacroF1
		}
		return summarise(task, o).Model.Accuracy
	}
	tried := make([][]outcome, len(run.trials))
	for k, t := range run.trials {
		tried[k] = t.outs
	}
	all, outs := crossFit(tried, run.folds, score)
	if len(outs) == 0 {
		return nil, trial{}, fmt.Errorf("models: no %s labels to evaluate", task)
	}
	chosen := run.trials[all]
	// The report carries the chosen setting for the final classifier.
	var c Classifier
	chosen.apply(&c)
	rep := summarise(task, outs)
	rep.outs = outs
	rep.Folds = len(run.folds)
	rep.Learner = chosen.learner.String()
	rep.Smoothing = c.Smoothing
	rep.NeighbourWeight, rep.PriorShare = c.NeighbourWeight, c.PriorShare
	cal := fitCalibration(task, outs)
	rep.Temperature, rep.Scale, rep.Offset = cal.t, cal.scale, cal.offset
	rep.ECE, rep.Reliability = crossFittedECE(task, outs)
	names := make([]string, 0, len(run.base))
	for n := range run.base {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		s := summarise(task, run.base[n]).Model
		s.Name = n
		rep.Baselines = append(rep.Baselines, s)
	}
	return rep, chosen, nil
}

// crossFit chooses among settings tried on every fold: tried[k] holds
// setting k's held-out outcomes over all the folds. It returns the
// setting with the best score over all of them (the first of the best),
// which the final model takes, and the outcomes of each fold of folds
// under the setting the other folds' outcomes chose: no fold's own
// outcomes weigh in the choice it is scored with.
func crossFit(tried [][]outcome, folds []int, score func([]outcome) float64) (int, []outcome) {
	choose := func(skip int) int {
		best, bestScore := 0, math.Inf(-1)
		var rest []outcome
		for k, o := range tried {
			rest = rest[:0]
			for _, x := range o {
				if x.fold != skip {
					rest = append(rest, x)
				}
			}
			if sc := score(rest); sc > bestScore+1e-9 {
				best, bestScore = k, sc
			}
		}
		return best
	}
	var outs []outcome
	for _, f := range folds {
		for _, o := range tried[choose(f)] {
			if o.fold == f {
				outs = append(outs, o)
			}
		}
	}
	return choose(-1), outs
}

// heldOut predicts the labelled paragraphs of the test stories.
func heldOut(c *Classifier, d *Data, test []int, fold int) []outcome {
	var outs []outcome
	sc := &scratch{}
	task := labelTask(c.Task)
	for _, s := range test {
		st := d.Stories[s]
		var stats *focusCtx
		if task == "focus" {
			stats = focusContext(st)
		}
		var povScores, toneScores [][]float64
		if c.Task == "tone" {
			var want []int
			for i, r := range d.Rows[s] {
				if r.Label(task) != "" {
					want = append(want, i)
				}
			}
			toneScores = c.toneScores(sc, st, want)
		}
		for i, r := range d.Rows[s] {
			gold := r.Label(task)
			if gold == "" {
				continue
			}
			o := outcome{gold: gold, goldIdx: -1, fold: fold, story: s}
			if task == "focus" {
				cands, odds := c.focusScores(sc, st, i, stats)
				o.scores = odds
				k := argmax(odds)
				o.pred = cands[k].label
				o.correct = st.isGold(cands[k], gold)
				for j, cand := range cands {
					if st.isGold(cand, gold) {
						o.goldIdx = j
						break
					}
				}
			} else if c.Task == "pov" {
				if povScores == nil {
					povScores = c.povStoryScores(sc, st)
				}
				o.scores = povScores[i]
				o.pred = c.Scorer.Classes[argmax(o.scores)]
				o.correct = o.pred == gold
				o.goldIdx = slices.Index(c.Scorer.Classes, gold)
			} else if c.Task == "tone" {
				o.scores = toneScores[i]
				o.pred = c.Scorer.Classes[argmax(o.scores)]
				o.correct = o.pred == gold
				o.goldIdx = slices.Index(c.Scorer.Classes, gold)
			} else {
				o.scores = slices.Clone(c.scoresPara(sc, st, i))
				o.pred = c.Scorer.Classes[argmax(o.scores)]
				o.correct = o.pred == gold
				o.goldIdx = slices.Index(c.Scorer.Classes, gold)
			}
			outs = append(outs, o)
		}
	}
	return outs
}

// baselines evaluates the simple baselines of a task on one fold.
func baselines(task string, d *Data, train, test []int, fold int) map[string][]outcome {
	out := map[string][]outcome{}
	lt := labelTask(task)
	counts := map[string]int{}
	for _, p := range d.labelled(lt, train) {
		counts[d.Rows[p[0]][p[1]].Label(lt)]++
	}
	majority := ""
	for l, n := range counts {
		if n > counts[majority] || n == counts[majority] && l < majority {
			majority = l
		}
	}
	for _, p := range d.labelled(lt, test) {
		gold := d.Rows[p[0]][p[1]].Label(lt)
		st := d.Stories[p[0]]
		if lt == "focus" {
			// Names differ from story to story: the one label every
			// story shares is none.
			out["always none"] = append(out["always none"], outcome{gold: gold, pred: None, correct: gold == None, fold: fold})
		} else {
			out["majority class"] = append(out["majority class"], outcome{gold: gold, pred: majority, correct: majority == gold, fold: fold})
		}
		switch lt {
		case "pov":
			pred := pronounRule(&st.Paras[p[1]])
			out["pronoun-count rule"] = append(out["pronoun-count rule"], outcome{gold: gold, pred: pred, correct: pred == gold, fold: fold})
		case "focus":
			c := mostFrequentName(st, paraStats(&st.Paras[p[1]], st.Paras[p[1]].chars))
			out["most frequent name"] = append(out["most frequent name"], outcome{gold: gold, pred: c.label, correct: st.isGold(c, gold), fold: fold})
		}
	}
	if lt == "tone" && task == "tone" {
		for _, b := range []string{"lexicon", "bow"} {
			c, err := trainClassifier(b, d, train, Learner{Kind: NaiveBayes})
			if err != nil {
				continue
			}
			name := map[string]string{"lexicon": "lexicon alone (VADER)", "bow": "bag of stems alone"}[b]
			out[name] = heldOut(c, d, test, fold)
		}
	}
	return out
}

// pronounRule is the pov baseline: the person with the most pronouns in
// the paragraph's narration; third when there are none.
func pronounRule(p *Para) string {
	switch {
	case p.narrFirst > 0 && p.narrFirst >= p.narrSecond && p.narrFirst >= p.narrThird:
		return "first"
	case p.narrSecond > 0 && p.narrSecond >= p.narrThird:
		return "second"
	}
	return "third"
}

// summarise computes accuracy, macro-F1, per-class scores and the
// confusion matrix (with golearn's evaluation package).
func summarise(task string, outs []outcome) *Report {
	rep := &Report{Task: task}
	cm := evaluation.ConfusionMatrix{}
	right := 0
	for _, o := range outs {
		pred := o.pred
		if task == "focus" {
			// Focus is an open set: score the right/wrong decision.
			pred = map[bool]string{true: "right", false: "wrong"}[o.correct]
			if o.correct {
				pred = o.gold
			}
		}
		if cm[o.gold] == nil {
			cm[o.gold] = map[string]int{}
		}
		cm[o.gold][pred]++
		if o.correct {
			right++
		}
	}
	rep.Model = Score{Name: "model", N: len(outs), Accuracy: float64(right) / float64(len(outs))}
	if task == "focus" {
		return rep
	}
	rep.Confusion = cm
	// Macro-F1 averages over the classes of the gold labels and of the
	// predictions: a class only ever predicted wrongly counts, at F1 0,
	// so that macro-F1 cannot exceed what the predictions earn.
	var labels []string
	for l, row := range cm {
		labels = append(labels, l)
		for p := range row {
			labels = append(labels, p)
		}
	}
	sort.Strings(labels)
	labels = slices.Compact(labels)
	f1sum := 0.0
	for _, l := range labels {
		support := 0
		for _, n := range cm[l] {
			support += n
		}
		cs := ClassScore{Label: l, Support: support, Precision: nan0(evaluation.GetPrecision(l, cm)),
			Recall: nan0(evaluation.GetRecall(l, cm)), F1: nan0(evaluation.GetF1Score(l, cm))}
		rep.PerClass = append(rep.PerClass, cs)
		f1sum += cs.F1
	}
	rep.Model.MacroF1 = f1sum / float64(len(labels))
	return rep
}

func nan0(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return 0
	}
	return x
}

// fitTemperature picks the temperature that minimises the negative log
// likelihood of the gold labels on held-out predictions.
func fitTemperature(outs []outcome) float64 {
	best, bestNLL := 1.0, math.Inf(1)
	buf := []float64{}
	for k := 0; k <= 240; k++ {
		t := math.Exp(math.Log(0.05) + float64(k)/240*(math.Log(200)-math.Log(0.05)))
		nll := 0.0
		for _, o := range outs {
			if o.goldIdx < 0 {
				continue
			}
			buf = Probs(append(buf[:0], o.scores...), t)
			nll -= math.Log(math.Max(buf[o.goldIdx], 1e-12))
		}
		if nll < bestNLL {
			best, bestNLL = t, nll
		}
	}
	return best
}

// storyWeights are the weights of the story's mean pov log-probabilities
// tried by cross-validation; localWeights and localRadii those of the
// mean over the paragraphs within a radius either side.
var (
	storyWeights = []float64{0, 0.5, 1, 2, 4, 8}
	localWeights = []float64{2, 4, 8, 16}
	localRadii   = []int{50, 100, 200}
)

// povSettings lists the pov smoothing settings cross-validation tries:
// each story weight alone, then with each local weight and radius.
func povSettings() []Smoothing {
	var out []Smoothing
	for _, sw := range storyWeights {
		out = append(out, Smoothing{StoryWeight: sw})
		for _, lw := range localWeights {
			for _, r := range localRadii {
				out = append(out, Smoothing{StoryWeight: sw, LocalWeight: lw, LocalRadius: r})
			}
		}
	}
	return out
}

// neighbourWeights are the weights of the neighbouring paragraphs' mean
// tone log-probabilities tried by cross-validation, and priorShares the
// shares of the log prior taken off the tone scores.
var (
	neighbourWeights = []float64{0, 0.25, 0.5, 1, 2}
	priorShares      = []float64{0, 0.1, 0.2, 0.35, 0.5, 0.75, 1}
)

// fitCalibration fits a task's confidence calibration on held-out
// predictions. pov uses temperature scaling (the NLL of the gold class).
// Tone's scores are shifted towards its rarer tones (prior share), so the
// gold class's likelihood no longer says how often the top label is
// right: tone fits a temperature and a line (scale and offset) on the top
// confidence, by least squares against right or wrong (Brier score). A
// focus paragraph's gold character is often not among the candidates, so
// the softmax over candidates cannot know when it is wrong: focus fits a
// temperature and a scale of at most 1 the same way.
func fitCalibration(task string, outs []outcome) calibration {
	switch task {
	case "focus":
		return fitTopBrier(outs, false)
	case "tone":
		return fitTopBrier(outs, true)
	}
	return calibration{t: fitTemperature(outs), scale: 1}
}

// fitTopBrier picks the temperature, and the scale (and, withOffset, the
// offset) of the top confidence, that minimise its squared error against
// whether the prediction was right.
func fitTopBrier(outs []outcome, withOffset bool) calibration {
	if len(outs) == 0 {
		return calibration{t: 1, scale: 1}
	}
	best := math.Inf(1)
	out := calibration{t: 1, scale: 1}
	var buf []float64
	top := make([]float64, len(outs))
	for k := 0; k <= 80; k++ {
		tt := math.Exp(math.Log(0.1) + float64(k)/80*(math.Log(100)-math.Log(0.1)))
		var sx, sy, sxx, sxy, n float64
		for i, o := range outs {
			buf = Probs(append(buf[:0], o.scores...), tt)
			top[i] = buf[argmax(buf)]
			y := b2f(o.correct)
			sx, sy, sxx, sxy, n = sx+top[i], sy+y, sxx+top[i]*top[i], sxy+top[i]*y, n+1
		}
		cal := calibration{t: tt, scale: math.Min(1, sxy/sxx)}
		if withOffset {
			// Least squares line; a line that falls is no calibration.
			v := sxx - sx*sx/n
			if v <= 0 {
				continue
			}
			b := (sxy - sx*sy/n) / v
			if b <= 0 {
				continue
			}
			cal.scale, cal.offset = b, (sy-b*sx)/n
			if b > 1 || math.Abs(cal.offset) > 1 {
				continue
			}
		}
		loss := 0.0
		for i, o := range outs {
			e := cal.confidence(top[i]) - b2f(o.correct)
			loss += e * e
		}
		if loss < best {
			best, out = loss, cal
		}
	}
	if math.IsInf(best, 1) {
		// No temperature gave a rising line: temperature scaling alone.
		return calibration{t: fitTemperature(outs), scale: 1}
	}
	return out
}

// crossFittedECE computes the expected calibration error (15 equal-width
// bins) of held-out predictions, each fold calibrated on the other folds
// only.
func crossFittedECE(task string, outs []outcome) (float64, []Bin) {
	folds := map[int]bool{}
	for _, o := range outs {
		folds[o.fold] = true
	}
	cals := map[int]calibration{}
	for f := range folds {
		var rest []outcome
		for _, o := range outs {
			if o.fold != f {
				rest = append(rest, o)
			}
		}
		cals[f] = fitCalibration(task, rest)
	}
	return eceWith(outs, func(o outcome) calibration { return cals[o.fold] })
}

// eceAt computes the expected calibration error at one calibration.
func eceAt(outs []outcome, cal calibration) (float64, []Bin) {
	return eceWith(outs, func(outcome) calibration { return cal })
}

func eceWith(outs []outcome, calOf func(outcome) calibration) (float64, []Bin) {
	const nb = 15
	bins := make([]Bin, nb)
	for i := range bins {
		bins[i].Low, bins[i].High = float64(i)/nb, float64(i+1)/nb
	}
	var buf []float64
	for _, o := range outs {
		cal := calOf(o)
		buf = Probs(append(buf[:0], o.scores...), cal.t)
		conf := cal.confidence(buf[argmax(buf)])
		b := min(nb-1, int(conf*nb))
		bins[b].N++
		bins[b].Confidence += conf
		if o.correct {
			bins[b].Accuracy++
		}
	}
	ece := 0.0
	for i := range bins {
		if bins[i].N == 0 {
			continue
		}
		n := float64(bins[i].N)
		bins[i].Confidence /= n
		bins[i].Accuracy /= n
		ece += n / float64(len(outs)) * math.Abs(bins[i].Accuracy-bins[i].Confidence)
	}
	return ece, bins
}
