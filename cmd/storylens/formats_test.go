package main

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

var fixtures = filepath.Join("..", "..", "datasets", "testdata", "ao3")

// TestSameLabelsAcrossFormats: a story gives the same paragraphs and the
// same labels read as plain text, AO3 HTML or EPUB.
func TestSameLabelsAcrossFormats(t *testing.T) {
	cols := []string{"paragraph", "words", "dialogue", "pov", "pov_confidence", "tone", "tone_confidence", "focus", "focus_confidence", "text"}
	rowsOf := func(path string) [][]string {
		out, errs, code := runCLI(t, "", "label", path, "--format", "csv")
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", path, code, errs)
		}
		var rows [][]string
		for _, r := range readCSV(t, out) {
			var row []string
			for _, c := range cols {
				row = append(row, r[c])
			}
			rows = append(rows, row)
		}
		return rows
	}
	for _, c := range []struct{ seed, fixture string }{
		{"after_liz.txt", "after_liz.html"}, {"after_liz.txt", "after_liz.epub"},
		{"stefan_pov.txt", "worth_it.html"}, {"bittersweet_goodbye.txt", "bittersweet_goodbye.epub"},
	} {
		want := rowsOf(filepath.Join("..", "..", "seeds", c.seed))
		got := rowsOf(filepath.Join(fixtures, c.fixture))
		if len(got) != len(want) {
			t.Errorf("%s: %d rows, %s: %d", c.fixture, len(got), c.seed, len(want))
			continue
		}
		for i := range got {
			if !slices.Equal(got[i], want[i]) {
				t.Errorf("%s row %d = %q\nplain text gives %q", c.fixture, i+1, got[i], want[i])
				break
			}
		}
	}
}

func TestMetadataInOutputs(t *testing.T) {
	out, errs, code := runCLI(t, "", "export", filepath.Join(fixtures, "after_liz.epub"), filepath.Join("..", "..", "seeds", "stefan_pov.txt"), "--meta")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	rows := readCSV(t, out)
	first, last := rows[0], rows[len(rows)-1]
	if first["story"] != "After Liz" || first["title"] != "After Liz" || first["rating"] != "Mature" ||
		first["tags"] != "Angst, Grief/Mourning, Hurt/Comfort, Fluff" || first["fandoms"] != "The Vampire Diaries (TV)" ||
		!strings.HasPrefix(first["characters"], "Stefan Salvatore, Elena Gilbert") || first["authors"] != "quiet_harbour" {
		t.Errorf("EPUB row: %v", first)
	}
	if first["summary"] != "Caroline loses her mother; Stefan stays." || first["notes"] != "Grief, then comfort.\n\nThis chapter deals with a death.\n\nComments make my day." {
		t.Errorf("EPUB row: summary %q, notes %q", first["summary"], first["notes"])
	}
	if last["story"] != "stefan_pov" || last["title"] != "" || last["tags"] != "" || last["summary"] != "" || last["notes"] != "" {
		t.Errorf("plain-text row: story %q title %q tags %q", last["story"], last["title"], last["tags"])
	}
	table, _, _ := runCLI(t, "", "compare", filepath.Join(fixtures, "worth_it.html"), filepath.Join(fixtures, "bittersweet_goodbye.epub"), "--format", "table")
	if !strings.Contains(table, "Worth It ") || !strings.Contains(table, "Bittersweet Goodbye ") {
		t.Errorf("compare does not name stories by title:\n%s", table)
	}
}

// TestTableCells: a table cell is cut to terminal columns (a CJK character
// takes two, a combining accent none), and control characters, which a
// terminal would obey, are shown, not sent.
func TestTableCells(t *testing.T) {
	tests := []struct {
		in   string
		w    int
		want string
	}{
		{"Renée walked", 12, "Renée walked"},
		{"雨の夜に彼女は歩いた", 9, "雨の夜に…"},
		{"red \x1b[31mtext", 14, "red \uFFFD[31mtext"},
		{"two\n\nlines", 12, "two lines"},
		{"a \u202Eright-to-left", 20, "a \uFFFDright-to-left"},
	}
	for _, tt := range tests {
		if got := fit(tt.in, tt.w); got != tt.want {
			t.Errorf("fit(%q, %d) = %q, want %q", tt.in, tt.w, got, tt.want)
		}
	}
}
