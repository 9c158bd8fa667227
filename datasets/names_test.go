package datasets

import "testing"

// TestFirstNames: the embedded list decodes and gives common names their
// usual sex; names it leaves out (rare, or given to both) are absent.
func TestFirstNames(t *testing.T) {
	names, err := FirstNames()
	if err != nil {
		t.Fatal(err)
	}
	if len(names) < 10000 {
		t.Errorf("%d first names, want over 10,000", len(names))
	}
	for name, want := range map[string]int{"elena": -1, "damon": 1, "stefan": 1, "caroline": -1, "mary": -1, "john": 1,
		"jordan": 0, "taylor": 0, "zikali": 0} {
		if got := names[name]; got != want {
			t.Errorf("%s: %d, want %d", name, got, want)
		}
	}
}
