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
holds any of them: those figures are not held out; where none of its
paragraphs match, it names the data's stories that share a name with one
the model trained on. A model that records neither cannot say.

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
	reps, err := m.Evaluate(ls, d)
	if err != nil {
		return err
	}
	var labelled, missing []string
	for _, task := range datasets.Tasks {
		if !slices.ContainsFunc(ls, func(l datasets.LabelledStory) bool {
			return slices.ContainsFunc(l.Rows, func(r datasets.Labelled) bool { return r.Label(task) != "" })
		}) {
			continue
		}
		labelled = append(labelled, task)
		if m.Classifier(task) == nil {
			missing = append(missing, task)
		}
	}
	if len(reps) == 0 {
		if len(labelled) == 0 {
			return fmt.Errorf("%s: no labels to evaluate (the pov, tone and focus cells are all empty)", strings.Join(paths, ", "))
		}
		return fmt.Errorf("%s: the data has %s labels and the model classifies %s only: nothing to evaluate", strings.Join(paths, ", "), strings.Join(labelled, ", "), strings.Join(m.Tasks(), ", "))
	}
	if len(missing) > 0 {
		e.note(fmt.Sprintf("the data's %s labels are not evaluated: the model has no %s classifier", strings.Join(missing, " and "), strings.Join(missing, " or ")))
	}
	for _, task := range []string{"pov", "tone"} {
		if c := m.Classifier(task); c != nil && c.Majority == "" {
			e.note(fmt.Sprintf("the %s classifier does not record its training data's commonest label (an older model file): no majority-class baseline for it", task))
		}
	}
	// One note for the tasks that overlap alike.
	var notes []string
	tasks := map[string][]string{}
	for _, r := range reps {
		title, note := heldOutTitle(m.Classifier(r.Task), ls)
		printReport(e.stdout, r, title)
		if note != "" {
			if tasks[note] == nil {
				notes = append(notes, note)
			}
			tasks[note] = append(tasks[note], r.Task)
		}
	}
	for _, n := range notes {
		e.note(fmt.Sprintf("%s: %s, so these figures are not held out; storylens train's cross-validation report is the held-out figure", strings.Join(tasks[n], ", "), n))
	}
	return nil
}

// heldOutTitle says whether the data is held out from the training of
// the task's classifier, and when it is not, a note for stderr: by paragraph text (of models.MinHashWords words or
// more, whatever its white space, case or quotation marks), and by story
// name, since a story the model trained on is not held out even in
// paragraphs that were not labelled (its cast and context were read).
func heldOutTitle(c *models.Classifier, ls []datasets.LabelledStory) (title, note string) {
	o := c.Overlap(ls)
	if !o.Known {
		return "evaluation (the model does not record its training data, so whether the data is held out is unknown)", ""
	}
	if o.HeldOut() {
		return "held-out evaluation", ""
	}
	if o.Seen > 0 {
		title = fmt.Sprintf("evaluation, NOT held out: %d of the data's %d labelled paragraphs of %d words or more are paragraphs the model trained on",
			o.Seen, o.Checked, models.MinHashWords)
		note = fmt.Sprintf("%d of the data's %d labelled paragraphs of %d words or more (in %s) are paragraphs the model trained on",
			o.Seen, o.Checked, models.MinHashWords, clipList(o.SeenStories, 3))
	} else {
		title = fmt.Sprintf("evaluation, NOT held out by story: %d of the data's %d story names are those of stories the model trained on (though none of the paragraphs it trained on are in the data)",
			len(o.TrainedStories), o.Names)
		note = fmt.Sprintf("%d of the data's %d story names (%s) are those of stories the model trained on, though none of the paragraphs it trained on are in the data",
			len(o.TrainedStories), o.Names, clipList(o.TrainedStories, 3))
	}
	return title, note
}

// clipList joins the first n names, saying how many more there are.
func clipList(names []string, n int) string {
	if len(names) <= n {
		return strings.Join(names, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(names[:n], ", "), len(names)-n)
}
