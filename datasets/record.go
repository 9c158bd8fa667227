package datasets

import (
	"encoding/json"
	"math"
	"strconv"
	"strings"

	"github.com/storylens/storylens/features"
)

// Share is a number in [0,1] written with three decimals in CSV and JSON.
type Share float64

// NoShare is the share of a label not given (a model without that
// task's classifier): an empty CSV cell, JSON null.
var NoShare = Share(math.NaN())

// MarshalCSV writes the share with three decimals (NoShare as empty).
func (s Share) MarshalCSV() (string, error) {
	if math.IsNaN(float64(s)) {
		return "", nil
	}
	return strconv.FormatFloat(float64(s), 'f', 3, 64), nil
}

// MarshalJSON writes the share with three decimals (NoShare as null).
func (s Share) MarshalJSON() ([]byte, error) {
	if math.IsNaN(float64(s)) {
		return []byte("null"), nil
	}
	return strconv.AppendFloat(nil, float64(s), 'f', 3, 64), nil
}

// UnmarshalCSV reads a share; an empty cell is 0.
func (s *Share) UnmarshalCSV(v string) error {
	if v == "" {
		*s = 0
		return nil
	}
	f, err := strconv.ParseFloat(v, 64)
	*s = Share(f)
	return err
}

// Position is where a paragraph is and what it holds: the dataset columns
// before the labels.
type Position struct {
	Story     string `csv:"story" json:"story"`
	Chapter   int    `csv:"chapter" json:"chapter"`
	Paragraph int    `csv:"paragraph" json:"paragraph"`
	Start     int    `csv:"start" json:"start"`
	End       int    `csv:"end" json:"end"`
	Words     int    `csv:"words" json:"words"`
	Dialogue  Share  `csv:"dialogue" json:"dialogue"`
}

// Paragraph is one row of `storylens paragraphs`: the dataset columns that
// need no model.
type Paragraph struct {
	Position
	Text string `csv:"text" json:"text"`
}

// NewParagraph makes the row of a paragraph block of a story.
func NewParagraph(story string, b features.Block, d *features.Doc, text []byte) Paragraph {
	return Paragraph{Position: Position{Story: story, Chapter: b.Chapter, Paragraph: b.Index, Start: b.Start, End: b.End,
		Words: d.Words, Dialogue: Share(d.DialogueShare())}, Text: string(text)}
}

// Analysed is a story's paragraph with its analysis, the input to
// feature vectors and models.
type Analysed struct {
	Block  features.Block
	Row    Paragraph
	Vector features.Vector
}

// Analyse splits a story into paragraphs and analyses each one with a.
// Structure blocks (headings, scene breaks) are not returned; their effect
// is in each paragraph's Block (chapter, scene, point-of-view hint).
func Analyse(s *Story, a *features.Analyzer) []Analysed {
	blocks := features.Split(s.Data)
	style := features.DetectQuoteStyle(s.Data)
	out := make([]Analysed, 0, len(blocks))
	for _, b := range blocks {
		if b.Kind != features.KindParagraph {
			continue
		}
		text := s.Data[b.Start:b.End]
		doc := a.Analyze(text, style)
		out = append(out, Analysed{
			Block:  b,
			Vector: features.Vectorize(&doc),
			Row:    NewParagraph(s.Name, b, &doc, text),
		})
	}
	return out
}

// Record is one row of the dataset CSV with predictions: the columns of
// `storylens label` and `storylens export`.
type Record struct {
	Position
	POV             string `csv:"pov" json:"pov"`
	POVConfidence   Share  `csv:"pov_confidence" json:"pov_confidence"`
	Tone            string `csv:"tone" json:"tone"`
	ToneConfidence  Share  `csv:"tone_confidence" json:"tone_confidence"`
	Focus           string `csv:"focus" json:"focus"`
	FocusConfidence Share  `csv:"focus_confidence" json:"focus_confidence"`
	Text            string `csv:"text" json:"text"`
	// ToneProbs is the tone classifier's probability of each tone, when
	// asked for (label and export --probs); the CSV writer adds them as
	// tone_p_<tone> columns after the others.
	ToneProbs *Probabilities `csv:"-" json:"tone_probs,omitempty"`
}

// PredictionColumns returns the columns of a CSV header that storylens's
// predictions (label, export) have and labels a person gave do not: the
// *_confidence columns.
func PredictionColumns(header []string) []string {
	var cols []string
	for _, c := range header {
		if strings.HasSuffix(strings.TrimPrefix(c, "\uFEFF"), "_confidence") {
			cols = append(cols, c)
		}
	}
	return cols
}

// ToneProbabilities returns the row's tone probabilities, or nil; rows
// that embed a Record have it too.
func (r Record) ToneProbabilities() *Probabilities { return r.ToneProbs }

// Probabilities is a classifier's probability of each of its labels.
// JSON writes it as an object from label to probability, in the labels'
// order.
type Probabilities struct {
	Labels []string
	P      []float64
}

// MarshalJSON writes {"label": p, ...} with three decimals, as the
// confidence columns.
func (p *Probabilities) MarshalJSON() ([]byte, error) {
	b := []byte{'{'}
	for i, l := range p.Labels {
		if i > 0 {
			b = append(b, ',')
		}
		k, err := json.Marshal(l)
		if err != nil {
			return nil, err
		}
		b = append(b, k...)
		b = append(b, ':')
		b = strconv.AppendFloat(b, p.P[i], 'f', 3, 64)
	}
	return append(b, '}'), nil
}
