package models

import "testing"

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
