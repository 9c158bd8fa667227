package datasets

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/storylens/storylens/features"
)

// corpusDir is the public-domain novels beside the checkout, or
// $STORYLENS_CORPUS.
func corpusDir() string {
	if d := os.Getenv("STORYLENS_CORPUS"); d != "" {
		return d
	}
	return filepath.Join("..", "..", "shared", "corpus", "novels")
}

func loadCorpus(b *testing.B) []*Story {
	b.Helper()
	paths, _ := filepath.Glob(filepath.Join(corpusDir(), "*.txt"))
	if len(paths) == 0 {
		b.Skipf("no novels in %s (set STORYLENS_CORPUS to a folder of .txt novels)", corpusDir())
	}
	var stories []*Story
	for _, p := range paths {
		s, err := ReadStory(p, nil)
		if err != nil {
			b.Fatal(err)
		}
		stories = append(stories, s)
	}
	return stories
}

// BenchmarkAnalyseCorpus measures feature extraction (paragraphs, tokens,
// stems, vectors) over the whole novel corpus on one goroutine.
func BenchmarkAnalyseCorpus(b *testing.B) {
	stories := loadCorpus(b)
	var total int64
	for _, s := range stories {
		total += int64(len(s.Data))
	}
	a := features.NewAnalyzer()
	b.SetBytes(total)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		n := 0
		for _, s := range stories {
			n += len(Analyse(s, a))
		}
		if n == 0 {
			b.Fatal("no paragraphs")
		}
	}
}

// BenchmarkSplitCorpus measures the paragraph splitter alone.
func BenchmarkSplitCorpus(b *testing.B) {
	stories := loadCorpus(b)
	var total int64
	for _, s := range stories {
		total += int64(len(s.Data))
	}
	b.SetBytes(total)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, s := range stories {
			features.Split(s.Data)
		}
	}
}
