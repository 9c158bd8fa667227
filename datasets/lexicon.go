package datasets

import (
	"bytes"
	_ "embed"
	"encoding/csv"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// readDataCSV reads one of the CSV files embedded in this package: lines
// starting with # are comments, the first record must be header, and
// every record has its fields. It returns the records after the header.
func readDataCSV(what string, b []byte, header []string) ([][]string, error) {
	r := csv.NewReader(bytes.NewReader(b))
	r.Comment = '#'
	r.FieldsPerRecord = len(header)
	recs, err := r.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("datasets: %s: %w", what, err)
	}
	if len(recs) == 0 || !slices.Equal(recs[0], header) {
		return nil, fmt.Errorf("datasets: %s: header is not %s", what, strings.Join(header, ","))
	}
	return recs[1:], nil
}

//go:embed tone_lexicon.csv
var toneLexiconCSV []byte

// ToneLexicon is a word–tone association lexicon derived from GoEmotions
// (Demszky et al., ACL 2020; Apache-2.0) by `go run ./datasets/silver`:
// for each Snowball stem, log P(stem | tone) / P(stem) for every tone in
// ToneLabels order. It is decoded once.
var ToneLexicon = sync.OnceValues(func() (map[string][]float64, error) {
	recs, err := readDataCSV("tone lexicon", toneLexiconCSV, append([]string{"stem"}, ToneLabels...))
	if err != nil {
		return nil, err
	}
	lex := make(map[string][]float64, len(recs))
	for i, r := range recs {
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
