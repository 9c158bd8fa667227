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

//go:embed va_lexicon.csv
var vaLexiconCSV []byte

// VA is a stem's mean valence and arousal on EmoBank's 1–5 scale.
type VA struct{ Valence, Arousal float64 }

// VALexicon is a valence–arousal lexicon derived from EmoBank (Buechel &
// Hahn, EACL 2017; CC BY-SA 4.0) by `go run ./datasets/emobank`: for each
// Snowball stem, the shrunk mean valence and arousal of the rated
// sentences it occurs in. It is decoded once.
var VALexicon = sync.OnceValues(func() (map[string]VA, error) {
	return parseVALexicon(vaLexiconCSV)
})

func parseVALexicon(b []byte) (map[string]VA, error) {
	r := csv.NewReader(bytes.NewReader(b))
	r.Comment = '#'
	r.FieldsPerRecord = 4
	recs, err := r.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("datasets: valence-arousal lexicon: %w", err)
	}
	if len(recs) == 0 || !slices.Equal(recs[0], []string{"stem", "valence", "arousal", "sentences"}) {
		return nil, fmt.Errorf("datasets: valence-arousal lexicon: header is not stem,valence,arousal,sentences")
	}
	lex := make(map[string]VA, len(recs)-1)
	for i, rec := range recs[1:] {
		v, errV := strconv.ParseFloat(rec[1], 64)
		a, errA := strconv.ParseFloat(rec[2], 64)
		if errV != nil || errA != nil || !(v >= 1 && v <= 5) || !(a >= 1 && a <= 5) {
			return nil, fmt.Errorf("datasets: valence-arousal lexicon: row %d (stem %q): valence %q and arousal %q, want numbers from 1 to 5", i+1, rec[0], rec[1], rec[2])
		}
		lex[rec[0]] = VA{v, a}
	}
	return lex, nil
}
