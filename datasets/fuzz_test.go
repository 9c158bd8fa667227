package datasets

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storylens/storylens/features"
)

// checkStory asserts what every reader promises: an error names the file,
// and a story's paragraphs index its text.
func checkStory(t *testing.T, s *Story, err error) {
	t.Helper()
	if err != nil {
		if !strings.HasPrefix(err.Error(), "in.") {
			t.Fatalf("error does not name the file: %v", err)
		}
		return
	}
	prev := 0
	for _, b := range features.Split(s.Data) {
		if b.Start < prev || b.End > len(s.Data) || b.Start > b.End {
			t.Fatalf("block [%d,%d) out of order in %d bytes", b.Start, b.End, len(s.Data))
		}
		prev = b.End
	}
}

func addFixtures(f *testing.F, ext string) {
	paths, _ := filepath.Glob(filepath.Join("testdata", "ao3", "*"+ext))
	for _, p := range paths {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
}

func FuzzReadText(f *testing.F) {
	for _, s := range []string{"", "One.\n\nTwo.", "\xef\xbb\xbfBOM\r\n", "bad \x93 byte", "nul\x00", "# Chapter 1\n\nText."} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Parse("in.txt", "in", data)
		checkStory(t, s, err)
	})
}

func FuzzReadHTML(f *testing.F) {
	addFixtures(f, ".html")
	for _, s := range []string{"<html><body><p>x</p></body></html>", "<p>a<br><br>b</p><hr>", "<div id=chapters><div class=\"meta group\"><h2>x</h2></div></div>", "<dl><dt>Stats:</dt><dd>Words:</dd></dl>"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := ReadHTML("in.html", data)
		checkStory(t, s, err)
	})
}

func FuzzReadEPUB(f *testing.F) {
	addFixtures(f, ".epub")
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := ReadEPUB("in.epub", data)
		checkStory(t, s, err)
	})
}

func FuzzReadLabelled(f *testing.F) {
	for _, s := range []string{
		"story,paragraph,text,pov,tone,focus\na,1,\"x, y\",first,sad,Stefan\n",
		"text,tone\nhello,\n", "text\n", "\"unclosed\n", "text,pov\nx,fourth\n", "\xef\xbb\xbftext,focus\n\"a\"\"b\",none\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		stories, err := ReadLabelled("in.csv", strings.NewReader(string(data)))
		if err != nil {
			if !strings.HasPrefix(err.Error(), "in.csv") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		for _, s := range stories {
			for _, r := range s.Rows {
				if strings.TrimSpace(r.Text) == "" || r.POV != "" && r.POV != "first" && r.POV != "second" && r.POV != "third" {
					t.Fatalf("row %d accepted with text %q pov %q", r.Row, r.Text, r.POV)
				}
			}
		}
	})
}
