package datasets

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Limits on EPUB archives, so that a hostile file cannot exhaust memory.
const (
	MaxEPUBFiles = 5000              // entries in the archive
	MaxEPUBBytes = MaxStoryBytes     // uncompressed bytes read, all entries together
	maxEPUBRatio = 200               // uncompressed/compressed size of one entry
	maxEPUBEntry = MaxStoryBytes / 2 // uncompressed bytes of one entry
)

// Errors of EPUB reading, inside an *InputError.
var (
	ErrNotEPUB  = errors.New("not an EPUB (no META-INF/container.xml pointing to a package document)")
	ErrZipBomb  = errors.New("the archive expands too far (a zip bomb?)")
	ErrTooMany  = fmt.Errorf("more than %d files in the archive", MaxEPUBFiles)
	ErrBadEntry = errors.New("an entry path leaves the archive (path traversal)")
)

// epubReader reads entries of one archive within the limits.
type epubReader struct {
	path  string
	files map[string]*zip.File
	read  int64
}

func (r *epubReader) fail(err error, hint string) error {
	return &InputError{Path: r.path, Offset: -1, Err: err, Hint: hint}
}

// office names the word processor's document a zip archive without an
// EPUB container holds: a Word (.docx) or an OpenDocument (.odt, .ods,
// .odp) one.
func (r *epubReader) office() string {
	if _, ok := r.files["word/document.xml"]; ok {
		return "a Word (.docx) document"
	}
	if f, ok := r.files["mimetype"]; ok && f.UncompressedSize64 < 100 {
		if rc, err := f.Open(); err == nil {
			b, _ := io.ReadAll(io.LimitReader(rc, 100))
			rc.Close()
			if strings.HasPrefix(string(b), "application/vnd.oasis.opendocument") {
				return "an OpenDocument (.odt, .ods or .odp) document"
			}
		}
	}
	return ""
}

// open reads an entry whole, counting it against the limits.
func (r *epubReader) open(name string) ([]byte, error) {
	f, ok := r.files[name]
	if !ok {
		return nil, r.fail(fmt.Errorf("missing file %q", name), "the EPUB is incomplete")
	}
	if f.UncompressedSize64 > maxEPUBEntry ||
		f.CompressedSize64 > 0 && f.UncompressedSize64/f.CompressedSize64 > maxEPUBRatio && f.UncompressedSize64 > 1<<20 {
		return nil, r.fail(ErrZipBomb, name)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, r.fail(fmt.Errorf("%s: %w", name, err), "the EPUB is damaged")
	}
	defer rc.Close()
	// Trust no size field: read at most what is left of the budget.
	budget := min(int64(maxEPUBEntry), MaxEPUBBytes-r.read)
	data, err := io.ReadAll(io.LimitReader(rc, budget+1))
	if err != nil {
		return nil, r.fail(fmt.Errorf("%s: %w", name, err), "the EPUB is damaged or truncated")
	}
	if int64(len(data)) > budget {
		return nil, r.fail(ErrZipBomb, name)
	}
	r.read += int64(len(data))
	return data, nil
}

// resolve joins an href to the directory of the document that names it,
// refusing paths that leave the archive.
func resolve(base, href string) (string, error) {
	href, _, _ = strings.Cut(href, "#")
	if strings.HasPrefix(href, "/") || strings.Contains(href, "\\") || strings.Contains(href, ":") {
		return "", ErrBadEntry
	}
	p := path.Clean(path.Join(path.Dir(base), href))
	if p == ".." || strings.HasPrefix(p, "../") {
		return "", ErrBadEntry
	}
	return p, nil
}

type container struct {
	Rootfiles []struct {
		FullPath string `xml:"full-path,attr"`
	} `xml:"rootfiles>rootfile"`
}

type opf struct {
	Metadata struct {
		Titles    []string `xml:"title"`
		Creators  []string `xml:"creator"`
		Languages []string `xml:"language"`
		Subjects  []string `xml:"subject"`
		Desc      []string `xml:"description"`
		Dates     []string `xml:"date"`
	} `xml:"metadata"`
	Manifest []struct {
		ID         string `xml:"id,attr"`
		Href       string `xml:"href,attr"`
		MediaType  string `xml:"media-type,attr"`
		Properties string `xml:"properties,attr"`
	} `xml:"manifest>item"`
	Spine []struct {
		IDRef  string `xml:"idref,attr"`
		Linear string `xml:"linear,attr"`
	} `xml:"spine>itemref"`
}

// ReadEPUB reads an EPUB 2 or 3 book (AO3's and FanFicFare's downloads
// included): metadata from the package document, the story text from the
// spine's XHTML documents in reading order, extracted as ReadHTML does.
// Title pages, tables of contents and AO3's preface and afterword are
// metadata, not story text. All reads are bounded (MaxEPUBFiles,
// MaxEPUBBytes, a compression-ratio check) and entry paths may not leave
// the archive.
func ReadEPUB(p string, data []byte) (*Story, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, &InputError{Path: p, Offset: -1, Err: fmt.Errorf("reading the EPUB's zip archive: %w", err), Hint: "the file is damaged or truncated"}
	}
	r := &epubReader{path: p, files: map[string]*zip.File{}}
	if len(zr.File) > MaxEPUBFiles {
		return nil, r.fail(ErrTooMany, "")
	}
	for _, f := range zr.File {
		name := path.Clean(f.Name)
		if strings.HasPrefix(name, "../") || name == ".." || strings.HasPrefix(f.Name, "/") {
			return nil, r.fail(ErrBadEntry, f.Name)
		}
		r.files[name] = f
	}
	cx, err := r.open("META-INF/container.xml")
	if err != nil {
		if what := r.office(); what != "" {
			return nil, r.fail(fmt.Errorf("%w: %s", ErrNotStory, what), readsOnly+saveAsText)
		}
		return nil, r.fail(ErrNotEPUB, "")
	}
	var c container
	if err := xml.Unmarshal(cx, &c); err != nil || len(c.Rootfiles) == 0 {
		return nil, r.fail(ErrNotEPUB, "")
	}
	opfPath, err := resolve("", c.Rootfiles[0].FullPath)
	if err != nil {
		return nil, r.fail(ErrBadEntry, c.Rootfiles[0].FullPath)
	}
	raw, err := r.open(opfPath)
	if err != nil {
		return nil, err
	}
	var pkg opf
	if err := xml.Unmarshal(raw, &pkg); err != nil {
		return nil, r.fail(fmt.Errorf("%s: %w", opfPath, err), "the package document is not valid XML")
	}
	meta := &Metadata{}
	first := func(xs []string) string {
		if len(xs) > 0 {
			return strings.TrimSpace(xs[0])
		}
		return ""
	}
	meta.Title = first(pkg.Metadata.Titles)
	for _, a := range pkg.Metadata.Creators {
		if a = strings.TrimSpace(a); a != "" {
			meta.Authors = append(meta.Authors, a)
		}
	}
	meta.Language = first(pkg.Metadata.Languages)
	for _, s := range pkg.Metadata.Subjects {
		meta.Tags = append(meta.Tags, splitList(s)...)
	}
	meta.Summary = strings.TrimSpace(htmlText(first(pkg.Metadata.Desc)))
	meta.Published = first(pkg.Metadata.Dates)

	hrefs := map[string]string{}
	skip := map[string]bool{}
	for _, it := range pkg.Manifest {
		hrefs[it.ID] = it.Href
		if strings.Contains(it.Properties, "nav") {
			skip[it.ID] = true
		}
	}
	var text bytes.Buffer
	var afterwords []*html.Node
	chapter := 0
	for _, ref := range pkg.Spine {
		href, ok := hrefs[ref.IDRef]
		if !ok || skip[ref.IDRef] || ref.Linear == "no" || isFrontMatter(href) {
			continue
		}
		docPath, err := resolve(opfPath, href)
		if err != nil {
			return nil, r.fail(ErrBadEntry, href)
		}
		body, err := r.open(docPath)
		if err != nil {
			return nil, err
		}
		if len(bytes.TrimSpace(body)) > 0 {
			// The entry's bytes, checked as a story file's are: the
			// story CSV must stay UTF-8.
			if err := Check(p+": "+docPath, body); err != nil {
				return nil, err
			}
		}
		doc, err := html.Parse(bytes.NewReader(closeEmptyTags(body)))
		if err != nil {
			return nil, r.fail(fmt.Errorf("%s: %w", docPath, err), "")
		}
		if depth(doc) > MaxNesting {
			return nil, r.fail(ErrNesting, docPath)
		}
		byID := func(id string) *html.Node { return find(doc, func(n *html.Node) bool { return attr(n, "id") == id }) }
		pre, chapters, after := byID("preface"), byID("chapters"), byID("afterword")
		if pre != nil {
			// AO3's preface page: richer metadata than the OPF's.
			var m Metadata
			readPreface(pre, &m)
			mergeMeta(meta, &m)
		}
		if after != nil {
			afterwords = append(afterwords, after) // end notes come last
		}
		if chapters == nil && (pre != nil || after != nil) {
			continue // a preface or afterword page: metadata only
		}
		root := chapters
		if root == nil {
			root = find(doc, func(n *html.Node) bool { return n.DataAtom == atom.Body })
			if root == nil {
				continue
			}
			// A chapter document (FanFicFare, most EPUBs): its first
			// heading is the chapter's title.
			if h := find(root, func(n *html.Node) bool {
				return n.DataAtom == atom.H1 || n.DataAtom == atom.H2 || n.DataAtom == atom.H3
			}); h != nil {
				w := &textWriter{b: &text, inBlock: text.Len() > 0}
				w.heading(meta, plain(h), &chapter)
				h.Parent.RemoveChild(h)
			}
		}
		readChapters(root, meta, &text, &chapter)
	}
	for _, after := range afterwords {
		for _, bq := range findAll(after, func(n *html.Node) bool { return n.DataAtom == atom.Blockquote }) {
			meta.Notes = append(meta.Notes, blockText(bq))
		}
	}
	return storyFromText(p, StoryName(p), meta, text.String())
}

// isFrontMatter recognises FanFicFare's and common EPUB title, table of
// contents, cover and log pages by their file names: the name's first
// word ("cover.xhtml", "toc_page.xhtml", "titlepage01.html"), never a
// word that contains one ("ch02_recovery.xhtml" is a chapter).
func isFrontMatter(href string) bool {
	stem := strings.ToLower(path.Base(href))
	stem = strings.TrimSuffix(stem, path.Ext(stem))
	words := strings.FieldsFunc(stem, func(r rune) bool { return r < 'a' || r > 'z' })
	if len(words) == 0 {
		return false
	}
	switch words[0] {
	case "cover", "coverpage", "titlepage", "toc", "nav", "copyright", "colophon":
		return true
	case "title", "log":
		return len(words) > 1 && words[1] == "page"
	}
	return false
}

// voidElements are the HTML elements that never hold content, so that
// "<br/>" and "<br>" mean the same.
var voidElements = map[string]bool{"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true,
	"img": true, "input": true, "link": true, "meta": true, "param": true, "source": true, "track": true, "wbr": true}

var selfClosing = regexp.MustCompile(`<([A-Za-z][A-Za-z0-9:_-]*)(\s[^<>]*?)?\s*/>`)

// closeEmptyTags rewrites XHTML's empty elements ("<title/>",
// "<script src='x.js'/>", "<p/>") as a start and an end tag. The HTML
// parser reads "<title/>" as an open title that swallows the rest of the
// document.
func closeEmptyTags(doc []byte) []byte {
	return selfClosing.ReplaceAllFunc(doc, func(m []byte) []byte {
		sub := selfClosing.FindSubmatch(m)
		name := string(sub[1])
		local := name[strings.LastIndexByte(name, ':')+1:]
		if voidElements[strings.ToLower(local)] {
			return m
		}
		out := append([]byte{'<'}, sub[1]...)
		out = append(out, sub[2]...)
		out = append(out, '>', '<', '/')
		out = append(out, sub[1]...)
		return append(out, '>')
	})
}

// mergeMeta fills meta's empty fields from m.
func mergeMeta(meta, m *Metadata) {
	if m.Title != "" {
		meta.Title = m.Title
	}
	if len(m.Authors) > 0 {
		meta.Authors = m.Authors
	}
	set := func(dst *[]string, src []string) {
		if len(src) > 0 {
			*dst = src
		}
	}
	set(&meta.Rating, m.Rating)
	set(&meta.Warnings, m.Warnings)
	set(&meta.Categories, m.Categories)
	set(&meta.Fandoms, m.Fandoms)
	set(&meta.Relationships, m.Relationships)
	set(&meta.Characters, m.Characters)
	set(&meta.Tags, m.Tags)
	set(&meta.Series, m.Series)
	set(&meta.Collections, m.Collections)
	if m.Language != "" {
		meta.Language = m.Language
	}
	for _, kv := range [][2]*string{{&meta.Published, &m.Published}, {&meta.Updated, &m.Updated}, {&meta.Words, &m.Words},
		{&meta.Chapters, &m.Chapters}, {&meta.Summary, &m.Summary}} {
		if *kv[1] != "" {
			*kv[0] = *kv[1]
		}
	}
	meta.Notes = append(meta.Notes, m.Notes...)
}

// htmlText is the text of an HTML fragment (an OPF description may hold
// escaped HTML).
func htmlText(s string) string {
	if !strings.Contains(s, "<") {
		return s
	}
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		return s
	}
	return blockText(doc)
}
