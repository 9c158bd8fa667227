package report

import (
	"math"
	"testing"
)

func near(a, b, eps float64) bool { return math.Abs(a-b) <= eps }

func TestDCTLowPassConstant(t *testing.T) {
	xs := make([]float64, 37)
	for i := range xs {
		xs[i] = 0.4
	}
	for i, v := range DCTLowPass(xs, LowPass, Points) {
		if !near(v, 0.4, 1e-9) {
			t.Fatalf("point %d = %v, want 0.4", i, v)
		}
	}
}

// TestDCTLowPassRecoversShape: a slow arc buried in paragraph-to-paragraph
// noise comes back; the noise does not.
func TestDCTLowPassRecoversShape(t *testing.T) {
	const n = 400
	clean := make([]float64, n)
	noisy := make([]float64, n)
	for i := range clean {
		x := (float64(i) + 0.5) / n
		clean[i] = 0.6 * math.Cos(2*math.Pi*x) // fall, then rise: "man in a hole"
		noise := 0.5
		if i%2 == 1 {
			noise = -0.5
		}
		if i%3 == 0 {
			noise *= -0.7
		}
		noisy[i] = clean[i] + noise
	}
	got := DCTLowPass(noisy, LowPass, Points)
	want := Resample(clean, Points)
	if r := Correlation(got, want); r < 0.99 {
		t.Errorf("correlation with the clean arc = %.4f, want ≥ 0.99", r)
	}
	low := 0
	for i, v := range got {
		if v < got[low] {
			low = i
		}
	}
	if low < 40 || low > 60 {
		t.Errorf("the hole is at point %d, want the middle", low)
	}
	if !near(got[0], 0.6, 0.1) || !near(got[Points-1], 0.6, 0.1) {
		t.Errorf("ends %.3f and %.3f, want about 0.6", got[0], got[Points-1])
	}
}

func TestRollingMean(t *testing.T) {
	xs := make([]float64, 100)
	for i := range xs {
		xs[i] = float64(1 - 2*(i%2))
	}
	got := RollingMean(xs, 0.1) // window 11
	for i := 10; i < 90; i++ {
		if math.Abs(got[i]) > 0.1 {
			t.Fatalf("point %d = %v: alternating noise survives", i, got[i])
		}
	}
	ramp := []float64{0, 1, 2, 3, 4}
	if got := RollingMean(ramp, 0.6); !near(got[2], 2, 1e-12) || !near(got[0], 0.5, 1e-12) || !near(got[4], 3.5, 1e-12) {
		t.Errorf("ramp = %v", got)
	}
}

func TestResample(t *testing.T) {
	got := Resample([]float64{0, 10}, 11)
	for i, v := range got {
		if !near(v, float64(i), 1e-9) {
			t.Fatalf("point %d = %v", i, v)
		}
	}
	if got := Resample([]float64{3}, 4); got[0] != 3 || got[3] != 3 {
		t.Errorf("one point: %v", got)
	}
}

func TestDistances(t *testing.T) {
	p := []float64{0.5, 0.5, 0}
	q := []float64{0, 0, 1}
	if d := JensenShannon(p, p); d != 0 {
		t.Errorf("JS(p,p) = %v", d)
	}
	if d := JensenShannon(p, q); !near(d, 1, 1e-12) {
		t.Errorf("JS of disjoint = %v, want 1", d)
	}
	r := []float64{0.25, 0.5, 0.25}
	if !near(JensenShannon(p, r), JensenShannon(r, p), 1e-15) {
		t.Error("JS is not symmetric")
	}
	x := []float64{1, 2, 3, 5}
	y := []float64{3, 5, 7, 11}
	z := []float64{-1, -2, -3, -5}
	if !near(Correlation(x, y), 1, 1e-12) || !near(Correlation(x, z), -1, 1e-12) {
		t.Errorf("correlations %v %v", Correlation(x, y), Correlation(x, z))
	}
}

func TestCompare(t *testing.T) {
	tones := []string{"sad", "happy", "tender", "angry", "tense", "neutral"}
	mk := func(name string, tone string, n int) Story {
		s := Story{Name: name}
		for i := 0; i < n; i++ {
			probs := make([]float64, len(tones))
			for k, tn := range tones {
				if tn == tone {
					probs[k] = 1
				}
			}
			s.Paragraphs = append(s.Paragraphs, Paragraph{Words: 10, Tone: tone, ToneConfidence: 1, ToneProbs: probs})
		}
		return s
	}
	var results []StoryResult
	for _, s := range []Story{mk("a", "sad", 20), mk("b", "sad", 30), mk("c", "happy", 25)} {
		results = append(results, Result(s, tones))
	}
	c := Compare(results, tones)
	if c.Nearest[0] != 1 || c.Nearest[2] == 2 || c.Distance(0, 2) != 1 || c.Distance(0, 1) != 0 {
		t.Errorf("nearest %v, distances %v %v", c.Nearest, c.Distance(0, 1), c.Distance(0, 2))
	}
	if results[0].Profile.Paragraphs[0] != 1 || results[2].Arc.DCT[50] <= results[0].Arc.DCT[50] {
		t.Errorf("profile %v, arcs %v vs %v", results[0].Profile.Paragraphs, results[2].Arc.DCT[50], results[0].Arc.DCT[50])
	}
}

// Arcs too short or too flat to correlate are not correlated: two stories
// of two paragraphs would correlate perfectly, which means nothing.
func TestCompareUndefinedArcs(t *testing.T) {
	tones := []string{"sad", "happy"}
	mk := func(name string, valences ...float64) Story {
		s := Story{Name: name}
		for _, v := range valences {
			s.Paragraphs = append(s.Paragraphs, Paragraph{Words: 10, Tone: "sad", ToneProbs: []float64{1, 0}, Valence: v})
		}
		return s
	}
	var results []StoryResult
	for _, s := range []Story{
		mk("two", -2, 2), mk("also two", -1, 3), // too short
		mk("flat", 0, 0, 0, 0, 0, 0), // no arc to correlate
		mk("rising", -4, -2, 0, 1, 2, 4), mk("rising too", -3, -2, -1, 0, 3, 4),
	} {
		results = append(results, Result(s, []string{"sad", "happy"}))
	}
	c := Compare(results, tones)
	for _, p := range [][2]int{{0, 1}, {0, 3}, {2, 3}, {2, 2}} {
		if r := c.ArcCorrelation(p[0], p[1]); !math.IsNaN(r) {
			t.Errorf("correlation of %s and %s: %v, want NaN", results[p[0]].Name, results[p[1]].Name, r)
		}
	}
	if r := c.ArcCorrelation(3, 4); math.IsNaN(r) || r < 0.9 {
		t.Errorf("correlation of two rising arcs: %v", r)
	}
	if c.ClosestArc[0] != -1 || c.ClosestArc[2] != -1 || c.ClosestArc[3] != 4 || c.ClosestArc[4] != 3 {
		t.Errorf("closest arcs %v, want -1 for the short and the flat, and the rising pair each other's", c.ClosestArc)
	}
	if c.Nearest[0] < 0 {
		t.Errorf("nearest profiles %v: profiles compare whatever the length", c.Nearest)
	}
}
