package features

import (
	"slices"
	"sort"
)

// Vocabulary maps stems to the columns of a bag-of-stems vector. It is
// learned from training data by BuildVocabulary and saved with a model.
type Vocabulary struct {
	Stems []string // column order
	index map[string]int
}

// NewVocabulary indexes stems in the given column order.
func NewVocabulary(stems []string) *Vocabulary {
	v := &Vocabulary{Stems: stems, index: make(map[string]int, len(stems))}
	for i, s := range stems {
		v.index[s] = i
	}
	return v
}

// BuildVocabulary keeps the stems found in at least minDocs documents, the
// max most frequent by document frequency (ties in byte order), so the
// same documents always give the same vocabulary.
func BuildVocabulary(docs [][]string, minDocs, max int) *Vocabulary {
	df := map[string]int{}
	seen := map[string]bool{}
	for _, d := range docs {
		clear(seen)
		for _, s := range d {
			if !seen[s] {
				seen[s] = true
				df[s]++
			}
		}
	}
	var stems []string
	for s, n := range df {
		if n >= minDocs {
			stems = append(stems, s)
		}
	}
	sort.Slice(stems, func(i, j int) bool {
		if df[stems[i]] != df[stems[j]] {
			return df[stems[i]] > df[stems[j]]
		}
		return stems[i] < stems[j]
	})
	if max > 0 && len(stems) > max {
		stems = stems[:max]
	}
	slices.Sort(stems)
	return NewVocabulary(stems)
}

// Len is the number of stems.
func (v *Vocabulary) Len() int { return len(v.Stems) }

// Index returns the column of a stem.
func (v *Vocabulary) Index(stem string) (int, bool) {
	i, ok := v.index[stem]
	return i, ok
}

// Bag appends to dst the sorted, distinct columns of the stems that are in
// the vocabulary.
func (v *Vocabulary) Bag(dst []int, stems []string) []int {
	start := len(dst)
	for _, s := range stems {
		if i, ok := v.index[s]; ok {
			dst = append(dst, i)
		}
	}
	tail := dst[start:]
	slices.Sort(tail)
	return append(dst[:start], slices.Compact(tail)...)
}
