package main

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gocarina/gocsv"
	"github.com/mattn/go-runewidth"
)

// rowWriter writes a stream of rows of type T in one output format.
type rowWriter[T any] interface {
	write(rows []T) error
	flush() error
}

// column is one column of a terminal table.
type column[T any] struct {
	name  string
	width int // 0: fill the remaining width
	right bool
	cell  func(T) string
}

// newRowWriter returns a writer for format: csv through gocsv (header
// first), jsonl one JSON object a line, or table with the given columns.
func newRowWriter[T any](format string, w io.Writer, width int, cols []column[T]) rowWriter[T] {
	bw := bufio.NewWriterSize(w, 1<<16)
	switch format {
	case "jsonl":
		return &jsonlWriter[T]{bw: bw, enc: json.NewEncoder(bw)}
	case "table":
		return &tableWriter[T]{bw: bw, cols: cols, width: width}
	}
	return &csvWriter[T]{bw: bw, cw: gocsv.NewSafeCSVWriter(csv.NewWriter(bw))}
}

type csvWriter[T any] struct {
	bw     *bufio.Writer
	cw     *gocsv.SafeCSVWriter
	header bool
	// extra names columns added after those of T, and cells gives a row's
	// values for them (see probsWriter).
	extra []string
	cells func(T) []string
}

func (c *csvWriter[T]) write(rows []T) error {
	var out gocsv.CSVWriter = c.cw
	if c.extra != nil {
		out = &appending[T]{CSVWriter: c.cw, c: c, header: !c.header, rows: rows}
	}
	var err error
	if !c.header {
		c.header = true
		err = gocsv.MarshalCSV(rows, out)
	} else {
		err = gocsv.MarshalCSVWithoutHeaders(rows, out)
	}
	if a, ok := out.(*appending[T]); ok && err == nil && (len(a.rows) != 0 || a.header) {
		err = fmt.Errorf("csv: %d rows left without their extra columns", len(a.rows))
	}
	if err != nil {
		return err
	}
	c.cw.Flush()
	return c.cw.Error()
}

func (c *csvWriter[T]) flush() error {
	if !c.header {
		if err := c.write(nil); err != nil {
			return err
		}
	}
	return c.bw.Flush()
}

// appending adds a csvWriter's extra cells to each record gocsv writes:
// the extra names to the header, then each row's cells in turn.
type appending[T any] struct {
	gocsv.CSVWriter
	c      *csvWriter[T]
	header bool // the header is still to come
	rows   []T
}

func (a *appending[T]) Write(rec []string) error {
	if a.header {
		a.header = false
		return a.CSVWriter.Write(append(rec, a.c.extra...))
	}
	if len(a.rows) == 0 {
		return fmt.Errorf("csv: more records than rows")
	}
	r := a.rows[0]
	a.rows = a.rows[1:]
	return a.CSVWriter.Write(append(rec, a.c.cells(r)...))
}

type jsonlWriter[T any] struct {
	bw  *bufio.Writer
	enc *json.Encoder
}

func (j *jsonlWriter[T]) write(rows []T) error {
	for i := range rows {
		if err := j.enc.Encode(&rows[i]); err != nil {
			return err
		}
	}
	return nil
}

func (j *jsonlWriter[T]) flush() error { return j.bw.Flush() }

type tableWriter[T any] struct {
	bw     *bufio.Writer
	cols   []column[T]
	width  int
	header bool
}

func (t *tableWriter[T]) fill() int {
	used := 0
	for _, c := range t.cols {
		used += c.width + 2
	}
	return max(20, t.width-used)
}

func (t *tableWriter[T]) line(cells func(i int, c column[T]) string) {
	for i, c := range t.cols {
		w := c.width
		if w == 0 {
			w = t.fill()
		}
		s := fit(cells(i, c), w)
		pad := strings.Repeat(" ", max(0, w-runewidth.StringWidth(s)))
		if i > 0 {
			t.bw.WriteString("  ")
		}
		if c.right {
			t.bw.WriteString(pad + s)
		} else if i == len(t.cols)-1 {
			t.bw.WriteString(s)
		} else {
			t.bw.WriteString(s + pad)
		}
	}
	t.bw.WriteByte('\n')
}

func (t *tableWriter[T]) write(rows []T) error {
	if !t.header {
		t.header = true
		t.line(func(_ int, c column[T]) string { return c.name })
	}
	for _, r := range rows {
		t.line(func(_ int, c column[T]) string { return c.cell(r) })
	}
	return nil
}

func (t *tableWriter[T]) flush() error { return t.bw.Flush() }

// fit flattens white space, shows control characters and bidirectional
// overrides (a terminal would obey an escape sequence in a story, and an
// override would reorder the row) as U+FFFD, and cuts s to w terminal
// columns with an ellipsis: a CJK character takes two, a combining accent
// none.
func fit(s string, w int) string {
	s = strings.Join(strings.Fields(s), " ")
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) {
			return utf8.RuneError
		}
		return r
	}, s)
	if runewidth.StringWidth(s) <= w {
		return s
	}
	return runewidth.Truncate(s, w, "…")
}

func itoa(n int) string { return fmt.Sprint(n) }
