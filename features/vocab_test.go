package features

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// TestBoundAnalyzerBag checks that an Analyzer bound to a vocabulary
// gives each paragraph the columns Vocabulary.Bag gives for its stems,
// and no stems; that unbinding brings the stems back; and that the
// columns follow a change of vocabulary.
func TestBoundAnalyzerBag(t *testing.T) {
	paras := []string{
		`"Running late again," said Elena. She ran and ran down the stairs.`,
		`The runners were running; nobody ran faster than Stefan’s brother.`,
		`Nothing here is in the vocabulary.`,
	}
	v1 := NewVocabulary([]string{"run", "stair", "elena", "said", "brother"})
	v2 := NewVocabulary([]string{"nobodi", "faster", "run"})
	plain := NewAnalyzer()
	bound := NewAnalyzer()
	for _, v := range []*Vocabulary{v1, v2} {
		bound.SetVocabulary(v)
		for _, p := range paras {
			d := plain.Analyze([]byte(p), DoubleQuotes)
			want := v.Bag(nil, d.Stems())
			b := bound.Analyze([]byte(p), DoubleQuotes)
			if got := b.Bag(nil); !slices.Equal(got, want) {
				t.Errorf("%q: bound bag %v, want %v", p, got, want)
			}
			if vec := Vectorize(&b); vec.Stems != nil {
				t.Errorf("%q: a bound Analyzer's vector keeps stems %v", p, vec.Stems)
			}
			if b.Vocab != v {
				t.Errorf("%q: Doc vocabulary not the Analyzer's", p)
			}
		}
	}
	d0 := plain.Analyze([]byte(paras[0]), DoubleQuotes)
	if got := v1.Bag(nil, d0.Stems()); len(got) != 4 {
		t.Errorf("first paragraph: %d columns of v1, want 4 (run, stair, elena, said)", len(got))
	}
	bound.SetVocabulary(nil)
	d := bound.Analyze([]byte(paras[1]), DoubleQuotes)
	vec := Vectorize(&d)
	d1 := plain.Analyze([]byte(paras[1]), DoubleQuotes)
	if !slices.Equal(vec.Stems, d1.Stems()) || len(d.Bag(nil)) != 0 {
		t.Errorf("unbound again: stems %v, bag %v", vec.Stems, d.Bag(nil))
	}
}

// TestWordMemo looks up many distinct words, twice, so that the memo's
// front cache sees collisions, forms longer than its slots, non-ASCII
// forms and typographic apostrophes: every lookup must give the info of
// the word asked for, lower-cased with a straight apostrophe.
func TestWordMemo(t *testing.T) {
	var words []string
	for i := range 20000 {
		words = append(words, fmt.Sprintf("Word%dx", i))
	}
	words = append(words, "Unquestionablenesses", "INCOMPREHENSIBILITIES", "Élodie", "ÆSCHYLUS",
		"straße", "İstanbul", "ΣΟΦΙΑ", "don’t", "O’Hara", "Mary’s", "d’Artagnan’s")
	a := NewAnalyzer()
	for pass := range 2 {
		for _, w := range words {
			want := strings.ToLower(strings.ReplaceAll(w, "\u2019", "'"))
			if got := a.lookup([]byte(w)).name; got != want {
				t.Fatalf("pass %d: %q looked up as %q, want %q", pass+1, w, got, want)
			}
		}
	}
}

// TestBagLargeVocabulary checks Doc.Bag past the bit set it keeps on
// the stack (512 columns).
func TestBagLargeVocabulary(t *testing.T) {
	stems := make([]string, 600)
	for i := range stems {
		stems[i] = fmt.Sprintf("s%03d", i)
	}
	stems[599], stems[3] = "dog", "cat"
	a := NewAnalyzer()
	a.SetVocabulary(NewVocabulary(stems))
	d := a.Analyze([]byte("The cat saw a dog, and the dog saw the cat."), DoubleQuotes)
	if got := d.Bag(nil); !slices.Equal(got, []int{3, 599}) {
		t.Errorf("bag %v, want [3 599]", got)
	}
}
