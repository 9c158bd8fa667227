package datasets

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/storylens/storylens/features"
)

// goldFiles are the hand-labelled dataset files and where their stories
// are.
var goldFiles = []struct {
	file, storyDir string
}{
	{"novels.csv", filepath.Join("..", "..", "shared", "corpus", "novels")},
	{"seeds.csv", filepath.Join("..", "seeds")},
	{"second_person.csv", "written"},
}

// TestGoldFiles checks every gold dataset file against the schema and the
// taxonomy: the header, known labels, no duplicate paragraph, and offsets
// and text that match `storylens paragraphs` on the story file.
func TestGoldFiles(t *testing.T) {
	want := []string{"story", "chapter", "paragraph", "start", "end", "words", "dialogue", "pov", "tone", "focus", "text"}
	counts := map[string]map[string]int{"pov": {}, "tone": {}}
	novels := map[string]bool{}
	labelledNovels := 0
	for _, g := range goldFiles {
		t.Run(g.file, func(t *testing.T) {
			f, err := os.Open(g.file)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			recs, err := csv.NewReader(f).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(recs[0], want) {
				t.Fatalf("header %v, want %v", recs[0], want)
			}
			seen := map[string]bool{}
			stories := map[string][]Paragraph{}
			haveStories := true
			if _, err := os.Stat(g.storyDir); err != nil {
				haveStories = false
				t.Logf("%s absent: offsets of %s not checked against the stories", g.storyDir, g.file)
			}
			a := features.NewAnalyzer()
			for i, r := range recs[1:] {
				row := i + 1
				story, pov, tone, focus, text := r[0], r[7], r[8], r[9], r[10]
				key := story + "/" + r[2]
				if seen[key] {
					t.Errorf("row %d: paragraph %s of %s is listed twice", row, r[2], story)
				}
				seen[key] = true
				labelled := pov != "" || tone != "" || focus != ""
				if labelled {
					if !slices.Contains(POVLabels, pov) {
						t.Errorf("row %d: unknown pov %q", row, pov)
					}
					if !slices.Contains(ToneLabels, tone) {
						t.Errorf("row %d: unknown tone %q", row, tone)
					}
					first, _ := utf8.DecodeRuneInString(focus)
					if focus != "narrator" && focus != "none" && !unicode.IsUpper(first) {
						t.Errorf("row %d: focus %q is not a capitalised name, narrator or none", row, focus)
					}
					counts["pov"][pov]++
					counts["tone"][tone]++
					if g.file == "novels.csv" {
						labelledNovels++
						novels[story] = true
					}
				}
				if !haveStories {
					continue
				}
				rows, ok := stories[story]
				if !ok {
					s, err := ReadStory(filepath.Join(g.storyDir, story+".txt"), nil)
					if err != nil {
						t.Fatalf("row %d: %v", row, err)
					}
					for _, an := range Analyse(s, a) {
						rows = append(rows, an.Row)
					}
					stories[story] = rows
				}
				n, _ := strconv.Atoi(r[2])
				if n < 1 || n > len(rows) {
					t.Errorf("row %d: %s has no paragraph %d", row, story, n)
					continue
				}
				p := rows[n-1]
				got := []string{strconv.Itoa(p.Chapter), strconv.Itoa(p.Start), strconv.Itoa(p.End), strconv.Itoa(p.Words), p.Text}
				wantCols := []string{r[1], r[3], r[4], r[5], text}
				if !slices.Equal(got, wantCols) {
					t.Errorf("row %d: %s paragraph %d: chapter,start,end,words,text = %.80q, the story gives %.80q", row, story, n, wantCols, got)
				}
			}
		})
	}
	if labelledNovels < 1000 || len(novels) < 60 {
		t.Errorf("novels.csv: %d labelled paragraphs from %d novels, want at least 1000 from 60", labelledNovels, len(novels))
	}
	for _, tone := range ToneLabels {
		if counts["tone"][tone] < 60 {
			t.Errorf("tone %s has %d examples, want at least 60", tone, counts["tone"][tone])
		}
	}
	if counts["pov"]["second"] < 40 {
		t.Errorf("second person has %d examples, want at least 40", counts["pov"]["second"])
	}
	t.Logf("labels: %v", counts)
	_ = strings.TrimSpace
}

// TestReadLabelledErrors: bad training CSVs get clear errors.
func TestReadLabelledErrors(t *testing.T) {
	tests := []struct {
		name, csv, want string
	}{
		{"no text column", "story,pov\na,first\n", "data.csv: not a dataset CSV: no text column"},
		{"no label column", "story,text\na,hello\n", "data.csv: not a dataset CSV: no label column"},
		{"semicolons", "story;text;tone\na;hello;sad\n", "data.csv: not a dataset CSV: no text column (header: story;text;tone); the fields seem to be separated by semicolons"},
		{"capitals", "Story,Text,Tone\na,hello,sad\n", "data.csv: not a dataset CSV: no text column (header: Story,Text,Tone); column names are lower case"},
		{"unknown pov", "text,pov\nhello,first\nbye,fourth\n", `data.csv: row 2: unknown pov "fourth"`},
		{"short row", "text,pov\nhello,first\nbye\n", "data.csv: line 3: wrong number of fields"},
		{"empty text", "text,tone\n,sad\n", "data.csv: row 1: empty text"},
		{"empty file", "", "data.csv: empty file"},
		{"Latin-1", "text,tone\ncaf\xe9,sad\n", "data.csv:2:4 (byte 13): invalid UTF-8"},
		{"not a number", "story,paragraph,text,tone\na,abc,hello,sad\n", `data.csv: line 2: "abc" is not a whole number (the paragraph column)`},
		{"too large a number", "story,chapter,text,tone\na,99999999999999999999,hello,sad\n", `data.csv: line 2: "99999999999999999999" is too large a number (the chapter column)`},
		{"NUL byte", "text,tone\nhel\x00lo,sad\n", "data.csv:2:4 (byte 13): binary data (a NUL byte), not text; a dataset CSV is plain text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadLabelled("data.csv", strings.NewReader(tt.csv))
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("error = %v, want prefix %q", err, tt.want)
			}
		})
	}
	stories, err := ReadLabelled("data.csv", strings.NewReader("story,paragraph,text,tone\nb,2,two,sad\na,1,one,\nb,1,\"one,\nstill\",happy\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(stories) != 2 || stories[0].Name != "b" || stories[0].Rows[0].Text != "one,\nstill" || stories[0].Rows[1].Row != 1 {
		t.Errorf("stories = %+v", stories)
	}
	// Rows of empty cells at the end, as a spreadsheet saves them.
	stories, err = ReadLabelled("data.csv", strings.NewReader("story,paragraph,text,tone\r\na,1,one,sad\r\n,,,\r\n,,,\r\n"))
	if err != nil || len(stories) != 1 || len(stories[0].Rows) != 1 {
		t.Errorf("trailing empty rows: %v, %+v", err, stories)
	}
}
