package main

import (
	"context"
	"flag"

	"github.com/storylens/storylens/datasets"
	"github.com/storylens/storylens/features"
)

func init() {
	register(&command{
		name:    "paragraphs",
		summary: "split stories into paragraphs: offsets, words, dialogue share",
		usage:   "FILE...",
		help: `
Splits each story into paragraphs and prints one row per paragraph with the
dataset columns that need no model: story, chapter, paragraph, start, end,
words, dialogue, text. start and end are byte offsets of the paragraph's text
in the input file (end exclusive). Headings, point-of-view lines and scene
breaks are structure, not paragraphs: they set the chapter number.

Examples:
  storylens paragraphs story.txt
  storylens paragraphs --seeds
  storylens paragraphs stories/ --format csv > paragraphs.csv
  cat story.txt | storylens paragraphs - --format jsonl`,
		flags: func(fs *flag.FlagSet) any {
			o := &commonOptions{}
			o.register(fs, "table", "csv", "jsonl")
			return o
		},
		run: runParagraphs,
	})
}

var paragraphColumns = []column[datasets.Paragraph]{
	{name: "story", width: 16, cell: func(p datasets.Paragraph) string { return p.Story }},
	{name: "ch", width: 3, right: true, cell: func(p datasets.Paragraph) string { return itoa(p.Chapter) }},
	{name: "par", width: 5, right: true, cell: func(p datasets.Paragraph) string { return itoa(p.Paragraph) }},
	{name: "words", width: 5, right: true, cell: func(p datasets.Paragraph) string { return itoa(p.Words) }},
	{name: "dlg", width: 5, right: true, cell: func(p datasets.Paragraph) string { s, _ := p.Dialogue.MarshalCSV(); return s }},
	{name: "text", cell: func(p datasets.Paragraph) string { return p.Text }},
}

func runParagraphs(ctx context.Context, e *env, opts any, args []string) error {
	o := opts.(*commonOptions)
	args, err := o.inputs("paragraphs", args)
	if err != nil {
		return err
	}
	format, err := o.resolveFormat(e, "paragraphs")
	if err != nil {
		return err
	}
	out := newRowWriter(format, e.stdout, e.width, paragraphColumns)
	return writeStories(ctx, e, args, o.jobs, out, func(s *datasets.Story, a *features.Analyzer) ([]datasets.Paragraph, error) {
		an := datasets.Analyse(s, a)
		rows := make([]datasets.Paragraph, len(an))
		for i := range an {
			rows[i] = an[i].Row
		}
		return rows, nil
	})
}
