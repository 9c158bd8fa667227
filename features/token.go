package features

import (
	"bytes"
	"unicode"
	"unicode/utf8"
)

// TokenKind says what a Token is.
type TokenKind uint8

const (
	// Word: letters with inner apostrophes and hyphens ("don't",
	// "Caroline's", "well-known"), elisions ("'em", "'tis") and "Y/N".
	Word TokenKind = iota
	// Number: digits with inner separators ("500", "1,500", "3.14").
	Number
	// Punct: a punctuation mark; dashes ("—", "--") and ellipses ("…",
	// "...") are one token each.
	Punct
	// OpenQuote and CloseQuote are quotation marks that open or close
	// dialogue.
	OpenQuote
	CloseQuote
)

// Token is a span of a paragraph's text. Start and End are byte offsets
// into the text given to the Tokenizer. Quoted is true inside dialogue.
type Token struct {
	Start, End int
	Kind       TokenKind
	Quoted     bool
}

// QuoteStyle is the quotation mark a story uses for dialogue.
type QuoteStyle uint8

const (
	// DoubleQuotes: "…" or “…”; single quotes are apostrophes or quotes
	// within quotes.
	DoubleQuotes QuoteStyle = iota
	// SingleQuotes: '…' or ‘…’, as many British novels print dialogue;
	// apostrophes are told apart by the letters around them.
	SingleQuotes
	// ColonSpeech: speech printed without quotation marks, introduced by
	// a speech verb and a colon and running to the end of the paragraph
	// ("and said: I say nought, lady…", as William Morris prints it).
	// Quotation marks that do occur are read as in DoubleQuotes.
	ColonSpeech
	// DashSpeech: speech opened by a dash at the start of its paragraph,
	// each later dash there (not one inside a word) turning from speech
	// to narration and back ("— I can't, — he said. — Go.", "—Hola
	// —dijo ella—. ¿Vienes?"), as many translations and Spanish, Russian
	// or French books print it. Quotation marks that do occur are read
	// as in DoubleQuotes.
	DashSpeech
)

// closers maps each opening double quotation mark to the mark that closes
// it; a straight mark closes itself.
var closers = map[rune]rune{'"': '"', '\u201C': '\u201D', '«': '»', '\u201E': '\u201C', '「': '」', '『': '』'}

// isDoubleMark: a double quotation mark, opening or closing (the keys and
// values of closers).
func isDoubleMark(r rune) bool {
	switch r {
	case '"', '\u201C', '\u201D', '«', '»', '\u201E', '「', '」', '『', '』':
		return true
	}
	return false
}

// isSpeechDash: an em dash, a horizontal bar, or an en dash.
func isSpeechDash(r rune) bool { return r == '\u2014' || r == '\u2015' || r == '\u2013' }

// minDashSpeech is how many paragraphs must open with a dash before a
// story is read as DashSpeech.
const minDashSpeech = 3

// countDashParagraphs counts lines that open with a dash and then a letter
// or a space and a letter (each line of a hard-wrapped paragraph counts,
// but speech opens a paragraph, and a wrapped line seldom opens with a
// dash).
func countDashParagraphs(src []byte) int {
	n := 0
	for i := 0; i < len(src); {
		j := i
		for j < len(src) && (src[j] == ' ' || src[j] == '\t') {
			j++
		}
		if r, w := utf8.DecodeRune(src[j:]); isSpeechDash(r) {
			k := j + w
			if k < len(src) && src[k] == ' ' {
				k++
			}
			if r2, _ := utf8.DecodeRune(src[k:]); unicode.IsLetter(r2) || r2 == '¿' || r2 == '¡' {
				n++
			}
		}
		// The next line: after LF, or CR alone (old Mac OS line ends).
		next := bytes.IndexAny(src[i:], "\n\r")
		if next < 0 {
			break
		}
		i += next + 1
	}
	return n
}

// DetectQuoteStyle picks the dialogue quotation style of a story: single
// quotes when opening single quotes (‘, or ' after a space and before a
// letter) outnumber double quotation marks; ColonSpeech when speech verbs
// followed by a colon ("said: ") outnumber both, in at least
// minColonSpeech places.
func DetectQuoteStyle(src []byte) QuoteStyle {
	doubles := bytes.Count(src, []byte{'"'}) + bytes.Count(src, []byte("\u201C")) + bytes.Count(src, []byte("\u201D")) + bytes.Count(src, []byte("\u201E"))
	singles := bytes.Count(src, []byte("\u2018"))
	for i := 1; i+1 < len(src); i++ {
		j := bytes.IndexByte(src[i:len(src)-1], '\'')
		if j < 0 {
			break
		}
		i += j
		prev, next := src[i-1], src[i+1]
		if (prev == ' ' || prev == '\n' || prev == '\r' || prev == '\t' || prev == '(') && isLetter(rune(next)) {
			singles++
		}
	}
	if colons := countColonSpeech(src); colons >= minColonSpeech && colons > singles && colons > doubles {
		return ColonSpeech
	}
	// A speech is two marks in the quoted styles, one dash here.
	if dashes := countDashParagraphs(src); dashes >= minDashSpeech && 2*dashes > singles && 2*dashes > doubles {
		return DashSpeech
	}
	if singles > doubles {
		return SingleQuotes
	}
	return DoubleQuotes
}

// minColonSpeech is how many "said: " a story needs before it is read as
// ColonSpeech: a few are ordinary in quoted stories too.
const minColonSpeech = 10

// countColonSpeech counts colons that open speech: a colon followed by a
// space whose clause names a speech verb in its last three words.
func countColonSpeech(src []byte) int {
	n := 0
	for i := 0; i < len(src)-1; i++ {
		j := bytes.IndexByte(src[i:len(src)-1], ':')
		if j < 0 {
			break
		}
		i += j
		if c := src[i+1]; c != ' ' && c != '\n' {
			continue
		}
		if speechBefore(src[max(0, i-40):i]) {
			n++
		}
	}
	return n
}

// speechBefore reports whether one of the last three words of b, with
// nothing but spaces between them, is a speech verb ("said", "spake and
// said", "said the knight").
func speechBefore(b []byte) bool {
	end := len(b)
	for w := 0; w < 3; w++ {
		for end > 0 && (b[end-1] == ' ' || b[end-1] == '\n') {
			end--
		}
		start := end
		for start > 0 && isLetter(rune(b[start-1])) {
			start--
		}
		if start == end || end-start > 12 {
			return false
		}
		var low [12]byte
		for k := start; k < end; k++ {
			low[k-start] = b[k] | 0x20
		}
		if speechVerbs[string(low[:end-start])] {
			return true
		}
		end = start
		if end > 0 && b[end-1] != ' ' && b[end-1] != '\n' {
			return false
		}
	}
	return false
}

// Tokenize appends the tokens of text to dst and returns it. Dialogue
// state starts closed at the start of text: a paragraph that opens a quote
// without closing it leaves its remainder quoted, and the next paragraph of
// a continued speech opens again with its own quotation mark, as printed.
// OpenAtEnd reports whether a quotation was still open at the end (speech
// opened by a colon in ColonSpeech ends with its paragraph).
func Tokenize(dst []Token, text []byte, style QuoteStyle) (tokens []Token, openAtEnd bool) {
	base := len(dst)
	colonSpeech, dashSpeech := style == ColonSpeech, style == DashSpeech
	if colonSpeech || dashSpeech {
		style = DoubleQuotes
	}
	byColon := false // the open speech was opened by a colon or dash: it ends with the paragraph
	byDash := false  // the paragraph opened with a speech dash: its dashes turn speech on and off
	inQuote, opened := false, false
	// nest holds the closing marks the open quotations wait for,
	// outermost first: a quotation of another kind may sit inside
	// («… „…“ …», 「…『…』…」).
	var nest []rune
	prev := rune(' ') // the rune before i
	for i := 0; i < len(text); {
		r, n := decode(text, i)
		switch {
		case dashSpeech && isSpeechDash(r) && (len(dst) == base || byDash) && !(isAlnum(prev) && isAlnum(peek(text, i+n))):
			// A dash that opens a paragraph opens speech; later ones
			// turn it off and on (one inside a word, "well—known", is a
			// dash).
			byDash = true
			if inQuote {
				dst = append(dst, Token{Start: i, End: i + n, Kind: CloseQuote, Quoted: true})
				inQuote, byColon = false, false
			} else {
				dst = append(dst, Token{Start: i, End: i + n, Kind: OpenQuote, Quoted: true})
				inQuote, opened, byColon = true, true, true
			}
		case r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\u00A0' || unicode.IsSpace(r):
			// skip
		case isWordStart(r):
			end := scanWord(text, i)
			kind := Word
			if r >= '0' && r <= '9' {
				kind = Number
				if end2 := scanNumber(text, i); end2 >= end {
					end = end2
				} else if !hasLetter(text[i:end]) {
					end = end2
				} else {
					kind = Word
				}
			}
			dst = append(dst, Token{Start: i, End: end, Kind: kind, Quoted: inQuote})
			prev, _ = utf8.DecodeLastRune(text[i:end])
			i = end
			continue
		case isDoubleMark(r):
			if byDash || style == SingleQuotes && r < '\u3000' {
				// Where dashes mark the speech, or single quotes do, a
				// double mark is punctuation.
				dst = append(dst, Token{Start: i, End: i + n, Kind: Punct, Quoted: inQuote})
				break
			}
			if k := len(nest); k > 1 && r == nest[k-1] || k > 0 && inQuote && r != '"' && nest[0] != '"' && closers[r] != 0 && closers[r] != nest[k-1] && r != nest[k-1] {
				// An inner quotation closes, or one of another kind opens
				// inside the open one: quoted punctuation. Not inside a
				// straight-quoted one, where a wrong-way curly mark is a
				// slip ("Hello,“ she said), not a quotation.
				if r == nest[k-1] {
					nest = nest[:k-1]
				} else {
					nest = append(nest, closers[r])
				}
				dst = append(dst, Token{Start: i, End: i + n, Kind: Punct, Quoted: true})
				break
			}
			next, _ := decode(text, i+n)
			open := opensQuote(r, prev, next, inQuote)
			if len(nest) == 1 && r == nest[0] && r != '"' {
				// The mark the opening one waits for closes (German „…“);
				// straight marks go by the spaces around them.
				open = false
			}
			if open && !inQuote {
				nest = append(nest[:0], closers[r])
			}
			if !open && !inQuote && !opened {
				// A closing mark before any opening one: the opening mark
				// is missing ("We're going," she said), so the text so
				// far was speech.
				for j := base; j < len(dst); j++ {
					dst[j].Quoted = true
				}
				inQuote = true
			}
			opened = opened || open
			dst, inQuote = quoteToken(dst, i, n, open, inQuote)
			if !inQuote {
				nest = nest[:0]
			}
			byColon = false
		case r == '\'' || r == '\u2018' || r == '\u2019':
			next, _ := decode(text, i+n)
			if isWordStart(next) && !isLetter(prev) && (style == DoubleQuotes || inQuote) && isElision(text[i+n:]) {
				end := scanWord(text, i+n)
				dst = append(dst, Token{Start: i, End: end, Kind: Word, Quoted: inQuote})
				prev = 'a'
				i = end
				continue
			}
			if style == DoubleQuotes {
				dst = append(dst, Token{Start: i, End: i + n, Kind: Punct, Quoted: inQuote})
				break
			}
			open := opensSingle(r, prev, next, inQuote)
			if !open && inQuote && r == '\'' && (prev == 's' || prev == 'S') && laterCloser(text[i+n:]) {
				// "the Joneses' dog": a plural possessive while a later mark
				// can still close the quotation.
				dst = append(dst, Token{Start: i, End: i + n, Kind: Punct, Quoted: inQuote})
				break
			}
			if !open && !inQuote {
				// A closing-looking mark with nothing open: an apostrophe
				// ("the Joneses' house", "goin'").
				dst = append(dst, Token{Start: i, End: i + n, Kind: Punct, Quoted: inQuote})
				break
			}
			dst, inQuote = quoteToken(dst, i, n, open, inQuote)
		case r == '-' && i+1 < len(text) && text[i+1] == '-':
			end := i
			for end < len(text) && text[end] == '-' {
				end++
			}
			dst = append(dst, Token{Start: i, End: end, Kind: Punct, Quoted: inQuote})
			prev = '-'
			i = end
			continue
		case r == ':' && colonSpeech && !inQuote && speechBefore(text[max(0, i-40):i]):
			// The colon opens unmarked speech that runs to the end of
			// the paragraph.
			dst = append(dst, Token{Start: i, End: i + n, Kind: OpenQuote, Quoted: true})
			inQuote, opened, byColon = true, true, true
		case r == '.' && i+2 < len(text) && text[i+1] == '.' && text[i+2] == '.':
			end := i
			for end < len(text) && (text[end] == '.' || (text[end] == ' ' && end+1 < len(text) && text[end+1] == '.')) {
				end++
			}
			dst = append(dst, Token{Start: i, End: end, Kind: Punct, Quoted: inQuote})
			prev = '.'
			i = end
			continue
		default:
			dst = append(dst, Token{Start: i, End: i + n, Kind: Punct, Quoted: inQuote})
		}
		prev = r
		i += n
	}
	return dst, inQuote && !byColon
}

// isAlnum reports a letter or a digit.
func isAlnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// peek is the rune at i, or a space past the end.
func peek(text []byte, i int) rune {
	r, _ := decode(text, i)
	return r
}

func decode(text []byte, i int) (rune, int) {
	if i >= len(text) {
		return ' ', 0
	}
	if c := text[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRune(text[i:])
}

func quoteToken(dst []Token, i, n int, open, inQuote bool) ([]Token, bool) {
	if open {
		return append(dst, Token{Start: i, End: i + n, Kind: OpenQuote, Quoted: true}), true
	}
	if inQuote {
		return append(dst, Token{Start: i, End: i + n, Kind: CloseQuote, Quoted: true}), false
	}
	return append(dst, Token{Start: i, End: i + n, Kind: Punct}), false
}

// opensQuote decides whether a double quotation mark opens dialogue. Curly
// marks say so themselves; a straight mark opens after a space or an
// opening bracket and before a non-space, closes after a non-space, and
// otherwise toggles.
func opensQuote(r, prev, next rune, inQuote bool) bool {
	switch r {
	case '\u201C', '«', '\u201E', '「', '『':
		return true
	case '\u201D', '»', '」', '』':
		return false
	}
	before := unicode.IsSpace(prev) || prev == '(' || prev == '[' || prev == '\u2014' || prev == '-'
	after := unicode.IsSpace(next) || next == ' '
	switch {
	case before && !after:
		return true
	case !before && after:
		return false
	case !before && !after && unicode.IsPunct(next):
		return false
	}
	return !inQuote
}

// opensSingle decides whether a single quotation mark opens dialogue in a
// single-quote story; it is called only for marks that are not part of a
// word.
func opensSingle(r, prev, next rune, inQuote bool) bool {
	before := unicode.IsSpace(prev) || prev == '(' || prev == '[' || prev == '\u2014' || prev == '-' || prev == '"'
	if r == '\u2018' {
		return !inQuote || before
	}
	if isLetter(prev) && isLetter(next) {
		return false // an apostrophe inside a word, not reached normally
	}
	if before && !unicode.IsSpace(next) {
		return !inQuote || r == '\''
	}
	return false
}

func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z')
	}
	return unicode.IsLetter(r)
}

func isWordStart(r rune) bool {
	if r < utf8.RuneSelf {
		return ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z') || ('0' <= r && r <= '9')
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func hasLetter(b []byte) bool {
	for _, r := range string(b) {
		if isLetter(r) {
			return true
		}
	}
	return false
}

// scanWord returns the end of the word starting at i: letters and digits,
// joined by an apostrophe or hyphen when a letter follows, and "Y/N".
func scanWord(text []byte, i int) int {
	start := i
	for i < len(text) {
		r, n := decode(text, i)
		if isWordStart(r) || unicode.Is(unicode.Mn, r) {
			i += n
			continue
		}
		if r == '\'' || r == '\u2019' || r == '-' || r == '\u2010' {
			next, _ := decode(text, i+n)
			if i+n < len(text) && isLetter(next) {
				i += n
				continue
			}
		}
		if r == '/' && i-start == 1 && (text[start] == 'Y' || text[start] == 'y') && i+1 < len(text) && (text[i+1] == 'N' || text[i+1] == 'n') {
			i += 2
			continue
		}
		break
	}
	return i
}

// scanNumber returns the end of the number starting at i, with inner
// commas and points between digits.
func scanNumber(text []byte, i int) int {
	for i < len(text) {
		c := text[i]
		if c >= '0' && c <= '9' {
			i++
			continue
		}
		if (c == ',' || c == '.' || c == ':') && i+1 < len(text) && text[i+1] >= '0' && text[i+1] <= '9' {
			i++
			continue
		}
		break
	}
	return i
}

var elisions = []string{"em", "tis", "twas", "twere", "til", "cause", "bout", "im", "er"}

// isElision reports whether b, the text after an apostrophe, begins with a
// common elided word ("'em", "'tis", "'cause") followed by a non-letter.
func isElision(b []byte) bool {
	for _, e := range elisions {
		if len(b) < len(e) {
			continue
		}
		match := true
		for j := 0; j < len(e); j++ {
			c := b[j]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != e[j] {
				match = false
				break
			}
		}
		if !match {
			continue
		}
		if len(b) == len(e) {
			return true
		}
		r, _ := decode(b, len(e))
		if !isLetter(r) {
			return true
		}
	}
	return false
}

// laterCloser reports whether b holds a single quotation mark that can
// close a quotation: after a non-space, before a space, punctuation or the
// end.
func laterCloser(b []byte) bool {
	for i := 1; i < len(b); i++ {
		if b[i] != '\'' || b[i-1] == ' ' || b[i-1] == '\n' {
			continue
		}
		if i+1 == len(b) || !isLetter(rune(b[i+1])) {
			return true
		}
	}
	return false
}
