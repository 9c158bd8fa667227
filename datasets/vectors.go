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
// Values[i*VectorDim : (i+1)*VectorDim].
type Vectors struct {
	Stems  []string
	Values []float32
}

// Of returns stem i's values.
func (v *Vectors) Of(i int) []float32 { return v.Values[i*VectorDim : (i+1)*VectorDim] }

// StemVectors are vectors of the 10,000 commonest Snowball stems of the
// public-domain novels of the "100 English Novels" corpus, derived by
// `go run ./datasets/vectors` from which stems stand near which (see
// the data card), most frequent first. A paragraph's mean vector, each
// dimension of which has mean 0 and standard deviation 1 over the
// corpus's paragraphs, says what it is about. They are decoded once.
var StemVectors = sync.OnceValues(func() (*Vectors, error) {
	return decodeStemVectors(stemVectorsCSV)
})

// decodeStemVectors reads the stem vectors CSV: '#' comment lines, the
// header stem,d1,…,d50, then a stem and VectorDim decimals per line. It
// is a plain scan rather than encoding/csv, which takes several times as
// long on its half a million fields and would set the start-up time of
// labelling one story.
func decodeStemVectors(b []byte) (*Vectors, error) {
	header := "stem"
	for j := range VectorDim {
		header += ",d" + strconv.Itoa(j+1)
	}
	out := &Vectors{Stems: make([]string, 0, 10000), Values: make([]float32, 0, 10000*VectorDim)}
	n, seenHeader := 0, false
	for line := range bytes.Lines(b) {
		n++
		line = bytes.TrimRight(line, "\r\n")
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		if !seenHeader {
			if string(line) != header {
				return nil, fmt.Errorf("datasets: stem vectors: line %d: header is not %s", n, header)
			}
			seenHeader = true
			continue
		}
		stem, rest, ok := bytes.Cut(line, []byte{','})
		if !ok || len(stem) == 0 {
			return nil, fmt.Errorf("datasets: stem vectors: line %d: no stem", n)
		}
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
	return out, nil
}

// parseDecimal reads a plain decimal number: an optional minus sign,
// digits, and optionally a point and up to six more digits.
func parseDecimal(b []byte) (float32, error) {
	s := b
	neg := len(s) > 0 && s[0] == '-'
	if neg {
		s = s[1:]
	}
	var n int64
	digits, decimals, point := 0, 0, false
	for _, c := range s {
		switch {
		case c == '.' && !point:
			point = true
		case c >= '0' && c <= '9' && digits < 15 && decimals < 6:
			n = n*10 + int64(c-'0')
			digits++
			if point {
				decimals++
			}
		default:
			return 0, fmt.Errorf("%q is not a decimal number", b)
		}
	}
	if digits == 0 {
		return 0, fmt.Errorf("%q is not a decimal number", b)
	}
	x := float64(n) / math.Pow10(decimals)
	if neg {
		x = -x
	}
	return float32(x), nil
}
