package report

import (
	"fmt"
	"math"
)

// Paragraph is what a comparison needs of one labelled paragraph.
type Paragraph struct {
	Words          int
	Tone           string
	ToneConfidence float64
	ToneProbs      []float64 // probability of each tone, in the Comparison's Tones order
	Valence        float64   // mean VADER valence of its lexicon words, -4..4
}

// Story is a story's labelled paragraphs in order.
type Story struct {
	Name       string
	Paragraphs []Paragraph
}

// ToneValence places each default tone on the pleasant–unpleasant axis
// used by the arc; tones of a custom label set that are not here count 0.
var ToneValence = map[string]float64{
	"happy": 1, "tender": 0.7, "neutral": 0, "tense": -0.6, "angry": -0.8, "sad": -1,
}

// Profile is a story's share of each tone, three ways: by paragraphs, by
// words, and by the classifier's confidence (each paragraph's tone
// probabilities summed).
type Profile struct {
	Paragraphs []float64
	Words      []float64
	Confidence []float64
}

// Arc is a story's emotional score over narrative time.
type Arc struct {
	// Raw is one score per paragraph, in [-1, 1]: the mean of the tone
	// probabilities' valence (ToneValence) and the VADER valence / 4.
	Raw []float64
	// Rolling is Raw smoothed by a centred rolling mean over a tenth of the
	// story, resampled to Points points.
	Rolling []float64
	// DCT is Raw reconstructed from its first LowPass DCT coefficients at
	// Points points.
	DCT []float64
}

// StoryResult is one story's profile and arc.
type StoryResult struct {
	Name       string
	Paragraphs int
	Words      int
	Profile    Profile
	Arc        Arc
}

// Comparison is every story's result and the distances between them.
type Comparison struct {
	Tones   []string
	Stories []StoryResult
	// Nearest[i] is the story with the closest profile, ClosestArc[i] the
	// one with the most correlated arc; -1 with fewer than two stories
	// (ClosestArc: with no other story whose arc correlation is defined
	// and positive: an arc that runs against this one is not close).
	Nearest, ClosestArc []int
	// Tied[i] is every story exactly as near to story i as the nearest,
	// in input order: Nearest[i] first, and nothing where Nearest[i] is -1.
	Tied [][]int
	// unit holds each story's DCT arc centred and scaled to length 1
	// (nil where its correlation is undefined), so that a correlation is
	// one dot product.
	unit [][]float64
}

// Result computes one story's profile and arc.
func Result(s Story, tones []string) StoryResult {
	r := StoryResult{Name: s.Name, Paragraphs: len(s.Paragraphs)}
	k := len(tones)
	p := Profile{Paragraphs: make([]float64, k), Words: make([]float64, k), Confidence: make([]float64, k)}
	raw := make([]float64, len(s.Paragraphs))
	index := map[string]int{}
	for i, t := range tones {
		index[t] = i
	}
	for i, para := range s.Paragraphs {
		r.Words += para.Words
		if t, ok := index[para.Tone]; ok {
			p.Paragraphs[t]++
			p.Words[t] += float64(para.Words)
		}
		toneScore := 0.0
		for t, pr := range para.ToneProbs {
			if t < k {
				p.Confidence[t] += pr
				toneScore += pr * ToneValence[tones[t]]
			}
		}
		raw[i] = (toneScore + math.Max(-1, math.Min(1, para.Valence/4))) / 2
	}
	normalise(p.Paragraphs)
	normalise(p.Words)
	normalise(p.Confidence)
	r.Profile = p
	r.Arc = Arc{
		Raw:     raw,
		Rolling: Resample(RollingMean(raw, 0.1), Points),
		DCT:     DCTLowPass(raw, LowPass, Points),
	}
	return r
}

func normalise(xs []float64) {
	sum := 0.0
	for _, x := range xs {
		sum += x
	}
	if sum == 0 {
		return
	}
	for i := range xs {
		xs[i] /= sum
	}
}

// Compare finds each story's nearest profile and closest arc. The
// distances themselves are computed when asked (Distance,
// ArcCorrelation), so that memory stays linear in the number of stories:
// an archive of 10,000 would need 1.6 GB for the two tables.
func Compare(results []StoryResult, tones []string) *Comparison {
	n := len(results)
	c := &Comparison{Tones: tones, Stories: results, Nearest: make([]int, n), ClosestArc: make([]int, n), Tied: make([][]int, n), unit: make([][]float64, n)}
	for i, r := range results {
		if arcDefined(r) {
			c.unit[i] = unitArc(r.Arc.DCT)
		}
	}
	for i := range results {
		c.Nearest[i], c.ClosestArc[i] = -1, -1
		bestD, bestR := 0.0, 0.0
		for j := range results {
			if j == i {
				continue
			}
			switch d := c.Distance(i, j); {
			case c.Nearest[i] < 0 || d < bestD-1e-12:
				c.Nearest[i], bestD, c.Tied[i] = j, d, append(c.Tied[i][:0], j)
			case d <= bestD+1e-12:
				c.Tied[i] = append(c.Tied[i], j)
			}
			if r := c.ArcCorrelation(i, j); !math.IsNaN(r) && r > 0 && (c.ClosestArc[i] < 0 || r > bestR) {
				c.ClosestArc[i], bestR = j, r
			}
		}
	}
	return c
}

// NearestText is the nearest profile as the table and the page show it:
// "b (0.12)", "b (0.00, tied with 2 more)", or "—".
func (c *Comparison) NearestText(i int) string {
	if c.Nearest[i] < 0 {
		return "—"
	}
	tied := ""
	if n := len(c.Tied[i]) - 1; n > 0 {
		tied = fmt.Sprintf(", tied with %d more", n)
	}
	return fmt.Sprintf("%s (%.2f%s)", c.Stories[c.Nearest[i]].Name, c.Distance(i, c.Nearest[i]), tied)
}

// ClosestArcText is the closest arc as the table and the page show it:
// "b (0.83)" or "—".
func (c *Comparison) ClosestArcText(i int) string {
	if c.ClosestArc[i] < 0 {
		return "—"
	}
	return fmt.Sprintf("%s (%.2f)", c.Stories[c.ClosestArc[i]].Name, c.ArcCorrelation(i, c.ClosestArc[i]))
}

// Distance is the Jensen–Shannon distance between the paragraph-share
// profiles of stories i and j (0 same, 1 disjoint).
func (c *Comparison) Distance(i, j int) float64 {
	return JensenShannon(c.Stories[i].Profile.Paragraphs, c.Stories[j].Profile.Paragraphs)
}

// ArcCorrelation is the Pearson correlation of the DCT arcs of stories i
// and j: NaN when either has fewer than LowPass paragraphs or a flat arc,
// whose correlation means nothing (two stories of two paragraphs would
// correlate perfectly).
func (c *Comparison) ArcCorrelation(i, j int) float64 {
	a, b := c.unit[i], c.unit[j]
	if a == nil || b == nil {
		return math.NaN()
	}
	return dot(a, b)
}

// HasArc reports whether story i has an arc worth showing: at least
// LowPass paragraphs. A shorter story's "arc" is its few scores joined by
// a curve, so the table, CSV and chart leave it out.
func (c *Comparison) HasArc(i int) bool { return c.Stories[i].hasArc() }

func (r StoryResult) hasArc() bool { return r.Paragraphs >= LowPass }

// arcDefined reports whether a story's arc can be correlated: it has at
// least LowPass paragraphs and its DCT arc is not flat.
func arcDefined(r StoryResult) bool {
	if !r.hasArc() || len(r.Arc.DCT) == 0 {
		return false
	}
	lo, hi := r.Arc.DCT[0], r.Arc.DCT[0]
	for _, x := range r.Arc.DCT {
		lo, hi = math.Min(lo, x), math.Max(hi, x)
	}
	return hi-lo > 1e-9
}
