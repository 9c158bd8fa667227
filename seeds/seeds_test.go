package seeds

import (
	"io/fs"
	"testing"
	"unicode/utf8"
)

func TestSeeds(t *testing.T) {
	names := Names()
	want := []string{"after_liz.txt", "bittersweet_goodbye.txt", "stefan_pov.txt"}
	if len(names) != len(want) {
		t.Fatalf("Names() = %v, want %v", names, want)
	}
	for i, n := range names {
		if n != want[i] {
			t.Errorf("Names()[%d] = %q, want %q", i, n, want[i])
		}
		b, err := fs.ReadFile(FS, n)
		if err != nil {
			t.Fatal(err)
		}
		if len(b) < 5000 || !utf8.Valid(b) {
			t.Errorf("%s: %d bytes, valid UTF-8 %v", n, len(b), utf8.Valid(b))
		}
	}
}
