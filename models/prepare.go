package models

import (
	"github.com/storylens/storylens/datasets"
	"github.com/storylens/storylens/features"
)

// Para is one paragraph ready for the classifiers: its features, the
// names it mentions, and its story context (filled by NewStory).
type Para struct {
	Vec      features.Vector
	Mentions []features.Mention
	Pronouns features.PronounCounts
	// chars[k] is the cast member Mentions[k] refers to, or -1 (set by
	// NewStory).
	chars   []int
	POVHint string
	// narration pronoun counts, for story-level rates
	narrWords, narrFirst, narrSecond, narrThird float64
	// lex are the paragraph's tone lexicon values (appendLexiconOf),
	// looked up once for the paragraph and its story's mean.
	lex [lexiconLen]float64
	// vec is the mean vector of the paragraph's stems (meanVector).
	vec [datasets.VectorDim]float64
	// bag holds the columns of the paragraph's stems in vocab, the
	// vocabulary of the Analyzer that read it (see Model.Analyse), when
	// it had one; Vec.Stems is then nil.
	bag   []int
	vocab *features.Vocabulary
	// text is the paragraph's text, the caller's bytes (not copied: the
	// caller must not change them before NewStory), which NewStory's
	// cast reads and then lets go.
	text []byte
}

// Story is a story's paragraphs in order, with story-level context.
type Story struct {
	Name  string
	Paras []Para
	// Story-level narration pronoun rates (per narration word).
	First, Second, Third float64
	cast                 *cast
	// toneBase is the story's mean of the tone inputs that toneShift
	// compares each paragraph against (NaN where no paragraph has one).
	toneBase [toneShifted]float64
}

// NewPara analyses one paragraph's text.
func NewPara(a *features.Analyzer, text []byte, style features.QuoteStyle, povHint string) Para {
	d := a.Analyze(text, style)
	return newPara(&d, povHint)
}

func newPara(d *features.Doc, povHint string) Para {
	p := Para{Vec: features.Vectorize(d), POVHint: povHint, text: d.Text}
	p.Mentions, p.Pronouns = features.Mentions(d)
	narr := p.Vec.Dense[features.FWords] * (1 - p.Vec.Dense[features.FDialogue])
	p.narrWords = narr
	p.narrFirst = p.Vec.Dense[features.FNarrFirst] * narr
	p.narrSecond = p.Vec.Dense[features.FNarrSecond] * narr
	p.narrThird = p.Vec.Dense[features.FNarrThird] * narr
	var buf [256]int32
	idx := d.StemIndexes(buf[:0])
	appendLexiconOf(p.lex[:0], idx)
	meanVector(&p.vec, idx)
	if d.Vocab != nil {
		p.bag, p.vocab = d.Bag(nil), d.Vocab
	}
	return p
}

// NewStory computes the story-level context of its paragraphs; known
// are character names from the story's metadata, or nil.
func NewStory(name string, paras []Para, known []string) *Story {
	s := &Story{Name: name, Paras: paras}
	var w, f, sec, t float64
	for _, p := range paras {
		w += p.narrWords
		f += p.narrFirst
		sec += p.narrSecond
		t += p.narrThird
	}
	if w > 0 {
		s.First, s.Second, s.Third = f/w, sec/w, t/w
	}
	s.cast = buildCast(paras, known)
	for i := range paras {
		paras[i].text = nil // read by buildCast only
	}
	s.toneBase = toneBase(paras)
	for i := range s.Paras {
		p := &s.Paras[i]
		p.chars = make([]int, len(p.Mentions))
		for k, m := range p.Mentions {
			p.chars[k] = s.cast.of(m)
		}
	}
	return s
}

// Analyse splits a story into paragraphs and analyses each one once, for
// both the dataset row and the classifiers. Every paragraph keeps its
// stems: an Analyzer bound to a vocabulary is unbound first.
func Analyse(a *features.Analyzer, st *datasets.Story) (*Story, []datasets.Paragraph) {
	a.SetVocabulary(nil)
	return analyse(a, st)
}

// Analyse analyses a story for the model: it binds the Analyzer to the
// vocabulary of the model's tone classifier (features.Analyzer.
// SetVocabulary), so that each paragraph keeps the columns of its stems
// rather than the stems. Such a story can be labelled only by a model
// with the same tone vocabulary (this one, or another load of it).
func (m *Model) Analyse(a *features.Analyzer, st *datasets.Story) (*Story, []datasets.Paragraph) {
	var v *features.Vocabulary
	if m.Tone != nil && len(m.Tone.Encoder.Stems) > 0 {
		v = m.Tone.Encoder.vocab
	}
	a.SetVocabulary(v)
	return analyse(a, st)
}

// analyse is Analyse with the Analyzer as it is bound.
func analyse(a *features.Analyzer, st *datasets.Story) (*Story, []datasets.Paragraph) {
	blocks := features.Split(st.Data)
	style := features.DetectQuoteStyle(st.Data)
	paras := make([]Para, 0, len(blocks))
	rows := make([]datasets.Paragraph, 0, len(blocks))
	for _, b := range blocks {
		if b.Kind != features.KindParagraph {
			continue
		}
		text := st.Data[b.Start:b.End]
		d := a.Analyze(text, style)
		p := newPara(&d, b.POV)
		paras = append(paras, p)
		rows = append(rows, datasets.NewParagraph(st.Name, b, &d, text))
	}
	var known []string
	if st.Meta != nil {
		known = st.Meta.Characters
	}
	return NewStory(st.Name, paras, known), rows
}

// StoryFromLabelled builds a Story from labelled dataset rows (in story
// order), returning the rows alongside.
func StoryFromLabelled(a *features.Analyzer, ls datasets.LabelledStory) *Story {
	var all []byte
	for _, r := range ls.Rows {
		all = append(all, r.Text...)
		all = append(all, '\n')
	}
	style := features.DetectQuoteStyle(all)
	paras := make([]Para, len(ls.Rows))
	for i, r := range ls.Rows {
		paras[i] = NewPara(a, []byte(r.Text), style, "")
	}
	return NewStory(ls.Name, paras, nil)
}
