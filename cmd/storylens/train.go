package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/storylens/storylens/datasets"
	"github.com/storylens/storylens/models"
)

func init() {
	register(&command{
		name:    "train",
		summary: "train classifiers on labelled CSV and print a cross-validation report",
		usage:   "--data CSV[,CSV...] --out DIR",
		help: `
Trains a classifier per task with golearn on a labelled dataset CSV (a
text column and one or more of pov, tone, focus; an empty cell is
unlabelled; story and paragraph restore story order). Each task is
cross-validated with --folds folds grouped by story (no story in both
training and test) and stratified by label, once per learner: golearn's
Bernoulli naive Bayes and, in builds with -tags liblinear (cgo and a C++
compiler), its logistic regression (liblinear) at C=0.01, C=0.1 and
C=1; pov and tone also try their smoothing settings. The best learner
and setting on those folds is kept (accuracy decides; macro-F1 for tone).
The report prints every learner's score, then the model's accuracy,
macro-F1, per-class precision/recall/F1, confusion matrix, the baselines
on the same folds and the calibration of the confidences. The model's
figures are cross-fitted: each fold is scored with the learner and
setting the other folds chose, so the choice does not flatter them. The final classifier is fitted on all
the data and written to DIR/model.json. Labels are taken from the data,
so a custom tone set (for example angst, fluff, hurt-comfort) trains as it
is. With --task all (the default), a task without labels, or with labels
from one story only, is left out, saying so; folds beyond the number of
stories with labels stay empty, and the report says how many were used.

--texts DIR names directories holding the stories' full texts (STORY.txt,
.md, .html or .epub, named as the story column): a labelled story found
there is analysed whole, so its cast, narration and the paragraphs before
each labelled one are those that labelling the file sees. Each labelled
row must match its paragraph in the file. Stories not found are read from
their rows.

Examples:
  storylens train --data datasets/novels.csv,datasets/seeds.csv --texts ../shared/corpus/novels --out mymodel
  storylens train --data labels.csv --task tone --out tone-model --folds 10`,
		flags: func(fs *flag.FlagSet) any {
			o := &trainOptions{}
			fs.StringVar(&o.data, "data", "", "labelled dataset CSV files, comma-separated (required)")
			fs.StringVar(&o.out, "out", "", "directory to write model.json to (required)")
			fs.StringVar(&o.texts, "texts", "", "directories of the stories' full texts, comma-separated")
			fs.StringVar(&o.task, "task", "all", "task to train: pov, tone, focus or all")
			fs.IntVar(&o.folds, "folds", 5, "cross-validation folds")
			fs.Uint64Var(&o.seed, "seed", 1, "random seed for the folds")
			fs.BoolVar(&o.quiet, "quiet", false, "do not print the report")
			return o
		},
		run: runTrain,
	})
}

type trainOptions struct {
	data, out, task, texts string
	folds                  int
	seed                   uint64
	quiet                  bool
}

func parseTasks(task string) ([]string, error) {
	switch task {
	case "all":
		return slices.Clone(datasets.Tasks), nil
	case "pov", "tone", "focus":
		return []string{task}, nil
	}
	return nil, usagef("unknown --task %q: use pov, tone, focus or all", task)
}

// predictionColumns returns the *_confidence columns of a CSV's header
// (datasets.PredictionColumns).
func predictionColumns(path string) []string {
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	header, err := csv.NewReader(bufio.NewReader(f)).Read()
	if err != nil {
		return nil
	}
	return datasets.PredictionColumns(header)
}

// loadData reads the labelled CSV files of --data and analyses their
// stories, from their full texts where the --texts directories have them.
func loadData(e *env, list, texts string) ([]string, []datasets.LabelledStory, *models.Data, error) {
	var paths []string
	var all []datasets.LabelledStory
	for _, p := range strings.Split(list, ",") {
		if p = strings.TrimSpace(p); p == "" {
			continue
		}
		ls, err := datasets.ReadLabelledFile(p)
		if err != nil {
			return nil, nil, nil, err
		}
		if cols := predictionColumns(p); len(cols) > 0 {
			e.note(fmt.Sprintf("%s has %s columns: its labels look like storylens's own predictions (label or export output), not labels a person gave; a model trained on them learns its own mistakes, and eval against them measures agreement with the model that made them, not accuracy", p, strings.Join(cols, ", ")))
		}
		paths = append(paths, p)
		all = append(all, ls...)
	}
	if len(paths) == 0 {
		return nil, nil, nil, usagef("--data is required: a labelled dataset CSV")
	}
	// A story in several files is one story to cross-validation.
	all, merged, err := datasets.MergeLabelled(all)
	if err != nil {
		return nil, nil, nil, err
	}
	if merged > 0 {
		e.note(fmt.Sprintf("%d rows of --data repeat a paragraph of an earlier row (the same story and paragraph); each paragraph is taken once, with the labels of all its rows", merged))
	}
	if err := datasets.CheckLabelCase(all); err != nil {
		return nil, nil, nil, err
	}
	var dirs []string
	for _, dir := range strings.Split(texts, ",") {
		if dir = strings.TrimSpace(dir); dir == "" {
			continue
		}
		if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
			return nil, nil, nil, usagef("--texts: %s is not a directory", dir)
		}
		dirs = append(dirs, dir)
	}
	d, err := models.PrepareWithTexts(all, dirs)
	if err != nil {
		return nil, nil, nil, err
	}
	if len(dirs) > 0 {
		fmt.Fprintf(e.stderr, "storylens: %d of %d stories read from their full texts\n", d.FullTexts, len(d.Stories))
	}
	return paths, all, d, nil
}

func runTrain(ctx context.Context, e *env, opts any, args []string) (err error) {
	o := opts.(*trainOptions)
	if len(args) > 0 {
		return usagef("train: unexpected argument %q; the data goes in --data", args[0])
	}
	if o.out == "" {
		return usagef("train: --out DIR is required")
	}
	tasks, err := parseTasks(o.task)
	if err != nil {
		return err
	}
	if o.folds < 2 {
		return usagef("train: --folds must be at least 2, not %d", o.folds)
	}
	fi, statErr := os.Stat(o.out)
	if statErr == nil && !fi.IsDir() {
		return fmt.Errorf("train: --out %s is a file, not a directory", o.out)
	}
	// Find out now, not after the training, whether the model can be
	// written there; a folder made for it goes again if the run fails.
	if err := writableDir(o.out); err != nil {
		return fmt.Errorf("train: --out %s: %w", o.out, err)
	}
	if os.IsNotExist(statErr) {
		defer func() {
			if err != nil {
				os.Remove(o.out) // only if still empty
			}
		}()
	}
	paths, ls, d, err := loadData(e, o.data, o.texts)
	if err != nil {
		return err
	}
	if tasks, err = trainable(e, tasks, o.task == "all", ls, o.folds, strings.Join(paths, ", ")); err != nil {
		return err
	}
	if !models.HaveLogReg {
		fmt.Fprintln(e.stderr, "storylens: this build cross-validates naive Bayes only; build with -tags liblinear (cgo, a C++ compiler) to add golearn's logistic regression")
	}
	m, err := models.Train(d, models.TrainOptions{Tasks: tasks, Folds: o.folds, Seed: o.seed, Data: paths})
	if err != nil {
		return err
	}
	var w io.Writer = e.stdout
	if o.quiet {
		w = io.Discard
	}
	for _, r := range m.Reports {
		printReport(w, r, fmt.Sprintf("%d-fold cross-validation grouped by story", r.Folds))
	}
	if err := m.Save(o.out); err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "storylens: model written to %s/%s\n", o.out, models.FileName)
	return nil
}

// writableDir makes dir if it is missing and checks that a file can be
// written in it.
func writableDir(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, ".storylens-check-*")
	if err != nil {
		return err
	}
	name := f.Name()
	f.Close()
	return os.Remove(name)
}

// minClassRows is the fewest examples of a label below which train warns.
const minClassRows = 5

// trainable checks that each task can be cross-validated on the data
// (named by data in notes and errors): its labels must come from two
// stories or more, since the folds are grouped by story, and pov and tone
// need two labels or more. With --task
// all (all), a task that cannot be is left out, saying why, and the
// others are trained; a task asked for by name must be trainable. Folds
// beyond the number of stories with a task's labels are left empty,
// which a note and the task's report say.
func trainable(e *env, tasks []string, all bool, ls []datasets.LabelledStory, folds int, data string) ([]string, error) {
	var out, none []string
	for _, task := range tasks {
		stories, rows := 0, 0
		counts := map[string]int{}
		for _, s := range ls {
			n := 0
			for i := range s.Rows {
				if v := s.Rows[i].Label(task); v != "" {
					n++
					counts[v]++
				}
			}
			if n > 0 {
				stories++
				rows += n
			}
		}
		switch {
		case rows == 0 && all:
			none = append(none, task)
			continue
		case rows == 0:
			return nil, fmt.Errorf("%s: no %s labels (the %s column is missing or empty)", data, task, task)
		case stories < 2:
			err := fmt.Errorf("%s: the %d %s labels all come from one story, and cross-validation needs two stories or more, since no story may be both trained and tested on (a story column names each row's story)", data, rows, task)
			if !all {
				return nil, err
			}
			e.note(err.Error() + "; " + task + " is not trained")
			continue
		case len(counts) < 2 && task != "focus":
			// A classifier of one class is right by construction: its
			// report would say 1.000 and tell nothing.
			var only string
			for v := range counts {
				only = v
			}
			err := fmt.Errorf("%s: all %d %s labels are %q, and a classifier needs two labels or more to learn anything", data, rows, task, only)
			if !all {
				return nil, err
			}
			e.note(err.Error() + "; " + task + " is not trained")
			continue
		case stories < folds:
			e.note(fmt.Sprintf("%s: %d stories have %s labels, so %d folds, not %d", data, stories, task, stories, folds))
		}
		if task != "focus" {
			var rare []string
			for v, n := range counts {
				if n < minClassRows {
					rare = append(rare, fmt.Sprintf("%q (%d)", v, n))
				}
			}
			if len(rare) > 0 {
				slices.Sort(rare)
				e.note(fmt.Sprintf("%s: %s labels with fewer than %d examples, which the classifier can hardly learn and cross-validation can hardly score: %s", data, task, minClassRows, strings.Join(rare, ", ")))
			}
		}
		out = append(out, task)
	}
	if len(none) > 0 && len(out) > 0 {
		e.note(fmt.Sprintf("%s: no %s labels; training %s only", data, strings.Join(none, " or "), strings.Join(out, ", ")))
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no pov, tone or focus labels from two stories or more to train on", data)
	}
	return out, nil
}
