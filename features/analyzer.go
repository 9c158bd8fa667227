package features

import (
	"math/bits"
	"slices"
	"strings"
	"sync"

	"github.com/jonreiter/govader"
	"github.com/kljensen/snowball/english"
)

// Person is a grammatical person carried by a pronoun.
type Person uint8

const (
	NoPerson Person = iota
	First
	Second
	Third
)

// wordInfo is what the Analyzer knows of one lower-cased word form.
type wordInfo struct {
	stem    string
	valence float64 // VADER lexicon valence, -4..4; 0 when absent
	person  Person
	tense   int8 // -1 past cue, +1 present cue, 0 none
	negator bool
	name    string // the normalised lower-case form
	// speech: a speech verb ("said"); roleDet: a determiner before a
	// role noun ("the"); role: a role noun ("doctor").
	speech, roleDet, role bool
	// stemIdx is the stem's index from the stem indexer, or -1.
	stemIdx int32
	// col is the stem's column in the Analyzer's vocabulary, or -1.
	col int32
}

// stemIndexer, when set by SetStemIndexer, numbers the stems a caller
// looks up word by word (a lexicon).
var stemIndexer func(stem string) int32

// SetStemIndexer makes Analyzers look each new word's stem up with f
// once and keep the answer, which Doc.StemIndexes returns, so that a
// caller's per-word lookup costs one memo hit instead of a second map
// lookup. f must be safe for concurrent use and answer the same for the
// same stem (-1 for a stem it does not hold); set it from an init
// function, before any Analyzer runs.
func SetStemIndexer(f func(stem string) int32) { stemIndexer = f }

// Analyzer turns paragraphs into Docs: tokens, dialogue spans, stems and
// per-word cues. It memoises every word form it has seen (stem, lexicon
// valence, pronoun person), so the Snowball stemmer runs once per distinct
// word. An Analyzer is not safe for concurrent use: give each goroutine its
// own.
type Analyzer struct {
	words map[string]*wordInfo
	// recent is a direct-mapped cache in front of words, indexed by a
	// hash of the lower-cased form: the common words of a text hit it
	// and skip the map, whose probes miss the processor's caches once a
	// corpus has made it large.
	recent *[recentSize]recentWord
	buf    []byte
	vocab  *Vocabulary
	tokens []Token
	forms  []*wordInfo
	lex    map[string]float64
}

// maxMemo bounds the memo; past it the memo starts again, so memory
// stays bounded on any corpus.
const maxMemo = 1 << 19

// recentSize is the number of slots of Analyzer.recent, a power of two.
const recentSize = 1 << 13

// recentWord is a slot of Analyzer.recent: a word form of up to 15
// bytes, kept in the slot so that a hit reads no other memory, and its
// info.
type recentWord struct {
	n    uint8
	form [15]byte
	info *wordInfo
}

// vaderLexicon is the VADER sentiment lexicon (Hutto & Gilbert, 2014, MIT
// licence), as shipped by github.com/jonreiter/govader, decoded once.
var vaderLexicon = sync.OnceValue(func() map[string]float64 {
	return govader.NewSentimentIntensityAnalyzer().Lexicon
})

// NewAnalyzer returns an Analyzer with an empty memo.
func NewAnalyzer() *Analyzer {
	return &Analyzer{words: make(map[string]*wordInfo, 1<<12), recent: new([recentSize]recentWord), lex: vaderLexicon()}
}

// SetVocabulary binds the Analyzer to a vocabulary: each word it looks
// up from now on carries its stem's column in v, so that Doc.Bag costs
// nothing more, and its Docs give no Stems (Vectorize leaves them out).
// A nil v unbinds it. Changing the vocabulary empties the memo.
func (a *Analyzer) SetVocabulary(v *Vocabulary) {
	if v == a.vocab {
		return
	}
	a.vocab = v
	clear(a.words)
	clear(a.recent[:])
}

// Vocabulary is the vocabulary the Analyzer is bound to, or nil.
func (a *Analyzer) Vocabulary() *Vocabulary { return a.vocab }

// Doc is one analysed paragraph.
type Doc struct {
	// Vocab is the vocabulary of the Analyzer that made the Doc, or nil.
	Vocab  *Vocabulary
	Text   []byte
	Tokens []Token // owned by the Analyzer until its next Analyze call
	// Forms holds, for each Word token in order, its memoised word info.
	forms []*wordInfo
	// Words is the number of Word and Number tokens; DialogueWords those
	// inside quotation marks.
	Words, DialogueWords int
	// OpenAtEnd: a quotation opened in this paragraph was not closed.
	OpenAtEnd bool
}

// StemIndexes appends, for each of the Doc's words in order, its stem's
// index from the stem indexer (see SetStemIndexer), or -1.
func (d *Doc) StemIndexes(dst []int32) []int32 {
	for _, f := range d.forms {
		dst = append(dst, f.stemIdx)
	}
	return dst
}

// Bag appends to dst the sorted, distinct columns of the Doc's stems in
// its vocabulary (see Analyzer.SetVocabulary); without one, none. dst is
// grown once, to its final length.
func (d *Doc) Bag(dst []int) []int {
	if d.Vocab == nil {
		return dst
	}
	var small [8]uint64
	seen := small[:]
	if n := (len(d.Vocab.Stems) + 63) / 64; n > len(small) {
		seen = make([]uint64, n)
	}
	for _, f := range d.forms {
		if f.col >= 0 {
			seen[f.col>>6] |= 1 << (f.col & 63)
		}
	}
	n := 0
	for _, w := range seen {
		n += bits.OnesCount64(w)
	}
	dst = slices.Grow(dst, n)
	for i, w := range seen {
		for ; w != 0; w &= w - 1 {
			dst = append(dst, i*64+bits.TrailingZeros64(w))
		}
	}
	return dst
}

// Stems returns the Snowball stems of the Doc's words, in order. Stop
// words are kept unstemmed (pronouns carry point of view).
func (d *Doc) Stems() []string {
	out := make([]string, len(d.forms))
	for i, f := range d.forms {
		out[i] = f.stem
	}
	return out
}

// DialogueShare is the share of words inside quotation marks, 0–1.
func (d *Doc) DialogueShare() float64 {
	if d.Words == 0 {
		return 0
	}
	return float64(d.DialogueWords) / float64(d.Words)
}

// Analyze tokenizes text and looks up each word. The returned Doc's
// slices are reused by the next call; copy what must outlive it.
func (a *Analyzer) Analyze(text []byte, style QuoteStyle) Doc {
	var open bool
	a.tokens, open = Tokenize(a.tokens[:0], text, style)
	d := Doc{Vocab: a.vocab, Text: text, Tokens: a.tokens, OpenAtEnd: open, forms: a.forms[:0]}
	for _, t := range a.tokens {
		if t.Kind != Word && t.Kind != Number {
			continue
		}
		d.Words++
		if t.Quoted {
			d.DialogueWords++
		}
		d.forms = append(d.forms, a.lookup(text[t.Start:t.End]))
	}
	a.forms = d.forms
	return d
}

// lookup returns the memoised info of a word, lower-casing it and folding
// the typographic apostrophe to a straight one.
func (a *Analyzer) lookup(w []byte) *wordInfo {
	a.buf = a.buf[:0]
	h := uint32(2166136261) // FNV-1a over the normalised bytes
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		case c == 0xE2 && i+2 < len(w) && w[i+1] == 0x80 && w[i+2] == 0x99:
			c = '\''
			i += 2
		case c >= 0x80:
			// Non-ASCII: lower-case the rest through strings.ToLower.
			rest := strings.ToLower(strings.ReplaceAll(string(w[i:]), "\u2019", "'"))
			for j := 0; j < len(rest); j++ {
				h = (h ^ uint32(rest[j])) * 16777619
			}
			a.buf = append(a.buf, rest...)
			i = len(w)
			continue
		}
		h = (h ^ uint32(c)) * 16777619
		a.buf = append(a.buf, c)
	}
	slot := &a.recent[h&(recentSize-1)]
	if int(slot.n) == len(a.buf) && string(slot.form[:slot.n]) == string(a.buf) && slot.info != nil {
		return slot.info
	}
	info, ok := a.words[string(a.buf)]
	if !ok {
		if len(a.words) >= maxMemo {
			clear(a.words)
			clear(a.recent[:])
		}
		key := string(a.buf)
		info = newWordInfo(key, a.lex, a.vocab)
		a.words[key] = info
	}
	if len(a.buf) <= len(slot.form) {
		slot.n = uint8(copy(slot.form[:], a.buf))
		slot.info = info
	}
	return info
}

func newWordInfo(w string, lex map[string]float64, vocab *Vocabulary) *wordInfo {
	info := &wordInfo{name: w, valence: lex[w], person: personOf(w), negator: negators[w] || strings.HasSuffix(w, "n't")}
	info.tense = tenseOf(w)
	info.speech, info.roleDet, info.role = speechVerbs[w], roleDeterminers[w], roleNouns[strings.TrimSuffix(w, "'s")]
	info.stem = english.Stem(w, false)
	info.stemIdx, info.col = -1, -1
	if vocab != nil {
		if k, ok := vocab.index[info.stem]; ok {
			info.col = int32(k)
		}
	}
	if stemIndexer != nil {
		info.stemIdx = stemIndexer(info.stem)
	}
	return info
}

var pronouns = map[string]Person{}

var negators = map[string]bool{}

var pastCues, presentCues = map[string]bool{}, map[string]bool{}

func init() {
	for p, list := range map[Person]string{
		First:  "i me my mine myself we us our ours ourselves i'm i've i'd i'll we're we've we'd we'll",
		Second: "you your yours yourself yourselves you're you've you'd you'll y/n thou thee thy thine thyself ye",
		Third:  "he him his himself she her hers herself they them their theirs themselves he's he'd he'll she's she'd she'll they're they've they'd they'll",
	} {
		for _, w := range strings.Fields(list) {
			pronouns[w] = p
		}
	}
	for _, w := range strings.Fields("not no never none nothing nobody nowhere neither nor without hardly barely cannot") {
		negators[w] = true
	}
	for _, w := range strings.Fields("was were had did said went came saw knew thought felt told looked seemed could would wasn't weren't hadn't didn't couldn't wouldn't") {
		pastCues[w] = true
	}
	for _, w := range strings.Fields("is are am has does says goes comes sees knows thinks feels tells looks seems can will isn't aren't hasn't doesn't don't can't won't i'm you're he's she's it's we're they're") {
		presentCues[w] = true
	}
}

func personOf(w string) Person { return pronouns[w] }

func tenseOf(w string) int8 {
	switch {
	case pastCues[w]:
		return -1
	case presentCues[w]:
		return 1
	case len(w) > 4 && strings.HasSuffix(w, "ed"):
		return -1
	}
	return 0
}
