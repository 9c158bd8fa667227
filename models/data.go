package models

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/storylens/storylens/datasets"
	"github.com/storylens/storylens/features"
)

// Data is labelled stories ready for training and evaluation.
type Data struct {
	Stories []*Story
	Rows    [][]datasets.Labelled // Rows[s][i] labels Stories[s].Paras[i]
	// FullTexts counts the stories read from their full text.
	FullTexts int
}

// Prepare analyses labelled stories from their rows alone: a story is the
// rows of the dataset, labelled and context rows, in paragraph order.
func Prepare(ls []datasets.LabelledStory) *Data {
	d, _ := PrepareWithTexts(ls, nil)
	return d
}

// textExts are the story files PrepareWithTexts looks for, in order.
var textExts = []string{".txt", ".md", ".html", ".htm", ".epub"}

// PrepareWithTexts analyses labelled stories, reading a story's full text
// from the first of the directories that has a file named after it
// (STORY.txt, .md, .html or .epub). With the full text, a story's cast,
// its narration rates and the paragraphs before a labelled one are those
// that labelling the file would see, not only the dataset's context
// rows. Every labelled row must then match the file: its paragraph number
// must exist and its text must be that paragraph's, or the error names
// the row and the file. Stories with no file are read from their rows.
func PrepareWithTexts(ls []datasets.LabelledStory, dirs []string) (*Data, error) {
	a := features.NewAnalyzer()
	d := &Data{}
	for _, l := range ls {
		path, err := findText(l.Name, dirs)
		if err != nil {
			return nil, err
		}
		if path == "" {
			d.Stories = append(d.Stories, StoryFromLabelled(a, l))
			d.Rows = append(d.Rows, l.Rows)
			continue
		}
		s, rows, err := storyFromText(a, l, path)
		if err != nil {
			return nil, err
		}
		d.Stories = append(d.Stories, s)
		d.Rows = append(d.Rows, rows)
		d.FullTexts++
	}
	return d, nil
}

// findText returns the path of a story's full text in dirs, or "".
func findText(name string, dirs []string) (string, error) {
	if name == "" || strings.ContainsAny(name, `/\`) {
		return "", nil
	}
	for _, dir := range dirs {
		for _, ext := range textExts {
			p := filepath.Join(dir, name+ext)
			fi, err := os.Stat(p)
			switch {
			case err == nil && fi.Mode().IsRegular():
				return p, nil
			case err != nil && !errors.Is(err, fs.ErrNotExist):
				return "", err
			}
		}
	}
	return "", nil
}

// storyFromText analyses a story's file and lines its labelled rows up
// with the file's paragraphs.
func storyFromText(a *features.Analyzer, l datasets.LabelledStory, path string) (*Story, []datasets.Labelled, error) {
	st, err := datasets.ReadStory(path, nil)
	if err != nil {
		return nil, nil, err
	}
	st.Name = l.Name
	s, paras := Analyse(a, st)
	rows := make([]datasets.Labelled, len(paras))
	for _, r := range l.Rows {
		at := fmt.Sprintf("%s row %d (story %s, paragraph %d)", r.File, r.Row, l.Name, r.Paragraph)
		if r.Paragraph < 1 {
			return nil, nil, fmt.Errorf("%s: no paragraph number, and --texts finds each row's paragraph in its story by the paragraph column (as storylens export writes it)", at)
		}
		if r.Paragraph > len(paras) {
			return nil, nil, fmt.Errorf("%s: %s has %d paragraphs", at, path, len(paras))
		}
		// A CSV reader turns the CRLF line ends inside a quoted field
		// into LF: a story with CRLF line ends matches its rows either way.
		if got := paras[r.Paragraph-1].Text; got != r.Text && strings.ReplaceAll(got, "\r\n", "\n") != strings.ReplaceAll(r.Text, "\r\n", "\n") {
			there, here := differ(got, r.Text, 30)
			return nil, nil, fmt.Errorf("%s: the text differs from paragraph %d of %s (%q there, %q in the row)",
				at, r.Paragraph, path, there, here)
		}
		rows[r.Paragraph-1] = r
	}
	// Only labelled paragraphs and the neighbours whose tone scores they
	// read need their stems; the rest give context.
	keep := make([]bool, len(s.Paras))
	for i := range s.Paras {
		if rows[i].Label("pov")+rows[i].Label("tone")+rows[i].Label("focus") != "" {
			for j := max(0, i-toneRadius); j <= min(len(s.Paras)-1, i+toneRadius); j++ {
				keep[j] = true
			}
		}
	}
	for i := range s.Paras {
		if !keep[i] {
			s.Paras[i].Vec.Stems = nil
		}
	}
	return s, rows, nil
}

// differ returns excerpts of a and b around their first difference: up
// to n runes before it and n after, marked with ellipses where cut.
func differ(a, b string, n int) (string, string) {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	// Back to the start of the rune, then n runes further back.
	for i > 0 && i < len(a) && !utf8.RuneStart(a[i]) {
		i--
	}
	start := i
	for k := 0; k < n && start > 0; k++ {
		_, size := utf8.DecodeLastRuneInString(a[:start])
		start -= size
	}
	cut := func(s string) string {
		out := clip(s[start:], 2*n)
		if start > 0 {
			out = "…" + out
		}
		return out
	}
	return cut(a), cut(b)
}

// clip shortens s to at most n runes, marking a cut with an ellipsis.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
