//go:build !cgo || !liblinear

package models

import "errors"

// HaveLogReg reports whether this build can train logistic regression.
// golearn's is liblinear, C++ through cgo, so it is built only with
// -tags liblinear: the default build stays pure Go, one static binary.
// Labelling with a trained model never needs it.
const HaveLogReg = false

// TrainLogReg needs a build with -tags liblinear.
func TrainLogReg(rows []Row, nFeatures int, c float64) (*Linear, error) {
	return nil, errors.New("models: training logistic regression needs a build with -tags liblinear and cgo (a C++ compiler); labelling with a trained model does not")
}
