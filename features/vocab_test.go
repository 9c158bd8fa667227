package features

import (
	"slices"
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
