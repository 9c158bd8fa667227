package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestStemVectorsAreReproducible: the stem vectors the tone classifier
// reads are what this program makes of the novels now (a change to
// paragraph splitting or stemming changes them; run go run
// ./datasets/vectors, then go generate ./models).
func TestStemVectorsAreReproducible(t *testing.T) {
	corpus := filepath.Join("..", "..", "..", "shared", "corpus", "novels")
	if _, err := os.Stat(corpus); err != nil {
		t.Skipf("no novels at %s to rebuild the vectors from", corpus)
	}
	if testing.Short() {
		t.Skip("rebuilding the vectors takes about 15 s")
	}
	out := filepath.Join(t.TempDir(), "stem_vectors.csv")
	if err := run(corpus, out); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join("..", "stem_vectors.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("datasets/stem_vectors.csv is stale: rebuild it with go run ./datasets/vectors, then go generate ./models")
	}
}
