// Command emobank derives storylens's valence–arousal lexicon
// (datasets/va_lexicon.csv) from EmoBank (Buechel & Hahn, EACL 2017;
// CC BY-SA 4.0; https://github.com/JULIELab/EmoBank): sentences rated
// for valence, arousal and dominance on 1–5.
//
//	go run ./datasets/emobank -emobank ../shared/data/emobank/corpus -out datasets/va_lexicon.csv
//
// For each Snowball stem found in at least MinSentences of the chosen
// sentences (all categories by default; -category fiction keeps the
// fiction only), the lexicon gives the mean valence and arousal of those
// sentences, shrunk toward the mean of all sentences as if Prior more
// sentences at that mean had been seen. Stems in more than MaxShare of
// the sentences (function words) are left out: they carry no emotion and
// would pull every paragraph's mean toward the middle.
package main

import (
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/storylens/storylens/features"
)

// The lexicon's settings.
const (
	MinSentences = 3
	Prior        = 5
	MaxShare     = 0.05
)

func main() {
	dir := flag.String("emobank", "../shared/data/emobank/corpus", "EmoBank corpus folder (emobank.csv, meta.tsv)")
	out := flag.String("out", "datasets/va_lexicon.csv", "write the lexicon CSV here")
	category := flag.String("category", "", "keep only sentences of this meta.tsv category (e.g. fiction); all when empty")
	flag.Parse()
	if err := run(*dir, *out, *category); err != nil {
		fmt.Fprintln(os.Stderr, "emobank:", err)
		os.Exit(1)
	}
}

// sentence is one rated EmoBank sentence.
type sentence struct {
	v, a float64
	text string
}

func run(dir, out, category string) error {
	keep, err := readCategories(filepath.Join(dir, "meta.tsv"), category)
	if err != nil {
		return err
	}
	sents, err := readSentences(filepath.Join(dir, "emobank.csv"), keep)
	if err != nil {
		return err
	}
	if len(sents) == 0 {
		return fmt.Errorf("no sentences of category %q in %s", category, dir)
	}
	lex, meanV, meanA := build(sents)
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	if err := write(f, lex, category, len(sents), meanV, meanA); err != nil {
		f.Close()
		return err
	}
	fmt.Fprintf(os.Stderr, "emobank: %d sentences, %d stems in the lexicon\n", len(sents), len(lex))
	return f.Close()
}

// readCategories returns the ids of the sentences of a category, or nil
// (keep all) when category is empty.
func readCategories(path, category string) (map[string]bool, error) {
	if category == "" {
		return nil, nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	keep := map[string]bool{}
	for n, line := range strings.Split(strings.TrimRight(string(b), "\n"), "\n") {
		f := strings.Split(line, "\t")
		if len(f) < 3 {
			return nil, fmt.Errorf("%s: line %d: %d fields, want id, document, category", path, n+1, len(f))
		}
		if f[2] == category {
			keep[f[0]] = true
		}
	}
	return keep, nil
}

// readSentences reads emobank.csv (id,split,V,A,D,text), keeping the ids
// in keep (all when keep is nil).
func readSentences(path string, keep map[string]bool) ([]sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	head, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if !slices.Equal(head, []string{"id", "split", "V", "A", "D", "text"}) {
		return nil, fmt.Errorf("%s: header %v, want id,split,V,A,D,text", path, head)
	}
	var out []sentence
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		if keep != nil && !keep[rec[0]] {
			continue
		}
		line, _ := r.FieldPos(0)
		v, errV := strconv.ParseFloat(rec[2], 64)
		a, errA := strconv.ParseFloat(rec[3], 64)
		if errV != nil || errA != nil || v < 1 || v > 5 || a < 1 || a > 5 {
			return nil, fmt.Errorf("%s: line %d: valence %q and arousal %q, want numbers from 1 to 5", path, line, rec[2], rec[3])
		}
		out = append(out, sentence{v: v, a: a, text: rec[5]})
	}
}

// entry is one stem's shrunk mean valence and arousal.
type entry struct {
	stem string
	v, a float64
	n    int
}

// build computes the lexicon, sorted by stem, and the mean valence and
// arousal of all sentences.
func build(sents []sentence) ([]entry, float64, float64) {
	an := features.NewAnalyzer()
	type sum struct {
		v, a float64
		n    int
	}
	sums := map[string]*sum{}
	var meanV, meanA float64
	for _, s := range sents {
		meanV += s.v / float64(len(sents))
		meanA += s.a / float64(len(sents))
		d := an.Analyze([]byte(s.text), features.DoubleQuotes)
		seen := map[string]bool{}
		for _, st := range d.Stems() {
			if seen[st] {
				continue
			}
			seen[st] = true
			if sums[st] == nil {
				sums[st] = &sum{}
			}
			sums[st].v += s.v
			sums[st].a += s.a
			sums[st].n++
		}
	}
	var lex []entry
	for st, s := range sums {
		if s.n < MinSentences || float64(s.n) > MaxShare*float64(len(sents)) {
			continue
		}
		lex = append(lex, entry{stem: st, n: s.n,
			v: (s.v + Prior*meanV) / float64(s.n+Prior),
			a: (s.a + Prior*meanA) / float64(s.n+Prior)})
	}
	slices.SortFunc(lex, func(x, y entry) int { return strings.Compare(x.stem, y.stem) })
	return lex, meanV, meanA
}

func write(w io.Writer, lex []entry, category string, n int, meanV, meanA float64) error {
	which := "all categories"
	if category != "" {
		which = "category " + category
	}
	fmt.Fprintf(w, `# Valence-arousal lexicon derived from EmoBank (Sven Buechel and Udo Hahn, EACL 2017,
# https://github.com/JULIELab/EmoBank), licensed CC BY-SA 4.0
# (https://creativecommons.org/licenses/by-sa/4.0/); this derived file is shared under
# the same licence. Made by go run ./datasets/emobank from %d sentences (%s):
# per Snowball stem in at least %d and at most %g%% of them, the mean valence and arousal
# (1-5) of those sentences, shrunk toward the overall means (valence %.3f, arousal %.3f)
# with a prior weight of %d sentences.
`, n, which, MinSentences, MaxShare*100, meanV, meanA, Prior)
	cw := csv.NewWriter(w)
	cw.Write([]string{"stem", "valence", "arousal", "sentences"})
	for _, e := range lex {
		cw.Write([]string{e.stem, strconv.FormatFloat(e.v, 'f', 3, 64), strconv.FormatFloat(e.a, 'f', 3, 64), strconv.Itoa(e.n)})
	}
	cw.Flush()
	return cw.Error()
}
