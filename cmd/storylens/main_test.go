package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storylens/storylens/seeds"
)

// runCLI runs the command line in-process and returns stdout, stderr and
// the exit code.
func runCLI(t *testing.T, stdin string, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	err := run(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	code := 0
	if err != nil {
		if !errors.Is(err, errReported) {
			errb.WriteString("storylens: " + err.Error() + "\n")
		}
		code = 1
		var u *usageError
		if errors.As(err, &u) {
			code = 2
		}
	}
	return out.String(), errb.String(), code
}

func readCSV(t *testing.T, s string) []map[string]string {
	t.Helper()
	recs, err := csv.NewReader(strings.NewReader(s)).ReadAll()
	if err != nil {
		t.Fatalf("output is not CSV: %v\n%s", err, s)
	}
	var rows []map[string]string
	for _, r := range recs[1:] {
		m := map[string]string{}
		for i, h := range recs[0] {
			m[h] = r[i]
		}
		rows = append(rows, m)
	}
	return rows
}

func TestParagraphsSeeds(t *testing.T) {
	out, errs, code := runCLI(t, "", "paragraphs", "--seeds", "--format", "csv")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.HasPrefix(out, "story,chapter,paragraph,start,end,words,dialogue,text\n") {
		t.Fatalf("header: %.80q", out)
	}
	rows := readCSV(t, out)
	count := map[string]int{}
	for _, r := range rows {
		count[r["story"]]++
		src, _ := seeds.FS.ReadFile(r["story"] + ".txt")
		var start, end int
		json.Unmarshal([]byte(r["start"]), &start)
		json.Unmarshal([]byte(r["end"]), &end)
		if string(src[start:end]) != r["text"] {
			t.Fatalf("%s paragraph %s: offsets [%d,%d) do not point at its text", r["story"], r["paragraph"], start, end)
		}
	}
	want := map[string]int{"after_liz": 58, "bittersweet_goodbye": 25, "stefan_pov": 32}
	for k, v := range want {
		if count[k] != v {
			t.Errorf("%s: %d paragraphs, want %d", k, count[k], v)
		}
	}
}

func TestParagraphsFormatsAndStdin(t *testing.T) {
	story := "Title Line\n\n\"Run,\" she said.\n\nHe ran.\n"
	out, _, code := runCLI(t, story, "paragraphs", "-", "--format", "jsonl")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	sc := bufio.NewScanner(strings.NewReader(out))
	var got []map[string]any
	for sc.Scan() {
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("line %q: %v", sc.Text(), err)
		}
		got = append(got, m)
	}
	if len(got) != 2 || got[0]["story"] != "stdin" || got[0]["text"] != "\"Run,\" she said." || got[0]["dialogue"] != 0.333 {
		t.Errorf("jsonl rows = %v", got)
	}
	out, _, _ = runCLI(t, story, "paragraphs", "-", "--format", "table")
	if !strings.Contains(out, "story") || !strings.Contains(out, "He ran.") {
		t.Errorf("table output:\n%s", out)
	}
}

// TestMissingFileWritesNothing: a path that does not exist is an error
// naming it, and no header is written as if a story had been read.
func TestMissingFileWritesNothing(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "nosuch.txt")
	for _, cmd := range []string{"label", "paragraphs"} {
		out, errs, code := runCLI(t, "", cmd, missing, "--format", "csv")
		if code == 0 || out != "" || !strings.Contains(errs, "nosuch.txt") {
			t.Errorf("%s: exit %d, stdout %q, stderr %q", cmd, code, out, errs)
		}
	}
}

func TestBadInputKeepsGoodOutput(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.txt")
	good := filepath.Join(dir, "good.txt")
	os.WriteFile(bad, []byte("Fine line.\nThen \x93quoted\x94.\n"), 0o644)
	os.WriteFile(good, []byte("A good story.\n"), 0o644)
	out, errs, code := runCLI(t, "", "paragraphs", bad, good, "--format", "csv")
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	if !strings.Contains(errs, "bad.txt:2:6 (byte 16): invalid UTF-8") || !strings.Contains(errs, "iconv") {
		t.Errorf("stderr = %q", errs)
	}
	if rows := readCSV(t, out); len(rows) != 1 || rows[0]["story"] != "good" {
		t.Errorf("rows = %v", rows)
	}
}

// TestStoriesWithoutParagraphs: a story in which only headings are
// found is named on stderr; the others' rows stand.
func TestStoriesWithoutParagraphs(t *testing.T) {
	dir := t.TempDir()
	heads := filepath.Join(dir, "heads.txt")
	short := filepath.Join(dir, "short.txt")
	os.WriteFile(heads, []byte("Chapter 1\n\n* * *\n"), 0o644)
	os.WriteFile(short, []byte("He ran\n\nShe followed him into the dark\n"), 0o644)
	out, errs, code := runCLI(t, "", "label", heads, short, "--format", "csv")
	if code != 0 || !strings.Contains(errs, heads+": no paragraphs found (only headings or scene breaks)") {
		t.Errorf("label: exit %d, stderr %q", code, errs)
	}
	if rows := readCSV(t, out); len(rows) != 2 || rows[0]["text"] != "He ran" {
		t.Errorf("rows = %v", rows)
	}
	_, errs, code = runCLI(t, "", "compare", heads)
	if code != 1 || !strings.Contains(errs, "no story has paragraphs to compare") {
		t.Errorf("compare: exit %d, stderr %q", code, errs)
	}
}

// TestStoriesOfOneName: two files with one base name are told apart.
func TestStoriesOfOneName(t *testing.T) {
	dir := t.TempDir()
	story, err := os.ReadFile(filepath.Join("..", "..", "seeds", "after_liz.txt"))
	if err != nil {
		t.Fatal(err)
	}
	a, b := filepath.Join(dir, "a", "x.txt"), filepath.Join(dir, "b", "x.txt")
	for _, p := range []string{a, b} {
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, story, 0o644)
	}
	_, errs, code := runCLI(t, "", "label", a, b, "--format", "csv")
	if code != 0 || !strings.Contains(errs, b+`: its story name "x" (from its file name, or its title in the metadata) is also `+a+"'s") {
		t.Errorf("label: exit %d, stderr %q", code, errs)
	}
	out, errs, code := runCLI(t, "", "compare", a, b, "--format", "csv")
	if code != 0 || !strings.Contains(out, "nearest,"+a+","+b+",profile_js") || strings.Contains(out, ",x,") {
		t.Errorf("compare: exit %d, stderr %q\n%.300s", code, errs, out)
	}
	// One file given twice.
	_, errs, code = runCLI(t, "", "label", a, a, "--format", "csv")
	if code != 0 || !strings.Contains(errs, a+": given twice, so its rows are written twice") {
		t.Errorf("label a file twice: exit %d, stderr %q", code, errs)
	}
	out, errs, code = runCLI(t, "", "compare", a, a, b, "--format", "csv")
	if code != 0 || !strings.Contains(errs, a+": given twice; compared once") || strings.Count(out, "nearest,") != 4 {
		t.Errorf("compare a file twice: exit %d, stderr %q\n%.300s", code, errs, out)
	}
}

func TestUsageErrors(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{nil, "no command given"},
		{[]string{"frobnicate"}, `unknown command "frobnicate"`},
		{[]string{"paragraphs"}, "no stories given"},
		{[]string{"paragraphs", "--seeds", "--format", "xml"}, `unknown --format "xml"`},
		{[]string{"paragraphs", "--nope"}, "flag provided but not defined: -nope"},
		{[]string{"paragraphs", "-", "-"}, "standard input) can be given only once"},
		{[]string{"export", "--seeds", "--format", "table"}, `export: unknown --format "table": use csv or jsonl`},
		{[]string{"compare", "--seeds", "--format", "jsonl"}, `compare: unknown --format "jsonl": use table or csv`},
		{[]string{"annotate", "--seeds", "--out", "x.csv", "--format", "csv"}, "flag provided but not defined: -format"},
		{[]string{"label", "--seeds", "--jobs", "0"}, "--jobs must be at least 1, not 0"},
	}
	for _, tt := range tests {
		_, errs, code := runCLI(t, "", tt.args...)
		if code != 2 || !strings.Contains(errs, tt.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", tt.args, code, errs, tt.want)
		}
	}
}

func TestHelp(t *testing.T) {
	out, _, code := runCLI(t, "", "help")
	if code != 0 || !strings.Contains(out, "paragraphs FILE...") || !strings.Contains(out, "features FILE...") {
		t.Errorf("help: %d\n%s", code, out)
	}
	out, _, code = runCLI(t, "", "paragraphs", "--help")
	if code != 0 || !strings.Contains(out, "Examples:") || !strings.Contains(out, "-format") {
		t.Errorf("paragraphs --help: %d\n%s", code, out)
	}
}

func TestFeatures(t *testing.T) {
	out, _, code := runCLI(t, "", "features", "--list")
	if code != 0 || !strings.Contains(out, "narr_first") || !strings.Contains(out, "valence") {
		t.Errorf("features --list:\n%s", out)
	}
	out, errs, code := runCLI(t, "I ran. You ran.\n\nShe wept bitterly.\n", "features", "-", "--format", "csv")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	rows := readCSV(t, out)
	if len(rows) != 2 || rows[0]["narr_first"] != "0.25" || rows[0]["narr_second"] != "0.25" || rows[1]["narr_third"] != "0.3333333333333333" {
		t.Errorf("rows = %v", rows)
	}
	if rows[1]["stems"] != "she wept bitter" || !strings.HasPrefix(rows[1]["valence"], "-") {
		t.Errorf("row 2 stems %q valence %q", rows[1]["stems"], rows[1]["valence"])
	}
}

// TestReadmeCommands runs the README's set-up command that uses the
// storylens binary, so that it never goes stale.
func TestReadmeCommands(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, line := range strings.Split(string(readme), "\n") {
		cmd, ok := strings.CutPrefix(line, "go run ./cmd/storylens ")
		if !ok {
			continue
		}
		cmd, _, _ = strings.Cut(cmd, "#")
		args := append(strings.Fields(cmd), "--format", "csv")
		out, errs, code := runCLI(t, "", args...)
		if code != 0 || len(readCSV(t, out)) < 100 {
			t.Errorf("README command %q: exit %d, %d bytes of output, stderr %q", cmd, code, len(out), errs)
		}
		n++
	}
	if n == 0 {
		t.Error("README has no `go run ./cmd/storylens` command")
	}
}

// TestReadmeSamples checks that the sample output shown in the README is
// what the commands print now.
func TestReadmeSamples(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	samples := []struct {
		after string
		args  []string
	}{
		{"`storylens label --seeds` prints (first rows):", []string{"label", "--seeds", "--format", "table"}},
		{"`storylens compare --seeds --chart docs/compare-seeds.png` prints", []string{"compare", "--seeds", "--format", "table"}},
	}
	for _, sm := range samples {
		_, rest, ok := strings.Cut(string(readme), sm.after)
		if !ok {
			t.Errorf("README has no %q", sm.after)
			continue
		}
		_, block, _ := strings.Cut(rest, "```\n")
		block, _, _ = strings.Cut(block, "```")
		out, errs, code := runCLI(t, "", sm.args...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", sm.args, code, errs)
		}
		for _, line := range strings.Split(strings.TrimSpace(block), "\n") {
			if !strings.Contains(out, line+"\n") {
				t.Errorf("README shows a line %v no longer prints:\n%s", sm.args, line)
			}
		}
	}
}
