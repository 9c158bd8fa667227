package main

import (
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/storylens/storylens/datasets"
	"github.com/storylens/storylens/features"
)

// label is one annotator's answer for an item.
type label struct{ pov, tone, focus, note string }

// readLabels reads annotators' CSV files (id,pov,tone,focus,note).
func readLabels(paths ...string) (map[string]label, []string, error) {
	out := map[string]label{}
	var order []string
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return nil, nil, err
		}
		r := csv.NewReader(f)
		r.FieldsPerRecord = -1
		recs, err := r.ReadAll()
		f.Close()
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", p, err)
		}
		for i, rec := range recs[1:] {
			if len(rec) < 4 {
				return nil, nil, fmt.Errorf("%s: row %d: %d fields, want id,pov,tone,focus[,note]", p, i+1, len(rec))
			}
			l := label{pov: strings.TrimSpace(rec[1]), tone: strings.TrimSpace(rec[2]), focus: strings.TrimSpace(rec[3])}
			if len(rec) > 4 {
				l.note = strings.Join(rec[4:], ",")
			}
			id := strings.TrimSpace(rec[0])
			if _, dup := out[id]; dup {
				return nil, nil, fmt.Errorf("%s: row %d: id %s labelled twice", p, i+1, id)
			}
			out[id] = l
			order = append(order, id)
		}
	}
	return out, order, nil
}

// sampleRow is a row of sample.csv or whole_NN.csv.
type sampleRow struct {
	id, stratum, story string
	chapter, paragraph int
	start, end         int
	text               string
}

func readSample(path string) ([]sampleRow, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var out []sampleRow
	for _, r := range recs[1:] {
		n := func(s string) int { v, _ := strconv.Atoi(s); return v }
		out = append(out, sampleRow{r[0], r[1], r[2], n(r[3]), n(r[4]), n(r[5]), n(r[6]), r[7]})
	}
	return out, nil
}

// gold is one row of a gold dataset file.
type gold struct {
	row    datasets.Paragraph
	labels *label // nil: an unlabelled context row
}

var goldHeader = []string{"story", "chapter", "paragraph", "start", "end", "words", "dialogue", "pov", "tone", "focus", "text"}

func writeGold(path string, rows []gold) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := csv.NewWriter(f)
	w.Write(goldHeader)
	for _, g := range rows {
		r := g.row
		l := label{}
		if g.labels != nil {
			l = *g.labels
		}
		d, _ := r.Dialogue.MarshalCSV()
		w.Write([]string{r.Story, strconv.Itoa(r.Chapter), strconv.Itoa(r.Paragraph), strconv.Itoa(r.Start),
			strconv.Itoa(r.End), strconv.Itoa(r.Words), d, l.pov, l.tone, l.focus, r.Text})
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return err
	}
	return f.Close()
}

// merge builds the gold files from the sample, the annotators' labels and
// the adjudications, and writes the agreement report.
func merge(corpus, out, dsDir string) error {
	ann := filepath.Join(out, "labels")
	batches, _ := filepath.Glob(filepath.Join(ann, "batch_*.csv"))
	agrees, _ := filepath.Glob(filepath.Join(ann, "agree_*.csv"))
	first, _, err := readLabels(batches...)
	if err != nil {
		return err
	}
	second, secondOrder, err := readLabels(agrees...)
	if err != nil {
		return err
	}
	adjudicated := map[string]label{}
	if _, err := os.Stat(filepath.Join(out, "adjudicated.csv")); err == nil {
		adjudicated, _, err = readLabels(filepath.Join(out, "adjudicated.csv"))
		if err != nil {
			return err
		}
	}
	if err := writeAgreement(filepath.Join(out, "agreement.md"), first, second, secondOrder, adjudicated); err != nil {
		return err
	}
	sample, err := readSample(filepath.Join(out, "sample.csv"))
	if err != nil {
		return err
	}
	final := func(id string) (*label, error) {
		l, ok := first[id]
		if !ok {
			return nil, fmt.Errorf("item %s has no first-pass label", id)
		}
		if s, ok := second[id]; ok && (s.pov != l.pov || s.tone != l.tone || s.focus != l.focus) {
			a, ok := adjudicated[id]
			if !ok {
				return nil, fmt.Errorf("item %s: annotators disagree and there is no adjudication", id)
			}
			l = a
		}
		return &l, nil
	}
	// Novels: each labelled paragraph with two unlabelled paragraphs of
	// context on each side, in story order.
	byStory := map[string][]sampleRow{}
	var stories []string
	for _, s := range sample {
		if _, ok := byStory[s.story]; !ok {
			stories = append(stories, s.story)
		}
		byStory[s.story] = append(byStory[s.story], s)
	}
	a := features.NewAnalyzer()
	var novels []gold
	for _, name := range stories {
		st, err := datasets.ReadStory(filepath.Join(corpus, name+".txt"), nil)
		if err != nil {
			return err
		}
		an := datasets.Analyse(st, a)
		keep := map[int]*label{}
		for _, s := range byStory[name] {
			l, err := final(s.id)
			if err != nil {
				return err
			}
			i := s.paragraph - 1
			if an[i].Row.Start != s.start || an[i].Row.Text != s.text {
				return fmt.Errorf("item %s: %s paragraph %d no longer matches the sample", s.id, name, s.paragraph)
			}
			for j := max(0, i-2); j <= min(len(an)-1, i+2); j++ {
				if _, ok := keep[j]; !ok {
					keep[j] = nil
				}
			}
			keep[i] = l
		}
		idx := make([]int, 0, len(keep))
		for j := range keep {
			idx = append(idx, j)
		}
		slices.Sort(idx)
		for _, j := range idx {
			novels = append(novels, gold{row: an[j].Row, labels: keep[j]})
		}
	}
	if err := writeGold(filepath.Join(dsDir, "novels.csv"), novels); err != nil {
		return err
	}
	for i, w := range []struct{ dir, name string }{{"seeds", "seeds.csv"}, {filepath.Join(dsDir, "written"), "second_person.csv"}} {
		n := i + 1
		if err := mergeWhole(w.dir, filepath.Join(out, fmt.Sprintf("whole_%02d.csv", n)),
			filepath.Join(ann, fmt.Sprintf("whole_%02d.csv", n)), filepath.Join(dsDir, w.name)); err != nil {
			return err
		}
	}
	return nil
}

// mergeWhole writes a gold file for whole stories (every paragraph of the
// stories in dir, labelled), checking each item against the stories.
func mergeWhole(dir, items, labels, dst string) error {
	sample, err := readSample(items)
	if err != nil {
		return err
	}
	ls, _, err := readLabels(labels)
	if err != nil {
		return err
	}
	a := features.NewAnalyzer()
	rowsOf := map[string][]datasets.Analysed{}
	var rows []gold
	for _, s := range sample {
		an, ok := rowsOf[s.story]
		if !ok {
			st, err := datasets.ReadStory(filepath.Join(dir, s.story+".txt"), nil)
			if err != nil {
				return err
			}
			an = datasets.Analyse(st, a)
			rowsOf[s.story] = an
		}
		r := an[s.paragraph-1].Row
		if r.Start != s.start || r.Text != s.text {
			return fmt.Errorf("item %s: %s paragraph %d no longer matches", s.id, s.story, s.paragraph)
		}
		l, ok := ls[s.id]
		if !ok {
			return fmt.Errorf("%s: item %s is not labelled", labels, s.id)
		}
		rows = append(rows, gold{row: r, labels: &l})
	}
	return writeGold(dst, rows)
}
