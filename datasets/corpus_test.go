package datasets

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/storylens/storylens/features"
)

// TestCorpusParagraphs splits all the public-domain novels and checks what
// their SOURCE.md documents and what real paragraphs look like: each
// file's layout, a plausible paragraph count, and paragraphs that start as
// paragraphs do (capital, digit or punctuation) and mostly end with
// punctuation (verse lines and "he said" before a quotation need not).
// Four source files have page breaks inside sentences that cannot all be
// mended; they get a looser bound.
func TestCorpusParagraphs(t *testing.T) {
	paths, _ := filepath.Glob(filepath.Join(corpusDir(), "*.txt"))
	if len(paths) == 0 {
		t.Skipf("no novels in %s", corpusDir())
	}
	lines := []string{"Anon_Clara_1864", "Galsworthy_Man_1906", "Thackeray_Pendennis_1850"}
	wrapped := []string{"Cbronte_Villette_1853", "Conrad_Almayer_1895", "Conrad_Nostromo_1904", "Eliot_Adam_1859",
		"Hardy_Jude_1895", "Kipling_Captains_1896", "Kipling_Kim_1901", "Trollope_Angel_1881", "Trollope_Phineas_1869", "Wcollins_Legacy_1889"}
	damaged := []string{"Schreiner_Undine_1929", "Schreiner_Trooper_1897", "Lee_Brown_1884", "Schreiner_Farm_1883"}
	total := 0
	for _, p := range paths {
		name := strings.TrimSuffix(filepath.Base(p), ".txt")
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		want := features.LayoutBlank
		switch {
		case slices.Contains(lines, name):
			want = features.LayoutLines
		case slices.Contains(wrapped, name):
			want = features.LayoutWrapped
		}
		if got := features.DetectLayout(data); got != want {
			t.Errorf("%s: layout %v, want %v", name, got, want)
		}
		n, badStart, badEnd := 0, 0, 0
		for _, b := range features.Split(data) {
			if b.Kind != features.KindParagraph {
				continue
			}
			n++
			text := data[b.Start:b.End]
			r, _ := utf8.DecodeRune(text)
			if !(unicode.IsUpper(r) || unicode.IsDigit(r) || unicode.IsPunct(r)) {
				badStart++
			}
			if l, _ := utf8.DecodeLastRune(text); !unicode.IsPunct(l) {
				badEnd++
			}
		}
		total += n
		bound := 0.01
		if slices.Contains(damaged, name) {
			bound = 0.15
		}
		if n < 200 || float64(badStart)/float64(n) > bound || float64(badEnd)/float64(n) > 0.15 {
			t.Errorf("%s: %d paragraphs, %d start in lower case, %d end without punctuation", name, n, badStart, badEnd)
		}
	}
	t.Logf("%d novels, %d paragraphs", len(paths), total)
}
