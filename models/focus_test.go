package models

import (
	"testing"

	"github.com/storylens/storylens/features"
)

// TestFocusInputOrder guards the positions focusValues writes to: each
// input named here must sit at the index the code fills.
func TestFocusInputOrder(t *testing.T) {
	want := []string{"is_name", "is_narrator", "is_none", "mentions", "narration_mentions", "dialogue_mentions",
		"first_named", "sentence_subject", "speaker", "possessive_only", "prev_mentions", "prev2_mentions",
		"next_mentions", "paragraphs_since_seen", "story_rank", "pov_heading", "pronoun_agreement",
		"names_in_paragraph", "narrator_story_first", "narrator_story_second", "narrator_first",
		"narrator_second", "narrator_third", "narrator_names", "none_names", "none_pronouns", "none_words",
		"none_prev_names", "spoke_two_before", "spoke_one_before", "dialogue_only"}
	if len(focusInputs) != len(want) {
		t.Fatalf("%d focus inputs, want %d", len(focusInputs), len(want))
	}
	for i, n := range want {
		if focusInputs[i].Name != n {
			t.Errorf("input %d is %s, want %s", i, focusInputs[i].Name, n)
		}
	}
}

// TestKnownNames: a name the metadata lists counts even when the text only
// uses it at the start of sentences, and its one-word form joins the full
// name.
func TestKnownNames(t *testing.T) {
	a := features.NewAnalyzer()
	texts := []string{"Damon smirked. He said nothing.", "Damon left the room.", "Elena watched Stefan Salvatore go."}
	build := func(known []string) *Story {
		var paras []Para
		for _, s := range texts {
			paras = append(paras, NewPara(a, []byte(s), features.DoubleQuotes, ""))
		}
		return NewStory("x", paras, known)
	}
	has := func(s *Story, name string) bool {
		for _, c := range s.cast.chars {
			if c.Label == name {
				return true
			}
		}
		return false
	}
	if plain := build(nil); has(plain, "Damon") {
		t.Error("without metadata a sentence-initial-only word became a name")
	}
	s := build([]string{"Damon Salvatore", "Elena Gilbert (TVD)", "Original Characters"})
	if !has(s, "Damon") {
		t.Error("the known name Damon is not in the cast")
	}
	if got := knownName("Original Female Character(s)"); got != nil {
		t.Errorf("knownName(original characters) = %v", got)
	}
	if ci := s.cast.indexOf("Damon"); ci < 0 || !s.cast.matches(ci, "Damon Salvatore") {
		t.Error("Damon does not join Damon Salvatore")
	}
}
