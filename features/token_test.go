package features

import (
	"strings"
	"testing"
)

// render shows tokens as text, quoted ones in [brackets], quote marks as
// « and ».
func render(text string, style QuoteStyle) string {
	toks, _ := Tokenize(nil, []byte(text), style)
	var parts []string
	for _, t := range toks {
		s := text[t.Start:t.End]
		switch {
		case t.Kind == OpenQuote:
			s = "«"
		case t.Kind == CloseQuote:
			s = "»"
		case t.Quoted:
			s = "[" + s + "]"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " ")
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		style QuoteStyle
		want  string
	}{
		{"contractions and possessives", "I'm sure Caroline's mother don't know.", DoubleQuotes,
			"I'm sure Caroline's mother don't know ."},
		{"curly apostrophes", "She’s fine, isn’t she?", DoubleQuotes, "She’s fine , isn’t she ?"},
		{"straight dialogue", `"Stefan," she breathed. "Go."`, DoubleQuotes,
			`« [Stefan] [,] » she breathed . « [Go] [.] »`},
		{"curly dialogue", "“Where are we going?” She asked.", DoubleQuotes,
			"« [Where] [are] [we] [going] [?] » She asked ."},
		{"dashes and ellipses", "He stopped—then... no -- never…", DoubleQuotes,
			"He stopped — then ... no -- never …"},
		{"numbers", "It cost £1,500 in 1862, or 3.5 times more.", DoubleQuotes,
			"It cost £ 1,500 in 1862 , or 3.5 times more ."},
		{"hyphenated", "a well-known, twenty-five-year struggle", DoubleQuotes,
			"a well-known , twenty-five-year struggle"},
		{"elisions", "Give 'em a chance, 'tis late.", DoubleQuotes, "Give 'em a chance , 'tis late ."},
		{"reader insert", "Y/N looks up.", DoubleQuotes, "Y/N looks up ."},
		{"unclosed quote", `"I'm doing what I have to do.`, DoubleQuotes,
			`« [I'm] [doing] [what] [I] [have] [to] [do] [.]`},
		{"missing opening quote", `We're going to get you out" She said.`, DoubleQuotes,
			`[We're] [going] [to] [get] [you] [out] » She said .`},
		{"single-quote dialogue", "'I don't know,' said Harry, 'the Joneses' dog.'", SingleQuotes,
			"« [I] [don't] [know] [,] » said Harry , « [the] [Joneses] [']\u200b [dog] [.] »"},
		{"single quotes are apostrophes in a double-quote story", "'Twas the 'best' day.", DoubleQuotes,
			"'Twas the ' best ' day ."},
		{"quote inside quote", `"He said 'never' to me."`, DoubleQuotes,
			`« [He] [said] ['] [never] ['] [to] [me] [.] »`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := strings.ReplaceAll(tt.want, "\u200b", "")
			if got := render(tt.text, tt.style); got != want {
				t.Errorf("Tokenize(%q)\n got %s\nwant %s", tt.text, got, want)
			}
		})
	}
}

func TestTokenKinds(t *testing.T) {
	toks, open := Tokenize(nil, []byte(`"It's 5 o'clock…`), DoubleQuotes)
	kinds := []TokenKind{OpenQuote, Word, Number, Word, Punct}
	if len(toks) != len(kinds) {
		t.Fatalf("got %d tokens, want %d", len(toks), len(kinds))
	}
	for i, k := range kinds {
		if toks[i].Kind != k {
			t.Errorf("token %d kind %d, want %d", i, toks[i].Kind, k)
		}
	}
	if !open {
		t.Error("open quote at end not reported")
	}
}

// TestContinuedQuotation: a speech over two paragraphs leaves the first
// open and the second opens again; both are all dialogue.
func TestContinuedQuotation(t *testing.T) {
	a := NewAnalyzer()
	first := a.Analyze([]byte(`"I saved Damon. If I don't return he'll bite him.`), DoubleQuotes)
	if !first.OpenAtEnd || first.DialogueShare() != 1 {
		t.Errorf("first paragraph: open %v share %v, want open and 1", first.OpenAtEnd, first.DialogueShare())
	}
	second := a.Analyze([]byte(`"And he'll be dying again." He looked away.`), DoubleQuotes)
	if second.OpenAtEnd || second.DialogueWords != 5 || second.Words != 8 {
		t.Errorf("second paragraph: open %v, %d of %d words quoted; want closed, 5 of 8", second.OpenAtEnd, second.DialogueWords, second.Words)
	}
}

func TestDetectQuoteStyle(t *testing.T) {
	if got := DetectQuoteStyle([]byte(`"Hello," he said. "It's late."`)); got != DoubleQuotes {
		t.Errorf("double-quote text: got %v", got)
	}
	british := strings.Repeat("'Hello,' he said. 'It's late, isn't it?' ", 5)
	if got := DetectQuoteStyle([]byte(british)); got != SingleQuotes {
		t.Errorf("single-quote text: got %v", got)
	}
}

// checkSpeech checks how many of a paragraph's words are speech, and
// that no quotation is left open at its end.
func checkSpeech(t *testing.T, a *Analyzer, text string, style QuoteStyle, dialogue, all int) {
	t.Helper()
	d := a.Analyze([]byte(text), style)
	if d.DialogueWords != dialogue || d.Words != all || d.OpenAtEnd {
		t.Errorf("%q: %d of %d words are speech (open at end %v); want %d of %d, closed",
			text, d.DialogueWords, d.Words, d.OpenAtEnd, dialogue, all)
	}
}

func TestColonSpeech(t *testing.T) {
	// William Morris prints speech without quotation marks, after a
	// speech verb and a colon.
	story := strings.Repeat("Birdalone went down to the water. Then the witch spake and said: I say nought, lady, save that I thank thee. ", 12)
	if got := DetectQuoteStyle([]byte(story)); got != ColonSpeech {
		t.Fatalf("DetectQuoteStyle = %v, want ColonSpeech", got)
	}
	quoted := strings.Repeat(`He said: "Come here." She said: 'No.' `, 12)
	if got := DetectQuoteStyle([]byte(quoted)); got == ColonSpeech {
		t.Errorf("quoted speech after colons read as ColonSpeech")
	}
	a := NewAnalyzer()
	for _, c := range []struct {
		text          string
		dialogue, all int
	}{
		{"So she knelt down and said: I thank thee, lady, over and over.", 7, 13},
		{"Birdalone was glad: the boat was there.", 0, 7},
		{"Yea, she said: I may not depart very far.", 6, 9},
		{"Then quoth the knight: Fair maiden, come.", 3, 7},
		{"She said: \"Come.\" And she went.", 1, 6},
	} {
		checkSpeech(t, a, c.text, ColonSpeech, c.dialogue, c.all)
	}
}

// Dialogue marked by dashes, German „…“ and CJK 「…」 quotes.
func TestOtherDialogueMarks(t *testing.T) {
	story := strings.Repeat("— I can't do this anymore, — he said. — Go away.\n\nShe looked at him for a long time.\n\n", 5)
	if got := DetectQuoteStyle([]byte(story)); got != DashSpeech {
		t.Fatalf("DetectQuoteStyle = %v, want DashSpeech", got)
	}
	// Kipling's lines that open with a dash, among many quotations, are
	// not dash speech.
	quoted := strings.Repeat("\"Come here,\" he said. \"Now.\"\n— somewhere — the news goes.\n", 6)
	if got := DetectQuoteStyle([]byte(quoted)); got != DoubleQuotes {
		t.Errorf("quoted story with dashes at line starts: %v", got)
	}
	a := NewAnalyzer()
	for _, c := range []struct {
		text          string
		style         QuoteStyle
		dialogue, all int
	}{
		{"— I can't do this anymore, — he said. — Go away.", DashSpeech, 7, 9},
		{"—Hola —dijo ella—. ¿Vienes?", DashSpeech, 2, 4},
		{"— Well-known things, from 1990–1995, — she said.", DashSpeech, 5, 7},
		{"She turned away—slowly—and left.", DashSpeech, 0, 6},
		{"„Ich weiß nicht“, sagte er. „Komm.“", DoubleQuotes, 4, 6},
		{"「行こう」と彼は言った。", DoubleQuotes, 1, 2},
		// Quotations inside quotations, and inside dash speech.
		{"«Он сказал „беги“ и ушёл», — сказала она.", DoubleQuotes, 5, 7},
		{"— He told me «run», — she said. — Now.", DashSpeech, 5, 7},
		{"— Он сказал «беги», — ответила она. — Сейчас.", DashSpeech, 4, 6},
		{"「彼は『行こう』と言った」と彼女は言った。", DoubleQuotes, 3, 4},
		// Mixed straight and curly marks still close.
		{"“Hello,\" she said. \"Bye.”", DoubleQuotes, 2, 4},
		// A wrong-way curly mark after a straight one is a slip, not an
		// inner quotation: "she said" stays in the speech it cannot be
		// told from, but "he said" is narration and the paragraph closes.
		{"\"Hello,“ she said. “Come here,” he said. “Now.”", DoubleQuotes, 6, 8},
		{"„Komm“, sagte er leise und ging hinaus.", SingleQuotes, 0, 7},
	} {
		checkSpeech(t, a, c.text, c.style, c.dialogue, c.all)
	}
}

func TestStems(t *testing.T) {
	a := NewAnalyzer()
	d := a.Analyze([]byte("She was running towards them, and I couldn't stop."), DoubleQuotes)
	want := "she was run toward them and i couldn't stop"
	if got := strings.Join(d.Stems(), " "); got != want {
		t.Errorf("stems = %q, want %q", got, want)
	}
}

func FuzzTokenize(f *testing.F) {
	for i, s := range []string{"", `"a" b`, "'x' y'", "“a” — b…", "Y/N's", "1,5.", "--", "\xff'", "said: a", "said:", "— a, — b. — c", "—a —b—. c", "„a“ b", "「a」b"} {
		f.Add([]byte(s), uint8(i))
	}
	f.Fuzz(func(t *testing.T, text []byte, s uint8) {
		style := QuoteStyle(s % 4)
		toks, _ := Tokenize(nil, text, style)
		prev := 0
		for i, tk := range toks {
			if tk.Start < prev || tk.End <= tk.Start || tk.End > len(text) {
				t.Fatalf("token %d [%d,%d) after %d in %q", i, tk.Start, tk.End, prev, text)
			}
			prev = tk.End
		}
		a := NewAnalyzer()
		d := a.Analyze(text, style)
		v := Vectorize(&d)
		if d.DialogueWords > d.Words {
			t.Fatalf("%d dialogue words of %d", d.DialogueWords, d.Words)
		}
		for i, x := range v.Dense {
			if x != x {
				t.Fatalf("feature %s is NaN", Features[i].Name)
			}
		}
	})
}

// A CR-only file is read for its dialogue style as its LF twin is.
func TestQuoteStyleCROnly(t *testing.T) {
	for _, lf := range []string{
		strings.Repeat("'Hello,' he said.\n'It is late,' she said.\n", 4),
		strings.Repeat("— I can't, — he said.\nShe looked at him.\n", 4),
	} {
		cr := strings.ReplaceAll(lf, "\n", "\r")
		if a, b := DetectQuoteStyle([]byte(lf)), DetectQuoteStyle([]byte(cr)); a != b {
			t.Errorf("%q: %v with LF, %v with CR", lf[:20], a, b)
		}
	}
}

// Every mark closers knows is a double mark, opening and closing.
func TestDoubleMarks(t *testing.T) {
	for open, close := range closers {
		if !isDoubleMark(open) || !isDoubleMark(close) {
			t.Errorf("%q…%q: not both double marks", open, close)
		}
	}
}
