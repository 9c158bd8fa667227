package datasets

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"
)

// Story is one input: a file or stdin, read whole and checked.
type Story struct {
	// Name is the file's base name without its extension ("stdin" for
	// standard input); it fills the dataset's story column.
	Name string
	// Path is where the story was read from, as given ("-" for stdin).
	Path string
	// Data is the story's bytes exactly as read, byte-order mark included,
	// so that paragraph offsets index the file. For HTML and EPUB input it
	// is the story text extracted from the markup (see ReadHTML), and
	// offsets index that text.
	Data []byte
	// Meta is the metadata of an AO3 or EPUB download, or nil.
	Meta *Metadata
}

// MaxStoryBytes is the largest story read; a larger one is refused rather
// than exhausting memory.
const MaxStoryBytes = 256 << 20

// Errors that ReadStory reports inside an *InputError.
var (
	ErrInvalidUTF8 = errors.New("invalid UTF-8")
	ErrBinary      = errors.New("binary data (a NUL byte), not text")
	ErrUTF16       = errors.New("UTF-16 text (it opens with a UTF-16 byte-order mark)")
	ErrEmpty       = errors.New("empty file: no text to read")
	ErrTooLarge    = fmt.Errorf("larger than %d MiB", MaxStoryBytes>>20)
	ErrNotStory    = errors.New("not a story file")
)

// InputError is a problem with a story at a place in it.
type InputError struct {
	Path   string
	Offset int // byte offset, -1 when the error is about the whole file
	Line   int // 1-based; 0 when unknown
	Column int // 1-based byte column; 0 when unknown
	Err    error
	Hint   string // what to do about it
}

func (e *InputError) Error() string {
	var b strings.Builder
	b.WriteString(e.Path)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d:%d (byte %d)", e.Line, e.Column, e.Offset)
	}
	b.WriteString(": ")
	b.WriteString(e.Err.Error())
	if e.Hint != "" {
		b.WriteString("; ")
		b.WriteString(e.Hint)
	}
	return b.String()
}

func (e *InputError) Unwrap() error { return e.Err }

// ReadStory reads and checks one story file; "-" reads stdin. Plain text
// and Markdown are read as they are; HTML (AO3 downloads) and EPUB books
// are recognised by extension or content and read by ReadHTML and
// ReadEPUB.
func ReadStory(path string, stdin io.Reader) (*Story, error) {
	if path == "-" {
		return ReadFrom("-", "stdin", stdin)
	}
	f, err := os.Open(path)
	if err != nil {
		if li, lerr := os.Lstat(path); lerr == nil && li.Mode()&fs.ModeSymlink != 0 {
			target, _ := os.Readlink(path)
			return nil, fmt.Errorf("%s: a symbolic link to %s, which cannot be opened: %w", path, target, errors.Unwrap(err))
		}
		return nil, err
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && info.Mode().IsRegular() {
		if info.Size() > MaxStoryBytes {
			return nil, &InputError{Path: path, Offset: -1, Err: ErrTooLarge, Hint: "split it into smaller files"}
		}
		data := make([]byte, info.Size())
		if _, err := io.ReadFull(f, data); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		return Parse(path, StoryName(path), data)
	}
	return ReadFrom(path, StoryName(path), f)
}

// StoryName is a path's base name without its extension.
func StoryName(path string) string {
	base := filepath.Base(path)
	return strings.TrimSuffix(base, filepath.Ext(base))
}

// ReadFrom reads a story from r.
func ReadFrom(path, name string, r io.Reader) (*Story, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxStoryBytes+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(data) > MaxStoryBytes {
		return nil, &InputError{Path: path, Offset: -1, Err: ErrTooLarge, Hint: "split it into smaller files"}
	}
	return Parse(path, name, data)
}

// Parse makes a story of a file's bytes: an EPUB (a zip archive) or HTML
// by extension or content, plain text or Markdown otherwise.
func Parse(path, name string, data []byte) (*Story, error) {
	ext := strings.ToLower(filepath.Ext(path))
	if what, hint := foreign(ext, data); what != "" {
		return nil, &InputError{Path: path, Offset: -1, Err: fmt.Errorf("%w: %s", ErrNotStory, what), Hint: hint}
	}
	var s *Story
	var err error
	switch {
	case ext == ".epub" || bytes.HasPrefix(data, []byte("PK\x03\x04")):
		s, err = ReadEPUB(path, data)
	case ext == ".html" || ext == ".htm" || ext == ".xhtml" || isHTML(data):
		s, err = ReadHTML(path, data)
	default:
		if err := Check(path, data); err != nil {
			return nil, err
		}
		return &Story{Name: name, Path: path, Data: data}, nil
	}
	if err != nil {
		return nil, err
	}
	if s.Meta == nil || s.Meta.Title == "" {
		s.Name = name
	}
	return s, nil
}

// foreign names a kind of file that people keep beside their stories but
// storylens cannot read as one (a PDF, a word processor's document, a
// Kindle book, a CSV table such as storylens's own output), with what to
// do instead; "" for anything else. Read as text, each would be refused
// at a NUL byte or, worse, labelled as a story of its markup.
func foreign(ext string, data []byte) (what, hint string) {
	switch {
	case bytes.HasPrefix(data, []byte("%PDF-")):
		return "a PDF document", readsOnly + "convert it to text first, for example with: pdftotext story.pdf story.txt"
	case bytes.HasPrefix(data, []byte(`{\rtf`)):
		return "an RTF document", readsOnly + saveAsText
	case bytes.HasPrefix(data, []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")):
		return "a Word 97–2003 (.doc) or other Office document", readsOnly + saveAsText
	case len(data) >= 68 && (string(data[60:68]) == "BOOKMOBI" || string(data[60:68]) == "TEXtREAd"):
		return "a Kindle (MOBI/AZW) or Palm e-book", readsOnly + "convert it to EPUB first, for example with calibre: ebook-convert book.mobi book.epub"
	case ext == ".csv" || ext == ".tsv" || bytes.HasPrefix(bytes.TrimPrefix(data, utf8BOM), []byte("story,chapter,paragraph,")):
		head, _, _ := bytes.Cut(data, []byte("\n"))
		if len(PredictionColumns(strings.Split(strings.TrimRight(string(head), "\r"), ","))) > 0 {
			// Labels that storylens predicted are no gold to train or
			// evaluate on.
			return "a CSV table of storylens's own labels", "give storylens the story files it was made from"
		}
		return "a CSV table", "stories are read from text, Markdown, HTML or EPUB files; a CSV of labels you wrote is read by storylens train and eval with --data"
	}
	return "", ""
}

// The hints of foreign and of an office document in a zip archive.
const (
	readsOnly  = "storylens reads plain text, Markdown, HTML and EPUB; "
	saveAsText = "save it as plain text (.txt) or as a web page (.html) from the word processor"
)

// Check reports whether data is readable text: not empty, not UTF-16, no
// NUL byte, valid UTF-8 (a leading UTF-8 byte-order mark is fine).
func Check(path string, data []byte) error {
	if len(bytes.TrimSpace(bytes.TrimPrefix(data, utf8BOM))) == 0 {
		return &InputError{Path: path, Offset: -1, Err: ErrEmpty}
	}
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return &InputError{Path: path, Offset: -1, Err: ErrUTF16, Hint: "convert the file to UTF-8 with: iconv -f UTF-16 -t UTF-8"}
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		hint := "give storylens a plain-text (.txt or .md) file"
		if enc := utf16Without(data); enc != "" {
			hint = "it looks like " + enc + " text without a byte-order mark; convert it with: iconv -f " + enc + " -t UTF-8"
		}
		return positioned(path, data, i, ErrBinary, hint)
	}
	if utf8.Valid(data) {
		return nil
	}
	i := 0
	for i < len(data) {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			break
		}
		i += n
	}
	hint := "save the file as UTF-8"
	if looksWindows1252(data[i]) {
		hint = fmt.Sprintf("byte 0x%02X is a Windows-1252 character; convert the file with: iconv -f WINDOWS-1252 -t UTF-8", data[i])
	}
	return positioned(path, data, i, ErrInvalidUTF8, hint)
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// utf16Without names the UTF-16 byte order of text saved without a
// byte-order mark ("UTF-16LE", "UTF-16BE"): in its first 512 bytes every
// other byte is NUL and the bytes between are printable ASCII.
func utf16Without(data []byte) string {
	head := data[:min(len(data), 512)&^1]
	if len(head) < 8 {
		return ""
	}
	for _, zero := range []int{1, 0} {
		ok := true
		for i := 0; i+1 < len(head) && ok; i += 2 {
			c := head[i+1-zero]
			ok = head[i+zero] == 0 && (c >= 0x20 && c < 0x7F || c == '\n' || c == '\r' || c == '\t')
		}
		if ok {
			return map[int]string{1: "UTF-16LE", 0: "UTF-16BE"}[zero]
		}
	}
	return ""
}

// looksWindows1252 reports the bytes Windows-1252 uses for typographic
// quotes, dashes and ellipses, the usual cause of invalid UTF-8 in old
// story files.
func looksWindows1252(b byte) bool {
	return b >= 0x80 && b <= 0x9F || b >= 0xA0
}

// positioned places an error at a byte offset as an editor shows it:
// "\r\n", "\r" and "\n" each end a line (a file may mix them), and a
// byte-order mark takes no column.
func positioned(path string, data []byte, offset int, err error, hint string) *InputError {
	line, start := 1, 0
	for i := 0; i < offset; i++ {
		switch data[i] {
		case '\r':
			if i+1 < offset && data[i+1] == '\n' {
				i++
			}
			line, start = line+1, i+1
		case '\n':
			line, start = line+1, i+1
		}
	}
	if start == 0 && bytes.HasPrefix(data, utf8BOM) && offset >= len(utf8BOM) {
		start = len(utf8BOM)
	}
	return &InputError{Path: path, Offset: offset, Line: line, Column: offset - start + 1, Err: err, Hint: hint}
}

// StoryExts are the file extensions read from a directory.
var StoryExts = []string{".txt", ".md", ".markdown", ".html", ".htm", ".xhtml", ".epub"}

// Expand turns command-line arguments into story paths: a directory gives
// the story files inside it, recursively, in lexical order, following
// links to folders; "-" and files stand for themselves. A file reached
// through directories more than once (a link, a folder given twice) is
// given once, and so is a file both named and in a folder named, in
// either order; a file named twice is given twice. A directory with no story file is an error.
func Expand(args []string) ([]string, error) {
	var out []string
	// Files found in directories, by real path, with their place in out
	// (-1 for a file named as an argument), so that one reached twice
	// (through a link, or two arguments) is read once, under its direct
	// path when it has one.
	walked := map[string]int{}
	for _, a := range args {
		if a == "-" {
			out = append(out, a)
			continue
		}
		info, err := os.Stat(a)
		if err != nil {
			return nil, err
		}
		if !info.IsDir() {
			// A file named is read as named (given twice, twice); a
			// directory, before or after, does not add it again.
			real := RealPath(a)
			k, ok := walked[real]
			if ok && k >= 0 {
				continue
			}
			if !ok {
				walked[real] = -1
			}
			out = append(out, a)
			continue
		}
		var found []string
		if err := walkStories(a, map[string]bool{}, &found); err != nil {
			return nil, err
		}
		if len(found) == 0 {
			return nil, fmt.Errorf("%s: no story files (%s) in this directory", a, strings.Join(StoryExts, ", "))
		}
		slices.Sort(found)
		for _, p := range found {
			real := RealPath(p)
			if k, ok := walked[real]; ok {
				if abs, err := filepath.Abs(p); err == nil && abs == real && k >= 0 {
					out[k] = p
				}
				continue
			}
			walked[real] = len(out)
			out = append(out, p)
		}
	}
	return out, nil
}

// RealPath is p's absolute path with every link resolved (p itself when
// that fails).
func RealPath(p string) string {
	r, err := filepath.EvalSymlinks(p)
	if err != nil {
		r = p
	}
	if abs, err := filepath.Abs(r); err == nil {
		return abs
	}
	return r
}

// walkStories adds the story files under dir to found. It follows
// symbolic links to directories (dir itself, or folders inside it), each
// real directory once, so a link that loops back is read once; hidden
// files and folders are skipped.
func walkStories(dir string, seen map[string]bool, found *[]string) error {
	if _, err := filepath.EvalSymlinks(dir); err != nil {
		return err
	}
	real := RealPath(dir)
	if seen[real] {
		return nil
	}
	seen[real] = true
	// A trailing separator makes WalkDir read a linked directory.
	root := dir
	if !strings.HasSuffix(root, string(filepath.Separator)) {
		root += string(filepath.Separator)
	}
	return filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p == root {
			return nil
		}
		hidden := strings.HasPrefix(d.Name(), ".")
		if d.IsDir() {
			if hidden {
				return filepath.SkipDir
			}
			return nil
		}
		if hidden {
			// Hidden files are not stories (macOS keeps "._story.txt"
			// beside each file it copies to a foreign disk).
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			if fi, err := os.Stat(p); err == nil && fi.IsDir() {
				return walkStories(p, seen, found)
			}
		}
		if slices.Contains(StoryExts, strings.ToLower(filepath.Ext(p))) {
			*found = append(*found, p)
		}
		return nil
	})
}
