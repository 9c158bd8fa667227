package features

import "testing"

// TestPronounCounts counts narration pronouns, sentences that start with
// he or she, and pronouns next to a speech verb, leaving dialogue out.
func TestPronounCounts(t *testing.T) {
	a := NewAnalyzer()
	for _, c := range []struct {
		text string
		want PronounCounts
	}{
		{`"I saw him," she said. He frowned at her.`, PronounCounts{Masculine: 1, Feminine: 2, SubjectMasculine: 1, SpeakerFeminine: 1}},
		{`"Go," said he, and she went.`, PronounCounts{Masculine: 1, Feminine: 1, SpeakerMasculine: 1}},
		{`"He is late. She is not."`, PronounCounts{}},
	} {
		d := a.Analyze([]byte(c.text), DoubleQuotes)
		if _, got := Mentions(&d); got != c.want {
			t.Errorf("%s: %+v, want %+v", c.text, got, c.want)
		}
	}
}
