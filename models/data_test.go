package models

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storylens/storylens/datasets"
)

// TestPrepareWithTexts: a labelled story found among the texts is read
// whole, its labels land on the right paragraphs, and a row whose text
// is not the file's paragraph is an error naming the row and the file.
func TestPrepareWithTexts(t *testing.T) {
	dir := t.TempDir()
	text := "Anna opened the door.\n\nShe saw Ben in the rain.\n\n\"Come in,\" she said.\n\nHe came in.\n"
	if err := os.WriteFile(filepath.Join(dir, "rain.txt"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	row := func(n int, text, focus string) datasets.Labelled {
		return datasets.Labelled{Story: "rain", Paragraph: n, Text: text, Focus: focus, Row: n, File: "gold.csv"}
	}
	ls := []datasets.LabelledStory{
		{Name: "rain", Rows: []datasets.Labelled{row(2, "She saw Ben in the rain.", "Anna"), row(4, "He came in.", "Ben")}},
		{Name: "elsewhere", Rows: []datasets.Labelled{row(1, "Nobody knows this text.", "none")}},
	}
	d, err := PrepareWithTexts(ls, []string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if d.FullTexts != 1 || len(d.Stories[0].Paras) != 4 || len(d.Rows[0]) != 4 || len(d.Stories[1].Paras) != 1 {
		t.Fatalf("full texts %d, paragraphs %d and %d, rows %d", d.FullTexts, len(d.Stories[0].Paras), len(d.Stories[1].Paras), len(d.Rows[0]))
	}
	if d.Rows[0][1].Focus != "Anna" || d.Rows[0][3].Focus != "Ben" || d.Rows[0][0].Focus != "" {
		t.Errorf("labels on the wrong paragraphs: %+v", d.Rows[0])
	}
	ls[0].Rows[1].Text = "He came in from the rain."
	_, err = PrepareWithTexts(ls, []string{dir})
	if err == nil || !strings.Contains(err.Error(), "gold.csv row 4") || !strings.Contains(err.Error(), "rain.txt") || !strings.Contains(err.Error(), `("He came in." there, "He came in from the rain." in the row)`) {
		t.Errorf("mismatched row: error %v", err)
	}
	ls[0].Rows[1].Text = "He came in."
	ls[0].Rows[1].Paragraph = 0
	if _, err := PrepareWithTexts(ls, []string{dir}); err == nil || !strings.Contains(err.Error(), "no paragraph number") {
		t.Errorf("no paragraph number: error %v", err)
	}
	ls[0].Rows[1] = row(9, "He came in.", "Ben")
	if _, err := PrepareWithTexts(ls, []string{dir}); err == nil || !strings.Contains(err.Error(), "has 4 paragraphs") {
		t.Errorf("paragraph out of range: error %v", err)
	}
}

// A story with CRLF line ends matches rows whose text a CSV reader gave
// back with LF (as it does for a CSV that storylens label wrote).
func TestPrepareWithTextsCRLF(t *testing.T) {
	dir := t.TempDir()
	text := "Anna opened the door\r\nand looked out.\r\n\r\nShe saw Ben in the rain.\r\n"
	if err := os.WriteFile(filepath.Join(dir, "rain.txt"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	ls := []datasets.LabelledStory{{Name: "rain", Rows: []datasets.Labelled{
		{Story: "rain", Paragraph: 1, Text: "Anna opened the door\nand looked out.", Focus: "Anna", Row: 2}}}}
	d, err := PrepareWithTexts(ls, []string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if d.FullTexts != 1 || d.Rows[0][0].Focus != "Anna" {
		t.Errorf("full texts %d, rows %+v", d.FullTexts, d.Rows[0])
	}
	ls[0].Rows[0].Text = "Anna opened the door\nand looked in."
	if _, err := PrepareWithTexts(ls, []string{dir}); err == nil {
		t.Error("a different text matched")
	}
}

// TestPrepareWithTextsKeepsNeighbourStems: the paragraphs whose tone
// scores a labelled one reads (toneRadius either side) keep their stems;
// those further away drop them.
func TestPrepareWithTextsKeepsNeighbourStems(t *testing.T) {
	dir := t.TempDir()
	var paras []string
	for i := range 2*toneRadius + 4 {
		paras = append(paras, strings.Repeat("Rain fell on the town. ", i+1))
	}
	if err := os.WriteFile(filepath.Join(dir, "rain.txt"), []byte(strings.Join(paras, "\n\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	first := toneRadius + 1 // 0-based index of the labelled paragraph
	ls := []datasets.LabelledStory{{Name: "rain", Rows: []datasets.Labelled{
		{Story: "rain", Paragraph: first + 1, Text: strings.TrimSpace(paras[first]), Tone: "sad", Row: 2}}}}
	d, err := PrepareWithTexts(ls, []string{dir})
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range d.Stories[0].Paras {
		want := i >= first-toneRadius && i <= first+toneRadius
		if got := len(p.Vec.Stems) > 0; got != want {
			t.Errorf("paragraph %d: has stems %v, want %v", i+1, got, want)
		}
	}
}
