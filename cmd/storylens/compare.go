package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"math"
	"os"
	"slices"
	"strconv"
	"text/tabwriter"

	"github.com/storylens/storylens/datasets"
	"github.com/storylens/storylens/features"
	"github.com/storylens/storylens/report"
)

func init() {
	register(&command{
		name:    "compare",
		summary: "compare stories by tone: profiles, arcs, distances, charts",
		usage:   "FILE...",
		help: `
Labels every paragraph's tone, then for each story prints its tone profile
(the share of paragraphs in each tone, also weighted by words and by the
classifier's confidence), its emotional arc over narrative time (a
per-paragraph score from the tone probabilities and the VADER lexicon,
smoothed by a rolling mean and by a low-pass discrete cosine transform,
resampled to 100 points), and, between every pair of stories, the
Jensen–Shannon distance of their profiles and the correlation of their arcs,
with each story's nearest neighbour (and the stories tied with it). A
story of fewer than 5 paragraphs has no arc (no arc rows in the CSV, no
curve in the chart), and an arc correlation is left empty (—) where either
story has no arc or a flat one: two stories of two paragraphs would
correlate perfectly, which means nothing.

--format csv writes one tidy table (columns section, story, other, measure,
tone, point, value); see the README for its sections. --chart draws the
profiles as stacked bars above the overlaid arcs (.svg or .png); --html writes
a self-contained page with the chart and the tables.

Examples:
  storylens compare --seeds
  storylens compare a.txt b.txt c.txt --chart tone.svg
  storylens compare stories/ --format csv > compare.csv
  storylens compare stories/ --html compare.html`,
		flags: func(fs *flag.FlagSet) any {
			o := &compareOptions{}
			o.register(fs, "table", "csv")
			fs.StringVar(&o.model, "model", "", "model directory from storylens train (default: the embedded model)")
			fs.StringVar(&o.chart, "chart", "", "write the chart to this .svg or .png file")
			fs.StringVar(&o.html, "html", "", "write a self-contained HTML page with the chart and tables")
			return o
		},
		run: runCompare,
	})
}

type compareOptions struct {
	commonOptions
	model, chart, html string
}

// toneOrder returns the tones in display order (the default taxonomy's
// order when the model has it) and where each sits in the model's order.
func toneOrder(classes []string) ([]string, []int) {
	order := slices.Clone(classes)
	if len(classes) == len(datasets.ToneLabels) {
		ok := true
		for _, t := range datasets.ToneLabels {
			ok = ok && slices.Contains(classes, t)
		}
		if ok {
			order = slices.Clone(datasets.ToneLabels)
		}
	}
	idx := make([]int, len(order))
	for i, t := range order {
		idx[i] = slices.Index(classes, t)
	}
	return order, idx
}

func runCompare(ctx context.Context, e *env, opts any, args []string) error {
	o := opts.(*compareOptions)
	args, err := o.inputs("compare", args)
	if err != nil {
		return err
	}
	format, err := o.resolveFormat(e, "compare")
	if err != nil {
		return err
	}
	var chartFormat string
	if o.chart != "" {
		if chartFormat, err = report.ChartFormat(o.chart); err != nil {
			return usagef("compare: %v", err)
		}
	}
	// The files asked for must be writable before the stories are read.
	for _, out := range []struct{ flag, path string }{{"--chart", o.chart}, {"--html", o.html}} {
		if out.path == "" {
			continue
		}
		if err := checkOutFile(out.path); err != nil {
			return fmt.Errorf("compare: %s %v", out.flag, err)
		}
	}
	m, err := loadModel(o.model)
	if err != nil {
		return err
	}
	if m.Tone == nil {
		return fmt.Errorf("compare: the model has no tone classifier; train one with storylens train --task tone")
	}
	tones, idx := toneOrder(m.ToneClasses())
	var results []report.StoryResult
	var paths []string
	named := map[string]int{} // story name -> its result, -1 once two have it
	type result struct {
		r     report.StoryResult
		path  string
		empty bool // no paragraphs
	}
	if args, err = uniqueStories(e, args); err != nil {
		return err
	}
	err = eachStory(ctx, e, args, o.jobs, func(s *datasets.Story, a *features.Analyzer) (result, error) {
		st, rows := m.Analyse(a, s)
		if len(rows) == 0 {
			return result{empty: true}, emptyStory{s.Path}
		}
		labels := m.Label(st)
		rs := report.Story{Name: s.Name}
		for i, l := range labels {
			rs.Paragraphs = append(rs.Paragraphs, report.Paragraph{
				Words: rows[i].Words, Tone: l.Tone.Label, ToneConfidence: l.Tone.Confidence, ToneProbs: reorder(l.ToneProbs, idx),
				Valence: st.Paras[i].Vec.Dense[features.FValence],
			})
		}
		return result{r: report.Result(rs, tones), path: s.Path}, nil
	}, func(r result) error {
		if r.empty {
			// A story without paragraphs has no tone to compare.
			return nil
		}
		// Stories of one name are told apart by their paths.
		if k, ok := named[r.r.Name]; ok {
			if k >= 0 {
				results[k].Name = paths[k]
				named[r.r.Name] = -1
			}
			r.r.Name = r.path
		} else {
			named[r.r.Name] = len(results)
		}
		results = append(results, r.r)
		paths = append(paths, r.path)
		return nil
	})
	if err != nil && len(results) == 0 {
		return err
	}
	if len(results) == 0 {
		return fmt.Errorf("compare: no story has paragraphs to compare")
	}
	c := report.Compare(results, tones)
	var werr error
	if format == "csv" {
		werr = writeCompareCSV(e, c)
	} else {
		werr = writeCompareTable(e, c)
	}
	if werr != nil {
		return werr
	}
	if o.chart != "" {
		if werr = writeFile(o.chart, func(f *os.File) error { return report.Chart(c, chartFormat, f) }); werr != nil {
			return werr
		}
	}
	if o.html != "" {
		if werr = writeFile(o.html, func(f *os.File) error { return report.HTML(c, f) }); werr != nil {
			return werr
		}
	}
	return err
}

// writeFile writes a file through a temporary file, so a failure never
// leaves half a file behind.
func writeFile(path string, write func(*os.File) error) error {
	f, err := os.CreateTemp(dirOf(path), ".storylens-*")
	if err != nil {
		return fmt.Errorf("%s: cannot write in %s: %w", path, dirOf(path), underlying(err))
	}
	defer os.Remove(f.Name())
	if err := write(f); err != nil {
		f.Close()
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("%s: %w", path, underlying(err))
	}
	if err := os.Chmod(f.Name(), 0o644); err != nil {
		return fmt.Errorf("%s: %w", path, underlying(err))
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return fmt.Errorf("%s: %w", path, underlying(err))
	}
	return nil
}

// underlying is the error a file operation met, without the temporary
// file's name that a *fs.PathError or *os.LinkError carries.
func underlying(err error) error {
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &pe):
		return pe.Err
	case errors.As(err, &le):
		return le.Err
	}
	return err
}

// checkOutFile reports why path cannot be written: its directory is
// missing or not a directory, or path is a directory.
func checkOutFile(path string) error {
	dir := dirOf(path)
	if fi, err := os.Stat(dir); err != nil {
		return fmt.Errorf("%s: no directory %s", path, dir)
	} else if !fi.IsDir() {
		return fmt.Errorf("%s: %s is not a directory", path, dir)
	}
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return fmt.Errorf("%s is a directory", path)
	}
	return nil
}

func dirOf(path string) string {
	for i := len(path) - 1; i >= 0; i-- {
		if os.IsPathSeparator(path[i]) {
			return path[:i+1]
		}
	}
	return "."
}

// compareRow is one row of compare's tidy CSV.
type compareRow struct {
	Section string `csv:"section"`
	Story   string `csv:"story"`
	Other   string `csv:"other"`
	Measure string `csv:"measure"`
	Tone    string `csv:"tone"`
	Point   string `csv:"point"`
	Value   string `csv:"value"`
}

func f4(x float64) string { return strconv.FormatFloat(x, 'f', 4, 64) }

// arcValue is an arc correlation for the CSV: empty where it is undefined
// (see report.Comparison).
func arcValue(x float64) string {
	if math.IsNaN(x) {
		return ""
	}
	return f4(x)
}

// writeCompareCSV writes the comparison as tidy rows, a section at a
// time and the distances a story at a time, so that memory stays that of
// the comparison itself however many stories there are.
func writeCompareCSV(e *env, c *report.Comparison) error {
	w := newRowWriter[compareRow]("csv", e.stdout, 0, nil)
	var rows []compareRow
	emit := func() error {
		err := w.write(rows)
		rows = rows[:0]
		return err
	}
	for _, s := range c.Stories {
		for _, m := range []struct {
			name string
			v    []float64
		}{{"paragraphs", s.Profile.Paragraphs}, {"words", s.Profile.Words}, {"confidence", s.Profile.Confidence}} {
			for t, tone := range c.Tones {
				rows = append(rows, compareRow{Section: "profile", Story: s.Name, Measure: m.name, Tone: tone, Value: f4(m.v[t])})
			}
		}
	}
	if err := emit(); err != nil {
		return err
	}
	for i, s := range c.Stories {
		if !c.HasArc(i) {
			continue
		}
		for _, m := range []struct {
			name string
			v    []float64
		}{{"dct", s.Arc.DCT}, {"rolling", s.Arc.Rolling}} {
			for p, v := range m.v {
				rows = append(rows, compareRow{Section: "arc", Story: s.Name, Measure: m.name, Point: strconv.Itoa(p + 1), Value: f4(v)})
			}
		}
		if err := emit(); err != nil {
			return err
		}
	}
	for i, s := range c.Stories {
		for j, t := range c.Stories {
			rows = append(rows,
				compareRow{Section: "distance", Story: s.Name, Other: t.Name, Measure: "profile_js", Value: f4(c.Distance(i, j))},
				compareRow{Section: "distance", Story: s.Name, Other: t.Name, Measure: "arc_correlation", Value: arcValue(c.ArcCorrelation(i, j))})
		}
		if err := emit(); err != nil {
			return err
		}
	}
	for i, s := range c.Stories {
		for _, j := range c.Tied[i] {
			rows = append(rows, compareRow{Section: "nearest", Story: s.Name, Other: c.Stories[j].Name, Measure: "profile_js", Value: f4(c.Distance(i, j))})
		}
		if c.ClosestArc[i] >= 0 {
			rows = append(rows, compareRow{Section: "nearest", Story: s.Name, Other: c.Stories[c.ClosestArc[i]].Name, Measure: "arc_correlation", Value: arcValue(c.ArcCorrelation(i, c.ClosestArc[i]))})
		}
	}
	if err := emit(); err != nil {
		return err
	}
	return w.flush()
}

func writeCompareTable(e *env, c *report.Comparison) error {
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprint(tw, "story\tparagraphs\twords")
	for _, t := range c.Tones {
		fmt.Fprintf(tw, "\t%s", t)
	}
	fmt.Fprint(tw, "\tnearest (profile distance)\tclosest arc (correlation)\n")
	for i, s := range c.Stories {
		fmt.Fprintf(tw, "%s\t%d\t%d", s.Name, s.Paragraphs, s.Words)
		for t := range c.Tones {
			fmt.Fprintf(tw, "\t%.2f", s.Profile.Paragraphs[t])
		}
		fmt.Fprintf(tw, "\t%s\t%s\n", c.NearestText(i), c.ClosestArcText(i))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, "\nTone shares count each paragraph's most likely tone, whatever its confidence; tone labels are")
	fmt.Fprintln(e.stdout, "right about half the time on stories the model did not train on (models/README.md), so a")
	fmt.Fprintln(e.stdout, "difference between stories of a few dozen paragraphs is within what two parts of one story show.")
	fmt.Fprintln(e.stdout, "\nArcs (10 points of 100, DCT low-pass; none under 5 paragraphs):")
	tw = tabwriter.NewWriter(e.stdout, 0, 4, 1, ' ', tabwriter.AlignRight)
	fmt.Fprint(tw, "story\t")
	for p := 0; p < report.Points; p += 10 {
		fmt.Fprintf(tw, "%d%%\t", p+5)
	}
	fmt.Fprintln(tw)
	for i, s := range c.Stories {
		fmt.Fprintf(tw, "%s\t", s.Name)
		for p := 4; p < report.Points; p += 10 {
			if !c.HasArc(i) {
				fmt.Fprint(tw, "—\t")
				continue
			}
			fmt.Fprintf(tw, "%+.2f\t", s.Arc.DCT[p])
		}
		fmt.Fprintln(tw)
	}
	return tw.Flush()
}
