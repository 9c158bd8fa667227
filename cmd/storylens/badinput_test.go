package main

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBadInputs runs every kind of bad input listed in docs/errors.md
// through the command line: each gets exit 1 and a message that names the
// file and, where there is one, the place; good files beside it still
// give their rows.
func TestBadInputs(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	zipped := func(files map[string]string) []byte {
		var b bytes.Buffer
		z := zip.NewWriter(&b)
		for n, body := range files {
			w, _ := z.Create(n)
			w.Write([]byte(body))
		}
		z.Close()
		return b.Bytes()
	}
	epub, _ := os.ReadFile(filepath.Join(fixtures, "after_liz.epub"))
	good := write("good.txt", []byte("A good story.\n\nIt ends.\n"))
	tests := []struct {
		name, file string
		data       []byte
		want       string
	}{
		{"invalid UTF-8", "latin.txt", []byte("caf\xe9 au lait\n"), "latin.txt:1:4 (byte 3): invalid UTF-8"},
		{"Windows-1252 quotes", "cp1252.txt", []byte("She said \x93hi\x94.\n"), "iconv -f WINDOWS-1252 -t UTF-8"},
		{"binary", "image.txt", []byte("\x89PNG\r\n\x1a\n\x00\x00"), "image.txt:3:1 (byte 8): binary data"},
		{"empty", "empty.txt", nil, "empty.txt: empty file"},
		{"blank", "blank.md", []byte("\n \n\t\n"), "blank.md: empty file"},
		{"deeply nested HTML", "deep.html", []byte("<html><body>" + strings.Repeat("<div>", 5000) + "x"), "deep.html: reading HTML"},
		{"HTML without text", "notext.html", []byte("<html><head><title>t</title></head><body></body></html>"), "notext.html: empty file"},
		{"truncated EPUB", "cut.epub", epub[:len(epub)/2], "cut.epub: reading the EPUB's zip archive"},
		{"zip that is not an EPUB", "other.epub", zipped(map[string]string{"readme.txt": "hi"}), "other.epub: not an EPUB"},
		{"EPUB path traversal", "evil.epub", zipped(map[string]string{"../../evil.xhtml": "x"}), "evil.epub: an entry path leaves the archive"},
		{"PDF", "story.pdf", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"), "story.pdf: not a story file: a PDF document; storylens reads plain text, Markdown, HTML and EPUB; convert it to text first, for example with: pdftotext"},
		{"PDF named .txt", "pdf.txt", []byte("%PDF-1.4\n"), "pdf.txt: not a story file: a PDF document"},
		{"RTF", "story.rtf", []byte(`{\rtf1\ansi{\fonttbl\f0\fswiss Helvetica;}\f0\pard Once upon a time.\par}`), "story.rtf: not a story file: an RTF document"},
		{"Word 97", "story.doc", append([]byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"), make([]byte, 64)...), "story.doc: not a story file: a Word 97–2003 (.doc)"},
		{"Kindle", "book.mobi", append(append(bytes.Repeat([]byte("x"), 60), "BOOKMOBI"...), 0, 0), "book.mobi: not a story file: a Kindle (MOBI/AZW)"},
		{"Word", "story.docx", zipped(map[string]string{"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"}), "story.docx: not a story file: a Word (.docx) document; storylens reads plain text"},
		{"OpenDocument", "story.odt", zipped(map[string]string{"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<office:document-content/>"}), "story.odt: not a story file: an OpenDocument (.odt, .ods or .odp) document"},
		{"storylens's own CSV", "labels.csv", []byte("story,chapter,paragraph,start,end,words,dialogue,pov,pov_confidence\nx,1,1,0,5,1,0,first,0.9\n"), "labels.csv: not a story file: a CSV table of storylens's own labels; give storylens the story files it was made from"},
		{"a CSV of gold labels", "gold.csv", []byte("story,paragraph,text,tone\nx,1,Hello there.,happy\n"), "gold.csv: not a story file: a CSV table; stories are read from text, Markdown, HTML or EPUB files; a CSV of labels you wrote is read by storylens train and eval with --data"},
		{"CSV without its extension", "labels.txt", []byte("\xEF\xBB\xBFstory,chapter,paragraph,start\n"), "labels.txt: not a story file: a CSV table"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := write(tt.file, tt.data)
			out, errs, code := runCLI(t, "", "label", p, good, "--format", "csv")
			if code != 1 || !strings.Contains(errs, tt.want) {
				t.Errorf("exit %d, stderr %q; want 1 and %q", code, errs, tt.want)
			}
			if rows := readCSV(t, out); len(rows) != 2 || rows[0]["story"] != "good" {
				t.Errorf("the good file's rows were lost: %v", rows)
			}
		})
	}
}
