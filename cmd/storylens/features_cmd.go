package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/gocarina/gocsv"
	"github.com/storylens/storylens/datasets"
	"github.com/storylens/storylens/features"
)

func init() {
	register(&command{
		name:    "features",
		summary: "print each paragraph's feature vector",
		usage:   "FILE...",
		help: `
Prints each paragraph's position (story, chapter, paragraph, start, end), its
named features and its Snowball stems (space-separated, in text order; stop
words unstemmed). Features are documented in the README ("Features") and by
--list.

Examples:
  storylens features story.txt --format csv > features.csv
  storylens features --list`,
		flags: func(fs *flag.FlagSet) any {
			o := &featureOptions{}
			o.register(fs, "table", "csv", "jsonl")
			fs.BoolVar(&o.list, "list", false, "list the features with what each one measures, and exit")
			return o
		},
		run: runFeatures,
	})
}

type featureOptions struct {
	commonOptions
	list bool
}

type featureRow struct {
	p datasets.Paragraph
	v features.Vector
}

func runFeatures(ctx context.Context, e *env, opts any, args []string) error {
	o := opts.(*featureOptions)
	if o.list {
		for _, f := range features.Features {
			fmt.Fprintf(e.stdout, "%-14s %s\n", f.Name, f.Doc)
		}
		fmt.Fprintf(e.stdout, "%-14s %s\n", "stems", "Snowball English stems of the words, in order (stop words unstemmed)")
		return nil
	}
	args, err := o.inputs("features", args)
	if err != nil {
		return err
	}
	format, err := o.resolveFormat(e, "features")
	if err != nil {
		return err
	}
	var out rowWriter[featureRow]
	switch format {
	case "table":
		out = newRowWriter(format, e.stdout, e.width, featureColumns)
	default:
		out = newFeatureWriter(format, e.stdout)
	}
	return writeStories(ctx, e, args, o.jobs, out, func(s *datasets.Story, a *features.Analyzer) ([]featureRow, error) {
		an := datasets.Analyse(s, a)
		rows := make([]featureRow, len(an))
		for i := range an {
			rows[i] = featureRow{an[i].Row, an[i].Vector}
		}
		return rows, nil
	})
}

func ff(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

func f3(x float64) string { return strconv.FormatFloat(x, 'f', 3, 64) }

var featureColumns = []column[featureRow]{
	{name: "story", width: 14, cell: func(r featureRow) string { return r.p.Story }},
	{name: "par", width: 5, right: true, cell: func(r featureRow) string { return itoa(r.p.Paragraph) }},
	{name: "words", width: 5, right: true, cell: func(r featureRow) string { return itoa(r.p.Words) }},
	{name: "dlg", width: 5, right: true, cell: func(r featureRow) string { return f3(r.v.Dense[features.FDialogue]) }},
	{name: "1st", width: 5, right: true, cell: func(r featureRow) string { return f3(r.v.Dense[features.FNarrFirst]) }},
	{name: "2nd", width: 5, right: true, cell: func(r featureRow) string { return f3(r.v.Dense[features.FNarrSecond]) }},
	{name: "3rd", width: 5, right: true, cell: func(r featureRow) string { return f3(r.v.Dense[features.FNarrThird]) }},
	{name: "past", width: 5, right: true, cell: func(r featureRow) string { return f3(r.v.Dense[features.FPast]) }},
	{name: "val", width: 6, right: true, cell: func(r featureRow) string { return f3(r.v.Dense[features.FValence]) }},
	{name: "stems", cell: func(r featureRow) string { return strings.Join(r.v.Stems, " ") }},
}

// featureWriter writes feature rows as CSV or JSON lines with one column
// per named feature.
type featureWriter struct {
	bw     *bufio.Writer
	cw     *gocsv.SafeCSVWriter
	jsonl  bool
	header bool
}

func newFeatureWriter(format string, w io.Writer) *featureWriter {
	bw := bufio.NewWriterSize(w, 1<<16)
	return &featureWriter{bw: bw, cw: gocsv.NewSafeCSVWriter(csv.NewWriter(bw)), jsonl: format == "jsonl"}
}

func featureHeader() []string {
	h := []string{"story", "chapter", "paragraph", "start", "end"}
	for _, f := range features.Features {
		h = append(h, f.Name)
	}
	return append(h, "stems")
}

func (w *featureWriter) write(rows []featureRow) error {
	if !w.jsonl && !w.header {
		w.header = true
		if err := w.cw.Write(featureHeader()); err != nil {
			return err
		}
	}
	rec := make([]string, 0, len(features.Features)+6)
	for _, r := range rows {
		rec = append(rec[:0], r.p.Story, itoa(r.p.Chapter), itoa(r.p.Paragraph), itoa(r.p.Start), itoa(r.p.End))
		for _, x := range r.v.Dense {
			rec = append(rec, ff(x))
		}
		stems := strings.Join(r.v.Stems, " ")
		if w.jsonl {
			if err := w.writeJSON(r, stems); err != nil {
				return err
			}
			continue
		}
		if err := w.cw.Write(append(rec, stems)); err != nil {
			return err
		}
	}
	w.cw.Flush()
	return w.cw.Error()
}

func (w *featureWriter) writeJSON(r featureRow, stems string) error {
	q := func(s string) string { b, _ := json.Marshal(s); return string(b) }
	var b strings.Builder
	fmt.Fprintf(&b, `{"story":%s,"chapter":%d,"paragraph":%d,"start":%d,"end":%d`, q(r.p.Story), r.p.Chapter, r.p.Paragraph, r.p.Start, r.p.End)
	for i, f := range features.Features {
		fmt.Fprintf(&b, `,%s:%s`, q(f.Name), ff(r.v.Dense[i]))
	}
	fmt.Fprintf(&b, `,"stems":%s}`+"\n", q(stems))
	_, err := w.bw.WriteString(b.String())
	return err
}

func (w *featureWriter) flush() error {
	if !w.jsonl && !w.header {
		w.header = true
		if err := w.cw.Write(featureHeader()); err != nil {
			return err
		}
		w.cw.Flush()
	}
	return w.bw.Flush()
}
