package datasets

import (
	"bytes"
	_ "embed"
	"fmt"
	"math"
	"strconv"
	"sync"
)

// VectorDim is the number of values of each stem vector.
const VectorDim = 50

//go:embed stem_vectors.csv
var stemVectorsCSV []byte

// Vectors are stem vectors: Stems[i]'s VectorDim values are
// Values[i*VectorDim : (i+1)*VectorDim], and its weight in a paragraph's
// mean is Weights[i] (lower for commoner stems).
type Vectors struct {
	Stems   []string
	Weights []float32
	Values  []float32
}

// Of returns stem i's values.
func (v *Vectors) Of(i int) []float32 {
	return v.Values[i*VectorDim : (i+1)*VectorDim : (i+1)*VectorDim]
}

// StemVectors are vectors of the 10,000 commonest Snowball stems of the
// public-domain novels of the "100 English Novels" corpus, derived by
// `go run ./datasets/vectors` from which stems stand near which (see
// the data card), most frequent first. A paragraph's mean vector,
// weighted by Weights, each dimension of which has mean 0 and standard
// deviation 1 over the corpus's paragraphs, says what it is about. They
// are decoded once.
var StemVectors = sync.OnceValues(func() (*Vectors, error) {
	return decodeStemVectors(stemVectorsCSV)
})

// decodeStemVectors reads the stem vectors CSV: '#' comment lines, the
// header stem,weight,d1,…,d50, then a stem, its weight and VectorDim
// decimals per line, each stem once. It is a plain scan rather than encoding/csv, which
// takes several times as long on its half a million fields and would set
// the start-up time of labelling one story.
func decodeStemVectors(b []byte) (*Vectors, error) {
	header := "stem,weight"
	for j := range VectorDim {
		header += ",d" + strconv.Itoa(j+1)
	}
	out := &Vectors{Stems: make([]string, 0, 10000), Values: make([]float32, 0, 10000*VectorDim)}
	seen := make(map[string]bool, 10000)
	n, seenHeader := 0, false
	for line := range bytes.Lines(b) {
		n++
		line = bytes.TrimRight(line, "\r\n")
		if !seenHeader {
			if len(line) == 0 || line[0] == '#' {
				continue
			}
			if string(line) != header {
				return nil, fmt.Errorf("datasets: stem vectors: line %d: header is not %s", n, header)
			}
			seenHeader = true
			continue
		}
		if len(line) == 0 {
			continue
		}
		stem, rest, ok := bytes.Cut(line, []byte{','})
		switch {
		case !ok:
			return nil, fmt.Errorf("datasets: stem vectors: line %d: want %d values", n, VectorDim)
		case len(stem) == 0:
			return nil, fmt.Errorf("datasets: stem vectors: line %d: no stem", n)
		case seen[string(stem)]:
			return nil, fmt.Errorf("datasets: stem vectors: line %d: %q again", n, stem)
		}
		seen[string(stem)] = true
		var field []byte
		field, rest, ok = bytes.Cut(rest, []byte{','})
		w, err := parseDecimal(field)
		if !ok || err != nil || w <= 0 {
			return nil, fmt.Errorf("datasets: stem vectors: line %d: weight %q is not a positive decimal followed by %d values", n, field, VectorDim)
		}
		out.Weights = append(out.Weights, w)
		for j := range VectorDim {
			var field []byte
			field, rest, ok = bytes.Cut(rest, []byte{','})
			if ok != (j < VectorDim-1) {
				return nil, fmt.Errorf("datasets: stem vectors: line %d: want %d values", n, VectorDim)
			}
			x, err := parseDecimal(field)
			if err != nil {
				return nil, fmt.Errorf("datasets: stem vectors: line %d, d%d: %w", n, j+1, err)
			}
			out.Values = append(out.Values, x)
		}
		out.Stems = append(out.Stems, string(stem))
	}
	if !seenHeader {
		return nil, fmt.Errorf("datasets: stem vectors: no header")
	}
	if len(out.Stems) == 0 {
		return nil, fmt.Errorf("datasets: stem vectors: no stems")
	}
	return out, nil
}

// parseDecimal reads a plain decimal number: an optional minus sign,
// digits, and optionally a point followed by one to six digits.
func parseDecimal(b []byte) (float32, error) {
	bad := func() (float32, error) { return 0, fmt.Errorf("%q is not a decimal number", b) }
	s := b
	neg := len(s) > 0 && s[0] == '-'
	if neg {
		s = s[1:]
	}
	whole, frac, point := s, []byte(nil), false
	if i := bytes.IndexByte(s, '.'); i >= 0 {
		whole, frac, point = s[:i], s[i+1:], true
	}
	if len(whole) == 0 || len(whole) > 9 || point && (len(frac) == 0 || len(frac) > 6) {
		return bad()
	}
	var n int64
	for _, c := range whole {
		if c < '0' || c > '9' {
			return bad()
		}
		n = n*10 + int64(c-'0')
	}
	for _, c := range frac {
		if c < '0' || c > '9' {
			return bad()
		}
		n = n*10 + int64(c-'0')
	}
	x := float64(n) / math.Pow10(len(frac))
	if neg {
		x = -x
	}
	return float32(x), nil
}
