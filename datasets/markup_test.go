package datasets

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/storylens/storylens/features"
)

func readFixture(t *testing.T, name string) *Story {
	t.Helper()
	s, err := ReadStory(filepath.Join("testdata", "ao3", name), nil)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestAO3HTMLMetadata(t *testing.T) {
	s := readFixture(t, "after_liz.html")
	m := s.Meta
	if m == nil || s.Name != "After Liz" {
		t.Fatalf("story %q, meta %+v", s.Name, m)
	}
	checks := []struct {
		field string
		got   any
		want  any
	}{
		{"authors", m.Authors, []string{"quiet_harbour"}},
		{"rating", m.Rating, []string{"Mature"}},
		{"warnings", m.Warnings, []string{"Major Character Death"}},
		{"categories", m.Categories, []string{"F/M"}},
		{"fandoms", m.Fandoms, []string{"The Vampire Diaries (TV)"}},
		{"relationships", m.Relationships, []string{"Caroline Forbes/Stefan Salvatore"}},
		{"tags", m.Tags, []string{"Angst", "Grief/Mourning", "Hurt/Comfort", "Fluff"}},
		{"language", m.Language, "English"},
		{"published", m.Published, "2012-03-01"},
		{"updated", m.Updated, "2012-03-08"},
		{"chapters", m.Chapters, "2/2"},
		{"summary", m.Summary, "Caroline loses her mother; Stefan stays."},
		{"chapter titles", m.ChapterTitles, []string{"Chapter 1: The Hospital", "Chapter 2: Morning"}},
		{"notes", m.Notes, []string{"Grief, then comfort.", "This chapter deals with a death.", "Comments make my day."}},
	}
	for _, c := range checks {
		if !equalAny(c.got, c.want) {
			t.Errorf("%s = %v, want %v", c.field, c.got, c.want)
		}
	}
	if len(m.Characters) != 7 || m.Characters[0] != "Stefan Salvatore" {
		t.Errorf("characters = %v", m.Characters)
	}
	text := string(s.Data)
	if strings.Contains(text, "Comments make my day") || strings.Contains(text, "Grief, then comfort") || strings.Contains(text, "Posted originally") {
		t.Error("notes or the preface leaked into the story text")
	}
	if !strings.Contains(text, "\n\nChapter 2: Morning\n\n") {
		t.Error("no chapter heading line for chapter 2")
	}
}

func equalAny(a, b any) bool {
	switch x := a.(type) {
	case []string:
		return slices.Equal(x, b.([]string))
	}
	return a == b
}

func TestEPUBMetadata(t *testing.T) {
	s := readFixture(t, "after_liz.epub")
	if s.Name != "After Liz" || s.Meta.Rating[0] != "Mature" || len(s.Meta.Characters) != 7 || len(s.Meta.ChapterTitles) != 2 {
		t.Errorf("AO3 EPUB: %q %+v", s.Name, s.Meta)
	}
	s = readFixture(t, "bittersweet_goodbye.epub")
	m := s.Meta
	if s.Name != "Bittersweet Goodbye" || !slices.Equal(m.Authors, []string{"ink_and_ash"}) || m.Language != "en" ||
		!slices.Equal(m.Tags, []string{"Angst", "Dreams"}) || m.Summary != "Katherine dreams of a second chance." {
		t.Errorf("FanFicFare EPUB: %q %+v", s.Name, m)
	}
	if strings.Contains(string(s.Data), "Table of Contents") || strings.Contains(string(s.Data), "Author:") {
		t.Error("title or contents page read as story text")
	}
}

// TestSameParagraphs: a story gives the same paragraphs as plain text,
// AO3 HTML and EPUB.
func TestSameParagraphs(t *testing.T) {
	texts := func(s *Story) []string {
		var out []string
		for _, a := range Analyse(s, nil2()) {
			out = append(out, a.Row.Text)
		}
		return out
	}
	for _, c := range []struct{ seed, fixture string }{
		{"after_liz.txt", "after_liz.html"}, {"after_liz.txt", "after_liz.epub"},
		{"stefan_pov.txt", "worth_it.html"}, {"bittersweet_goodbye.txt", "bittersweet_goodbye.epub"},
	} {
		plain, err := ReadStory(filepath.Join("..", "seeds", c.seed), nil)
		if err != nil {
			t.Fatal(err)
		}
		want, got := texts(plain), texts(readFixture(t, c.fixture))
		if !slices.Equal(got, want) {
			t.Errorf("%s: %d paragraphs, %s: %d; first difference: %q", c.fixture, len(got), c.seed, len(want), firstDifference(got, want))
		}
	}
}

func firstDifference(a, b []string) string {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return a[i] + " ≠ " + b[i]
		}
	}
	return ""
}

func zipOf(t *testing.T, files map[string][]byte, method uint16) []byte {
	t.Helper()
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		w, err := z.CreateHeader(&zip.FileHeader{Name: n, Method: method})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(files[n])
	}
	z.Close()
	return b.Bytes()
}

// TestHostileEPUBs: bad archives get errors, never a panic or a huge
// allocation.
func TestHostileEPUBs(t *testing.T) {
	good, err := os.ReadFile(filepath.Join("testdata", "ao3", "bittersweet_goodbye.epub"))
	if err != nil {
		t.Fatal(err)
	}
	container := []byte(`<container><rootfiles><rootfile full-path="content.opf"/></rootfiles></container>`)
	bomb := bytes.Repeat([]byte{0}, 300<<20)
	tests := []struct {
		name string
		data []byte
		want error
		msg  string
	}{
		{"truncated", good[:len(good)*2/3], nil, "reading the EPUB's zip archive"},
		{"not a zip", []byte("PK\x03\x04 nothing"), nil, "reading the EPUB's zip archive"},
		{"no container", zipOf(t, map[string][]byte{"mimetype": []byte("application/epub+zip")}, zip.Store), ErrNotEPUB, ""},
		{"path traversal in the spine", zipOf(t, map[string][]byte{
			"META-INF/container.xml": container,
			"content.opf":            []byte(`<package><manifest><item id="a" href="../../etc/passwd"/></manifest><spine><itemref idref="a"/></spine></package>`),
		}, zip.Deflate), ErrBadEntry, ""},
		{"traversal entry", zipOf(t, map[string][]byte{"../evil.xhtml": []byte("x")}, zip.Store), ErrBadEntry, ""},
		{"zip bomb", zipOf(t, map[string][]byte{
			"META-INF/container.xml": container,
			"content.opf":            []byte(`<package><manifest><item id="a" href="a.xhtml"/></manifest><spine><itemref idref="a"/></spine></package>`),
			"a.xhtml":                bomb,
		}, zip.Deflate), ErrZipBomb, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadEPUB("book.epub", tt.data)
			if err == nil || tt.want != nil && !errors.Is(err, tt.want) || !strings.HasPrefix(err.Error(), "book.epub") || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("ReadEPUB = %v, want %v %q", err, tt.want, tt.msg)
			}
		})
	}
}

func TestDeepHTML(t *testing.T) {
	deep := "<html><body>" + strings.Repeat("<div>", 100000) + "text" + strings.Repeat("</div>", 100000) + "</body></html>"
	_, err := ReadHTML("deep.html", []byte(deep))
	// The HTML parser itself stops at 512 open elements; ErrNesting guards
	// trees built otherwise.
	if err == nil || !strings.HasPrefix(err.Error(), "deep.html") || !strings.Contains(err.Error(), "512") {
		t.Errorf("deep HTML: %v", err)
	}
	s, err := ReadHTML("plain.html", []byte("<html><body><p>One &amp; two.</p><p>Three<br>four.</p>Loose text.<hr><p>After.</p></body></html>"))
	if err != nil {
		t.Fatal(err)
	}
	if want := "One & two.\n\nThree\nfour.\n\nLoose text.\n\n* * *\n\nAfter.\n\n"; string(s.Data) != want {
		t.Errorf("text = %q, want %q", s.Data, want)
	}
}

func nil2() *features.Analyzer { return features.NewAnalyzer() }

// TestEPUBChapterDocuments: every chapter of the spine is read, whatever
// its file is called and however XHTML writes an empty element, and an
// entry that is not UTF-8 is refused, named.
func TestEPUBChapterDocuments(t *testing.T) {
	container := []byte(`<container><rootfiles><rootfile full-path="OEBPS/content.opf"/></rootfiles></container>`)
	chapter := func(title, head, text string) []byte {
		return []byte(`<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml"><head>` + head +
			`</head><body><h2>` + title + `</h2><p>` + text + `</p><p/><p>End of ` + title + `.</p></body></html>`)
	}
	names := []string{"cover", "ch01_arrival", "ch02_recovery", "ch03_undercover", "ch04_discovery", "toc_page"}
	var manifest, spine strings.Builder
	files := map[string][]byte{"META-INF/container.xml": container}
	for i, n := range names {
		fmt.Fprintf(&manifest, `<item id="i%d" href="%s.xhtml"/>`, i, n)
		fmt.Fprintf(&spine, `<itemref idref="i%d"/>`, i)
		head := "<title>" + n + "</title>"
		if i == 2 {
			head = `<title/><script src="x.js"/>`
		}
		files["OEBPS/"+n+".xhtml"] = chapter(n, head, "The words of "+n+" are here.")
	}
	files["OEBPS/content.opf"] = []byte(`<package><metadata/><manifest>` + manifest.String() + `</manifest><spine>` + spine.String() + `</spine></package>`)
	s, err := ReadEPUB("book.epub", zipOf(t, files, zip.Deflate))
	if err != nil {
		t.Fatal(err)
	}
	text := string(s.Data)
	for i, n := range names {
		front := i == 0 || i == len(names)-1
		if got := strings.Contains(text, "The words of "+n+" are here.") && strings.Contains(text, "End of "+n+"."); got == front {
			t.Errorf("%s.xhtml read = %v, want %v; text:\n%s", n, got, !front, text)
		}
	}
	files["OEBPS/ch03_undercover.xhtml"] = chapter("Three", "", "She said \x93hi\x94.")
	_, err = ReadEPUB("book.epub", zipOf(t, files, zip.Deflate))
	if !errors.Is(err, ErrInvalidUTF8) || !strings.HasPrefix(err.Error(), "book.epub: OEBPS/ch03_undercover.xhtml:1:") {
		t.Errorf("an entry in Windows-1252: %v", err)
	}
}

// TestHTMLChapterTitlesAndLineBreaks: a chapter title longer than a
// heading line is cut in the text, whole in the metadata, and still
// starts its chapter; a line after <br /> opens without the markup's
// white space.
func TestHTMLChapterTitlesAndLineBreaks(t *testing.T) {
	long := "Chapter 2: In which Elena finally says what she means, and Stefan, as usual, does not listen to a single word of it"
	doc := `<html><body><div id="chapters" class="userstuff">` +
		`<div class="meta group"><h2 class="heading">Chapter 1: Arrival</h2></div><div class="userstuff"><p>Body of chapter one.</p></div>` +
		`<div class="meta group"><h2 class="heading">` + long + `</h2></div><div class="userstuff"><p>The wind rose.<br />
    The shutters banged.</p></div>` +
		`<div class="meta group"><h2 class="heading">Chapter 3: After</h2></div><div class="userstuff"><p>Body of chapter three.</p></div></div></body></html>`
	s, err := ReadHTML("work.html", []byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(s.Data), "\nThe shutters banged.") {
		t.Errorf("text after <br />: %q", s.Data)
	}
	var chapters []int
	for _, b := range features.Split(s.Data) {
		if b.Kind == features.KindParagraph {
			chapters = append(chapters, b.Chapter)
			if strings.Contains(string(s.Data[b.Start:b.End]), "In which") {
				t.Errorf("the chapter title is a paragraph: %q", s.Data[b.Start:b.End])
			}
		}
	}
	if len(chapters) == 0 || chapters[0] != 1 || chapters[len(chapters)-1] != 3 {
		t.Errorf("paragraph chapters %v, want 1, then 2, then 3", chapters)
	}
}
