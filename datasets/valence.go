package datasets

import (
	_ "embed"
	"fmt"
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
	recs, err := readDataCSV("valence-arousal lexicon", b, []string{"stem", "valence", "arousal", "sentences"})
	if err != nil {
		return nil, err
	}
	lex := make(map[string]VA, len(recs))
	for i, rec := range recs {
		v, errV := strconv.ParseFloat(rec[1], 64)
		a, errA := strconv.ParseFloat(rec[2], 64)
		if errV != nil || errA != nil || !(v >= 1 && v <= 5) || !(a >= 1 && a <= 5) {
			return nil, fmt.Errorf("datasets: valence-arousal lexicon: row %d (stem %q): valence %q and arousal %q, want numbers from 1 to 5", i+1, rec[0], rec[1], rec[2])
		}
		lex[rec[0]] = VA{v, a}
	}
	return lex, nil
}
