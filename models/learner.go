package models

import (
	"fmt"
	"strconv"
	"strings"
)

// Learner names the golearn classifier a task is fitted with, and its
// setting. Every learner is compiled into the same Linear scorer, so
// labelling never calls golearn.
type Learner struct {
	Kind string  // NaiveBayes or LogisticRegression
	C    float64 // inverse regularisation strength (logistic regression)
}

// The learners.
const (
	NaiveBayes         = "naive-bayes"
	LogisticRegression = "logistic-regression"
)

// String gives the learner as the model file and reports name it:
// "naive-bayes" or "logistic-regression C=1".
func (l Learner) String() string {
	if l.Kind == LogisticRegression {
		return fmt.Sprintf("%s C=%g", l.Kind, l.C)
	}
	return l.Kind
}

// ParseLearner reads a learner written by String.
func ParseLearner(s string) (Learner, error) {
	kind, c, _ := strings.Cut(s, " C=")
	switch kind {
	case NaiveBayes:
		if c == "" {
			return Learner{Kind: NaiveBayes}, nil
		}
	case LogisticRegression:
		v, err := strconv.ParseFloat(c, 64)
		if err == nil && v > 0 {
			return Learner{Kind: LogisticRegression, C: v}, nil
		}
	}
	return Learner{}, fmt.Errorf("unknown learner %q (want %q or %q)", s, NaiveBayes, LogisticRegression+" C=<positive number>")
}

// Train fits the learner on rows over nFeatures binary columns.
func (l Learner) Train(rows []Row, nFeatures int) (*Linear, error) {
	if l.Kind == LogisticRegression {
		return TrainLogReg(rows, nFeatures, l.C)
	}
	return TrainNB(rows, nFeatures)
}

// Learners are the learners cross-validation chooses among for each task:
// golearn's Bernoulli naive Bayes, and its L2-regularised logistic
// regression at three strengths (C = 0.01, 0.1, 1) in builds with -tags
// liblinear (liblinear is C++ through cgo; the default build is pure Go).
// kNN, trees and SVMs are left out: too slow or near chance at text scale.
func Learners() []Learner {
	out := []Learner{{Kind: NaiveBayes}}
	if HaveLogReg {
		for _, c := range []float64{0.01, 0.1, 1} {
			out = append(out, Learner{Kind: LogisticRegression, C: c})
		}
	}
	return out
}
