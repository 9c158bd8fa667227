package datasets

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/gocarina/gocsv"
)

// Tasks are the label columns of the dataset CSV, in column order.
var Tasks = []string{"pov", "tone", "focus"}

// POVLabels are the only values of the pov column.
var POVLabels = []string{"first", "second", "third"}

// ToneLabels are the default tone taxonomy; training also accepts a
// custom label set taken from the data.
var ToneLabels = []string{"sad", "happy", "tender", "angry", "tense", "neutral"}

// Labelled is one row of a labelled dataset CSV. An empty label means
// unlabelled for that task.
type Labelled struct {
	Story     string `csv:"story"`
	Chapter   int    `csv:"chapter"`
	Paragraph int    `csv:"paragraph"`
	Text      string `csv:"text"`
	POV       string `csv:"pov"`
	Tone      string `csv:"tone"`
	Focus     string `csv:"focus"`
	// Row is the 1-based data row in File (the header is row 0).
	Row  int    `csv:"-"`
	File string `csv:"-"`
}

// Label returns the row's label for a task.
func (l *Labelled) Label(task string) string {
	switch task {
	case "pov":
		return l.POV
	case "tone":
		return l.Tone
	case "focus":
		return l.Focus
	}
	return ""
}

// LabelledStory is the labelled rows of one story in story order.
type LabelledStory struct {
	Name string
	Rows []Labelled // each knows its file and row
}

// ErrSchema reports a dataset CSV that lacks a required column.
var ErrSchema = errors.New("not a dataset CSV")

// RowError is a problem with one row of a dataset CSV.
type RowError struct {
	Path string
	Row  int // 1-based data row
	Err  error
}

func (e *RowError) Error() string { return fmt.Sprintf("%s: row %d: %v", e.Path, e.Row, e.Err) }
func (e *RowError) Unwrap() error { return e.Err }

// ReadLabelled reads a labelled dataset CSV: it needs a text column and
// at least one of pov, tone and focus; story and paragraph, when present,
// group the rows into stories and restore story order (so context
// features work in training too). Rows without story share one story
// named after the file. pov must be first, second or third; tone and
// focus take any value (custom label sets).
func ReadLabelled(path string, r io.Reader) ([]LabelledStory, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	// Text, as a story file must be: UTF-8, not empty, no NUL byte.
	if err := Check(path, data); err != nil {
		var ie *InputError
		if errors.As(err, &ie) && ie.Err == ErrBinary {
			ie.Hint = "a dataset CSV is plain text"
		}
		return nil, err
	}
	data = bytes.TrimPrefix(data, utf8BOM)
	header, err := csv.NewReader(bytes.NewReader(data)).Read()
	if err != nil {
		return nil, fmt.Errorf("%s: reading the header: %w", path, err)
	}
	cols := map[string]bool{}
	for _, h := range header {
		cols[strings.TrimSpace(h)] = true
	}
	if !cols["text"] {
		hint := ""
		for _, h := range header {
			switch {
			case len(header) == 1 && strings.ContainsAny(h, ";\t"):
				hint = "; the fields seem to be separated by semicolons or tabs: save the file as comma-separated CSV"
			case strings.EqualFold(strings.TrimSpace(h), "text"):
				hint = "; column names are lower case: story, paragraph, text, pov, tone, focus"
			}
		}
		return nil, fmt.Errorf("%s: %w: no text column (header: %s)%s", path, ErrSchema, strings.Join(header, ","), hint)
	}
	if !cols["pov"] && !cols["tone"] && !cols["focus"] {
		return nil, fmt.Errorf("%s: %w: no label column; add pov, tone or focus", path, ErrSchema)
	}
	var rows []Labelled
	cr := csv.NewReader(bytes.NewReader(data))
	cr.FieldsPerRecord = len(header)
	if err := gocsv.UnmarshalCSV(gocsv.CSVReader(cr), &rows); err != nil {
		var pe *csv.ParseError
		var ne *strconv.NumError
		switch {
		case errors.As(err, &pe) && errors.As(pe.Err, &ne):
			col := "a number"
			if pe.Column >= 1 && pe.Column <= len(header) {
				col = "the " + strings.TrimSpace(header[pe.Column-1])
			}
			what := "is not a whole number"
			if errors.Is(ne.Err, strconv.ErrRange) {
				what = "is too large a number"
			}
			return nil, fmt.Errorf("%s: line %d: %q %s (%s column)", path, pe.Line, ne.Num, what, col)
		case errors.As(err, &pe):
			return nil, fmt.Errorf("%s: line %d: %v; check the quoting and the number of fields", path, pe.Line, pe.Err)
		}
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	byStory := map[string]int{}
	var stories []LabelledStory
	for i := range rows {
		l := &rows[i]
		l.Row, l.File = i+1, path
		l.POV, l.Tone, l.Focus = strings.TrimSpace(l.POV), strings.TrimSpace(l.Tone), strings.TrimSpace(l.Focus)
		if l.POV != "" && !slices.Contains(POVLabels, l.POV) {
			return nil, &RowError{path, l.Row, fmt.Errorf("unknown pov %q: use first, second or third", l.POV)}
		}
		if *l == (Labelled{Row: l.Row, File: l.File}) {
			// A row of empty cells, as spreadsheets leave at the end.
			continue
		}
		if strings.TrimSpace(l.Text) == "" {
			return nil, &RowError{path, l.Row, errors.New("empty text")}
		}
		name := l.Story
		if !cols["story"] || name == "" {
			name = StoryName(path)
		}
		k, ok := byStory[name]
		if !ok {
			k = len(stories)
			byStory[name] = k
			stories = append(stories, LabelledStory{Name: name})
		}
		stories[k].Rows = append(stories[k].Rows, *l)
	}
	if cols["paragraph"] {
		for _, s := range stories {
			slices.SortStableFunc(s.Rows, func(a, b Labelled) int { return a.Paragraph - b.Paragraph })
		}
	}
	return stories, nil
}

// MergeLabelled joins the stories of one name read from several dataset
// files into one (so that cross-validation grouped by story never trains
// and tests on one story), in paragraph order when every row has a
// paragraph number. Rows of one paragraph (by its number, or without
// numbers by a text of MinLabelWords words or more) become one row with
// the labels of both, so a paragraph labelled for tone in one file and
// for pov in another is one paragraph, and one given twice counts once;
// their number is returned. Two rows of one paragraph with different
// texts or different labels for one task are an error naming both.
func MergeLabelled(ls []LabelledStory) ([]LabelledStory, int, error) {
	byName := map[string]int{}
	var out []LabelledStory
	for _, l := range ls {
		k, ok := byName[l.Name]
		if !ok {
			byName[l.Name] = len(out)
			out = append(out, LabelledStory{Name: l.Name, Rows: slices.Clone(l.Rows)})
			continue
		}
		out[k].Rows = append(out[k].Rows, l.Rows...)
	}
	merged := 0
	for k := range out {
		l := &out[k]
		numbered := !slices.ContainsFunc(l.Rows, func(r Labelled) bool { return r.Paragraph < 1 })
		if numbered {
			slices.SortStableFunc(l.Rows, func(a, b Labelled) int { return a.Paragraph - b.Paragraph })
		}
		// key is what makes two rows one paragraph ("" for none).
		key := func(r *Labelled) string {
			if numbered {
				return strconv.Itoa(r.Paragraph)
			}
			t := strings.Fields(r.Text)
			if len(t) < MinLabelWords {
				return ""
			}
			return strings.Join(t, " ")
		}
		first := map[string]int{}
		rows := l.Rows[:0]
		for _, r := range l.Rows {
			kk := key(&r)
			j, ok := first[kk]
			if kk == "" || !ok {
				if kk != "" {
					first[kk] = len(rows)
				}
				rows = append(rows, r)
				continue
			}
			if err := joinRows(l.Name, &rows[j], r); err != nil {
				return nil, 0, err
			}
			merged++
		}
		l.Rows = rows
	}
	return out, merged, nil
}

// joinRows gives a the labels of b, a row of the same paragraph.
func joinRows(story string, a *Labelled, b Labelled) error {
	at := fmt.Sprintf("%s row %d", a.File, a.Row)
	if strings.Join(strings.Fields(a.Text), " ") != strings.Join(strings.Fields(b.Text), " ") {
		return &RowError{b.File, b.Row, fmt.Errorf("story %s paragraph %d is also %s, with another text: two stories of one name? give each story its own name in the story column, and each paragraph once", story, b.Paragraph, at)}
	}
	for _, f := range []struct{ a, b *string }{{&a.POV, &b.POV}, {&a.Tone, &b.Tone}, {&a.Focus, &b.Focus}} {
		switch {
		case *f.b == "" || *f.b == *f.a:
		case *f.a == "":
			*f.a = *f.b
		default:
			return &RowError{b.File, b.Row, fmt.Errorf("story %s: this paragraph is also %s, labelled %q there and %q here; keep one label", story, at, *f.a, *f.b)}
		}
	}
	return nil
}

// MinLabelWords is the fewest words of a paragraph whose text, repeated
// within a story without paragraph numbers, MergeLabelled takes for one
// paragraph given twice ("No." may well be said twice).
const MinLabelWords = 6

// CheckLabelCase refuses labels of one task that differ only in case or
// spacing ("Sad" beside "sad"), which training would take for two
// classes; the error names a row of each.
func CheckLabelCase(ls []LabelledStory) error {
	for _, task := range Tasks {
		first := map[string]*Labelled{}
		for _, l := range ls {
			for i := range l.Rows {
				r := &l.Rows[i]
				v := r.Label(task)
				if v == "" {
					continue
				}
				key := strings.ToLower(strings.Join(strings.Fields(v), " "))
				a, ok := first[key]
				if !ok {
					first[key] = r
					continue
				}
				if a.Label(task) != v {
					return &RowError{r.File, r.Row, fmt.Errorf("%s %q differs from %q (%s row %d) only in case or spacing; use one spelling", task, v, a.Label(task), a.File, a.Row)}
				}
			}
		}
	}
	return nil
}

// ReadLabelledFile reads a labelled dataset CSV from a file.
func ReadLabelledFile(path string) ([]LabelledStory, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadLabelled(path, f)
}
