package main

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/storylens/storylens/models"
)

// printReport writes a task's metrics as text: the model beside its
// baselines, per-class scores, the confusion matrix and calibration.
func printReport(w io.Writer, r *models.Report, title string) {
	unit := "paragraphs"
	if r.Model.N == 1 {
		unit = "paragraph"
	}
	fmt.Fprintf(w, "== %s: %s (%d %s)\n", r.Task, title, r.Model.N, unit)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	metric := "macro-F1"
	if r.Task == "focus" {
		metric = ""
	}
	fmt.Fprintf(tw, "\taccuracy\t%s\t\n", metric)
	if len(r.Learners) > 0 {
		if r.Task == "focus" {
			fmt.Fprintln(w, "learners on the same folds:")
		} else {
			fmt.Fprintln(w, "learners on the same folds, each with its smoothing chosen by cross-validation:")
		}
		lw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintf(lw, "\taccuracy\t%s\t\n", metric)
		for _, l := range r.Learners {
			f1 := fmt.Sprintf("%.3f", l.MacroF1)
			if r.Task == "focus" {
				f1 = ""
			}
			fmt.Fprintf(lw, "%s\t%.3f\t%s\t\n", l.Name, l.Accuracy, f1)
		}
		lw.Flush()
	}
	if r.Learner != "" {
		fmt.Fprintf(w, "model: golearn %s\n", r.Learner)
		if len(r.Learners) > 0 {
			fmt.Fprintln(w, "(the best on all folds; the figures below score each fold with the learner and setting the other folds chose)")
		}
	}
	row := func(s models.Score) {
		f1 := fmt.Sprintf("%.3f", s.MacroF1)
		if r.Task == "focus" {
			f1 = ""
		}
		fmt.Fprintf(tw, "%s\t%.3f\t%s\t\n", s.Name, s.Accuracy, f1)
	}
	row(r.Model)
	for _, b := range r.Baselines {
		row(b)
	}
	tw.Flush()
	if len(r.PerClass) > 0 {
		fmt.Fprintln(w)
		tw = tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintf(tw, "class\tprecision\trecall\tF1\tsupport\t\n")
		for _, c := range r.PerClass {
			fmt.Fprintf(tw, "%s\t%.3f\t%.3f\t%.3f\t%d\t\n", c.Label, c.Precision, c.Recall, c.F1, c.Support)
		}
		tw.Flush()
		fmt.Fprintln(w, "\nconfusion (rows gold, columns predicted):")
		var labels []string
		for _, c := range r.PerClass {
			labels = append(labels, c.Label)
		}
		for _, row := range r.Confusion {
			for p := range row {
				if !slices.Contains(labels, p) {
					labels = append(labels, p)
				}
			}
		}
		tw = tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintf(tw, "\t%s\t\n", strings.Join(labels, "\t"))
		for _, g := range labels {
			if _, ok := r.Confusion[g]; !ok {
				continue
			}
			cells := make([]string, len(labels))
			for i, p := range labels {
				cells[i] = fmt.Sprint(r.Confusion[g][p])
			}
			fmt.Fprintf(tw, "%s\t%s\t\n", g, strings.Join(cells, "\t"))
		}
		tw.Flush()
	}
	fmt.Fprintf(w, "\ncalibration: expected calibration error %.3f at temperature %.2f", r.ECE, r.Temperature)
	if r.Scale != 0 && r.Scale != 1 {
		fmt.Fprintf(w, ", scale %.2f", r.Scale)
	}
	if r.Offset != 0 {
		fmt.Fprintf(w, ", offset %+.2f", r.Offset)
	}
	if r.StoryWeight != 0 || r.LocalWeight != 0 {
		fmt.Fprintf(w, ", story weight %g", r.StoryWeight)
		if r.LocalWeight != 0 {
			fmt.Fprintf(w, " and local weight %g over %d paragraphs either side", r.LocalWeight, r.LocalRadius)
		}
		fmt.Fprintf(w, " (chosen by cross-validation; each fold scored with the choice of the others)")
	}
	if r.NeighbourWeight != 0 || r.PriorShare != 0 {
		fmt.Fprintf(w, ", neighbour weight %g and prior share %g (chosen by cross-validation; each fold scored with the choice of the others)", r.NeighbourWeight, r.PriorShare)
	}
	fmt.Fprintln(w)
	for _, b := range r.Reliability {
		if b.N > 0 {
			fmt.Fprintf(w, "  confidence %.2f–%.2f: %4d predictions, mean confidence %.3f, accuracy %.3f\n", b.Low, b.High, b.N, b.Confidence, b.Accuracy)
		}
	}
	fmt.Fprintln(w)
}
