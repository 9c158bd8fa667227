package main

import (
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/storylens -update)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (go test ./cmd/storylens -update rewrites it after a deliberate change):\n%s", path, firstDiff(string(want), got))
	}
}

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) && i < len(bl); i++ {
		if al[i] != bl[i] {
			return "line " + itoa(i+1) + ":\n want " + al[i] + "\n  got " + bl[i]
		}
	}
	return "lengths differ"
}

// tricky is a story whose text has quotes, commas and, hard-wrapped, a
// newline inside a paragraph.
const tricky = `"Stop," said Mira, "or I'll — no, don't."

Theo laughed, a long, low laugh,
and the rain came down on "the old house".

She waited.
`

func TestExportRoundTrip(t *testing.T) {
	dir := t.TempDir()
	story := filepath.Join(dir, "tricky.txt")
	os.WriteFile(story, []byte(tricky), 0o644)
	out, errs, code := runCLI(t, "", "export", story, "--seeds")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	rows := readCSV(t, out)
	if len(rows) != 118 || rows[1]["text"] != "Theo laughed, a long, low laugh,\nand the rain came down on \"the old house\"." {
		t.Fatalf("%d rows; row 2 text %q", len(rows), rows[1]["text"])
	}
	path := filepath.Join(dir, "export.csv")
	os.WriteFile(path, []byte(out), 0o644)
	// The export is training and evaluation input.
	if _, errs, code := runCLI(t, "", "train", "--data", path, "--out", filepath.Join(dir, "m"), "--folds", "2", "--quiet"); code != 0 {
		t.Errorf("train on export: exit %d: %s", code, errs)
	}
	// It holds the seed stories, which the default model trained on.
	if out, errs, code := runCLI(t, "", "eval", "--data", path); code != 0 || !strings.Contains(out, "== pov: evaluation, NOT held out: 112 of the data's 114 labelled paragraphs of 6 words or more") {
		t.Errorf("eval on an export with the seeds: exit %d: %s\n%.200s", code, errs, out)
	}
	// Python's csv module, which pandas' parser follows, reads the same
	// text back, quotes, commas and newlines intact.
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not found: the pandas-style read is not checked")
	}
	script := `import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))
r = rows[1]
assert len(rows) == 118, len(rows)
assert r["text"] == 'Theo laughed, a long, low laugh,\nand the rain came down on "the old house".', repr(r["text"])
assert rows[0]["text"].startswith('"Stop," said Mira'), rows[0]["text"]
assert float(r["pov_confidence"]) <= 1
print("ok")`
	got, err := exec.Command(py, "-c", script, path).CombinedOutput()
	if err != nil || strings.TrimSpace(string(got)) != "ok" {
		t.Errorf("python csv read: %v\n%s", err, got)
	}
	// pandas and R themselves, with default options, where installed
	// (.ci/run installs them).
	pandas := `import pandas as pd, sys
df = pd.read_csv(sys.argv[1])
assert df.shape[0] == 118, df.shape
assert df.text[1] == 'Theo laughed, a long, low laugh,\nand the rain came down on "the old house".', repr(df.text[1])
assert str(df.pov_confidence.dtype) == "float64"
print("ok")`
	withPandas := ""
	for _, p := range []string{py, "/usr/bin/python3"} {
		if exec.Command(p, "-c", "import pandas").Run() == nil {
			withPandas = p
			break
		}
	}
	if withPandas != "" {
		got, err := exec.Command(withPandas, "-c", pandas, path).CombinedOutput()
		if err != nil || strings.TrimSpace(string(got)) != "ok" {
			t.Errorf("pandas.read_csv: %v\n%s", err, got)
		}
	} else {
		t.Log("pandas not installed: pandas.read_csv not checked")
	}
	if rs, err := exec.LookPath("Rscript"); err == nil {
		r := `df <- read.csv(commandArgs(TRUE)[1]); stopifnot(nrow(df) == 118, df$text[2] == "Theo laughed, a long, low laugh,\nand the rain came down on \"the old house\".", is.numeric(df$pov_confidence)); cat("ok")`
		got, err := exec.Command(rs, "-e", r, path).CombinedOutput()
		if err != nil || !strings.HasSuffix(strings.TrimSpace(string(got)), "ok") {
			t.Errorf("R read.csv: %v\n%s", err, got)
		}
	} else {
		t.Log("R not installed: read.csv not checked")
	}
}

func TestExportFeatures(t *testing.T) {
	out, errs, code := runCLI(t, "", "export", "--seeds", "--features")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	header := strings.SplitN(out, "\n", 2)[0]
	cols := strings.Split(header, ",")
	if len(cols) != 14+28+1 || cols[13] != "text" || cols[14] != "f_words" || cols[len(cols)-1] != "stems" {
		t.Errorf("header = %s", header)
	}
	rows := readCSV(t, out)
	if len(rows) != 115 || rows[0]["stems"] == "" || rows[0]["f_narr_third"] == "" {
		t.Errorf("%d rows, first %v", len(rows), rows[0])
	}
}

func TestCompareSeedsGolden(t *testing.T) {
	dir := t.TempDir()
	chart := filepath.Join(dir, "tone.svg")
	page := filepath.Join(dir, "tone.html")
	table, errs, code := runCLI(t, "", "compare", "--seeds", "--format", "table", "--chart", chart, "--html", page)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	golden(t, "compare_seeds.txt", table)
	csvOut, _, _ := runCLI(t, "", "compare", "--seeds", "--format", "csv")
	golden(t, "compare_seeds.csv", csvOut)
	rows := readCSV(t, csvOut)
	sections := map[string]int{}
	for _, r := range rows {
		sections[r["section"]]++
	}
	// 3 stories × 3 weightings × 6 tones; 3 × 2 arcs × 100 points; 3 × 3 × 2 distances; 3 nearest profiles and 2 closest arcs (bittersweet_goodbye's best arc correlation is negative).
	if sections["profile"] != 54 || sections["arc"] != 600 || sections["distance"] != 18 || sections["nearest"] != 5 {
		t.Errorf("sections = %v", sections)
	}
	svg, err := os.ReadFile(chart)
	if err != nil || !strings.Contains(string(svg), ">stefan_pov<") {
		t.Errorf("chart: %v", err)
	}
	html, err := os.ReadFile(page)
	if err != nil || !strings.Contains(string(html), "<svg") || !strings.Contains(string(html), "bittersweet_goodbye") {
		t.Errorf("page: %v", err)
	}
	_, errs, code = runCLI(t, "", "compare", "--seeds", "--chart", filepath.Join(dir, "x.gif"))
	if code != 2 || !strings.Contains(errs, "x.gif: the chart must be a .svg or .png file") {
		t.Errorf("bad chart name: exit %d, %q", code, errs)
	}
	// A chart in a missing folder is refused by its name before any
	// output, not by the name of a temporary file after it.
	missing := filepath.Join(dir, "missing", "x.svg")
	out, errs, code := runCLI(t, "", "compare", "--seeds", "--chart", missing)
	if code != 1 || out != "" || !strings.Contains(errs, "--chart "+missing+": no directory") || strings.Contains(errs, ".storylens-") {
		t.Errorf("chart in a missing folder: exit %d, stdout %d bytes, stderr %q", code, len(out), errs)
	}
}

// A story under 5 paragraphs has a profile but no arc: the table shows
// dashes, the CSV has no arc rows and no arc correlation for it, and the
// chart draws no curve for it. Ties for the nearest profile are named in
// the HTML page as in the table.
func TestCompareShortStoriesAndTies(t *testing.T) {
	dir := t.TempDir()
	story, err := os.ReadFile(filepath.Join("..", "..", "seeds", "after_liz.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var args []string
	for _, n := range []string{"a", "b", "c"} {
		p := filepath.Join(dir, n+".txt")
		os.WriteFile(p, story, 0o644)
		args = append(args, p)
	}
	drabble := filepath.Join(dir, "drabble.txt")
	os.WriteFile(drabble, []byte("Damon smirked at her across the bar.\n\nElena laughed and looked away, her cheeks burning.\n"), 0o644)
	args = append(args, drabble)
	chart, page := filepath.Join(dir, "tone.svg"), filepath.Join(dir, "tone.html")
	out, errs, code := runCLI(t, "", append([]string{"compare", "--format", "csv", "--chart", chart, "--html", page}, args...)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	arcs := map[string]int{}
	var nearestA []string
	for _, r := range readCSV(t, out) {
		switch r["section"] {
		case "nearest":
			if r["story"] == "a" && r["measure"] == "profile_js" {
				nearestA = append(nearestA, r["other"])
			}
		case "arc":
			arcs[r["story"]]++
		case "distance":
			if r["measure"] == "arc_correlation" && (r["story"] == "drabble" || r["other"] == "drabble") && r["value"] != "" {
				t.Errorf("arc correlation %v", r)
			}
		}
	}
	if arcs["drabble"] != 0 || arcs["a"] != 200 {
		t.Errorf("arc rows per story: %v", arcs)
	}
	if !slices.Equal(nearestA, []string{"b", "c"}) {
		t.Errorf("nearest rows of a: %v, want b and c (tied)", nearestA)
	}
	svg, _ := os.ReadFile(chart)
	// A story's name is a bar's label, and the arc legend's when it has a curve.
	if n, m := strings.Count(string(svg), ">drabble<"), strings.Count(string(svg), ">a<"); n != 1 || m != 2 {
		t.Errorf("chart names drabble %d times and a %d times, want 1 and 2", n, m)
	}
	html, _ := os.ReadFile(page)
	if !strings.Contains(string(html), "b (0.00, tied with 1 more)") {
		t.Errorf("page does not show the tie:\n%s", html)
	}
	table, _, _ := runCLI(t, "", append([]string{"compare", "--format", "table"}, args...)...)
	if !regexp.MustCompile(`(?m)^ *drabble( +—){10}\s*$`).MatchString(table) || !strings.Contains(table, "b (0.00, tied with 1 more)") {
		t.Errorf("table:\n%s", table)
	}
}
