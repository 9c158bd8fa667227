package features

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
)

// Mention is a capitalised name in a paragraph: "Stefan", "Stefan
// Salvatore", "Mr. Harding" (Title "mr", Name "Harding").
type Mention struct {
	Name       string // the name's words, space-separated, possessive removed
	Title      string // a preceding honorific, lower case without the point ("mr", "lady"), or ""
	Word       int    // index of the name's first word among the paragraph's words
	Initial    bool   // the mention starts a sentence (so its capital may be grammar)
	Quoted     bool   // inside dialogue
	Possessive bool   // "Caroline's"
	Speaker    bool   // next to a speech verb ("said Elena", "Stefan asked")
	// Tagged: the name follows a closing quotation mark and a speech verb
	// follows it at once ("Stay?" Hannibal asked): the tag goes on with
	// the quoted sentence, so a capital there is more likely a name's
	// own even when a question or exclamation closed the quotation.
	Tagged bool
	// Vocative: a name in dialogue that addresses someone, set off by
	// commas or the quotation marks ("You forget, Capataz, I was…").
	Vocative bool
	// Gender is the pronoun evidence for a narration mention that is
	// its sentence's subject: +1 for each "himself" or "he" that stands
	// for it, -1 for "herself" or "she" (see genderEvidence).
	Gender int
	// Role: a character the text designates by a role noun after a
	// determiner ("the doctor", "my aunt", "the old Stranger"); Name is
	// the noun capitalised ("Doctor") and Word the determiner's index.
	Role bool
	// Agent: a narration mention followed at once by a verb ("Mary
	// turned", "Stefan had gone"): it is a clause's subject, acting.
	Agent bool
}

// PronounCounts are the third-person singular pronouns of a paragraph's
// narration, for agreement with a recent mention.
type PronounCounts struct {
	Masculine, Feminine int
	// SubjectMasculine and SubjectFeminine count the narration's
	// sentences that start with "he" or "she".
	SubjectMasculine, SubjectFeminine int
	// SpeakerMasculine and SpeakerFeminine count pronouns next to a
	// speech verb ("he said", "said she").
	SpeakerMasculine, SpeakerFeminine int
	// SpeakerFirst counts a narration "I" next to a speech verb ("said
	// I", "I asked"): the narrator speaks.
	SpeakerFirst int
	// Uses are the narration's third-person singular pronouns in order,
	// so that each can be resolved to the name before it.
	Uses []PronounUse
}

// PronounUse is one third-person singular pronoun of the narration.
type PronounUse struct {
	Word     int32 // index among the paragraph's words
	Feminine bool  // she/her/hers/herself, else he/him/his/himself
	Subject  bool  // "he" or "she": the subject of a clause
}

var honorifics = map[string]bool{}
var notNames = map[string]bool{}
var speechVerbs = map[string]bool{}

// roleNouns designate a person without a name: professions, ranks,
// the elder kin ("my aunt"). Plain nouns (man, girl) and the kin of
// equals (husband, sister) are left out: they mostly point at named
// characters. A story that never names
// a character labels them so ("the bishop" → Bishop).
var roleNouns = map[string]bool{}

// roleDeterminers come before a role noun that designates one person.
var roleDeterminers = map[string]bool{"the": true, "my": true, "our": true}

func init() {
	for _, w := range strings.Fields(`mr mrs miss ms dr lady lord sir madame mme monsieur mlle mademoiselle
		captain capt colonel col major general gen aunt uncle professor prof count countess dame master
		mistress sister brother king queen prince princess st saint father mother reverend rev signor
		signora herr frau don donna doctor nurse squire admiral sergeant lieutenant`) {
		honorifics[w] = true
	}
	for _, w := range strings.Fields(`oh ah yes no well now then but and or so yet still perhaps maybe
		god lord heaven heavens christ jesus good dear poor mister sir madam ma'am okay ok hey hi hello
		goodbye please thank thanks sorry wow um uh hmm chapter part book volume prologue epilogue
		monday tuesday wednesday thursday friday saturday sunday january february march april may june
		july august september october november december english french german italian london paris
		england france i'm i've i'll i'd don't can't won't didn't wasn't isn't it's that's there's
		what's let's y/n mr mrs dr none nobody nothing everyone everybody someone somebody anyone even just still yet
		o nay ay aye yea eh ha ho hush amen pooh fie alas indeed certainly never enough done sure hullo hallo
		bravo gad pshaw bah humph tut hurrah farewell adieu good-bye good-night good-morning good-day
		come look go stop hold pray listen wait`) {
		notNames[w] = true
	}
	for _, w := range strings.Fields(`said says say asked asks replied replies cried cries whispered
		whispers shouted shouts answered answers exclaimed exclaims called calls muttered mutters told
		tells added adds continued began murmured murmurs sighed snapped laughed breathed screamed
		yelled repeated returned rejoined observed remarked demanded inquired saith spake quoth
		begged pleaded insisted admitted agreed promised warned explained suggested interrupted
		stammered stuttered mumbled gasped hissed growled groaned sobbed sneered scoffed retorted
		teased reminded questioned`) {
		speechVerbs[w] = true
	}
	for _, w := range strings.Fields(`baby stranger mother father aunt uncle grandmother grandfather
		widow master mistress doctor nurse priest parson vicar rector curate chaplain bishop
		archdeacon minister monk nun abbot abbess friar hermit governess maid housekeeper cook
		butler footman servant coachman groom gardener shepherd farmer miller smith hunter keeper
		landlord landlady innkeeper host hostess lawyer clerk judge magistrate policeman constable
		inspector detective sergeant officer soldier sailor captain colonel major general admiral
		lieutenant squire professor king queen prince princess duke duchess earl countess count
		baron baroness knight witch wizard dwarf giant merchant pedlar peddler beggar tramp thief
		chief headman elder mute cultivator schoolmaster schoolmistress stepmother stepfather`) {
		roleNouns[w] = true
	}
}

// contractionEnds are what a contraction adds after its apostrophe
// ("you've", "he'll", "we're", "I'd", "I'm").
var contractionEnds = map[string]bool{"ll": true, "re": true, "ve": true, "d": true, "m": true}

// isContraction reports whether a lower-case word is a common word with
// a contraction ("you've", "he'll", "couldn't"), not a name ("o'brien").
func isContraction(w string) bool {
	if strings.HasSuffix(w, "n't") {
		return true
	}
	i := strings.LastIndexByte(w, '\'')
	return i > 0 && contractionEnds[w[i+1:]] && (english.IsStopWord(w[:i]) || modals[w[:i]])
}

// modals are the auxiliaries that are not Snowball stop words
// ("would've").
var modals = map[string]bool{"would": true, "could": true, "should": true, "must": true, "might": true,
	"ought": true, "need": true, "shall": true, "may": true}

// IsRoleNoun reports whether a lower-case word designates a person by
// role ("doctor", "aunt", "stranger").
func IsRoleNoun(w string) bool { return roleNouns[w] }

// IsSpeechVerb reports whether a lower-case word is a verb that tags a
// line of dialogue ("said", "asked", "whispered").
func IsSpeechVerb(w string) bool { return speechVerbs[w] }

// IsHonorific reports whether a lower-case word is a title that precedes
// a name ("mr", "lady", "captain").
func IsHonorific(w string) bool { return honorifics[strings.TrimSuffix(w, ".")] }

// Mentions finds the capitalised names of an analysed paragraph and counts
// the third-person singular pronouns of its narration. A capitalised stop
// word, interjection, day or month is not a name; a title before a name is
// kept apart from it.
func Mentions(d *Doc) ([]Mention, PronounCounts) {
	var out []Mention
	var pc PronounCounts
	sentenceStart := true
	word := -1
	var cur *Mention
	var lastSpeech = -10
	// spans[k] are the first and last tokens of out[k] (the first is -1
	// for a role, whose last is its noun).
	var spans [][2]int
	titleTok := -1
	det, detInitial := -10, false // the last determiner word and whether it began a sentence
	// Gender evidence, sentence by sentence: the narration mention that
	// opens the sentence (its subject), whether the sentence names
	// anyone after it, which pronoun genders it holds; and the same of
	// the sentence before.
	subj, prevSubj := -1, -1
	var masc, fem, prevMasc, prevFem bool
	endSentence := func() {
		prevSubj, prevMasc, prevFem = -1, masc, fem
		if subj >= 0 && len(out)-1 == subj {
			prevSubj = subj
		}
		subj, masc, fem = -1, false, false
	}
	for ti := 0; ti < len(d.Tokens); ti++ {
		t := d.Tokens[ti]
		if t.Kind == Punct || t.Kind == OpenQuote || t.Kind == CloseQuote {
			text := d.Text[t.Start:t.End]
			if t.Kind == Punct && len(text) == 1 && (text[0] == '.' || text[0] == '!' || text[0] == '?') {
				// "Mr." does not end a sentence.
				if cur == nil || cur.Name != "" {
					sentenceStart = true
					if !t.Quoted {
						endSentence()
					}
				}
			}
			if t.Kind == OpenQuote || string(text) == "\u2026" || strings.HasPrefix(string(text), "..") || string(text) == "\u2014" {
				// After an ellipsis or a dash a capital usually starts a
				// new sentence ("…Even losing me?").
				sentenceStart = true
			}
			if !(cur != nil && cur.Name == "" && len(text) == 1 && text[0] == '.') {
				cur = nil
			}
			continue
		}
		word++
		f := d.forms[word]
		w := d.Text[t.Start:t.End]
		initial := sentenceStart
		sentenceStart = false
		if n := len(out); n > 0 && !t.Quoted && spans[n-1][1] == ti-1 && !out[n-1].Possessive && (f.tense != 0 || f.speech) {
			out[n-1].Agent = true
		}
		if !t.Quoted {
			switch f.name {
			case "he", "him", "his", "himself":
				pc.Masculine++
			case "she", "her", "hers", "herself":
				pc.Feminine++
			}
			genderEvidence(out, f.name, initial, subj, prevSubj, prevMasc, prevFem, masc || fem)
			switch f.name {
			case "he", "him", "his", "himself":
				masc = true
			case "she", "her", "hers", "herself":
				fem = true
			}
			g := 0
			switch f.name {
			case "he":
				g = 1
			case "she":
				g = -1
			}
			switch f.name {
			case "he", "him", "his", "himself":
				pc.Uses = append(pc.Uses, PronounUse{Word: int32(word), Subject: g > 0})
			case "she", "her", "hers", "herself":
				pc.Uses = append(pc.Uses, PronounUse{Word: int32(word), Feminine: true, Subject: g < 0})
			}
			if g != 0 && initial {
				if g > 0 {
					pc.SubjectMasculine++
				} else {
					pc.SubjectFeminine++
				}
			}
			if g != 0 && !initial && word-lastSpeech == 1 || g != 0 && word+1 < len(d.forms) && d.forms[word+1].speech {
				if g > 0 {
					pc.SpeakerMasculine++
				} else {
					pc.SpeakerFeminine++
				}
			}
		}
		if !t.Quoted && f.name == "i" && (!initial && word-lastSpeech == 1 || word+1 < len(d.forms) && d.forms[word+1].speech) {
			pc.SpeakerFirst++
		}
		// A speech tag names its speaker in the narration: in "…out of
		// this Stefan" She said, Stefan is spoken to, and a "said" inside
		// a quotation tags nobody.
		if f.speech && !t.Quoted {
			lastSpeech = word
			if n := len(out); n > 0 && word-out[n-1].Word <= 3 && !out[n-1].Quoted {
				out[n-1].Speaker = true
				if first, last := spans[n-1][0], spans[n-1][1]; first > 0 && last == ti-1 && d.Tokens[first-1].Kind == CloseQuote {
					out[n-1].Tagged = true
				}
			}
		}
		if f.roleDet {
			det, detInitial = word, initial
			cur = nil
			continue
		}
		// A role noun within two words after a determiner.
		if f.role && word-det <= 2 && word > det {
			if m, ok := roleMention(d, ti, word, f.name, det, detInitial); ok {
				if word-lastSpeech <= 3 && word > lastSpeech && !t.Quoted {
					m.Speaker = true
				}
				out = append(out, m)
				spans = append(spans, [2]int{-1, ti})
				if m.Initial && !m.Quoted {
					subj = len(out) - 1
				}
				cur = nil
				continue
			}
		}
		r, _ := utf8.DecodeRune(w)
		if t.Kind != Word || !unicode.IsUpper(r) {
			cur = nil
			continue
		}
		lower := f.name
		if isContraction(lower) {
			// "You've", "Couldn't", "He'll": a pronoun or verb with
			// its contraction, capitalised at a sentence's start.
			cur = nil
			continue
		}
		possessive := false
		if strings.HasSuffix(lower, "'s") {
			lower = strings.TrimSuffix(lower, "'s")
			possessive = true
			w = w[:len(w)-len("'s")]
			if !utf8.Valid(w) || strings.HasSuffix(string(d.Text[t.Start:t.End]), "’s") {
				w = d.Text[t.Start : t.End-len("’s")]
			}
		} else if i := strings.LastIndexByte(lower, '\''); i > 0 && contractionEnds[lower[i+1:]] {
			// "Soames'll": the name, without the contraction.
			lower = lower[:i]
			if k := strings.LastIndexAny(string(w), "'’"); k > 0 {
				w = w[:k]
			}
		}
		titled := cur != nil && cur.Name == ""
		if honorifics[lower] && !possessive && !(lower == "don" && !capitalisedNext(d, ti)) {
			cur = &Mention{Title: lower, Word: word, Initial: initial, Quoted: t.Quoted}
			titleTok = ti
			continue
		}
		if (notNames[lower] || english.IsStopWord(lower)) &&
			!(nameHomographs[lower] && homographIsName(d, ti, word, lower, initial, titled)) {
			cur = nil
			continue
		}
		if cur != nil && cur.Name != "" && !cur.Possessive {
			// Extend a multi-word name: "Stefan Salvatore".
			m := &out[len(out)-1]
			m.Name += " " + string(w)
			spans[len(spans)-1][1] = ti
			m.Possessive = possessive
			m.Agent = false // "Mary Breed": the -ed was the name's
			continue
		}
		m := Mention{Name: string(w), Word: word, Initial: initial, Quoted: t.Quoted, Possessive: possessive}
		span := [2]int{ti, ti}
		if cur != nil && cur.Name == "" {
			m.Title, m.Word, m.Initial = cur.Title, cur.Word, cur.Initial
			span[0] = titleTok
		}
		// "said Mrs. Poyser", not "said to John".
		if m.Word-lastSpeech == 1 && !t.Quoted {
			m.Speaker = true
		}
		out = append(out, m)
		spans = append(spans, span)
		if m.Initial && !t.Quoted {
			// The sentence's subject, its title included ("Captain
			// Dask came in. She sat down.").
			subj = len(out) - 1
		}
		cur = &out[len(out)-1]
	}
	for k := range out {
		out[k].Vocative = out[k].Quoted && !out[k].Possessive && spans[k][0] >= 0 && vocative(d, spans[k][0], spans[k][1])
		// "Macumazahn," he said: the one spoken to is not the speaker.
		out[k].Speaker = out[k].Speaker && !out[k].Vocative
	}
	return out, pc
}

// nameHomographs are names that are also common words: the modal
// "will", the months that are girls' names or surnames (May, June,
// April, August, March) and "Don", a man's name and the Spanish title.
// Each is a name only where the words around it say so (homographIsName).
var nameHomographs = map[string]bool{"will": true, "may": true, "june": true, "april": true,
	"august": true, "march": true, "don": true}

// monthCues come before a month ("in June", "since May", "last April").
// Words that as often come before a name are left out: "after June",
// "from April", "it was May who answered".
var monthCues = map[string]bool{"in": true, "of": true, "since": true, "until": true, "till": true,
	"by": true, "during": true, "through": true, "throughout": true,
	"last": true, "next": true, "early": true, "late": true, "mid": true, "between": true,
	"latter": true, "ere": true}

// notAfterName are the words that follow a sentence-opening modal or
// month but not a name: "Will you", "May I", "May God", "Will the".
var notAfterName = map[string]bool{"i": true, "you": true, "he": true, "she": true, "it": true,
	"we": true, "they": true, "one": true, "the": true, "a": true, "an": true, "this": true,
	"that": true, "these": true, "those": true, "your": true, "my": true, "his": true, "her": true,
	"their": true, "our": true, "its": true, "thy": true, "any": true, "anyone": true, "anybody": true,
	"someone": true, "somebody": true, "everyone": true, "nobody": true, "no": true, "not": true,
	"there": true, "god": true, "heaven": true, "all": true, "every": true, "some": true, "ye": true,
	"thou": true}

// notBeforeName are the words before a common noun but not before a name:
// "his Will", "the May of her life".
var notBeforeName = map[string]bool{"the": true, "a": true, "an": true, "his": true, "her": true,
	"my": true, "your": true, "their": true, "our": true, "its": true, "thy": true, "this": true,
	"that": true, "every": true, "each": true, "any": true, "no": true, "some": true, "free": true,
	"good": true, "ill": true}

// willKinds come before "Will" as volition or testament, not as a name
// ("the Divine Will", "his Last Will").
var willKinds = map[string]bool{"divine": true, "last": true, "holy": true, "almighty": true,
	"human": true, "supreme": true, "sovereign": true, "eternal": true, "general": true,
	"popular": true, "iron": true, "free": true, "own": true, "god's": true}

// homographIsName reports whether the capitalised homograph at token ti
// (word index word, lower-case form lower) names someone. After a title
// it does ("Mrs. March", "Lady May"). Otherwise it does unless the words
// around it make it the common word: it is written in capitals ("YOU
// WILL"); a determiner comes before it ("his Will") or, for Will, a word
// of volition or testament ("Divine Will", see willKinds); for a month,
// a month's preposition or a number is next to it ("in June", "May 1912",
// "3rd of May"), a time word follows it ("one June evening"), it is in a
// list of months ("May and June") or it is a tune ("the Dead March"); or
// it opens a sentence and a pronoun or determiner follows it ("Will you",
// "May I").
func homographIsName(d *Doc, ti, word int, lower string, initial, titled bool) bool {
	if titled {
		return true
	}
	if t := d.Tokens[ti]; allCaps(d.Text[t.Start:t.End]) {
		// Emphasis or a heading: "YOU WILL NOT REGRET IT".
		return false
	}
	month := lower != "will" && lower != "don"
	// The words either side, "" where punctuation intervenes.
	prev, prev2, next, next2 := near(d, ti, word, -1), near(d, ti, word, -2), near(d, ti, word, 1), near(d, ti, word, 2)
	if notBeforeName[prev] || lower == "will" && willKinds[prev] || lower == "march" && marchKinds[prev] {
		return false
	}
	if month {
		after := next
		if ti+2 < len(d.Tokens) && d.Tokens[ti+1].Kind == Punct && string(d.Text[d.Tokens[ti+1].Start:d.Tokens[ti+1].End]) == "," {
			// "June, 1912".
			after = near(d, ti+1, word, 1)
		}
		switch {
		case monthCues[prev] || startsWithDigit(prev) || startsWithDigit(after):
			// "in June", "3rd of May", "May 4".
			return false
		case monthTimes[next]:
			// "a June evening", "the March wind".
			return false
		case monthList(prev2, prev) || monthList(next, next2):
			// "May and June", "August and September".
			return false
		}
	}
	// "Will you", "May I".
	return !(initial && notAfterName[next])
}

// near returns the lower-case form of the word k words from token ti
// (word index word), or "" when a punctuation mark comes between or the
// paragraph ends first.
func near(d *Doc, ti, word, k int) string {
	step := 1
	if k < 0 {
		step = -1
	}
	for i := step; ; i += step {
		t := ti + i
		if t < 0 || t >= len(d.Tokens) || d.Tokens[t].Kind != Word && d.Tokens[t].Kind != Number {
			return ""
		}
		if i == k {
			return d.forms[word+k].name
		}
	}
}

// monthTimes follow a month used as an adjective ("a June evening").
var monthTimes = map[string]bool{"day": true, "days": true, "night": true, "nights": true,
	"morning": true, "mornings": true, "evening": true, "evenings": true, "afternoon": true,
	"afternoons": true, "sky": true, "skies": true, "wind": true, "winds": true, "air": true,
	"sun": true, "sunshine": true, "weather": true, "rain": true, "rains": true, "week": true,
	"weeks": true, "month": true, "moon": true, "dawn": true, "light": true, "heat": true,
	"twilight": true, "noon": true, "hare": true, "term": true, "holidays": true, "roses": true,
	"flowers": true, "showers": true, "dusk": true, "sunset": true, "storm": true, "storms": true}

// marchKinds come before a piece of music called a march ("the Dead March").
var marchKinds = map[string]bool{"funeral": true, "bridal": true, "wedding": true, "dead": true,
	"quick": true, "slow": true, "triumphal": true, "military": true, "forced": true}

// calendarMonths are the months, lower-case.
var calendarMonths = map[string]bool{"january": true, "february": true, "march": true, "april": true,
	"may": true, "june": true, "july": true, "august": true, "september": true, "october": true,
	"november": true, "december": true}

// monthList reports whether a, b are a month and a conjunction or a
// conjunction and a month, as around a month in "May and June".
func monthList(a, b string) bool {
	conj := func(w string) bool { return w == "and" || w == "or" || w == "to" }
	return calendarMonths[a] && conj(b) || conj(a) && calendarMonths[b]
}

// allCaps reports whether a word has more than one letter and no
// lower-case one.
func allCaps(w []byte) bool {
	letters := 0
	for _, r := range string(w) {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters > 1
}

// capitalisedNext reports whether the token after ti is a capitalised word.
func capitalisedNext(d *Doc, ti int) bool {
	if ti+1 >= len(d.Tokens) || d.Tokens[ti+1].Kind != Word {
		return false
	}
	t := d.Tokens[ti+1]
	r, _ := utf8.DecodeRune(d.Text[t.Start:t.End])
	return unicode.IsUpper(r)
}

func startsWithDigit(w string) bool { return w != "" && w[0] >= '0' && w[0] <= '9' }

// vocative reports whether the name in tokens first..last addresses
// someone: a comma, an opening quotation mark, "dear" or "O" before it, and a
// comma, a closing quotation mark or a sentence's end after it.
func vocative(d *Doc, first, last int) bool {
	if first == 0 || last+1 >= len(d.Tokens) {
		return false
	}
	before, after := d.Tokens[first-1], d.Tokens[last+1]
	bt, at := string(d.Text[before.Start:before.End]), string(d.Text[after.Start:after.End])
	opens := before.Kind == OpenQuote || before.Kind == Punct && bt == "," ||
		before.Kind == Word && (strings.EqualFold(bt, "dear") || bt == "O")
	closes := after.Kind == CloseQuote || after.Kind == Punct && (at == "," || at == "!" || at == "?" || at == ";" ||
		at == "." && before.Kind != OpenQuote)
	return opens && closes
}

// genderEvidence credits a narration pronoun (lower-case form w)
// to the name it most likely stands for, adding to that mention's
// Gender. The name must be its sentence's subject and the only name so
// far: a reflexive after it ("Stefan told himself"), or a "he"/"she"
// that is the sentence's first pronoun ("Damon swears he can hear"); or
// the name was the only one of the sentence before, which held no
// pronoun of that gender, and "he"/"she" opens this one ("Elena sighed.
// She…", but not "Stefan kissed her. She…"). Possessives are left out:
// "Damon kissed her cheek" is as common as "Elena shook her head".
func genderEvidence(out []Mention, w string, initial bool, subj, prevSubj int, prevMasc, prevFem, pronounBefore bool) {
	g := 0
	switch w {
	case "himself":
		g = 1
	case "herself":
		g = -1
	case "he":
		if !initial && !pronounBefore {
			g = 1
		}
	case "she":
		if !initial && !pronounBefore {
			g = -1
		}
	}
	if g != 0 && subj >= 0 && subj == len(out)-1 {
		out[subj].Gender += g
		return
	}
	if initial && prevSubj >= 0 && prevSubj == len(out)-1 {
		switch {
		case w == "he" && !prevMasc:
			out[prevSubj].Gender++
		case w == "she" && !prevFem:
			out[prevSubj].Gender--
		}
	}
}

// roleMention makes a Role mention of word (token ti, lower-case form
// lower) when it is a role noun right after a determiner, or after a
// determiner and one adjective ("the old doctor"), and no name follows
// it ("the Captain Smith" is a title).
func roleMention(d *Doc, ti, word int, lower string, det int, detInitial bool) (Mention, bool) {
	possessive := false
	if l, ok := strings.CutSuffix(lower, "'s"); ok {
		lower, possessive = l, true
	}
	if !roleNouns[lower] || word-det > 2 || word <= det {
		return Mention{}, false
	}
	if word-det == 2 {
		// One adjective between: a lower-case word that is not itself
		// grammar ("the old doctor", not "the and doctor").
		between := d.forms[word-1].name
		if english.IsStopWord(between) || roleNouns[between] || d.Tokens[ti-1].Kind != Word {
			return Mention{}, false
		}
	}
	if ti+1 < len(d.Tokens) && d.Tokens[ti+1].Kind == Word && !possessive {
		next := d.Text[d.Tokens[ti+1].Start:d.Tokens[ti+1].End]
		r, _ := utf8.DecodeRune(next)
		if unicode.IsUpper(r) && !english.IsStopWord(strings.ToLower(string(next))) {
			return Mention{}, false
		}
	}
	t := d.Tokens[ti]
	return Mention{Name: strings.ToUpper(lower[:1]) + lower[1:], Word: det, Initial: detInitial,
		Quoted: t.Quoted, Possessive: possessive, Role: true}, true
}
