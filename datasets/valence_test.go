package datasets

import (
	"strings"
	"testing"
)

func TestVALexicon(t *testing.T) {
	lex, err := VALexicon()
	if err != nil {
		t.Fatal(err)
	}
	if len(lex) < 1000 {
		t.Fatalf("%d stems", len(lex))
	}
	// Arousal separates anger and fear words from calm ones, valence
	// joy from grief.
	if !(lex["scream"].Arousal > lex["quiet"].Arousal) || !(lex["happi"].Valence > lex["death"].Valence) {
		t.Errorf("scream %+v quiet %+v happi %+v death %+v", lex["scream"], lex["quiet"], lex["happi"], lex["death"])
	}
}

func TestParseVALexiconErrors(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"", "header"},
		{"stem,valence,arousal\nx,1,2\n", "fields"},
		{"stem,v,a,n\nx,1,2,3\n", "header"},
		{"stem,valence,arousal,sentences\nx,0.5,3,4\n", `row 1 (stem "x")`},
		{"stem,valence,arousal,sentences\nx,3,NaN,4\n", "want numbers from 1 to 5"},
	} {
		if _, err := parseVALexicon([]byte(tt.in)); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: error %v, want %q", tt.in, err, tt.want)
		}
	}
	lex, err := parseVALexicon([]byte("# a note\nstem,valence,arousal,sentences\nx,2.5,3.5,4\n"))
	if err != nil || lex["x"] != (VA{2.5, 3.5}) {
		t.Errorf("lexicon %v, error %v", lex, err)
	}
}
