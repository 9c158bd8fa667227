package main

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestBuild(t *testing.T) {
	var sents []sentence
	// "storm" is in three angry sentences, "calm" in three quiet ones,
	// "rare" in only one; every sentence has "the" (a function word).
	for range 3 {
		sents = append(sents, sentence{v: 2, a: 4.5, text: "The storm."}, sentence{v: 4, a: 2, text: "The calm."})
	}
	sents = append(sents, sentence{v: 3, a: 3, text: "The rare."})
	for range 60 {
		sents = append(sents, sentence{v: 3, a: 3, text: "Words."})
	}
	lex, meanV, _ := build(sents)
	got := map[string]entry{}
	for _, e := range lex {
		got[e.stem] = e
	}
	if _, ok := got["rare"]; ok {
		t.Error("a stem in one sentence is in the lexicon")
	}
	if _, ok := got["the"]; ok {
		t.Error("a stem in more than MaxShare of the sentences is in the lexicon")
	}
	storm, ok := got["storm"]
	if !ok {
		t.Fatalf("storm missing: %v", lex)
	}
	// Shrunk toward the mean: (3*2 + Prior*meanV) / (3 + Prior).
	if want := (6 + Prior*meanV) / (3 + Prior); math.Abs(storm.v-want) > 1e-9 || storm.n != 3 {
		t.Errorf("storm %+v, want valence %v", storm, want)
	}
	if !(storm.a > got["calm"].a) || !(storm.v < got["calm"].v) {
		t.Errorf("storm %+v calm %+v", storm, got["calm"])
	}
}

func TestReadSentencesErrors(t *testing.T) {
	dir := t.TempDir()
	for _, tt := range []struct{ in, want string }{
		{"id,V,A\n", "header"},
		{"id,split,V,A,D,text\na,train,3,x,3,Hi.\n", "line 2"},
		{"id,split,V,A,D,text\na,train,3,7,3,Hi.\n", "from 1 to 5"},
	} {
		p := filepath.Join(dir, "emobank.csv")
		if err := os.WriteFile(p, []byte(tt.in), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := readSentences(p, nil); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: error %v, want %q", tt.in, err, tt.want)
		}
	}
}

func TestWriteHasAttribution(t *testing.T) {
	var b bytes.Buffer
	if err := write(&b, []entry{{stem: "storm", v: 2.5, a: 3.5, n: 4}}, "fiction", 10, 3, 3); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"EmoBank", "CC BY-SA 4.0", "Buechel", "category fiction", "stem,valence,arousal,sentences\nstorm,2.500,3.500,4\n"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, b.String())
		}
	}
}
