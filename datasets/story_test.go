package datasets

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/storylens/storylens/features"
)

func TestCheck(t *testing.T) {
	tests := []struct {
		name    string
		data    string
		wantErr error
		wantMsg string
	}{
		{"plain", "Once upon a time.\n", nil, ""},
		{"BOM and CRLF", "\uFEFFOne.\r\n\r\nTwo.\r\n", nil, ""},
		{"empty", "", ErrEmpty, "f.txt: empty file"},
		{"blank", " \n\n\t\n", ErrEmpty, "f.txt: empty file"},
		{"BOM only", "\uFEFF\n", ErrEmpty, "f.txt: empty file"},
		{"binary", "PK\x03\x04\x00\x00", ErrBinary, "f.txt:1:5 (byte 4): binary data"},
		{"Windows-1252 quote", "Line one.\nShe said \x93hello\x94.\n", ErrInvalidUTF8, "f.txt:2:10 (byte 19): invalid UTF-8; byte 0x93 is a Windows-1252 character; convert the file with: iconv -f WINDOWS-1252 -t UTF-8"},
		{"truncated rune", "abc\xe2\x80", ErrInvalidUTF8, "f.txt:1:4 (byte 3): invalid UTF-8"},
		{"UTF-16LE", "\xff\xfeH\x00i\x00", ErrUTF16, "f.txt: UTF-16 text (it opens with a UTF-16 byte-order mark); convert the file to UTF-8 with: iconv -f UTF-16 -t UTF-8"},
		{"UTF-16BE", "\xfe\xff\x00H\x00i", ErrUTF16, "f.txt: UTF-16 text"},
		{"mixed line endings", "One.\r\nTwo.\rThree.\n\nFour \x93", ErrInvalidUTF8, "f.txt:5:6 (byte 24): invalid UTF-8"},
		{"BOM takes no column", "\uFEFFab\x93", ErrInvalidUTF8, "f.txt:1:3 (byte 5): invalid UTF-8"},
		{"UTF-16LE without a mark", "H\x00e\x00l\x00l\x00o\x00.\x00", ErrBinary, "f.txt:1:2 (byte 1): binary data (a NUL byte), not text; it looks like UTF-16LE text without a byte-order mark; convert it with: iconv -f UTF-16LE -t UTF-8"},
		{"UTF-16BE without a mark", "\x00H\x00e\x00l\x00l\x00o\x00.", ErrBinary, "f.txt:1:1 (byte 0): binary data (a NUL byte), not text; it looks like UTF-16BE"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Check("f.txt", []byte(tt.data))
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("Check() = %v, want %v", err, tt.wantErr)
			}
			if err != nil && !strings.HasPrefix(err.Error(), tt.wantMsg) {
				t.Errorf("message = %q, want prefix %q", err, tt.wantMsg)
			}
			var ie *InputError
			if err != nil && !errors.As(err, &ie) {
				t.Errorf("error %T is not an *InputError", err)
			}
		})
	}
}

func TestReadStoryAndExpand(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	write("b.txt", "Bee.\n")
	write("a.md", "# Chapter 1\n\nAy.\n")
	write("sub/c.txt", "Sea.\n")
	write("notes.json", "{}")
	write(".hidden/d.txt", "Dee.\n")
	write("._b.txt", "\x00\x05\x16\x07")
	got, err := Expand([]string{dir, "-"})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{filepath.Join(dir, "a.md"), filepath.Join(dir, "b.txt"), filepath.Join(dir, "sub", "c.txt"), "-"}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("Expand = %v, want %v", got, want)
	}
	s, err := ReadStory(filepath.Join(dir, "a.md"), nil)
	if err != nil || s.Name != "a" || string(s.Data) != "# Chapter 1\n\nAy.\n" {
		t.Errorf("ReadStory = %+v, %v", s, err)
	}
	s, err = ReadStory("-", strings.NewReader("From stdin.\n"))
	if err != nil || s.Name != "stdin" {
		t.Errorf("ReadStory(-) = %+v, %v", s, err)
	}
	if _, err := Expand([]string{filepath.Join(dir, "sub", "none")}); err == nil {
		t.Error("Expand of a missing path gave no error")
	}
	empty := t.TempDir()
	if _, err := Expand([]string{empty}); err == nil || !strings.Contains(err.Error(), "no story files") {
		t.Errorf("Expand of an empty directory: %v", err)
	}
}

// TestExpandSymlinks: a linked directory, given or inside one, is read;
// a link that loops back, or leads to a folder also reached another way,
// is read once.
func TestExpandSymlinks(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real")
	os.MkdirAll(filepath.Join(real, "sub"), 0o755)
	os.WriteFile(filepath.Join(real, "a.txt"), []byte("Ay.\n"), 0o644)
	os.WriteFile(filepath.Join(real, "sub", "b.txt"), []byte("Bee.\n"), 0o644)
	other := t.TempDir()
	os.WriteFile(filepath.Join(other, "c.txt"), []byte("Sea.\n"), 0o644)
	for _, l := range [][2]string{{real, filepath.Join(dir, "link")}, {real, filepath.Join(real, "sub", "loop")}, {other, filepath.Join(real, "more")},
		{filepath.Join(real, "sub"), filepath.Join(real, "again")}} {
		if err := os.Symlink(l[0], l[1]); err != nil {
			t.Skip("no symbolic links here:", err)
		}
	}
	got, err := Expand([]string{filepath.Join(dir, "link")})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, p := range got {
		names = append(names, filepath.Base(p))
	}
	slices.Sort(names)
	if strings.Join(names, ",") != "a.txt,b.txt,c.txt" {
		t.Errorf("Expand through links = %v", got)
	}
	// The folder and a link to it, given together: each file once, under
	// its direct path.
	got, err = Expand([]string{filepath.Join(dir, "link"), real})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || !strings.HasPrefix(got[0], real) {
		t.Errorf("Expand of a folder and its link = %v", got)
	}
	// Relative and absolute spellings of one folder, a link with a
	// relative target, and a file named before its folder: each file
	// once.
	wd, _ := os.Getwd()
	defer os.Chdir(wd)
	os.Chdir(dir)
	os.Symlink(filepath.Join("real", "sub"), filepath.Join(real, "rel"))
	got, err = Expand([]string{filepath.Join("real", "a.txt"), "real", real})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || got[0] != filepath.Join("real", "a.txt") {
		t.Errorf("Expand of relative and absolute spellings = %v", got)
	}
	// A file named after its folder: once, where the folder gave it.
	got, err = Expand([]string{"real", filepath.Join("real", "a.txt")})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || got[0] != filepath.Join("real", "a.txt") {
		t.Errorf("Expand of a folder and a file in it = %v", got)
	}
	// A file named twice is read twice.
	got, err = Expand([]string{filepath.Join("real", "a.txt"), filepath.Join("real", "a.txt")})
	if err != nil || len(got) != 2 {
		t.Errorf("Expand of a file named twice = %v, %v", got, err)
	}
}

// TestAnalyseOffsets: every row's offsets point at its text in the input,
// for BOM, CRLF and Markdown input.
func TestAnalyseOffsets(t *testing.T) {
	data := "\uFEFF# Chapter 1\r\n\r\n\"Hello,\" she said.\r\n\r\n* * *\r\n\r\nHe left,\r\nquietly.\r\n"
	s := &Story{Name: "x", Path: "x.md", Data: []byte(data)}
	rows := Analyse(s, features.NewAnalyzer())
	if len(rows) != 2 {
		t.Fatalf("got %d rows, want 2", len(rows))
	}
	for _, r := range rows {
		if data[r.Row.Start:r.Row.End] != r.Row.Text {
			t.Errorf("row %d: input[%d:%d] = %q, text %q", r.Row.Paragraph, r.Row.Start, r.Row.End, data[r.Row.Start:r.Row.End], r.Row.Text)
		}
	}
	if rows[0].Row.Text != "\"Hello,\" she said." || rows[0].Row.Dialogue < 0.3 || rows[0].Row.Dialogue > 0.4 {
		t.Errorf("row 1 = %+v", rows[0].Row)
	}
	if rows[1].Row.Text != "He left,\r\nquietly." || rows[1].Row.Words != 3 {
		t.Errorf("row 2 = %+v", rows[1].Row)
	}
}

// TestReadStoryBrokenLink: a link to nothing is named as such.
func TestReadStoryBrokenLink(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "gone.txt")
	if err := os.Symlink(filepath.Join(dir, "missing.txt"), p); err != nil {
		t.Skip(err)
	}
	_, err := ReadStory(p, nil)
	if err == nil || !strings.Contains(err.Error(), p+": a symbolic link to "+filepath.Join(dir, "missing.txt")+", which cannot be opened: no such file or directory") {
		t.Errorf("error %v", err)
	}
}
