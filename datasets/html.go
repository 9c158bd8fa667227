package datasets

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Metadata is what an AO3 or EPUB download says about its story.
type Metadata struct {
	Title         string   `json:"title,omitempty"`
	Authors       []string `json:"authors,omitempty"`
	Rating        []string `json:"rating,omitempty"`
	Warnings      []string `json:"warnings,omitempty"`
	Categories    []string `json:"categories,omitempty"`
	Fandoms       []string `json:"fandoms,omitempty"`
	Relationships []string `json:"relationships,omitempty"`
	Characters    []string `json:"characters,omitempty"`
	Tags          []string `json:"tags,omitempty"` // additional (freeform) tags
	Language      string   `json:"language,omitempty"`
	Series        []string `json:"series,omitempty"`
	Collections   []string `json:"collections,omitempty"`
	Published     string   `json:"published,omitempty"`
	Updated       string   `json:"updated,omitempty"`
	Words         string   `json:"words,omitempty"`
	Chapters      string   `json:"chapters,omitempty"`
	Summary       string   `json:"summary,omitempty"`
	Notes         []string `json:"notes,omitempty"` // work, chapter and end notes, in order
	ChapterTitles []string `json:"chapter_titles,omitempty"`
}

// MaxNesting bounds the element depth of HTML that is read; deeper
// documents are refused rather than walked.
const MaxNesting = 512

// ErrNesting reports HTML nested deeper than MaxNesting.
var ErrNesting = fmt.Errorf("HTML nested deeper than %d elements", MaxNesting)

// ReadHTML reads an AO3 HTML download (or any HTML story) from data. The
// story's text is extracted as plain text, one paragraph per block, blank
// lines between, chapter headings on their own lines, so that the
// paragraph splitter reads it as it reads a text file; Story.Data holds
// that text and paragraph offsets refer to it. Metadata comes from AO3's
// preface and afterword when present.
func ReadHTML(path string, data []byte) (*Story, error) {
	if err := checkMarkup(path, data); err != nil {
		return nil, err
	}
	markup := data
	if isXHTML(path, data) {
		markup = closeEmptyTags(data)
	}
	doc, err := html.Parse(bytes.NewReader(markup))
	if err != nil {
		return nil, fmt.Errorf("%s: reading HTML: %w", path, err)
	}
	if depth(doc) > MaxNesting {
		return nil, &InputError{Path: path, Offset: -1, Err: ErrNesting, Hint: "this is not a story download"}
	}
	var meta Metadata
	var text bytes.Buffer
	readAO3(doc, &meta, &text)
	return storyFromText(path, StoryName(path), &meta, text.String())
}

// isXHTML reports an XHTML document: named .xhtml, or opening with an
// XML declaration, or in the XHTML namespace.
func isXHTML(path string, data []byte) bool {
	head := data[:min(len(data), 1024)]
	return strings.EqualFold(filepath.Ext(path), ".xhtml") ||
		bytes.HasPrefix(bytes.TrimSpace(bytes.TrimPrefix(head, utf8BOM)), []byte("<?xml")) ||
		bytes.Contains(head, []byte("http://www.w3.org/1999/xhtml"))
}

// checkMarkup checks the bytes of a markup file: not empty, not binary,
// valid UTF-8, not too large.
func checkMarkup(path string, data []byte) error {
	if len(data) > MaxStoryBytes {
		return &InputError{Path: path, Offset: -1, Err: ErrTooLarge}
	}
	return Check(path, data)
}

// storyFromText makes a Story from extracted text.
func storyFromText(path, name string, meta *Metadata, text string) (*Story, error) {
	if strings.TrimSpace(text) == "" {
		return nil, &InputError{Path: path, Offset: -1, Err: ErrEmpty, Hint: "no story text found in the document"}
	}
	s := &Story{Name: name, Path: path, Data: []byte(text)}
	if meta != nil && (meta.Title != "" || len(meta.Authors) > 0 || len(meta.Fandoms) > 0) {
		s.Meta = meta
		if meta.Title != "" {
			s.Name = meta.Title
		}
	}
	return s, nil
}

// depth is the deepest element nesting of a tree, found without recursion.
func depth(n *html.Node) int {
	type item struct {
		n *html.Node
		d int
	}
	deepest := 0
	stack := []item{{n, 0}}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		deepest = max(deepest, it.d)
		if it.d > MaxNesting {
			return it.d
		}
		for c := it.n.FirstChild; c != nil; c = c.NextSibling {
			stack = append(stack, item{c, it.d + 1})
		}
	}
	return deepest
}

func hasClass(n *html.Node, class string) bool {
	for _, a := range n.Attr {
		if a.Key == "class" {
			for _, c := range strings.Fields(a.Val) {
				if c == class {
					return true
				}
			}
		}
	}
	return false
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// find returns the first element (depth-first, document order) that
// matches.
func find(n *html.Node, match func(*html.Node) bool) *html.Node {
	stack := []*html.Node{n}
	for len(stack) > 0 {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if x.Type == html.ElementNode && match(x) {
			return x
		}
		for c := x.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, c)
		}
	}
	return nil
}

// plain returns an element's text with white space collapsed.
func plain(n *html.Node) string {
	var b strings.Builder
	stack := []*html.Node{n}
	for len(stack) > 0 {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if x.Type == html.TextNode {
			b.WriteString(x.Data)
			b.WriteByte(' ')
		}
		for c := x.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, c)
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// readAO3 reads an AO3 download: the preface's metadata, the chapters'
// text into text, the notes and summaries into meta. A document without
// AO3's structure has its body read as the story.
func readAO3(doc *html.Node, meta *Metadata, text *bytes.Buffer) {
	if pre := find(doc, func(n *html.Node) bool { return attr(n, "id") == "preface" }); pre != nil {
		readPreface(pre, meta)
	}
	chapters := find(doc, func(n *html.Node) bool { return attr(n, "id") == "chapters" })
	if chapters == nil {
		chapters = find(doc, func(n *html.Node) bool { return n.DataAtom == atom.Body })
	}
	if chapters != nil {
		chapter := 0
		readChapters(chapters, meta, text, &chapter)
	}
	if after := find(doc, func(n *html.Node) bool { return attr(n, "id") == "afterword" }); after != nil {
		for _, bq := range findAll(after, func(n *html.Node) bool { return n.DataAtom == atom.Blockquote }) {
			meta.Notes = append(meta.Notes, blockText(bq))
		}
	}
}

// findAll returns the elements that match, in document order, not looking
// inside a match.
func findAll(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	stack := []*html.Node{n}
	for len(stack) > 0 {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if x != n && x.Type == html.ElementNode && match(x) {
			out = append(out, x)
			continue
		}
		for c := x.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, c)
		}
	}
	return out
}

// readPreface reads AO3's preface: the dl.tags list, title, byline,
// summary and notes.
func readPreface(pre *html.Node, meta *Metadata) {
	if dl := find(pre, func(n *html.Node) bool { return n.DataAtom == atom.Dl }); dl != nil {
		var key string
		for c := dl.FirstChild; c != nil; c = c.NextSibling {
			switch c.DataAtom {
			case atom.Dt:
				key = strings.ToLower(strings.TrimSuffix(plain(c), ":"))
			case atom.Dd:
				setMeta(meta, key, c)
			}
		}
	}
	if h1 := find(pre, func(n *html.Node) bool { return n.DataAtom == atom.H1 }); h1 != nil {
		meta.Title = plain(h1)
	}
	if by := find(pre, func(n *html.Node) bool { return hasClass(n, "byline") }); by != nil {
		for _, a := range findAll(by, func(n *html.Node) bool { return n.DataAtom == atom.A }) {
			meta.Authors = append(meta.Authors, plain(a))
		}
		if len(meta.Authors) == 0 {
			meta.Authors = splitList(strings.TrimPrefix(plain(by), "by "))
		}
	}
	// <p>Summary</p><blockquote>…, <p>Notes</p><blockquote>…
	label := ""
	for _, n := range findAll(pre, func(n *html.Node) bool { return n.DataAtom == atom.P || n.DataAtom == atom.Blockquote }) {
		switch n.DataAtom {
		case atom.P:
			label = strings.ToLower(plain(n))
		case atom.Blockquote:
			switch label {
			case "summary":
				meta.Summary = blockText(n)
			default:
				meta.Notes = append(meta.Notes, blockText(n))
			}
		}
	}
}

func setMeta(meta *Metadata, key string, dd *html.Node) {
	list := func() []string {
		var out []string
		for _, a := range findAll(dd, func(n *html.Node) bool { return n.DataAtom == atom.A }) {
			if t := plain(a); t != "" {
				out = append(out, t)
			}
		}
		if len(out) == 0 {
			out = splitList(plain(dd))
		}
		return out
	}
	switch strings.TrimSuffix(key, "s") {
	case "rating":
		meta.Rating = list()
	case "archive warning":
		meta.Warnings = list()
	case "category", "categorie":
		meta.Categories = list()
	case "fandom":
		meta.Fandoms = list()
	case "relationship":
		meta.Relationships = list()
	case "character":
		meta.Characters = list()
	case "additional tag", "freeform":
		meta.Tags = list()
	case "language":
		meta.Language = plain(dd)
	case "serie":
		meta.Series = []string{plain(dd)}
	case "collection":
		meta.Collections = list()
	case "stat":
		readStats(meta, plain(dd))
	}
}

// readStats reads "Published: 2020-01-01 Updated: 2020-02-01 Words:
// 1,234 Chapters: 2/2".
func readStats(meta *Metadata, s string) {
	fields := strings.Fields(s)
	for i := 0; i+1 < len(fields); i++ {
		v := fields[i+1]
		switch strings.ToLower(fields[i]) {
		case "published:":
			meta.Published = v
		case "updated:", "completed:":
			meta.Updated = v
		case "words:":
			meta.Words = strings.ReplaceAll(v, ",", "")
		case "chapters:":
			meta.Chapters = v
		}
	}
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// blockText is an element's text as paragraphs separated by blank lines.
func blockText(n *html.Node) string {
	var b bytes.Buffer
	w := &textWriter{b: &b}
	w.walk(n)
	return strings.TrimSpace(b.String())
}

// readChapters extracts the chapters: for each AO3 chapter, its heading
// line, then its text; chapter summaries and notes go to meta.
func readChapters(root *html.Node, meta *Metadata, text *bytes.Buffer, chapter *int) {
	w := &textWriter{b: text, inBlock: text.Len() > 0}
	for c := root.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			if c.Type == html.TextNode {
				w.text(c.Data)
			}
			continue
		}
		switch {
		case hasClass(c, "meta") && (hasClass(c, "group") || strings.HasPrefix(attr(c, "id"), "endnotes")):
			// Chapter heading, summary and notes; or chapter end notes.
			if h := find(c, func(n *html.Node) bool { return n.DataAtom == atom.H2 || n.DataAtom == atom.H3 }); h != nil {
				w.heading(meta, plain(h), chapter)
			}
			for _, bq := range findAll(c, func(n *html.Node) bool { return n.DataAtom == atom.Blockquote }) {
				meta.Notes = append(meta.Notes, blockText(bq))
			}
		case hasClass(c, "userstuff"):
			w.walk(c)
		case attr(c, "id") == "preface" || attr(c, "id") == "afterword":
		default:
			w.walk(c)
		}
	}
	w.block()
}

// heading writes a chapter heading line, numbered when its title does not
// say "Chapter", and records the title.
func (w *textWriter) heading(meta *Metadata, title string, chapter *int) {
	*chapter++
	meta.ChapterTitles = append(meta.ChapterTitles, title)
	if !strings.HasPrefix(strings.ToLower(title), "chapter") {
		title = fmt.Sprintf("Chapter %d: %s", *chapter, title)
	}
	// The paragraph splitter takes a heading of at most 80 characters; a
	// longer chapter title (AO3 allows 255) is cut at a word, whole in
	// the metadata.
	if utf8.RuneCountInString(title) > 80 {
		cut := []rune(title)[:79]
		if i := strings.LastIndexByte(string(cut), ' '); i > len("Chapter 1:") {
			cut = []rune(string(cut)[:i])
		}
		title = strings.TrimRight(string(cut), " ,;:-") + "…"
	}
	w.block()
	w.b.WriteString(title)
	w.inBlock = true
	w.block()
}

// textWriter renders story HTML as plain text: block elements become
// paragraphs separated by blank lines, <br> a line break (two in a row, a
// paragraph break), <hr> a scene break, text white space collapsed but for
// single spaces kept as they are.
type textWriter struct {
	b       *bytes.Buffer
	inBlock bool // text written since the last paragraph break
	brs     int
}

func (w *textWriter) block() {
	if w.inBlock {
		w.b.WriteString("\n\n")
	}
	w.inBlock = false
	w.brs = 0
}

func (w *textWriter) text(s string) {
	s = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ", "\t", " ").Replace(s)
	if !w.inBlock || w.brs > 0 {
		// A new block or line ("<br />\nThe shutters") opens without
		// the markup's white space.
		s = strings.TrimLeft(s, " ")
	}
	if s == "" {
		return
	}
	if w.brs == 1 {
		w.b.WriteByte('\n')
	}
	w.brs = 0
	w.b.WriteString(s)
	w.inBlock = true
}

var blockAtoms = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Blockquote: true, atom.Li: true, atom.Ul: true, atom.Ol: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Table: true, atom.Tr: true, atom.Section: true, atom.Article: true, atom.Center: true,
	atom.Pre: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
}

// walk writes the text under n, iteratively (a story's HTML can be deep).
func (w *textWriter) walk(n *html.Node) {
	type item struct {
		n     *html.Node
		close bool
	}
	stack := []item{{n, false}}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		x := it.n
		if it.close {
			if blockAtoms[x.DataAtom] {
				w.trimTrailing()
				w.block()
			}
			continue
		}
		switch x.Type {
		case html.TextNode:
			w.text(x.Data)
			continue
		case html.ElementNode:
			switch x.DataAtom {
			case atom.Script, atom.Style, atom.Head, atom.Title:
				continue
			case atom.Br:
				w.brs++
				if w.brs >= 2 {
					w.trimTrailing()
					w.block()
				}
				continue
			case atom.Hr:
				w.trimTrailing()
				w.block()
				w.b.WriteString("* * *")
				w.inBlock = true
				w.block()
				continue
			}
			if blockAtoms[x.DataAtom] {
				w.trimTrailing()
				w.block()
			}
		}
		stack = append(stack, item{x, true})
		for c := x.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, item{c, false})
		}
	}
}

// trimTrailing removes spaces at the end of the paragraph being written.
func (w *textWriter) trimTrailing() {
	for n := w.b.Len(); n > 0 && w.b.Bytes()[n-1] == ' '; n-- {
		w.b.Truncate(n - 1)
	}
}

// isHTML reports whether data looks like an HTML document.
func isHTML(data []byte) bool {
	head := bytes.ToLower(bytes.TrimSpace(bytes.TrimPrefix(data[:min(len(data), 1024)], utf8BOM)))
	return bytes.HasPrefix(head, []byte("<!doctype html")) || bytes.HasPrefix(head, []byte("<html")) ||
		bytes.HasPrefix(head, []byte("<?xml")) && bytes.Contains(head, []byte("<html"))
}
