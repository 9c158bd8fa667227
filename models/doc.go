// Package models trains, evaluates and applies storylens's classifiers for
// point of view, tone and character focus.
//
// Every classifier is trained by golearn (naive.BernoulliNBClassifier, or
// its liblinear logistic regression in builds with -tags liblinear) on
// binary columns built from package features, and compiled into a sparse
// scorer that gives golearn's decisions with a score per class. Scores
// become calibrated confidences by a temperature (and, for tone and focus,
// a line on the top probability) fitted on held-out folds. Train cross-validates each task grouped by story
// and stratified by label, beside simple baselines, then fits the final
// classifier on all the data; Model.Label labels a Story; Model.Evaluate
// scores a model on labelled data it did not see.
//
// The default model is trained from the project's gold data (datasets/),
// embedded (Default), and reproducible byte for byte with `go generate`;
// README.md in this folder is its model card.
//
// Only this package imports golearn. golearn's quirks are contained here:
// its calls are serialised and silenced (it prints to stdout), its panics are
// returned as errors, a bias column keeps BernoulliNB from panicking on a class
// with no active feature, and no golearn randomness is used (folds are drawn
// by this package from a seeded PCG generator).
package models
