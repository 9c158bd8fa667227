package main

import (
	"context"
	"flag"
	"fmt"
	"slices"
	"strings"

	"github.com/storylens/storylens/datasets"
	"github.com/storylens/storylens/models"
)

func init() {
	register(&command{
		name:    "eval",
		summary: "score a trained model on labelled data it did not train on",
		usage:   "--data CSV[,CSV...] [--model DIR]",
		help: `
Labels every labelled paragraph of the data with the model (--model DIR, or
the embedded default) and prints, per task, accuracy (for pov and tone also
macro-F1, per-class precision/recall/F1 and the confusion matrix; focus is
open-set, so accuracy alone), the baselines that need no training
(majority class, pronoun-count rule, most frequent name), and the
calibration of the confidences. Use data the model did not train on: the
default model trained on datasets/novels.csv, seeds.csv and
second_person.csv. The model records a hash of each paragraph it trained
on, and eval says so, on stderr and in the report's heading, when the data
holds any of them: those figures are not held out. (A model that records
only its stories' names is checked by name.)

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
	title := heldOutTitle(e, m, ls)
	for _, r := range reps {
		printReport(e.stdout, r, title)
	}
	return nil
}

// heldOutTitle says whether the data is held out from the model's
// training, noting on stderr when it is not: by paragraph text where the
// model records its training texts, else by story name (a story renamed
// is not caught then, and two stories of one name are taken for one).
func heldOutTitle(e *env, m *models.Model, ls []datasets.LabelledStory) string {
	if len(m.Texts) > 0 {
		seen, total := 0, 0
		var stories []string
		for _, l := range ls {
			for _, r := range l.Rows {
				if r.POV+r.Tone+r.Focus == "" {
					continue
				}
				total++
				if m.Trained(r.Text) {
					seen++
					if !slices.Contains(stories, l.Name) {
						stories = append(stories, l.Name)
					}
				}
			}
		}
		if seen == 0 {
			return "held-out evaluation"
		}
		e.note(fmt.Sprintf("%d of the data's %d labelled paragraphs (in %s) are paragraphs the model trained on, so these figures are not held out; storylens train's cross-validation report is the held-out figure",
			seen, total, clipList(stories, 3)))
		return fmt.Sprintf("evaluation, NOT held out: %d of the data's %d labelled paragraphs are paragraphs the model trained on", seen, total)
	}
	title := "held-out evaluation"
	var names []string
	for _, l := range ls {
		if !slices.Contains(names, l.Name) {
			names = append(names, l.Name)
		}
	}
	if seen := m.SeenStories(names); len(seen) > 0 {
		slices.Sort(seen)
		title = fmt.Sprintf("evaluation, NOT held out: %d of the data's %d story names are those of stories the model trained on", len(seen), len(names))
		e.note(fmt.Sprintf("%d of the data's %d story names (%s) are those of stories the model trained on, so these figures are not held out; storylens train's cross-validation report is the held-out figure",
			len(seen), len(names), clipList(seen, 3)))
	} else if len(m.Stories) == 0 {
		title = "evaluation (the model does not record its training stories, so whether the data is held out is unknown)"
	}
	return title
}

// clipList joins the first n names, saying how many more there are.
func clipList(names []string, n int) string {
	if len(names) <= n {
		return strings.Join(names, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(names[:n], ", "), len(names)-n)
}
