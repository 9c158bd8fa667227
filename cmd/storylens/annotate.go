package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/storylens/storylens/annotate"
	"github.com/storylens/storylens/datasets"
	"github.com/storylens/storylens/features"
	"github.com/storylens/storylens/models"
)

func init() {
	register(&command{
		name:    "annotate",
		summary: "label paragraphs yourself, one key per answer, with model suggestions",
		usage:   "--out CSV FILE...",
		help: `
Shows one paragraph at a time, with the paragraphs around it, the model's
suggestion and its confidence, and a key for every label: enter takes the
suggestion, a label's key answers, tab skips, backspace undoes the last answer,
← goes back, esc quits, ? shows help. Each answer is written to --out (the
dataset CSV schema) and synced to disk before the next paragraph shows, so a
crash loses at most the answer being typed; run again with the same --out to
go on where you stopped. An incomplete last row left by a crash is moved to
OUT.torn with a message.

--task asks pov, tone, focus or all (one after another). --labels sets your
own label set, for example --labels tone=angst,fluff,hurt-comfort;
--labels-from takes the label sets of an existing labelled CSV. --order
uncertain asks the least confident paragraphs first; --retrain-every N
retrains the model on your answers in the background every N answers.

When stdin is not a terminal, or with --answers FILE, answers are read one per
line (a label, a label's key, or accept, skip, undo, back, quit) and each saved
answer is reported on stderr.

Examples:
  storylens annotate --out my-labels.csv --task tone stories/
  storylens annotate --out fandom.csv --labels tone=angst,fluff,hurt-comfort --order uncertain --retrain-every 50 stories/
  printf 'accept\nsad\n' | storylens annotate --out x.csv --task tone --seeds`,
		flags: func(fs *flag.FlagSet) any {
			o := &annotateOptions{}
			o.register(fs)
			fs.StringVar(&o.out, "out", "", "answer file (dataset CSV); created, or continued when it exists (required)")
			fs.StringVar(&o.task, "task", "tone", "task to ask: pov, tone, focus or all")
			fs.StringVar(&o.labels, "labels", "", "label sets, e.g. tone=angst,fluff,hurt-comfort (several: separate with ;)")
			fs.StringVar(&o.labelsFrom, "labels-from", "", "take the label sets from this labelled CSV")
			fs.StringVar(&o.order, "order", "story", "story (in story order) or uncertain (least confident first)")
			fs.IntVar(&o.retrainEvery, "retrain-every", 0, "retrain on the answers every N answers (0: never)")
			fs.StringVar(&o.answers, "answers", "", "read answers from this file, one per line, instead of the keyboard")
			fs.StringVar(&o.model, "model", "", "model directory for suggestions (default: the embedded model)")
			return o
		},
		run: runAnnotate,
	})
}

type annotateOptions struct {
	commonOptions
	out, task, labels, labelsFrom, order, answers, model string
	retrainEvery                                         int
}

// parseLabels reads "tone=a,b,c;focus=x,y".
func parseLabels(spec string) (map[string][]string, error) {
	out := map[string][]string{}
	for _, part := range strings.Split(spec, ";") {
		if strings.TrimSpace(part) == "" {
			continue
		}
		task, list, ok := strings.Cut(part, "=")
		task = strings.TrimSpace(task)
		if !ok || !slices.Contains([]string{"pov", "tone", "focus"}, task) {
			return nil, usagef("--labels %q: use task=label,label (task: pov, tone or focus)", part)
		}
		for _, l := range strings.Split(list, ",") {
			if l = strings.TrimSpace(l); l != "" && !slices.Contains(out[task], l) {
				if task == "pov" && !slices.Contains(datasets.POVLabels, l) {
					return nil, usagef("--labels %q: pov labels are first, second and third (train and eval take no others), not %q", part, l)
				}
				out[task] = append(out[task], l)
			}
		}
		if len(out[task]) == 0 {
			return nil, usagef("--labels %q: no labels for %s", part, task)
		}
	}
	return out, nil
}

func runAnnotate(ctx context.Context, e *env, opts any, args []string) error {
	o := opts.(*annotateOptions)
	if o.out == "" {
		return usagef("annotate: --out CSV is required")
	}
	tasks, err := parseTasks(o.task)
	if err != nil {
		return err
	}
	if o.order != "story" && o.order != "uncertain" {
		return usagef("annotate: --order story or uncertain, not %q", o.order)
	}
	labels, err := parseLabels(o.labels)
	if err != nil {
		return err
	}
	if o.retrainEvery < 0 {
		return usagef("annotate: --retrain-every must be 0 (never) or more, not %d", o.retrainEvery)
	}
	if o.labelsFrom != "" {
		ls, err := datasets.ReadLabelledFile(o.labelsFrom)
		if err != nil {
			return err
		}
		for _, s := range ls {
			for _, r := range s.Rows {
				for _, t := range tasks {
					if l := r.Label(t); l != "" && !slices.Contains(labels[t], l) && t != "focus" {
						labels[t] = append(labels[t], l)
					}
				}
			}
		}
	}
	args, err = o.inputs("annotate", args)
	if err != nil {
		return err
	}
	paths, err := datasets.Expand(filterSeeds(args))
	if err != nil {
		return err
	}
	paths = append(paths, onlySeeds(args)...)
	scripted := o.answers == "" && (!stdinIsTerminal(e) || !e.stdoutTTY)
	if scripted && slices.Contains(paths, "-") {
		return usagef("annotate: stdin holds a story, so answers must come from --answers FILE")
	}
	a := features.NewAnalyzer()
	var docs []annotate.Doc
	for _, p := range paths {
		st, err := readStory(p, e.stdin)
		if err != nil {
			return err
		}
		story, rows := models.Analyse(a, st)
		docs = append(docs, annotate.Doc{Story: story, Rows: rows, Meta: st.Meta})
	}
	model, err := loadModel(o.model)
	if err != nil {
		return err
	}
	store, err := annotate.Open(o.out)
	if err != nil {
		return err
	}
	defer store.Close()
	if store.Repaired != "" {
		fmt.Fprintln(e.stderr, "storylens:", store.Repaired)
	}
	s := annotate.NewSession(docs, store, model, annotate.Options{Tasks: tasks, Labels: labels,
		Uncertain: o.order == "uncertain", RetrainEvery: o.retrainEvery})
	if already := s.Total() - s.Remaining(); already > 0 {
		fmt.Fprintf(e.stderr, "storylens: %s has %d answers; going on with the %d paragraphs left\n", o.out, already, s.Remaining())
	}
	switch {
	case o.answers != "":
		f, err := os.Open(o.answers)
		if err != nil {
			return err
		}
		defer f.Close()
		return annotate.RunLines(ctx, s, f, e.stderr)
	case scripted:
		return annotate.RunLines(ctx, s, e.stdin, e.stderr)
	}
	ui := annotate.NewUI(s)
	if _, err := tea.NewProgram(ui, tea.WithContext(ctx)).Run(); err != nil && ui.Err == nil {
		return err
	}
	fmt.Fprintln(e.stderr, s.Progress())
	return ui.Err
}

func filterSeeds(args []string) []string {
	return slices.DeleteFunc(slices.Clone(args), func(a string) bool { return strings.HasPrefix(a, seedPrefix) })
}

func onlySeeds(args []string) []string {
	return slices.DeleteFunc(slices.Clone(args), func(a string) bool { return !strings.HasPrefix(a, seedPrefix) })
}

func stdinIsTerminal(e *env) bool {
	f, ok := e.stdin.(*os.File)
	if !ok {
		return false
	}
	t, _ := isTerminal(f)
	return t
}
