// Command silver turns GoEmotions (Demszky et al., ACL 2020; Apache-2.0)
// into silver tone data for storylens: a dataset CSV of the comments with
// the tone their labels map to (datasets.GoEmotionsTone), usable as extra
// training data, and the tone lexicon the tone classifier reads
// (datasets/tone_lexicon.csv).
//
//	go run ./datasets/silver -goemotions ../shared/data/goemotions/data -csv silver.csv -lexicon datasets/tone_lexicon.csv
//
// The lexicon gives, for each Snowball stem found in at least MinDocs
// training comments, the log-ratio log P(stem | tone) / P(stem) for each
// tone, with add-one smoothing, rounded to three decimals. Only the train
// split is used, so the dev and test splits stay unseen.
package main

import (
	"encoding/csv"
	"flag"
	"fmt"
	"math"
	"os"
	"slices"
	"strconv"

	"github.com/gocarina/gocsv"
	"github.com/storylens/storylens/datasets"
	"github.com/storylens/storylens/features"
)

// MinDocs is how many comments a stem must appear in to enter the lexicon.
const MinDocs = 8

func main() {
	dir := flag.String("goemotions", "../shared/data/goemotions/data", "GoEmotions data folder (with original/)")
	csvOut := flag.String("csv", "", "write the silver dataset CSV here")
	lexOut := flag.String("lexicon", "", "write the tone lexicon CSV here")
	flag.Parse()
	if err := run(*dir, *csvOut, *lexOut); err != nil {
		fmt.Fprintln(os.Stderr, "silver:", err)
		os.Exit(1)
	}
}

type row struct {
	Story     string `csv:"story"`
	Paragraph int    `csv:"paragraph"`
	Tone      string `csv:"tone"`
	Text      string `csv:"text"`
}

func run(dir, csvOut, lexOut string) error {
	silver, err := datasets.ReadGoEmotions(dir, "train")
	if err != nil {
		return err
	}
	if csvOut != "" {
		rows := make([]row, len(silver))
		for i, s := range silver {
			rows[i] = row{Story: "goemotions-" + s.ID, Paragraph: 1, Tone: s.Tone, Text: s.Text}
		}
		f, err := os.Create(csvOut)
		if err != nil {
			return err
		}
		if err := gocsv.MarshalCSV(&rows, gocsv.NewSafeCSVWriter(csv.NewWriter(f))); err != nil {
			return err
		}
		if err := f.Close(); err != nil {
			return err
		}
	}
	if lexOut == "" {
		return nil
	}
	a := features.NewAnalyzer()
	tones := datasets.ToneLabels
	df := map[string][]int{}
	perTone := make([]int, len(tones))
	for _, s := range silver {
		t := slices.Index(tones, s.Tone)
		perTone[t]++
		d := a.Analyze([]byte(s.Text), features.DoubleQuotes)
		seen := map[string]bool{}
		for _, st := range d.Stems() {
			if seen[st] {
				continue
			}
			seen[st] = true
			if df[st] == nil {
				df[st] = make([]int, len(tones))
			}
			df[st][t]++
		}
	}
	var stems []string
	for st, c := range df {
		n := 0
		for _, x := range c {
			n += x
		}
		if n >= MinDocs {
			stems = append(stems, st)
		}
	}
	slices.Sort(stems)
	f, err := os.Create(lexOut)
	if err != nil {
		return err
	}
	w := csv.NewWriter(f)
	w.Write(append([]string{"stem"}, tones...))
	total := len(silver)
	for _, st := range stems {
		c := df[st]
		n := 0
		for _, x := range c {
			n += x
		}
		rec := []string{st}
		for t := range tones {
			pt := float64(c[t]+1) / float64(perTone[t]+2)
			p := float64(n+1) / float64(total+2)
			rec = append(rec, strconv.FormatFloat(math.Log(pt/p), 'f', 3, 64))
		}
		w.Write(rec)
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "silver: %d comments with a tone, %d stems in the lexicon\n", len(silver), len(stems))
	return f.Close()
}
