package main

import (
	"context"
	"flag"

	"github.com/storylens/storylens/datasets"
	"github.com/storylens/storylens/features"
	"github.com/storylens/storylens/models"
)

func init() {
	register(&command{
		name:    "export",
		summary: "export the dataset CSV: paragraphs with labels (--features adds the vectors)",
		usage:   "FILE...",
		help: `
Writes the dataset CSV, one row per paragraph, streamed story by story:
story, chapter, paragraph, start, end, words, dialogue, pov, pov_confidence,
tone, tone_confidence, focus, focus_confidence, text. With --features, the
named features follow as f_<name> columns (see storylens features --list) and
the stems as one space-separated column. With --meta, story-level columns from
an AO3 or EPUB download's metadata follow the labels: title, authors, rating,
warnings, categories, fandoms, relationships, characters, tags (AO3's
additional tags, such as Angst or Fluff, usable as story-level labels),
language, series, published, updated, story_words, chapters, summary, notes
(work, chapter and end notes, in order, a blank line between). With --probs,
the tone classifier's probability of each tone comes last (one
tone_p_<tone> column per tone of the model; see storylens help label). The CSV is
RFC 4180, UTF-8, quoted where needed, with newlines kept inside the text; it
opens in pandas
(read_csv) and R (read.csv) with default options, and is valid input to
storylens train and eval. --format jsonl writes one JSON object a line.

Examples:
  storylens export stories/ > dataset.csv
  storylens export stories/ --features > dataset-features.csv
  storylens export downloads/*.epub --meta > works.csv
  storylens export --seeds --format jsonl`,
		flags: func(fs *flag.FlagSet) any {
			o := &exportOptions{}
			o.register(fs, "csv", "jsonl")
			fs.StringVar(&o.model, "model", "", "model directory from storylens train (default: the embedded model)")
			fs.BoolVar(&o.features, "features", false, "add the feature columns")
			fs.BoolVar(&o.meta, "meta", false, "add the story-level metadata columns of AO3 and EPUB downloads")
			fs.BoolVar(&o.probs, "probs", false, "add each tone's probability (tone_p_<tone> columns, after the others)")
			return o
		},
		run: runExport,
	})
}

type exportOptions struct {
	commonOptions
	model                 string
	features, meta, probs bool
}

func runExport(ctx context.Context, e *env, opts any, args []string) error {
	o := opts.(*exportOptions)
	args, err := o.inputs("export", args)
	if err != nil {
		return err
	}
	// export writes data: CSV unless asked otherwise, even on a terminal.
	format, err := o.resolveFormat(e, "export")
	if err != nil {
		return err
	}
	m, err := loadModel(o.model)
	if err != nil {
		return err
	}
	probs, err := newToneProbs(m, o.probs, "export")
	if err != nil {
		return err
	}
	noteMissingTasks(e, m, o.model)
	label := func(s *datasets.Story, a *features.Analyzer) ([]datasets.Record, *models.Story) {
		// The feature columns include every stem, which an Analyzer
		// bound to the model's vocabulary does not keep.
		var st *models.Story
		var rows []datasets.Paragraph
		if o.features {
			st, rows = models.Analyse(a, s)
		} else {
			st, rows = m.Analyse(a, s)
		}
		return records(rows, m.Label(st), probs), st
	}
	switch {
	case o.meta && o.features:
		return writeStories(ctx, e, args, o.jobs, probsWriter(newRowWriter[datasets.ExportedAll](format, e.stdout, e.width, nil), probs),
			func(s *datasets.Story, a *features.Analyzer) ([]datasets.ExportedAll, error) {
				recs, st := label(s, a)
				meta := datasets.NewMetaColumns(s.Meta)
				out := make([]datasets.ExportedAll, len(recs))
				for i := range recs {
					out[i] = datasets.ExportedAll{Record: recs[i], MetaColumns: meta, FeatureColumns: datasets.NewFeatureColumns(&st.Paras[i].Vec)}
				}
				return out, nil
			})
	case o.meta:
		return writeStories(ctx, e, args, o.jobs, probsWriter(newRowWriter[datasets.ExportedMeta](format, e.stdout, e.width, nil), probs),
			func(s *datasets.Story, a *features.Analyzer) ([]datasets.ExportedMeta, error) {
				recs, _ := label(s, a)
				meta := datasets.NewMetaColumns(s.Meta)
				out := make([]datasets.ExportedMeta, len(recs))
				for i := range recs {
					out[i] = datasets.ExportedMeta{Record: recs[i], MetaColumns: meta}
				}
				return out, nil
			})
	case o.features:
		return writeStories(ctx, e, args, o.jobs, probsWriter(newRowWriter[datasets.Exported](format, e.stdout, e.width, nil), probs),
			func(s *datasets.Story, a *features.Analyzer) ([]datasets.Exported, error) {
				recs, st := label(s, a)
				out := make([]datasets.Exported, len(recs))
				for i := range recs {
					out[i] = datasets.Exported{Record: recs[i], FeatureColumns: datasets.NewFeatureColumns(&st.Paras[i].Vec)}
				}
				return out, nil
			})
	}
	return writeStories(ctx, e, args, o.jobs, probsWriter(newRowWriter[datasets.Record](format, e.stdout, e.width, nil), probs),
		func(s *datasets.Story, a *features.Analyzer) ([]datasets.Record, error) {
			recs, _ := label(s, a)
			return recs, nil
		})
}
