package datasets

import (
	"bytes"
	_ "embed"
	"encoding/csv"
	"fmt"
	"slices"
	"strconv"
	"sync"
)

//go:embed tone_lexicon.csv
var toneLexiconCSV []byte

// ToneLexicon is a word–tone association lexicon derived from GoEmotions
// (Demszky et al., ACL 2020; Apache-2.0) by `go run ./datasets/silver`:
// for each Snowball stem, log P(stem | tone) / P(stem) for every tone in
// ToneLabels order. It is decoded once.
var ToneLexicon = sync.OnceValues(func() (map[string][]float64, error) {
	recs, err := csv.NewReader(bytes.NewReader(toneLexiconCSV)).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("datasets: tone lexicon: %w", err)
	}
	if len(recs) == 0 || !slices.Equal(recs[0][1:], ToneLabels) {
		return nil, fmt.Errorf("datasets: tone lexicon: header is not stem,%v", ToneLabels)
	}
	lex := make(map[string][]float64, len(recs))
	for i, r := range recs[1:] {
		w := make([]float64, len(ToneLabels))
		for t := range w {
			if w[t], err = strconv.ParseFloat(r[t+1], 64); err != nil {
				return nil, fmt.Errorf("datasets: tone lexicon: row %d: %w", i+1, err)
			}
		}
		lex[r[0]] = w
	}
	return lex, nil
})
