package models

import (
	"fmt"
	"hash/fnv"
	"slices"
	"strings"
	"unicode"

	"github.com/storylens/storylens/datasets"
)

// TrainedOn is what a classifier records of the data it trained on, so
// that eval can say when data is not held out: the names of the stories
// with labels for its task, and a hash of each such labelled paragraph
// of at least MinHashWords words (TextHash, as 16 hex digits: a JSON
// number would lose bits in tools that read numbers as doubles). Both
// lists are sorted; Decode sorts them again.
type TrainedOn struct {
	Stories []string `json:"stories"`
	Texts   []string `json:"texts"`
}

// MinHashWords is the fewest words a paragraph needs for its hash to be
// recorded and checked: shorter ones ("What?", "He shuddered.") recur
// across unrelated stories, and would make new data look seen.
const MinHashWords = datasets.MinLabelWords

// TextHash is the hash TrainedOn.Texts holds for a paragraph's text, and
// its number of words: FNV-1a over its runs of letters and digits,
// lower-cased, joined by single spaces, so that white space, case,
// punctuation and the style of quotation marks do not count (a CSV may
// have turned CRLF into LF, an editor straight quotes into curly ones).
func TextHash(text string) (string, int) {
	h := fnv.New64a()
	var buf []byte
	words := 0
	for w := range strings.FieldsFuncSeq(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if words > 0 {
			buf = append(buf, ' ')
		}
		buf = append(buf, strings.ToLower(w)...)
		words++
	}
	h.Write(buf)
	return fmt.Sprintf("%016x", h.Sum64()), words
}

// trainedOn records the stories of d with labels for task, and the
// hashes of their labelled paragraphs.
func trainedOn(d *Data, task string) *TrainedOn {
	t := &TrainedOn{Stories: []string{}, Texts: []string{}}
	for s, rows := range d.Rows {
		labelled := false
		for _, r := range rows {
			if r.Label(task) == "" {
				continue
			}
			labelled = true
			if h, n := TextHash(r.Text); n >= MinHashWords {
				t.Texts = append(t.Texts, h)
			}
		}
		if labelled {
			t.Stories = append(t.Stories, d.Stories[s].Name)
		}
	}
	t.sort()
	return t
}

func (t *TrainedOn) sort() {
	slices.Sort(t.Stories)
	t.Stories = slices.Compact(t.Stories)
	slices.Sort(t.Texts)
	t.Texts = slices.Compact(t.Texts)
}

// Overlap is how much of a dataset's labelled data for one task the
// task's classifier trained on.
type Overlap struct {
	// Known is false when the classifier does not record its training
	// data (an older model file): then nothing else is set.
	Known bool
	// Seen of Checked labelled paragraphs of MinHashWords words or more
	// are paragraphs the classifier trained on; SeenStories names the
	// stories they are in.
	Seen, Checked int
	SeenStories   []string
	// TrainedStories of Names story names with labels for the task are
	// names of stories the classifier trained on.
	TrainedStories []string
	Names          int
}

// HeldOut reports whether the data is held out from the classifier's
// training: no paragraph it trained on, and no story it trained on.
func (o Overlap) HeldOut() bool { return o.Known && o.Seen == 0 && len(o.TrainedStories) == 0 }

// Overlap compares the labelled stories' rows for the classifier's task
// with what it trained on.
func (c *Classifier) Overlap(ls []datasets.LabelledStory) Overlap {
	t := c.Trained
	if t == nil {
		return Overlap{}
	}
	o := Overlap{Known: true}
	var names []string
	for _, l := range ls {
		labelled := false
		for i := range l.Rows {
			r := &l.Rows[i]
			if r.Label(c.Task) == "" {
				continue
			}
			labelled = true
			h, n := TextHash(r.Text)
			if n < MinHashWords {
				continue
			}
			o.Checked++
			if _, ok := slices.BinarySearch(t.Texts, h); ok {
				o.Seen++
				if !slices.Contains(o.SeenStories, l.Name) {
					o.SeenStories = append(o.SeenStories, l.Name)
				}
			}
		}
		if labelled && !slices.Contains(names, l.Name) {
			names = append(names, l.Name)
			if _, ok := slices.BinarySearch(t.Stories, l.Name); ok {
				o.TrainedStories = append(o.TrainedStories, l.Name)
			}
		}
	}
	o.Names = len(names)
	slices.Sort(o.TrainedStories)
	return o
}
