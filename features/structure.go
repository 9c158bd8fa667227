package features

import (
	"bytes"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxHeading is the longest line, in runes, taken for a heading.
const maxHeading = 80

var (
	// The number of a chapter, part or book, and the rest of the line.
	chapterRe = regexp.MustCompile(`(?i)^(?:chapter|chap\.|ch\.)(?:\s*|,\s*)((?:the\s+)?(?:[0-9]+|[ivxlcdm]+\b|[a-z]+(?:-[a-z]+)?))\b(.*)$`)
	sectionRe = regexp.MustCompile(`^(?i:prologue|epilogue|interlude|afterword)\b(.*)$`)
	partRe    = regexp.MustCompile(`^(?i:book|part|volume|vol\.)\s+((?:(?i:the)\s+)?(?:[0-9]+|[IVXLCDM]+|[A-Za-z]+(?:-[A-Za-z]+)?))\b(.*)$`)
	// Caps lines that are headings wherever they stand: a book's end, a
	// letter's number, a postscript.
	capsSectionRe = regexp.MustCompile(`^(?:THE END|FINIS|END OF (?:THE |VOL|BOOK|PART|VOLUME|CHAPTER)|FINAL CHAPTER|L'ENVOI|AUTHOR'S NOTE|(?:LETTER|APPENDIX|NOTE|POSTSCRIPT|AFTERWORD|FOREWORD|PREFACE|INTRODUCTION|CONTENTS|CONCLUSION|ENVOI|PROLOGUE|EPILOGUE|INTERLUDE)\b)`)
	// A bare numeral, or an upper-case roman numeral with an upper-case title
	// ("XXV. THE LITTLE COUNTESS").
	numeralRe = regexp.MustCompile(`^(?:[0-9]{1,3}|[IVXLCDM]{1,8})\.?$|^[IVXLCDM]{1,8}\.\s+\P{Ll}+$`)
	// "Stefan POV –", "Elena's POV", "POV: Damon", "Damon's Point of View".
	povSuffixRe = regexp.MustCompile(`^(.{1,40}?)(?:'s|’s)?\s*(?:\(|\[)?\s*(?i:pov|p\.o\.v\.?|point of view)\s*(?:\)|\])?\s*[-–—:.]*\s*$`)
	povPrefixRe = regexp.MustCompile(`^(?i:pov|p\.o\.v\.?)\s*[-–—:]\s*(.{1,40})$`)
)

// sceneWordRe: a scene break in words ("LINE BREAK", "[scene break]",
// "~ time skip ~").
var sceneWordRe = regexp.MustCompile(`^[\[(<{~*=_ -]*(?i:line|page|scene|section|time)[ -]?(?i:break|skip|change)[\])>}~*=_ -]*$`)

// isSceneBreak reports a line made only of break symbols ("***", "* * *",
// "~~~", "----", "#", "oOo", "-x-") or naming one ("LINE BREAK").
func isSceneBreak(b []byte) bool {
	if len(b) == 0 || len(b) > 120 {
		return false
	}
	if len(b) <= 40 && (symbolsOnly(b) || (containsFold(b, "break") || containsFold(b, "skip") || containsFold(b, "change")) && sceneWordRe.Match(b)) {
		return true
	}
	switch b[0] {
	case '*', '~', '-', '#', '=', '_', '+', 'o', 'O', 'x', 'X', '0':
	default:
		if b[0] < utf8.RuneSelf {
			return false
		}
	}
	symbols := 0
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		i += n
		switch r {
		case '*', '~', '-', '#', '=', '_', '•', '·', '+', '§', '–', '—', '⁂', '❦', '◆', '◇':
			symbols++
		case ' ', '\t':
		default:
			return isOPattern(b)
		}
	}
	return symbols > 0
}

// symbolsOnly: a line of punctuation and symbols, no letter, digit or
// quotation mark or backquote ("::", "//", "[...]"), or of hearts ("<3<3<3"). A line of
// dots, "!" or "?" alone ("...", ". . .", "!") is a silence, and stays text.
func symbolsOnly(b []byte) bool {
	hearts, silence := false, true
	for i, r := range string(b) {
		switch {
		case r == '<' && i+1 < len(b) && b[i+1] == '3':
			hearts = true
		case r == '3' && i > 0 && b[i-1] == '<':
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			return false
		case r == '"' || r == '\'' || r == '`' || unicode.In(r, unicode.Pi, unicode.Pf):
			return false // quoted, or a Markdown code fence
		case !strings.ContainsRune(".!?… ", r):
			silence = false
		}
	}
	return hearts || !silence
}

// isOPattern matches the fan-fiction breaks made of o's and x's: "oOo",
// "OoOoO", "xXx", "o0o", "ooo", and with dashes, tildes or stars between
// them, "-o-", "~o~", "x-x-x", "-oOo-". Capital X's alone ("XXX") are a
// roman numeral, not a break.
func isOPattern(b []byte) bool {
	if len(b) < 3 || len(b) > 40 {
		return false
	}
	lower, upper, digit, sep := false, false, false, false
	var letter byte // the letter, while only one is used
	same := true
	for _, c := range b {
		switch c {
		case 'o', 'x', 'O', 'X':
			lower = lower || c == 'o' || c == 'x'
			upper = upper || c == 'O' || c == 'X'
			if letter == 0 {
				letter = c
			}
			same = same && c == letter
		case '0':
			digit = true
		case '-', '~', '*', '=', '_', '+':
			sep = true
		case '.', ' ':
		default:
			return false
		}
	}
	switch {
	case letter == 0:
		return false
	case lower && upper, digit, sep:
		return true
	}
	// One letter repeated: "ooo", "xxx", "OOO", but not "XXX" or "XX."
	return same && letter != 'X' && len(bytes.TrimSpace(b)) >= 3
}

// povName returns the character named by a point-of-view heading.
func povName(b []byte) (string, bool) {
	if len(b) > 180 || !hasPOVWord(b) {
		return "", false
	}
	if utf8.RuneCount(b) > 60 {
		return "", false
	}
	if m := povSuffixRe.FindSubmatch(b); m != nil {
		name := strings.TrimSpace(string(m[1]))
		name = strings.TrimSuffix(strings.TrimSuffix(name, "'s"), "’s")
		if isNameLike(name) {
			return name, true
		}
	}
	if m := povPrefixRe.FindSubmatch(b); m != nil {
		name := strings.TrimSpace(strings.TrimRight(string(m[1]), " -–—:."))
		if isNameLike(name) {
			return name, true
		}
	}
	return "", false
}

// isNameLike: one to three capitalised words.
func isNameLike(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 3 {
		return false
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// isChapterHeading matches chapter headings; numbered reports whether the
// heading names chapter one ("CHAPTER I.", "Chapter 1", "Chapter One").
func isChapterHeading(b []byte) (ok, first bool) {
	if len(b) == 0 || len(b) > 4*maxHeading || !mayBeChapter(b) || utf8.RuneCount(b) > maxHeading {
		return false, false
	}
	if m := chapterRe.FindSubmatch(b); m != nil {
		// A numeral in capitals, or alone on its line, may be misprinted
		// ("CHAPTER XVIL", "Chapter ll").
		n := strings.Join(strings.Fields(strings.ToLower(string(m[1]))), " ")
		misprint := strings.Trim(string(m[1]), "IVXLCDM") == "" ||
			strings.Trim(n, "ivxlcdm") == "" && len(bytes.TrimSpace(m[2])) == 0
		if !misprint && !isNumberWord(n) || !headingRest(m[2]) {
			return false, false
		}
		return true, n == "1" || n == "i" || n == "one" || n == "first" || n == "the first"
	}
	if m := sectionRe.FindSubmatch(b); m != nil {
		return headingRest(m[1]), false
	}
	if numeralRe.Match(b) {
		s := strings.TrimSuffix(string(b), ".")
		return true, s == "1" || s == "I"
	}
	return false, false
}

var numberWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`one two three four five six seven eight nine ten
		eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen
		twenty thirty forty fifty sixty seventy eighty ninety hundred
		first second third fourth fifth sixth seventh eighth ninth tenth
		eleventh twelfth last final`) {
		numberWords[w] = true
	}
}

// isNumberWord reports whether a lower-case word numbers a chapter or
// part: digits, a roman numeral, a number word ("twenty-one", "first"),
// or one of those after "the" ("the first", "the last").
func isNumberWord(s string) bool {
	if rest, ok := strings.CutPrefix(s, "the"); ok && rest != "" && strings.TrimLeft(rest, " \t") != rest {
		s = strings.TrimLeft(rest, " \t")
		if s == "" {
			return false
		}
	}
	if s == "" {
		return false
	}
	if s[0] >= '0' && s[0] <= '9' {
		return true
	}
	if romanRe.MatchString(s) {
		return true
	}
	for _, part := range strings.Split(s, "-") {
		if !numberWords[part] {
			return false
		}
	}
	return true
}

// romanRe matches a well-formed lower-case roman numeral ("xiv", not
// "mild").
var romanRe = regexp.MustCompile(`^m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})$`)

// headingRest reports whether what follows a heading's number can end a
// heading: nothing, a separator and a title ("Chapter 3: The Lake",
// "CHAPTER I. BRETTON."), a title in capitals ("Chapter 1 The Boy Who
// Lived"), or words in lower case that do not end as a sentence does;
// not the rest of a sentence ("Chapter one of her life was over, she
// thought.").
func headingRest(rest []byte) bool {
	rest = bytes.TrimSpace(rest)
	if len(rest) == 0 {
		return true
	}
	r, _ := utf8.DecodeRune(rest)
	switch r {
	case '.', ':', '-', '–', '—', ')', ']', '(', '[', '~', '|', '*', '_':
		return true
	}
	if !unicode.IsLower(r) {
		return true
	}
	last, _ := utf8.DecodeLastRune(rest)
	switch last {
	case '.', '!', '?', ',', ';', '"', '\'', '\u201D', '\u2019', '\u2026':
		return false
	}
	return true
}

// isCapsHeading: a short line with at least three letters, all of them
// capitals, not opening with a quote and not an exclamation ("BRETTON.",
// "ALMAYER'S FOLLY"). Letters of a script without capitals (Arabic,
// Chinese) make no caps line. Where it stands decides whether it is a
// heading (see headingKind): "GET OUT." between paragraphs is a shout.
func isCapsHeading(b []byte) bool {
	if len(b) == 0 || utf8.RuneCount(b) > maxHeading {
		return false
	}
	r0, _ := utf8.DecodeRune(b)
	if isQuoteRune(r0) {
		return false
	}
	last, _ := utf8.DecodeLastRune(b)
	if last == '!' || last == '?' || last == ',' {
		return false
	}
	capitals := 0
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		i += n
		switch {
		case unicode.IsUpper(r):
			capitals++
		case unicode.IsLower(r):
			return false
		case unicode.IsLetter(r) && !unicode.IsTitle(r) && !unicode.IsMark(r):
			return false
		}
	}
	return capitals >= 3
}

// isTitleLine: a short line that does not end like a sentence, as a title or
// byline does ("Bittersweet Goodbye", "by Joseph Conrad").
func isTitleLine(b []byte) bool {
	if len(b) == 0 || utf8.RuneCount(b) > 60 {
		return false
	}
	r0, _ := utf8.DecodeRune(b)
	if isQuoteRune(r0) || !(unicode.IsUpper(r0) || unicode.IsDigit(r0) || bytes.HasPrefix(b, []byte("by "))) {
		return false
	}
	last, _ := utf8.DecodeLastRune(b)
	switch last {
	case '.', '!', '?', ',', ';', '"', '\'', '\u201D', '\u2019', '\u2026', '\u2014', '\u2013', '-':
		// A sentence's end, or a line broken off ("He ran—").
		return false
	}
	return len(bytes.Fields(b)) <= 10
}

func isQuoteRune(r rune) bool {
	switch r {
	case '"', '\'', '\u201C', '\u201D', '\u2018', '\u2019', '«', '»':
		return true
	}
	return false
}

// isStructureLine reports a line that is structure whatever its
// neighbours: it never joins a paragraph.
func isStructureLine(src []byte, l line) bool {
	b := src[l.start:l.end]
	_, md := markdownHeading(b)
	return md || isSceneBreak(b) || isHeadingLine(b) || isCodeFence(b)
}

// isCodeFence matches a Markdown code fence ("```", "```text"); the
// lines inside are text.
func isCodeFence(b []byte) bool {
	return bytes.HasPrefix(b, []byte("```")) && bytes.IndexFunc(b[3:], func(r rune) bool { return unicode.IsSpace(r) || r == '`' }) < 0
}

// structureLines marks the lines that never join a paragraph: structure
// lines, and lines in capitals that do not carry on a sentence of running
// text on the line before ("BRETTON." after a blank line or a heading,
// under "BY", after a full stop, in the front matter before the first
// sentence). "agent of the" / "FBI." is one sentence, and a line of
// capitals inside it joins it.
func structureLines(src []byte, lines []line) []bool {
	out := make([]bool, len(lines))
	text := false // a line of text has ended a sentence: the front matter is over
	for i, l := range lines {
		if l.blank() {
			continue
		}
		b := src[l.start:l.end]
		switch {
		case isStructureLine(src, l):
			out[i] = true
		case isCapsHeading(b):
			if !text || i == 0 || lines[i-1].blank() || out[i-1] {
				out[i] = true
				break
			}
			prev := src[lines[i-1].start:lines[i-1].end]
			out[i] = endsSentence(prev) || !bytes.ContainsFunc(prev, unicode.IsLower)
		default:
			text = text || endsSentence(b)
		}
	}
	return out
}

// classify turns line units into blocks, numbering paragraphs, chapters and
// scenes.
//
// A story in which title-like lines are all there is ("He ran", "I love
// you") is not all title: it is classified again with none of them taken
// for a heading, so that its lines are its paragraphs.
func classify(src []byte, lines []line, units []unit) []Block {
	blocks, titles, paragraphs := classifyUnits(src, lines, units, true)
	if paragraphs == 0 && titles > 0 {
		blocks, _, _ = classifyUnits(src, lines, units, false)
	}
	return blocks
}

// classifyUnits is classify, taking title-like lines for headings where
// a title can be when titles is set; it also returns how many lines it
// took for titles, and how many paragraphs it found.
func classifyUnits(src []byte, lines []line, units []unit, titles bool) ([]Block, int, int) {
	blocks := make([]Block, 0, len(units))
	st := splitState{chapter: 1, scene: 1, noTitles: !titles}
	// Two blank lines before a line set it apart as a heading only in a
	// story where such gaps are rare (some stories put two blank lines
	// between all their paragraphs).
	gaps, wide := 0, 0
	for ui, u := range units {
		if ui > 0 && u.first-units[ui-1].last > 1 {
			gaps++
			if u.first-units[ui-1].last > 2 {
				wide++
			}
		}
	}
	spacing := 4*wide < gaps
	// Whether the story's chapter headings say "Chapter" (see
	// chapterKind).
	for _, u := range units {
		if u.first != u.last {
			continue
		}
		text := src[lines[u.first].start:lines[u.first].end]
		if rest, ok := markdownHeading(text); ok {
			text = rest
		}
		if ok, _ := isChapterHeading(text); ok && hasPrefixFold(text, "ch") {
			st.worded = true
			break
		}
	}
	nTitles := 0
	inComment := false
	for _, u := range units {
		start, end := lines[u.first].start, lines[u.last].end
		text := src[start:end]
		b := Block{Start: start, End: end, Line: lines[u.first].no}
		single := u.first == u.last
		kind := KindParagraph
		if inComment || bytes.HasPrefix(text, []byte("<!--")) && (bytes.HasSuffix(text, []byte("-->")) || !bytes.Contains(text, []byte("-->"))) {
			// An HTML comment in Markdown ("<!-- TODO -->"), on one line
			// or several, is not text.
			inComment = !bytes.HasSuffix(text, []byte("-->"))
			kind = KindHeading
		} else if single {
			spaced := spacing && u.first >= 2 && lines[u.first-1].blank() && lines[u.first-2].blank()
			var title bool
			if kind, title = st.headingKind(text, spaced, blocks); title {
				nTitles++
			}
		}
		b.Kind = kind
		switch kind {
		case KindParagraph:
			st.index++
			st.sinceChapter++
			b.Index = st.index
		case KindChapter:
			if rest, ok := markdownHeading(text); ok {
				text = rest
			}
			_, first := isChapterHeading(text)
			if first && !st.sawChapter {
				st.chapter = 1
			} else if st.sinceChapter > 0 {
				st.chapter++
			}
			st.sawChapter = true
			st.sinceChapter = 0
			st.scene = 1
			st.pov = ""
		case KindSceneBreak:
			if st.sinceScene() {
				st.scene++
			}
		case KindPOV:
			if rest, ok := markdownHeading(text); ok {
				text = rest
			}
			st.pov, _ = povName(text)
		}
		b.Chapter, b.Scene, b.POV = st.chapter, st.scene, st.pov
		if kind == KindSceneBreak || kind == KindChapter {
			st.lastBreak = st.index
		}
		blocks = append(blocks, b)
	}
	return blocks, nTitles, st.index
}

type splitState struct {
	chapter, scene, index int
	sinceChapter          int // paragraphs since the last chapter heading
	lastBreak             int // paragraph index at the last break
	sawChapter            bool
	pov                   string
	noTitles              bool // take no title-like line for a heading
	worded                bool // the story's chapter headings say "Chapter"
}

func (st *splitState) sinceScene() bool { return st.index > st.lastBreak }

// headingKind classifies a one-line unit, and says whether it is a
// heading only for looking like a title. Title-like lines count as
// headings only at the top of the story or right under a chapter heading,
// so that a short fragment of narration ("Silence") stays a paragraph.
// spaced: the line follows two blank lines or more, in a story where such
// gaps are rare.
func (st *splitState) headingKind(b []byte, spaced bool, blocks []Block) (Kind, bool) {
	switch {
	case isSceneBreak(b):
		return KindSceneBreak, false
	case isCodeFence(b):
		return KindHeading, false
	}
	if rest, ok := markdownHeading(b); ok {
		if _, ok := povName(rest); ok {
			return KindPOV, false
		}
		if ok, _ := isChapterHeading(rest); ok {
			return st.chapterKind(rest), false
		}
		return KindHeading, false
	}
	if _, ok := povName(b); ok {
		return KindPOV, false
	}
	if ok, _ := isChapterHeading(b); ok {
		return st.chapterKind(b), false
	}
	if isPartHeading(b) {
		return KindHeading, false
	}
	afterHeading := len(blocks) > 0 && blocks[len(blocks)-1].Kind != KindParagraph && blocks[len(blocks)-1].Kind != KindSceneBreak
	// A line in capitals is a heading at the top of the story, under
	// another heading, when it says what heading it is ("THE END",
	// "LETTER V."), or after two blank lines or more where such gaps are
	// rare; between paragraphs it is otherwise text ("GET OUT.", "WHAT
	// THE HELL", a letter's signature "ROBERT KENNEDY.").
	if isCapsHeading(b) && (st.index == 0 || afterHeading || spaced || capsSectionRe.Match(b)) {
		return KindHeading, false
	}
	if !st.noTitles && (st.index == 0 || afterHeading) && isTitleLine(b) {
		return KindHeading, true
	}
	return KindParagraph, false
}

// chapterKind is the kind of a chapter heading: in a story whose
// chapters say "Chapter", a bare numeral ("I.", "2") numbers a section
// within a chapter (a "5+1" story's parts), not a chapter.
func (st *splitState) chapterKind(b []byte) Kind {
	if st.worded && numeralRe.Match(b) {
		return KindHeading
	}
	return KindChapter
}

// isPartHeading matches "BOOK I", "Part Two", "VOLUME III", "Book the
// First", but not "Part of him wanted to run." or "Book me a table.".
func isPartHeading(b []byte) bool {
	if len(b) == 0 || !strings.ContainsRune("BbPpVv", rune(b[0])) || utf8.RuneCount(b) > maxHeading {
		return false
	}
	m := partRe.FindSubmatch(b)
	if m == nil {
		return false
	}
	n := string(m[1])
	// A roman numeral in lower case is a word ("Book v., chapter xi.").
	if strings.Trim(n, "IVXLCDM") != "" && !isNumberWord(strings.ToLower(n)) || romanRe.MatchString(n) {
		return false
	}
	return headingRest(m[2])
}

// containsFold reports whether b contains the lower-case ASCII string s,
// ignoring ASCII case.
func containsFold(b []byte, s string) bool {
	for i := 0; i+len(s) <= len(b); i++ {
		j := 0
		for j < len(s) {
			c := b[i+j]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != s[j] {
				break
			}
			j++
		}
		if j == len(s) {
			return true
		}
	}
	return false
}

// mayBeChapter is a cheap filter before the chapter expressions: the line
// starts with "ch", a section word, or a numeral followed by a space, a
// point or the end.
func mayBeChapter(b []byte) bool {
	for _, p := range []string{"ch", "prologue", "epilogue", "interlude", "afterword"} {
		if hasPrefixFold(b, p) {
			return true
		}
	}
	i := 0
	for i < len(b) && (b[i] >= '0' && b[i] <= '9' || strings.IndexByte("IVXLCDM", b[i]) >= 0) {
		i++
	}
	return i > 0 && (i == len(b) || b[i] == '.' || b[i] == ' ')
}

func hasPrefixFold(b []byte, p string) bool {
	return len(b) >= len(p) && containsFold(b[:len(p)], p)
}

// hasPOVWord is a cheap filter: b contains "pov", "p.o.v" or "point of
// view" in any case.
func hasPOVWord(b []byte) bool {
	for i, c := range b {
		if c != 'v' && c != 'V' {
			continue
		}
		if i >= 2 && (b[i-1]|0x20) == 'o' && (b[i-2]|0x20) == 'p' {
			return true
		}
		if i >= 4 && (b[i-2]|0x20) == 'o' && (b[i-4]|0x20) == 'p' && b[i-1] == '.' {
			return true
		}
		if i >= 12 && containsFold(b[i-12:i+1], "point of view") {
			return true
		}
	}
	return false
}

// markdownHeading matches a Markdown ATX heading ("# Title", "## Chapter
// 2") and returns its text.
func markdownHeading(b []byte) ([]byte, bool) {
	i := 0
	for i < len(b) && i < 7 && b[i] == '#' {
		i++
	}
	if i == 0 || i > 6 || i >= len(b) || b[i] != ' ' {
		return nil, false
	}
	rest := bytes.TrimSpace(bytes.TrimRight(b[i:], "#"))
	return rest, len(rest) > 0
}
