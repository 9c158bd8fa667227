package main

import (
	"context"
	"flag"
	"fmt"
	"strings"

	"github.com/storylens/storylens/models"
)

func init() {
	register(&command{
		name:    "eval",
		summary: "score a trained model on labelled data it did not train on",
		usage:   "--data CSV[,CSV...] [--model DIR]",
		help: `
Labels every labelled paragraph of the data with the model (--model DIR, or
the embedded default) and prints, per task, accuracy, macro-F1, per-class
precision/recall/F1, the confusion matrix, the baselines that need no
training (majority class, pronoun-count rule, most frequent name), and the
calibration of the confidences. Use data the model did not train on: the
default model trained on datasets/novels.csv, seeds.csv and
second_person.csv.

--texts DIR reads the stories' full texts as train does.

Examples:
  storylens eval --data heldout.csv
  storylens eval --data labels.csv --model mymodel`,
		flags: func(fs *flag.FlagSet) any {
			o := &evalOptions{}
			fs.StringVar(&o.data, "data", "", "labelled dataset CSV files, comma-separated (required)")
			fs.StringVar(&o.model, "model", "", "model directory (default: the embedded model)")
			fs.StringVar(&o.texts, "texts", "", "directories of the stories' full texts, comma-separated")
			return o
		},
		run: runEval,
	})
}

type evalOptions struct{ data, model, texts string }

func loadModel(dir string) (*models.Model, error) {
	if dir == "" {
		return models.Default()
	}
	return models.Load(dir)
}

func runEval(ctx context.Context, e *env, opts any, args []string) error {
	o := opts.(*evalOptions)
	if len(args) > 0 {
		return usagef("eval: unexpected argument %q; the data goes in --data", args[0])
	}
	m, err := loadModel(o.model)
	if err != nil {
		return err
	}
	paths, ls, d, err := loadData(e, o.data, o.texts)
	if err != nil {
		return err
	}
	reps, err := m.Evaluate(strings.Join(paths, ","), ls, d)
	if err != nil {
		return err
	}
	for _, task := range []string{"pov", "tone"} {
		if c := m.Classifier(task); c != nil && c.Majority == "" {
			e.note(fmt.Sprintf("the %s classifier does not record its training data's commonest label (an older model file): no majority-class baseline for it", task))
		}
	}
	for _, r := range reps {
		printReport(e.stdout, r, "held-out evaluation")
	}
	return nil
}
