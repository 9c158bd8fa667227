package features

import (
	"math"
)

// Feature names a dense feature and says what it measures.
type Feature struct {
	Name string
	Doc  string
}

// Dense feature indices; Features documents each one.
const (
	FWords = iota
	FDialogue
	FNarrFirst
	FNarrSecond
	FNarrThird
	FNarrI
	FDlgFirst
	FDlgSecond
	FPast
	FPresent
	FSentences
	FMeanSentence
	FMaxSentence
	FExclaim
	FQuestion
	FEllipsis
	FDash
	FComma
	FSemicolon
	FCaps
	FMeanWordLen
	FValence
	FPositive
	FNegative
	FMaxValence
	FMinValence
	FStartsQuote
	FOpenAtEnd
	NumDense
)

// Features documents the dense features, in Vector.Dense order.
var Features = [NumDense]Feature{
	FWords:        {"words", "number of words (letters or digits) in the paragraph"},
	FDialogue:     {"dialogue", "share of words inside quotation marks, 0–1"},
	FNarrFirst:    {"narr_first", "first-person pronouns (I, me, my, we, us, our… and their contractions) per word of narration, i.e. outside quotation marks"},
	FNarrSecond:   {"narr_second", "second-person pronouns (you, your, yourself, Y/N, thou, thee, ye…) per word of narration"},
	FNarrThird:    {"narr_third", "third-person personal pronouns (he, him, his, she, her, they, them…) per word of narration"},
	FNarrI:        {"narr_i_present", "1 when the narration contains a first-person singular pronoun, else 0"},
	FDlgFirst:     {"dlg_first", "first-person pronouns per word of dialogue"},
	FDlgSecond:    {"dlg_second", "second-person pronouns per word of dialogue"},
	FPast:         {"past", "past-tense cues (was, had, said, -ed forms…) per word of narration"},
	FPresent:      {"present", "present-tense cues (is, are, has, says, don't…) per word of narration"},
	FSentences:    {"sentences", "number of sentences (runs ended by . ! ? or the paragraph end)"},
	FMeanSentence: {"mean_sentence", "mean sentence length in words"},
	FMaxSentence:  {"max_sentence", "longest sentence in words"},
	FExclaim:      {"exclaim", "exclamation marks per sentence"},
	FQuestion:     {"question", "question marks per sentence"},
	FEllipsis:     {"ellipsis", "ellipses (… or ...) per sentence"},
	FDash:         {"dash", "dashes (—, –, --) per sentence"},
	FComma:        {"comma", "commas per word"},
	FSemicolon:    {"semicolon", "semicolons and colons per sentence"},
	FCaps:         {"caps", "all-capital words of two or more letters per word"},
	FMeanWordLen:  {"mean_word_len", "mean word length in bytes"},
	FValence:      {"valence", "mean VADER valence of the lexicon words, negation-flipped (-4..4); 0 when none"},
	FPositive:     {"positive", "summed positive VADER valence per word"},
	FNegative:     {"negative", "summed negative VADER valence per word, as a positive number"},
	FMaxValence:   {"max_valence", "largest VADER word valence in the paragraph"},
	FMinValence:   {"min_valence", "smallest VADER word valence in the paragraph"},
	FStartsQuote:  {"starts_quote", "1 when the paragraph opens with a quotation mark"},
	FOpenAtEnd:    {"open_at_end", "1 when a quotation is still open at the paragraph's end"},
}

// negationScale is VADER's factor for a word preceded by a negation.
const negationScale = -0.74

// Vector is a paragraph's features: the dense named features and its
// stems in text order (nil when an Analyzer bound to a vocabulary read
// it: Doc.Bag gives those). Vocabulary.Bag turns the stems into
// vocabulary indices.
type Vector struct {
	Dense [NumDense]float64
	Stems []string
}

// Vectorize computes the features of an analysed paragraph.
// It is deterministic: the same text always gives the same vector. The
// Stems are left out when the Doc comes from an Analyzer bound to a
// vocabulary: Doc.Bag gives the ones that count.
func Vectorize(d *Doc) Vector {
	var v Vector
	if d.Vocab == nil {
		v.Stems = d.Stems()
	}
	dense := &v.Dense
	var narr, dlg, narrP [4]float64
	var narrWords, dlgWords float64
	var past, present float64
	var lexN, lexSum, pos, neg float64
	maxV, minV := 0.0, 0.0
	var caps, wordLen float64
	negWindow := 0
	wi := 0
	for _, t := range d.Tokens {
		if t.Kind != Word && t.Kind != Number {
			continue
		}
		f := d.forms[wi]
		wi++
		wordLen += float64(t.End - t.Start)
		if t.Quoted {
			dlgWords++
			dlg[f.person]++
		} else {
			narrWords++
			narrP[f.person]++
			if f.name == "i" || f.name == "me" || f.name == "my" || f.name == "i'm" || f.name == "myself" {
				narr[First]++
			}
			switch f.tense {
			case -1:
				past++
			case 1:
				present++
			}
		}
		if f.valence != 0 {
			val := f.valence
			if negWindow > 0 {
				val *= negationScale
			}
			lexN++
			lexSum += val
			if val > 0 {
				pos += val
			} else {
				neg -= val
			}
			maxV = math.Max(maxV, val)
			minV = math.Min(minV, val)
		}
		if negWindow > 0 {
			negWindow--
		}
		if f.negator {
			negWindow = 3
		}
		if isCapsWord(d.Text[t.Start:t.End]) {
			caps++
		}
	}
	words := float64(d.Words)
	dense[FWords] = words
	dense[FDialogue] = d.DialogueShare()
	dense[FNarrFirst] = ratio(narrP[First], narrWords)
	dense[FNarrSecond] = ratio(narrP[Second], narrWords)
	dense[FNarrThird] = ratio(narrP[Third], narrWords)
	if narr[First] > 0 {
		dense[FNarrI] = 1
	}
	dense[FDlgFirst] = ratio(dlg[First], dlgWords)
	dense[FDlgSecond] = ratio(dlg[Second], dlgWords)
	dense[FPast] = ratio(past, narrWords)
	dense[FPresent] = ratio(present, narrWords)
	punctFeatures(d, dense)
	dense[FCaps] = ratio(caps, words)
	dense[FMeanWordLen] = ratio(wordLen, words)
	dense[FValence] = ratio(lexSum, lexN)
	dense[FPositive] = ratio(pos, words)
	dense[FNegative] = ratio(neg, words)
	dense[FMaxValence] = maxV
	dense[FMinValence] = minV
	if len(d.Tokens) > 0 && d.Tokens[0].Kind == OpenQuote {
		dense[FStartsQuote] = 1
	}
	if d.OpenAtEnd {
		dense[FOpenAtEnd] = 1
	}
	return v
}

// punctFeatures fills the sentence and punctuation features.
func punctFeatures(d *Doc, dense *[NumDense]float64) {
	var sentences, cur, maxLen, total float64
	var excl, quest, ell, dash, comma, semi float64
	for _, t := range d.Tokens {
		switch t.Kind {
		case Word, Number:
			cur++
			total++
			continue
		case Punct:
		default:
			continue
		}
		p := d.Text[t.Start:t.End]
		switch {
		case len(p) == 1 && (p[0] == '.' || p[0] == '!' || p[0] == '?'):
			switch p[0] {
			case '!':
				excl++
			case '?':
				quest++
			}
			if cur > 0 {
				sentences++
				maxLen = math.Max(maxLen, cur)
				cur = 0
			}
		case string(p) == "\u2026" || (len(p) >= 3 && p[0] == '.'):
			ell++
		case string(p) == "\u2014" || string(p) == "\u2013" || (len(p) >= 2 && p[0] == '-'):
			dash++
		case len(p) == 1 && p[0] == ',':
			comma++
		case len(p) == 1 && (p[0] == ';' || p[0] == ':'):
			semi++
		}
	}
	if cur > 0 {
		sentences++
		maxLen = math.Max(maxLen, cur)
	}
	dense[FSentences] = sentences
	dense[FMeanSentence] = ratio(total, sentences)
	dense[FMaxSentence] = maxLen
	dense[FExclaim] = ratio(excl, sentences)
	dense[FQuestion] = ratio(quest, sentences)
	dense[FEllipsis] = ratio(ell, sentences)
	dense[FDash] = ratio(dash, sentences)
	dense[FComma] = ratio(comma, total)
	dense[FSemicolon] = ratio(semi, sentences)
}

func ratio(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}

func isCapsWord(w []byte) bool {
	if len(w) < 2 {
		return false
	}
	letters := 0
	for _, c := range w {
		if c >= 'a' && c <= 'z' {
			return false
		}
		if c >= 'A' && c <= 'Z' {
			letters++
		}
	}
	return letters >= 2
}
