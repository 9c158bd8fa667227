//go:build !cgo

package models

import "errors"

// HaveLogReg reports whether this build can train logistic regression
// (golearn binds liblinear through cgo). Labelling with a trained model
// never needs it.
const HaveLogReg = false

// TrainLogReg needs a cgo build: golearn's logistic regression is
// liblinear, in C++.
func TrainLogReg(rows []Row, nFeatures int, c float64) (*Linear, error) {
	return nil, errors.New("models: training logistic regression needs a build with cgo (CGO_ENABLED=1 and a C++ compiler); labelling with a trained model does not")
}
