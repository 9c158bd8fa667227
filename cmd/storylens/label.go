package main

import (
	"context"
	"flag"
	"fmt"
	"strings"

	"github.com/storylens/storylens/datasets"
	"github.com/storylens/storylens/features"
	"github.com/storylens/storylens/models"
)

func init() {
	register(&command{
		name:    "label",
		summary: "label each paragraph's pov, tone and focus, with confidence",
		usage:   "FILE...",
		help: `
Splits each story into paragraphs and labels every paragraph with its point
of view (first, second, third), tone (sad, happy, tender, angry, tense,
neutral) and character focus (a character as the story names them, narrator,
or none), each with a confidence in [0,1]. Uses the embedded default model,
or --model DIR from storylens train. CSV and JSON lines carry the dataset
columns: story, chapter, paragraph, start, end, words, dialogue, pov,
pov_confidence, tone, tone_confidence, focus, focus_confidence, text;
--probs adds the tone classifier's probability of each tone: one
tone_p_<tone> column per tone of the model, last (tone_p_sad … tone_p_neutral
for the default), or a tone_probs object in JSON lines; CSV unless --format
says jsonl. The most probable tone is the tone label; tone_confidence is its
calibrated confidence.

Examples:
  storylens label story.txt
  storylens label --seeds
  storylens label stories/ --format csv > labels.csv
  storylens label stories/ --probs --format csv > labels-probs.csv
  storylens label story.txt --model mymodel --format jsonl`,
		flags: func(fs *flag.FlagSet) any {
			o := &labelOptions{}
			o.register(fs, "table", "csv", "jsonl")
			fs.StringVar(&o.model, "model", "", "model directory from storylens train (default: the embedded model)")
			fs.BoolVar(&o.probs, "probs", false, "add each tone's probability (tone_p_<tone> columns; csv and jsonl)")
			return o
		},
		run: runLabel,
	})
}

type labelOptions struct {
	commonOptions
	model string
	probs bool
}

var labelColumns = []column[datasets.Record]{
	{name: "story", width: 14, cell: func(r datasets.Record) string { return r.Story }},
	{name: "par", width: 4, right: true, cell: func(r datasets.Record) string { return itoa(r.Paragraph) }},
	{name: "pov", width: 11, cell: func(r datasets.Record) string { return withConf(r.POV, r.POVConfidence) }},
	{name: "tone", width: 12, cell: func(r datasets.Record) string { return withConf(r.Tone, r.ToneConfidence) }},
	{name: "focus", width: 16, cell: func(r datasets.Record) string { return withConf(r.Focus, r.FocusConfidence) }},
	{name: "text", cell: func(r datasets.Record) string { return r.Text }},
}

func withConf(label string, c datasets.Share) string {
	if label == "" {
		return ""
	}
	return fmt.Sprintf("%s %.2f", label, float64(c))
}

// labelStory analyses and labels one story, with tone probabilities
// when probs is not nil.
func labelStory(m *models.Model, s *datasets.Story, a *features.Analyzer, probs *toneProbs) []datasets.Record {
	st, rows := m.Analyse(a, s)
	return records(rows, m.Label(st), probs)
}

// confidence is a prediction's confidence, none for a task the model
// does not label (an empty cell, not 0.000).
func confidence(p models.Prediction) datasets.Share {
	if p.Label == "" {
		return datasets.NoShare
	}
	return datasets.Share(p.Confidence)
}

// records joins paragraphs with their labels, and with their tone
// probabilities when probs is not nil.
func records(rows []datasets.Paragraph, labels []models.Labels, probs *toneProbs) []datasets.Record {
	out := make([]datasets.Record, len(rows))
	for i, r := range rows {
		l := labels[i]
		out[i] = datasets.Record{Position: r.Position,
			POV: l.POV.Label, POVConfidence: confidence(l.POV),
			Tone: l.Tone.Label, ToneConfidence: confidence(l.Tone),
			Focus: l.Focus.Label, FocusConfidence: confidence(l.Focus),
			Text: r.Text}
		if probs != nil {
			out[i].ToneProbs = &datasets.Probabilities{Labels: probs.tones, P: reorder(l.ToneProbs, probs.idx)}
		}
	}
	return out
}

func runLabel(ctx context.Context, e *env, opts any, args []string) error {
	o := opts.(*labelOptions)
	args, err := o.inputs("label", args)
	if err != nil {
		return err
	}
	if o.probs && o.format == "" {
		// The probabilities are columns of the CSV, even on a terminal.
		o.format = "csv"
	}
	format, err := o.resolveFormat(e, "label")
	if err != nil {
		return err
	}
	if o.probs && format == "table" {
		return usagef("label: --probs adds columns to --format csv or jsonl, not to the table")
	}
	m, err := loadModel(o.model)
	if err != nil {
		return err
	}
	probs, err := newToneProbs(m, o.probs, "label")
	if err != nil {
		return err
	}
	noteMissingTasks(e, m, o.model)
	out := probsWriter(newRowWriter(format, e.stdout, e.width, labelColumns), probs)
	return writeStories(ctx, e, args, o.jobs, out, func(s *datasets.Story, a *features.Analyzer) ([]datasets.Record, error) {
		return labelStory(m, s, a, probs), nil
	})
}

// noteMissingTasks says on stderr which tasks a model (from dir) has no
// classifier for: their columns are left empty.
func noteMissingTasks(e *env, m *models.Model, dir string) {
	var missing []string
	for _, task := range datasets.Tasks {
		if m.Classifier(task) == nil {
			missing = append(missing, task)
		}
	}
	if len(missing) > 0 {
		e.note(fmt.Sprintf("the model in %s has no %s classifier: those columns are left empty", dir, strings.Join(missing, " or ")))
	}
}
