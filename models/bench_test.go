package models

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/storylens/storylens/datasets"
	"github.com/storylens/storylens/features"
)

// BenchmarkLabelCorpus measures labelling (paragraphs, features, pov, tone
// and focus with the default model) over the public-domain novels on one
// goroutine; bench/label.sh measures the command on all cores.
func BenchmarkLabelCorpus(b *testing.B) {
	dir := os.Getenv("STORYLENS_CORPUS")
	if dir == "" {
		dir = filepath.Join("..", "..", "shared", "corpus", "novels")
	}
	paths, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(paths) == 0 {
		b.Skipf("no novels in %s (set STORYLENS_CORPUS)", dir)
	}
	var stories []*datasets.Story
	var total int64
	for _, p := range paths {
		s, err := datasets.ReadStory(p, nil)
		if err != nil {
			b.Fatal(err)
		}
		stories = append(stories, s)
		total += int64(len(s.Data))
	}
	m, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	a := features.NewAnalyzer()
	b.SetBytes(total)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, s := range stories {
			st, _ := m.Analyse(a, s)
			m.Label(st)
		}
	}
}
