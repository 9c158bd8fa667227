package models

import (
	"slices"
	"testing"

	"github.com/storylens/storylens/datasets"
)

// TestTextHash: white space, case, punctuation and quotation marks do
// not change a paragraph's hash; its words do.
func TestTextHash(t *testing.T) {
	h, n := TextHash("\"Come in,\" she said. \"It's raining.\"")
	if n != 7 {
		t.Errorf("words = %d, want 7", n)
	}
	for _, v := range []string{"\u201ccome IN,\u201d she said.\r\n\u201cIt\u2019s raining.\u201d", "  'Come in' she said -- 'It's raining'  "} {
		if g, _ := TextHash(v); g != h {
			t.Errorf("TextHash(%q) = %s, want %s", v, g, h)
		}
	}
	if g, _ := TextHash("\"Come in,\" he said. \"It's raining.\""); g == h {
		t.Error("a different word gives the same hash")
	}
}

// TestFitRecordsItsData: each classifier records the stories and
// paragraphs labelled for its own task; a refitted task records the data
// it was refitted on, the others keep their base's record; Decode sorts
// a record edited out of order.
func TestFitRecordsItsData(t *testing.T) {
	long := "Anna walked home through the rain without her coat."
	other := "Ben waited by the window for a long time that night."
	ls := []datasets.LabelledStory{
		{Name: "rain", Rows: []datasets.Labelled{
			{Paragraph: 1, Text: long, POV: "third", Row: 1},
			{Paragraph: 2, Text: other, Tone: "sad", Row: 2},
			{Paragraph: 3, Text: "He shuddered.", POV: "third", Tone: "tense", Row: 3},
		}},
	}
	base, err := Fit(Prepare(ls), []string{"pov", "tone"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	hl, _ := TextHash(long)
	ho, _ := TextHash(other)
	if got := base.POV.Trained; !slices.Equal(got.Stories, []string{"rain"}) || !slices.Equal(got.Texts, []string{hl}) {
		t.Errorf("pov records %+v, want rain and the first paragraph only", got)
	}
	if got := base.Tone.Trained; !slices.Equal(got.Texts, []string{ho}) {
		t.Errorf("tone records %+v, want the second paragraph only", got)
	}
	o := base.Tone.Overlap(ls)
	if o.Seen != 1 || o.Checked != 1 || o.HeldOut() || len(o.TrainedStories) != 1 {
		t.Errorf("tone overlap with its own data = %+v", o)
	}
	snow := []datasets.LabelledStory{{Name: "snow", Rows: []datasets.Labelled{{Paragraph: 1, Text: "Snow fell on the quiet town all through the night.", Tone: "sad", Row: 1}}}}
	m, err := Fit(Prepare(snow), []string{"tone"}, base)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(m.Tone.Trained.Stories, []string{"snow"}) || m.POV.Trained != base.POV.Trained {
		t.Errorf("refitted: tone records %+v, pov %+v", m.Tone.Trained, m.POV.Trained)
	}
	if !m.Tone.Overlap(ls).HeldOut() || base.Tone.Overlap(snow).Seen != 0 {
		t.Error("a refitted tone classifier still claims its base's data")
	}
	base.POV.Trained.Texts = []string{"ffffffffffffffff", hl, "0000000000000000"}
	b, err := base.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	d, err := Decode("m", b)
	if err != nil {
		t.Fatal(err)
	}
	if o := d.POV.Overlap(ls); o.Seen != 1 {
		t.Errorf("a record out of order: overlap %+v", o)
	}
}
