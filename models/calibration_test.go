package models

import (
	"math"
	"testing"
)

// shallowOutcomes are held-out predictions among six classes whose top
// probability p is right less often than p at the top and more often at
// the bottom (accuracy 0.15 + 0.7p), as tone's prior-shifted scores are.
func shallowOutcomes() []outcome {
	var outs []outcome
	for k := 0; k < 7; k++ {
		p := 0.3 + 0.1*float64(k)
		right := int(math.Round(100 * (0.15 + 0.7*p)))
		for i := 0; i < 100; i++ {
			gold := 0
			if i >= right {
				gold = 1
			}
			scores := []float64{math.Log(p)}
			for range 5 {
				scores = append(scores, math.Log((1-p)/5))
			}
			outs = append(outs, outcome{scores: scores, goldIdx: gold, correct: gold == 0, fold: i % 5})
		}
	}
	return outs
}

// TestToneCalibrationLine: a temperature alone cannot make such
// confidences honest; tone's line (scale and offset) does, on held-out
// folds too, and never leaves [0, 1].
func TestToneCalibrationLine(t *testing.T) {
	outs := shallowOutcomes()
	pov := fitCalibration("pov", outs)
	tone := fitCalibration("tone", outs)
	povECE, _ := eceAt(outs, pov)
	toneECE, _ := eceAt(outs, tone)
	if toneECE > 0.02 || toneECE >= povECE {
		t.Errorf("ECE with a line %.3f, with a temperature alone %.3f", toneECE, povECE)
	}
	if tone.offset <= 0 || tone.scale >= 1 {
		t.Errorf("fitted %+v: want a positive offset and a scale below 1", tone)
	}
	if ece, _ := crossFittedECE("tone", outs); ece > 0.03 {
		t.Errorf("cross-fitted ECE %.3f", ece)
	}
	for _, p := range []float64{0, 0.5, 1} {
		if c := (calibration{t: 1, scale: 0.9, offset: 0.3}).confidence(p); c < 0 || c > 1 {
			t.Errorf("confidence(%v) = %v", p, c)
		}
	}
	if f := fitCalibration("focus", outs); f.offset != 0 || f.scale > 1 {
		t.Errorf("focus calibration %+v: want a scale of at most 1 and no offset", f)
	}
	// With nothing to fit on (every outcome in one fold), the calibration
	// stays plain and the error is still a number.
	for _, task := range []string{"tone", "focus"} {
		if c := fitCalibration(task, nil); c != (calibration{t: 1, scale: 1}) {
			t.Errorf("%s calibration fitted on nothing: %+v", task, c)
		}
		one := append([]outcome(nil), outs...)
		for i := range one {
			one[i].fold = 0
		}
		if ece, _ := crossFittedECE(task, one); math.IsNaN(ece) || ece < 0 || ece > 1 {
			t.Errorf("%s: cross-fitted ECE with one fold %v", task, ece)
		}
	}
}
