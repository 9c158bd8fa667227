// Package report compares stories by tone: tone profiles, emotional arcs
// over narrative time, distances between stories, and charts and pages that
// show them. It works on labelled paragraphs (the output of package models)
// and knows nothing of files or terminals.
//
// The arc method follows the emotional-arc literature: a per-paragraph
// score, smoothed by a rolling mean and by a low-pass discrete cosine
// transform (the method that replaced Fourier smoothing in M. Jockers'
// syuzhet package, after A. Swafford's critique of 2015), resampled to 100
// points so that stories of any length line up.
package report

import (
	"math"
)

// Points is the number of points every arc is resampled to.
const Points = 100

// LowPass is the number of DCT coefficients kept by the low-pass arc.
const LowPass = 5

// RollingMean smooths xs by a centred moving average over a window of
// about frac of its length (at least 1, odd), shrinking at the ends.
func RollingMean(xs []float64, frac float64) []float64 {
	n := len(xs)
	w := int(math.Round(frac * float64(n)))
	if w < 1 {
		w = 1
	}
	if w%2 == 0 {
		w++
	}
	half := w / 2
	out := make([]float64, n)
	for i := range xs {
		lo, hi := max(0, i-half), min(n-1, i+half)
		sum := 0.0
		for j := lo; j <= hi; j++ {
			sum += xs[j]
		}
		out[i] = sum / float64(hi-lo+1)
	}
	return out
}

// DCTLowPass returns the series reconstructed at m evenly spaced points
// from the first keep coefficients of its DCT-II: a smooth curve with the
// series' overall shape and none of its paragraph-to-paragraph noise.
func DCTLowPass(xs []float64, keep, m int) []float64 {
	n := len(xs)
	out := make([]float64, m)
	if n == 0 || m == 0 {
		return out
	}
	keep = min(keep, n)
	coef := make([]float64, keep)
	for k := range coef {
		sum := 0.0
		for i, x := range xs {
			sum += x * math.Cos(math.Pi/float64(n)*(float64(i)+0.5)*float64(k))
		}
		coef[k] = sum
	}
	// Inverse DCT (DCT-III) evaluated at m points spread over [0, n).
	for j := range out {
		t := (float64(j) + 0.5) * float64(n) / float64(m) // position in the original index space
		v := coef[0] / float64(n)
		for k := 1; k < keep; k++ {
			v += 2 / float64(n) * coef[k] * math.Cos(math.Pi/float64(n)*t*float64(k))
		}
		out[j] = v
	}
	return out
}

// Resample linearly interpolates xs to m evenly spaced points.
func Resample(xs []float64, m int) []float64 {
	out := make([]float64, m)
	n := len(xs)
	switch n {
	case 0:
		return out
	case 1:
		for i := range out {
			out[i] = xs[0]
		}
		return out
	}
	for j := range out {
		t := float64(j) * float64(n-1) / float64(max(1, m-1))
		i := int(t)
		if i >= n-1 {
			out[j] = xs[n-1]
			continue
		}
		f := t - float64(i)
		out[j] = xs[i]*(1-f) + xs[i+1]*f
	}
	return out
}

// Correlation is Pearson's correlation of two equal-length series; 0 when
// either is constant.
func Correlation(a, b []float64) float64 {
	if len(a) == 0 || len(a) != len(b) {
		return 0
	}
	ua, ub := unitArc(a), unitArc(b)
	if ua == nil || ub == nil {
		return 0
	}
	return dot(ua, ub)
}

// unitArc is xs centred on its mean and scaled to length 1 (nil when xs
// is flat): the dot product of two is their Pearson correlation.
func unitArc(xs []float64) []float64 {
	m := 0.0
	for _, x := range xs {
		m += x
	}
	m /= float64(len(xs))
	out := make([]float64, len(xs))
	ss := 0.0
	for k, x := range xs {
		out[k] = x - m
		ss += out[k] * out[k]
	}
	if ss == 0 {
		return nil
	}
	for k := range out {
		out[k] /= math.Sqrt(ss)
	}
	return out
}

func dot(a, b []float64) float64 {
	r := 0.0
	for k := range a {
		r += a[k] * b[k]
	}
	return r
}

// JensenShannon is the Jensen–Shannon distance (the square root of the
// divergence, base 2) between two distributions: 0 for equal ones, 1 for
// disjoint ones.
func JensenShannon(p, q []float64) float64 {
	div := 0.0
	for i := range p {
		m := (p[i] + q[i]) / 2
		if p[i] > 0 {
			div += p[i] / 2 * math.Log2(p[i]/m)
		}
		if q[i] > 0 {
			div += q[i] / 2 * math.Log2(q[i]/m)
		}
	}
	return math.Sqrt(math.Max(0, div))
}
