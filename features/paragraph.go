package features

import (
	"bytes"
	"regexp"
	"sort"
	"unicode"
	"unicode/utf8"
)

// Kind says what a Block of a story is.
type Kind uint8

const (
	// KindParagraph is a paragraph of the story's text.
	KindParagraph Kind = iota
	// KindChapter is a chapter heading ("CHAPTER I.", "Chapter 3: The Lake",
	// "Prologue", a bare numeral on its own line).
	KindChapter
	// KindHeading is any other heading: a title line, a byline, a book or
	// part heading, a chapter title under a chapter heading.
	KindHeading
	// KindPOV is a point-of-view heading ("Stefan POV –", "Elena's POV").
	KindPOV
	// KindSceneBreak is a scene break ("***", "* * *", "~~~", "----", "#").
	KindSceneBreak
)

var kindNames = [...]string{"paragraph", "chapter", "heading", "pov", "scene-break"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "unknown"
}

// Layout is how a story marks its paragraphs.
type Layout uint8

const (
	// LayoutBlank: paragraphs are separated by blank lines.
	LayoutBlank Layout = iota
	// LayoutLines: one paragraph per line, no blank lines needed.
	LayoutLines
	// LayoutWrapped: hard-wrapped lines with no blank lines between
	// paragraphs; breaks are found from indentation and line length.
	LayoutWrapped
)

var layoutNames = [...]string{"blank-lines", "one-per-line", "hard-wrapped"}

func (l Layout) String() string {
	if int(l) < len(layoutNames) {
		return layoutNames[l]
	}
	return "unknown"
}

// Block is one unit of a story: a paragraph or a piece of structure.
//
// Start and End are byte offsets into the input given to Split, End
// exclusive, so that input[Start:End] is exactly the block's text, without
// the surrounding white space and line breaks (inner line breaks of a
// hard-wrapped paragraph are kept as they stand).
type Block struct {
	Kind    Kind
	Start   int
	End     int
	Line    int // 1-based line of Start
	Index   int // 1-based paragraph index in the story; 0 for structure
	Chapter int // 1-based chapter number
	Scene   int // 1-based scene number within the chapter
	// POV is the character named by the latest point-of-view heading in
	// this chapter ("Stefan" after "Stefan POV –"), or "".
	POV string
}

// Split divides a story into blocks in input order. It accepts any bytes:
// a leading UTF-8 byte-order mark is skipped, CRLF and LF line ends are
// both understood. The paragraph layout (blank lines, one paragraph a
// line, or hard-wrapped text) is detected from the whole story; see
// DetectLayout.
func Split(src []byte) []Block {
	lines := scanLines(src)
	// YAML front matter (a Markdown file's metadata between "---" lines)
	// is one heading block, not text.
	var front []Block
	if end := frontMatter(src, lines); end > 0 {
		front = []Block{{Kind: KindHeading, Start: lines[0].start, End: lines[end].end, Line: lines[0].no, Chapter: 1, Scene: 1}}
		for i := range lines[:end+1] {
			lines[i].end = lines[i].start
		}
	}
	layout, width := detectLayout(src, lines)
	units := mergeContinuations(src, lines, groupLines(src, lines, layout, width))
	return append(front, cutLong(src, classify(src, lines, units))...)
}

// frontMatter returns the index of the line that closes YAML front matter
// at the top of the text, or -1: a "---" line, then "key: value" lines (a
// key of one word, "title:", "rating:"), each maybe followed by indented
// lines (a block or wrapped value) or "- " items, and "#" comments, then
// "---" or "...". Prose between two rules ("She said: no.", an indented
// paragraph before any key) is not front matter.
func frontMatter(src []byte, lines []line) int {
	if len(lines) < 3 || string(src[lines[0].start:lines[0].end]) != "---" {
		return -1
	}
	block := false // a key has been read: indented lines and items may follow
	for i := 1; i < len(lines) && i <= 100; i++ {
		b := src[lines[i].start:lines[i].end]
		switch {
		case lines[i].blank():
		case string(b) == "---" || string(b) == "...":
			if i == 1 {
				return -1
			}
			return i
		case lines[i].indent == 0 && yamlKeyRe.Match(b):
			block = true
		case lines[i].indent == 0 && bytes.HasPrefix(b, []byte("#")):
			// A comment.
		case block && (lines[i].indent > 0 || bytes.HasPrefix(b, []byte("- "))):
		default:
			return -1
		}
	}
	return -1
}

var yamlKeyRe = regexp.MustCompile(`^[A-Za-z_][\w-]*:(\s|$)`)

// MaxParagraph is the longest paragraph Split emits, in bytes. A longer
// one (a file with no paragraph breaks at all) is cut at sentence ends
// into pieces of at most this size, so that memory per paragraph stays
// bounded; each piece is a paragraph.
const MaxParagraph = 64 << 10

// cutLong cuts over-long paragraphs and renumbers the paragraphs.
func cutLong(src []byte, blocks []Block) []Block {
	long := false
	for _, b := range blocks {
		if b.Kind == KindParagraph && b.End-b.Start > MaxParagraph {
			long = true
			break
		}
	}
	if !long {
		return blocks
	}
	out := make([]Block, 0, len(blocks))
	index := 0
	lineEnd := LineEnd(src)
	for _, b := range blocks {
		if b.Kind != KindParagraph {
			out = append(out, b)
			continue
		}
		for start := b.Start; start < b.End; {
			end := b.End
			if end-start > MaxParagraph {
				end = cutPoint(src, start, start+MaxParagraph)
			}
			piece := b
			piece.Start, piece.End = trimSpace(src, start, end)
			if piece.End > piece.Start {
				index++
				piece.Index = index
				piece.Line = b.Line + bytes.Count(src[b.Start:piece.Start], []byte{lineEnd})
				out = append(out, piece)
			}
			start = end
		}
	}
	return out
}

// cutPoint is where to end a piece of src[start:limit]: after the last
// sentence end followed by a space, else at the last space, else at the
// last rune boundary.
func cutPoint(src []byte, start, limit int) int {
	piece := src[start:limit]
	for i := len(piece) - 2; i > len(piece)/2; i-- {
		if (piece[i] == '.' || piece[i] == '!' || piece[i] == '?') && (piece[i+1] == ' ' || piece[i+1] == '\n') {
			return start + i + 1
		}
	}
	if i := bytes.LastIndexAny(piece, " \n"); i > 0 {
		return start + i
	}
	for limit > start+1 && !utf8.RuneStart(src[limit]) {
		limit--
	}
	return limit
}

// DetectLayout reports the paragraph layout Split uses for src (Split
// leaves YAML front matter out first).
func DetectLayout(src []byte) Layout {
	layout, _ := detectLayout(src, scanLines(src))
	return layout
}

// line is one input line: [start, end) is its content without leading and
// trailing white space; end == start for a blank line.
type line struct {
	start, end int
	indent     int // leading white space, in columns (a tab counts 4)
	width      int // runes from the line start to end
	no         int // 1-based line number
}

func (l line) blank() bool { return l.start == l.end }

func scanLines(src []byte) []line {
	pos := 0
	if bytes.HasPrefix(src, bom) {
		pos = len(bom)
	}
	sep := LineEnd(src)
	cr := sep == '\r'
	lines := make([]line, 0, bytes.Count(src, []byte{sep})+1)
	for no := 1; pos <= len(src); no++ {
		end := len(src)
		next := len(src) + 1
		if !cr {
			if i := bytes.IndexByte(src[pos:], '\n'); i >= 0 {
				end = pos + i
				next = end + 1
			}
		} else if i := bytes.IndexAny(src[pos:], "\r\n"); i >= 0 {
			// Old Mac OS line ends: a CR ends a line, and so does a
			// stray LF or CRLF among them.
			end = pos + i
			next = end + 1
			if src[end] == '\r' && next < len(src) && src[next] == '\n' {
				next++
			}
		}
		l := line{no: no}
		s := pos
		for s < end && (src[s] == ' ' || src[s] == '\t') {
			if src[s] == '\t' {
				l.indent += 4
			} else {
				l.indent++
			}
			s++
		}
		s, e := trimSpace(src, s, end)
		l.start, l.end = s, e
		if e > s {
			l.width = l.indent + runeCount(src[s:e])
		} else {
			l.start, l.end = s, s
		}
		lines = append(lines, l)
		pos = next
	}
	return lines
}

var bom = []byte{0xEF, 0xBB, 0xBF}

// LineEnd is the byte that ends src's lines: LF (a CRLF line trims to
// it), or CR where lone CRs outnumber LFs (old Mac OS line ends, perhaps
// with an LF an editor added at the end).
func LineEnd(src []byte) byte {
	lf := bytes.Count(src, []byte{'\n'})
	if lone := bytes.Count(src, []byte{'\r'}) - bytes.Count(src, []byte("\r\n")); lone > lf {
		return '\r'
	}
	return '\n'
}

// trimSpace narrows [s, e) past ASCII white space and non-breaking spaces.
func trimSpace(src []byte, s, e int) (int, int) {
	for s < e {
		if isSpaceByte(src[s]) {
			s++
		} else if e-s >= 2 && src[s] == 0xC2 && src[s+1] == 0xA0 {
			s += 2
		} else {
			break
		}
	}
	for e > s {
		if isSpaceByte(src[e-1]) {
			e--
		} else if e-s >= 2 && src[e-2] == 0xC2 && src[e-1] == 0xA0 {
			e -= 2
		} else {
			break
		}
	}
	return s, e
}

func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'
}

func runeCount(b []byte) int {
	n := 0
	for _, c := range b {
		if c < 0x80 || c >= 0xC0 {
			n++
		}
	}
	return n
}

// detectLayout decides the layout from line statistics. A story with
// blank lines whose blocks average at most blockLines lines is blank-line
// separated; otherwise lines are paragraphs or hard-wrapped. Lines are
// wrapped, and the wrap width is returned, when they are no wider than
// maxWrap (95th percentile) and at least minMidSentence of the lines
// followed by another end mid-sentence: a wrapper breaks lines anywhere,
// a writer who puts each paragraph on its own line ends them at sentence
// ends ("Where were you?" Elena asked. / "Out," said Stefan.).
func detectLayout(src []byte, lines []line) (Layout, int) {
	const blockLines, maxWrap, minMidSentence = 50, 100, 0.25
	var widths []int
	blocks, inBlock := 0, false
	followed, mid := 0, 0
	for i, l := range lines {
		if l.blank() {
			inBlock = false
			continue
		}
		if !inBlock {
			blocks++
			inBlock = true
		}
		widths = append(widths, l.width)
		if i+1 < len(lines) && !lines[i+1].blank() {
			followed++
			if !endsSentence(src[l.start:l.end]) {
				mid++
			}
		}
	}
	if len(widths) == 0 {
		return LayoutBlank, 0
	}
	sort.Ints(widths)
	width := widths[len(widths)*95/100]
	wrapped := width <= maxWrap && float64(mid) >= minMidSentence*float64(followed)
	if blocks > 1 && len(widths) <= blockLines*blocks {
		if !wrapped {
			// Lines inside blank-separated blocks are still one
			// paragraph each (fan fiction mixes single and double breaks).
			return LayoutBlank, 0
		}
		return LayoutBlank, width
	}
	if !wrapped {
		return LayoutLines, 0
	}
	return LayoutWrapped, width
}

// unit is a run of lines forming one block, [first, last] inclusive.
type unit struct{ first, last int }

func groupLines(src []byte, lines []line, layout Layout, width int) []unit {
	var units []unit
	open := -1
	flush := func(last int) {
		if open >= 0 {
			units = append(units, unit{open, last})
			open = -1
		}
	}
	baseIndent := commonIndent(lines)
	var structure []bool
	if layout != LayoutLines {
		structure = structureLines(src, lines)
	}
	for i, l := range lines {
		if l.blank() {
			flush(i - 1)
			continue
		}
		if open < 0 {
			open = i
			continue
		}
		prev := lines[i-1]
		var brk bool
		switch layout {
		case LayoutLines:
			brk = true
		case LayoutBlank:
			// A blank-separated block of unwrapped lines is one
			// paragraph a line; of wrapped lines, one paragraph, except
			// that in a block that opens with an indented first line,
			// each indented first line starts a paragraph (a verse's
			// indented lines, after an unindented first one, do not).
			brk = width == 0 || structure[i] || structure[i-1] ||
				lines[open].indent > baseIndent && indentBreak(src, lines, i, baseIndent, true)
		case LayoutWrapped:
			brk = structure[i] || structure[i-1] || indentBreak(src, lines, i, baseIndent, false) || wrappedBreak(src, prev, l, width)
		}
		if brk {
			flush(i - 1)
			open = i
		}
	}
	flush(len(lines) - 1)
	return units
}

// commonIndent is the indentation of the text's running lines: the
// shallowest that at least a tenth of the nonblank lines share. (The
// commonest one would be a first line's indentation in dialogue, where
// most paragraphs are one indented line.)
func commonIndent(lines []line) int {
	counts := map[int]int{}
	total := 0
	for _, l := range lines {
		if !l.blank() {
			counts[l.indent]++
			total++
		}
	}
	best := -1
	for indent, n := range counts {
		if 10*n >= total && (best < 0 || indent < best) {
			best = indent
		}
	}
	return max(best, 0)
}

// wrappedBreak reports whether cur starts a new paragraph after prev in
// hard-wrapped text (neither of them structure, cur not an indented
// first line): a closed quotation is followed by an opening one, or prev
// ends a sentence and the first word of cur would have fitted on prev (so
// the line was not wrapped).
func wrappedBreak(src []byte, prev, cur line, width int) bool {
	p := src[prev.start:prev.end]
	if !endsSentence(p) {
		return false
	}
	c := src[cur.start:cur.end]
	if endsWithQuote(p) && startsWithQuote(c) {
		// A closed speech followed by an opening quote: a new speaker.
		return true
	}
	first := bytes.IndexAny(c, " \t")
	if first < 0 {
		first = len(c)
	}
	return prev.width+1+runeCount(c[:first]) <= width
}

// indentBreak reports a paragraph's indented first line, lines[i], in
// text whose other lines are not indented: deeper than the line before,
// or as deep as a line before that was itself a first line and ended a
// sentence (a one-line paragraph: `    "Not yet," she said.` after
// `    "Are you coming?" he asked.`). Strict, the line before a first
// line must be an unindented one, so that verse, all of whose lines are
// indented, stays whole.
func indentBreak(src []byte, lines []line, i, baseIndent int, strict bool) bool {
	cur, prev := lines[i], lines[i-1]
	if cur.indent <= baseIndent {
		return false
	}
	if cur.indent > prev.indent {
		return !strict || prev.indent == baseIndent
	}
	if cur.indent < prev.indent || !endsSentence(src[prev.start:prev.end]) {
		return false
	}
	// prev is a first line: after a blank, or after a shallower line.
	if i < 2 || lines[i-2].blank() {
		return !strict
	}
	return lines[i-2].indent < prev.indent && (!strict || lines[i-2].indent == baseIndent)
}

var abbreviations = []string{"Mr.", "Mrs.", "Dr.", "St.", "Messrs.", "Mme.", "Mlle.", "Col.", "Capt.", "Gen.", "Rev.", "Sir.", "M."}

// endsSentence reports whether a line ends with sentence-final punctuation,
// possibly followed by closing quotes or brackets, and not with a title
// abbreviation such as "Mr.".
func endsSentence(b []byte) bool {
	for _, a := range abbreviations {
		if bytes.HasSuffix(b, []byte(a)) && (len(b) == len(a) || b[len(b)-len(a)-1] == ' ') {
			return false
		}
	}
	for len(b) > 0 {
		r, n := utf8.DecodeLastRune(b)
		switch r {
		case '"', '\'', '\u201D', '\u2019', ')', ']', '_', '*':
			b = b[:len(b)-n]
			continue
		case '.', '!', '?', ':', ';', '\u2026', '\u2014':
			return true
		}
		return false
	}
	return false
}

func endsWithQuote(b []byte) bool {
	r, _ := utf8.DecodeLastRune(b)
	return r == '"' || r == '\u201D' || r == '\'' || r == '\u2019'
}

func startsWithQuote(b []byte) bool {
	r, _ := utf8.DecodeRune(b)
	return r == '"' || r == '\u201C' || r == '\'' || r == '\u2018'
}

// mergeContinuations joins a unit that stops mid-sentence with a following
// unit that starts in lower case: page breaks and drop capitals in
// digitised books ("IT" / "was melancholy to admit...") split one
// paragraph in two. A story that opens most of its sentences in lower
// case is written so ("i love you, she texts him"), and its paragraphs
// are left as they are.
func mergeContinuations(src []byte, lines []line, units []unit) []unit {
	if len(units) < 2 || lowerCaseStyle(src, lines, units) {
		return units
	}
	out := units[:0]
	for _, u := range units {
		if n := len(out); n > 0 {
			prev := out[n-1]
			p := src[lines[prev.first].start:lines[prev.last].end]
			c := src[lines[u.first].start:lines[u.last].end]
			r, _ := utf8.DecodeRune(c)
			if unicode.IsLower(r) && !endsSentence(p) && !isSceneBreak(p) && !isHeadingLine(p) && !isCodeFence(p) {
				out[n-1].last = u.last
				continue
			}
		}
		out = append(out, u)
	}
	return out
}

// lowerCaseStyle reports text that opens most of its sentences (a
// unit's first letter, unless the unit before stops mid-sentence, and a
// letter after ".", "!" or "?", closing quotes and white space) in lower
// case.
func lowerCaseStyle(src []byte, lines []line, units []unit) bool {
	lower, upper := 0, 0
	count := func(r rune) {
		if unicode.IsLower(r) {
			lower++
		} else if unicode.IsUpper(r) {
			upper++
		}
	}
	var prev []byte
	for _, u := range units {
		b := src[lines[u.first].start:lines[u.last].end]
		if prev == nil || endsSentence(prev) {
			r, _ := utf8.DecodeRune(b)
			count(r)
		}
		prev = b
		if lower+upper >= 2000 {
			break // enough sentences to tell
		}
		for i := 0; i < len(b); i++ {
			k := bytes.IndexAny(b[i:], ".!?")
			if k < 0 {
				break
			}
			i += k
			j := i + 1
			for j < len(b) && (b[j] == '"' || b[j] == '\'' || b[j] == ')') {
				j++
			}
			if j == i+1 && j < len(b) && b[j] == '.' || j >= len(b) || !isSpaceByte(b[j]) && b[j] != '\n' {
				continue
			}
			for j < len(b) && (isSpaceByte(b[j]) || b[j] == '\n') {
				j++
			}
			if j < len(b) {
				r, _ := utf8.DecodeRune(b[j:])
				count(r)
			}
			i = j - 1
		}
	}
	return lower > upper
}

// isHeadingLine: a chapter, part or point-of-view heading.
func isHeadingLine(b []byte) bool {
	if ok, _ := isChapterHeading(b); ok {
		return true
	}
	if _, ok := povName(b); ok {
		return true
	}
	return isPartHeading(b)
}
