//go:build cgo && liblinear

package models

import (
	"math/rand/v2"
	"testing"

	"github.com/sjwhitworth/golearn/linear_models"
)

// TestLogRegAgreesWithLiblinear: the compiled scorer picks the class
// liblinear itself predicts, row for row, on held-out rows, for two and
// for three classes, and learns the signal (well above chance).
func TestLogRegAgreesWithLiblinear(t *testing.T) {
	for _, nClass := range []int{2, 3} {
		r := rand.New(rand.NewPCG(3, uint64(nClass)))
		const nFeat = 40
		train, test := synthRows(r, 300, nClass, nFeat), synthRows(r, 200, nClass, nFeat)
		model, cls, err := fitLiblinear(train, nFeat, 1)
		if err != nil {
			t.Fatal(err)
		}
		lin, err := compileLiblinear(model, cls, nFeat)
		if err != nil {
			t.Fatal(err)
		}
		agree, right := 0, 0
		x := make([]float64, nFeat)
		for _, row := range test {
			clear(x)
			for _, f := range row.Features {
				x[f] = 1
			}
			want := cls[int(linear_models.Predict(model, x))]
			got := lin.Classes[argmax(lin.Scores(nil, row.Features))]
			if got == want {
				agree++
			}
			if got == row.Class {
				right++
			}
		}
		if agree != len(test) {
			t.Errorf("%d classes: the scorer agrees with liblinear on %d of %d rows", nClass, agree, len(test))
		}
		if chance := len(test) / nClass; right < chance+chance/2 {
			t.Errorf("%d classes: %d of %d right, barely above chance", nClass, right, len(test))
		}
	}
}

// TestTrainLogRegErrors: bad input is an error, not a crash in C.
func TestTrainLogRegErrors(t *testing.T) {
	if _, err := TrainLogReg(nil, 3, 1); err == nil {
		t.Error("no rows: no error")
	}
	if lin, err := TrainLogReg([]Row{{Features: []int{0}, Class: "x"}}, 2, 1); err != nil || len(lin.Classes) != 1 {
		t.Errorf("one class: %v, %v", lin, err)
	}
	if _, _, err := fitLiblinear([]Row{{Features: []int{0}, Class: "x"}}, 2, 1); err == nil {
		t.Error("fitting one class: no error")
	}
	if _, err := TrainLogReg([]Row{{Features: []int{0}, Class: "x"}, {Features: []int{0, 1}, Class: "y"}}, 2, 0); err == nil {
		t.Error("C=0: no error")
	}
}
