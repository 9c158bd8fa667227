package datasets

import (
	"strconv"
	"strings"

	"github.com/storylens/storylens/features"
)

// Float is a feature value, written in the shortest form that reads back
// exactly.
type Float float64

// MarshalCSV writes the value.
func (f Float) MarshalCSV() (string, error) { return strconv.FormatFloat(float64(f), 'g', -1, 64), nil }

// FeatureColumns are the named features of `export --features`, one
// column each, in features.Features order, then the stems.
// TestFeatureColumns keeps it in step with features.Features.
type FeatureColumns struct {
	FWords        Float  `csv:"f_words" json:"f_words"`
	FDialogue     Float  `csv:"f_dialogue" json:"f_dialogue"`
	FNarrFirst    Float  `csv:"f_narr_first" json:"f_narr_first"`
	FNarrSecond   Float  `csv:"f_narr_second" json:"f_narr_second"`
	FNarrThird    Float  `csv:"f_narr_third" json:"f_narr_third"`
	FNarrIPresent Float  `csv:"f_narr_i_present" json:"f_narr_i_present"`
	FDlgFirst     Float  `csv:"f_dlg_first" json:"f_dlg_first"`
	FDlgSecond    Float  `csv:"f_dlg_second" json:"f_dlg_second"`
	FPast         Float  `csv:"f_past" json:"f_past"`
	FPresent      Float  `csv:"f_present" json:"f_present"`
	FSentences    Float  `csv:"f_sentences" json:"f_sentences"`
	FMeanSentence Float  `csv:"f_mean_sentence" json:"f_mean_sentence"`
	FMaxSentence  Float  `csv:"f_max_sentence" json:"f_max_sentence"`
	FExclaim      Float  `csv:"f_exclaim" json:"f_exclaim"`
	FQuestion     Float  `csv:"f_question" json:"f_question"`
	FEllipsis     Float  `csv:"f_ellipsis" json:"f_ellipsis"`
	FDash         Float  `csv:"f_dash" json:"f_dash"`
	FComma        Float  `csv:"f_comma" json:"f_comma"`
	FSemicolon    Float  `csv:"f_semicolon" json:"f_semicolon"`
	FCaps         Float  `csv:"f_caps" json:"f_caps"`
	FMeanWordLen  Float  `csv:"f_mean_word_len" json:"f_mean_word_len"`
	FValence      Float  `csv:"f_valence" json:"f_valence"`
	FPositive     Float  `csv:"f_positive" json:"f_positive"`
	FNegative     Float  `csv:"f_negative" json:"f_negative"`
	FMaxValence   Float  `csv:"f_max_valence" json:"f_max_valence"`
	FMinValence   Float  `csv:"f_min_valence" json:"f_min_valence"`
	FStartsQuote  Float  `csv:"f_starts_quote" json:"f_starts_quote"`
	FOpenAtEnd    Float  `csv:"f_open_at_end" json:"f_open_at_end"`
	Stems         string `csv:"stems" json:"stems"`
}

// NewFeatureColumns fills the columns from a vector.
func NewFeatureColumns(v *features.Vector) FeatureColumns {
	d := &v.Dense
	return FeatureColumns{
		FWords:        Float(d[features.FWords]),
		FDialogue:     Float(d[features.FDialogue]),
		FNarrFirst:    Float(d[features.FNarrFirst]),
		FNarrSecond:   Float(d[features.FNarrSecond]),
		FNarrThird:    Float(d[features.FNarrThird]),
		FNarrIPresent: Float(d[features.FNarrI]),
		FDlgFirst:     Float(d[features.FDlgFirst]),
		FDlgSecond:    Float(d[features.FDlgSecond]),
		FPast:         Float(d[features.FPast]),
		FPresent:      Float(d[features.FPresent]),
		FSentences:    Float(d[features.FSentences]),
		FMeanSentence: Float(d[features.FMeanSentence]),
		FMaxSentence:  Float(d[features.FMaxSentence]),
		FExclaim:      Float(d[features.FExclaim]),
		FQuestion:     Float(d[features.FQuestion]),
		FEllipsis:     Float(d[features.FEllipsis]),
		FDash:         Float(d[features.FDash]),
		FComma:        Float(d[features.FComma]),
		FSemicolon:    Float(d[features.FSemicolon]),
		FCaps:         Float(d[features.FCaps]),
		FMeanWordLen:  Float(d[features.FMeanWordLen]),
		FValence:      Float(d[features.FValence]),
		FPositive:     Float(d[features.FPositive]),
		FNegative:     Float(d[features.FNegative]),
		FMaxValence:   Float(d[features.FMaxValence]),
		FMinValence:   Float(d[features.FMinValence]),
		FStartsQuote:  Float(d[features.FStartsQuote]),
		FOpenAtEnd:    Float(d[features.FOpenAtEnd]),
		Stems:         strings.Join(v.Stems, " "),
	}
}

// Exported is one row of `storylens export --features`: the dataset
// columns, then the features.
type Exported struct {
	Record
	FeatureColumns
}

// MetaColumns are the story-level columns of `storylens export --meta`,
// from an AO3 or EPUB download's metadata; lists are joined with ", "
// (AO3 tags cannot contain commas), notes with a blank line. Empty for
// plain text.
type MetaColumns struct {
	Title         string `csv:"title" json:"title"`
	Authors       string `csv:"authors" json:"authors"`
	Rating        string `csv:"rating" json:"rating"`
	Warnings      string `csv:"warnings" json:"warnings"`
	Categories    string `csv:"categories" json:"categories"`
	Fandoms       string `csv:"fandoms" json:"fandoms"`
	Relationships string `csv:"relationships" json:"relationships"`
	Characters    string `csv:"characters" json:"characters"`
	Tags          string `csv:"tags" json:"tags"`
	Language      string `csv:"language" json:"language"`
	Series        string `csv:"series" json:"series"`
	Published     string `csv:"published" json:"published"`
	Updated       string `csv:"updated" json:"updated"`
	StoryWords    string `csv:"story_words" json:"story_words"`
	Chapters      string `csv:"chapters" json:"chapters"`
	Summary       string `csv:"summary" json:"summary"`
	Notes         string `csv:"notes" json:"notes"`
}

// NewMetaColumns fills the columns from a story's metadata (nil gives
// empty columns).
func NewMetaColumns(m *Metadata) MetaColumns {
	if m == nil {
		return MetaColumns{}
	}
	j := func(xs []string) string { return strings.Join(xs, ", ") }
	return MetaColumns{Title: m.Title, Authors: j(m.Authors), Rating: j(m.Rating), Warnings: j(m.Warnings),
		Categories: j(m.Categories), Fandoms: j(m.Fandoms), Relationships: j(m.Relationships),
		Characters: j(m.Characters), Tags: j(m.Tags), Language: m.Language, Series: j(m.Series),
		Published: m.Published, Updated: m.Updated, StoryWords: m.Words, Chapters: m.Chapters,
		Summary: m.Summary, Notes: strings.Join(m.Notes, "\n\n")}
}

// ExportedMeta is a row of `export --meta`.
type ExportedMeta struct {
	Record
	MetaColumns
}

// ExportedAll is a row of `export --meta --features`.
type ExportedAll struct {
	Record
	MetaColumns
	FeatureColumns
}
