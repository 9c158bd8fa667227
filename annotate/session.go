package annotate

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/storylens/storylens/datasets"
	"github.com/storylens/storylens/models"
)

// Command keys; every other key picks a label.
const (
	KeyAccept = "enter"     // take the suggestion
	KeySkip   = "tab"       // leave the paragraph for later
	KeyUndo   = "backspace" // remove the last answer and ask it again
	KeyBack   = "left"      // go to the previous paragraph
	KeyQuit   = "esc"       // stop (ctrl+c too)
	KeyHelp   = "?"
)

// KeyMap lists the command keys with what they do, in the order the help
// line shows them.
var KeyMap = []struct{ Key, Shown, Does string }{
	{KeyAccept, "enter", "accept"},
	{KeySkip, "tab", "skip"},
	{KeyUndo, "backspace", "undo"},
	{KeyBack, "←", "back"},
	{KeyQuit, "esc", "quit"},
	{KeyHelp, "?", "help"},
}

// HelpLine is the help line drawn from KeyMap.
func HelpLine() string {
	var parts []string
	for _, k := range KeyMap {
		parts = append(parts, k.Shown+" "+k.Does)
	}
	return strings.Join(parts, " · ")
}

// Doc is one input story, analysed.
type Doc struct {
	Story *models.Story
	Rows  []datasets.Paragraph
	Meta  *datasets.Metadata
}

// hasWord reports whether w stands as a word in the story's text.
func (d *Doc) hasWord(w string) bool {
	if w == "" {
		return false
	}
	for _, r := range d.Rows {
		for at := 0; ; {
			k := strings.Index(r.Text[at:], w)
			if k < 0 {
				break
			}
			k += at
			before, _ := utf8.DecodeLastRuneInString(r.Text[:k])
			after, _ := utf8.DecodeRuneInString(r.Text[k+len(w):])
			if !unicode.IsLetter(before) && !unicode.IsLetter(after) {
				return true
			}
			at = k + len(w)
		}
	}
	return false
}

// item is one paragraph to label.
type item struct{ doc, para int }

// Choice is a label and the key that picks it.
type Choice struct {
	Key, Label string
}

// Options are the settings of a session.
type Options struct {
	Tasks        []string            // pov, tone, focus, in the order asked
	Labels       map[string][]string // label sets per task; focus is per story when absent
	Uncertain    bool                // least confident first
	RetrainEvery int                 // retrain after this many answers (0: never)
}

// Session walks the paragraphs, offers suggestions and records answers.
// It holds no terminal: the TUI and the line driver both call Press.
type Session struct {
	opts    Options
	docs    []Doc
	store   *Store
	model   *models.Model
	sugg    [][]models.Labels // per doc, per paragraph
	items   []item
	queue   []int // item indices in the order asked
	pos     int   // position in queue
	stage   int   // index in opts.Tasks for the current paragraph
	pending Answer
	prior   Answer // the current paragraph's labels from earlier answers
	done    map[Key]bool
	trail   []int     // queue positions visited, for back
	credits [][2]bool // per answer written this run: suggestion shown, taken

	Started   time.Time
	Answered  int // answers this run
	Suggested int // answers for which a suggestion was shown
	Accepted  int // answers that took the suggestion
	Message   string
}

// NewSession prepares a session over docs, skipping paragraphs the store
// already has answers for.
func NewSession(docs []Doc, store *Store, model *models.Model, opts Options) *Session {
	s := &Session{opts: opts, docs: docs, store: store, model: model, done: map[Key]bool{}, Started: time.Now()}
	for k, a := range store.Labelled() {
		s.done[k] = s.covers(a)
	}
	for d, doc := range docs {
		for p := range doc.Rows {
			s.items = append(s.items, item{d, p})
		}
	}
	s.suggest()
	s.order()
	s.startParagraph()
	return s
}

// covers reports whether an answer has a label for each of the
// session's tasks: a paragraph answered for tone only is still to do in a
// session that asks pov.
func (s *Session) covers(a Answer) bool {
	return !slices.ContainsFunc(s.opts.Tasks, func(t string) bool { return a.label(t) == "" })
}

// SetModel replaces the model (after retraining) and refreshes the
// suggestions and, with Uncertain, the order of what is left.
func (s *Session) SetModel(m *models.Model) {
	s.model = m
	s.suggest()
	if s.opts.Uncertain {
		cur := s.currentItem()
		s.order()
		if cur >= 0 {
			s.pos = max(0, slices.Index(s.queue, cur))
		}
	}
}

func (s *Session) suggest() {
	s.sugg = make([][]models.Labels, len(s.docs))
	if s.model == nil {
		return
	}
	for d, doc := range s.docs {
		s.sugg[d] = s.model.Label(doc.Story)
	}
}

// order puts the unanswered paragraphs in story order, or least confident
// first.
func (s *Session) order() {
	s.queue = s.queue[:0]
	for i, it := range s.items {
		if !s.done[s.key(it)] {
			s.queue = append(s.queue, i)
		}
	}
	if s.opts.Uncertain && s.model != nil {
		conf := func(i int) float64 {
			c := 1.0
			for _, t := range s.opts.Tasks {
				if p, ok := s.suggestion(s.items[i], t); ok {
					c = min(c, p.Confidence)
				}
			}
			return c
		}
		sort.SliceStable(s.queue, func(a, b int) bool { return conf(s.queue[a]) < conf(s.queue[b]) })
	}
	s.pos = 0
}

func (s *Session) key(it item) Key {
	r := s.docs[it.doc].Rows[it.para]
	return Key{r.Story, r.Paragraph}
}

func (s *Session) currentItem() int {
	for s.pos < len(s.queue) && s.done[s.key(s.items[s.queue[s.pos]])] {
		s.pos++
	}
	if s.pos >= len(s.queue) {
		return -1
	}
	return s.queue[s.pos]
}

// startParagraph begins the current paragraph at its first task without
// an answer: a paragraph answered for tone in an earlier run is asked
// only what it lacks, and its new row repeats the earlier labels, so the
// answer file never holds two labels of one task for it.
func (s *Session) startParagraph() {
	s.stage = 0
	i := s.currentItem()
	if i < 0 {
		return
	}
	it := s.items[i]
	r := s.docs[it.doc].Rows[it.para]
	d, _ := r.Dialogue.MarshalCSV()
	s.prior = s.store.LabelsOf(Key{r.Story, r.Paragraph})
	s.pending = Answer{Story: r.Story, Chapter: r.Chapter, Paragraph: r.Paragraph, Start: r.Start, End: r.End,
		Words: r.Words, Dialogue: d, Text: r.Text, POV: s.prior.POV, Tone: s.prior.Tone, Focus: s.prior.Focus}
	s.stage = s.nextStage(0)
}

// nextStage is the first of the session's tasks from index from on that
// the current paragraph has no earlier answer for (len(Tasks) if none).
func (s *Session) nextStage(from int) int {
	for from < len(s.opts.Tasks) && s.prior.label(s.opts.Tasks[from]) != "" {
		from++
	}
	return from
}

// prevStage is the last task before index before without an earlier
// answer, or -1.
func (s *Session) prevStage(before int) int {
	for i := before - 1; i >= 0; i-- {
		if s.prior.label(s.opts.Tasks[i]) == "" {
			return i
		}
	}
	return -1
}

// Done reports whether every paragraph has an answer.
func (s *Session) Done() bool { return s.currentItem() < 0 }

// Total and Remaining count paragraphs.
func (s *Session) Total() int { return len(s.items) }

// Remaining is the number of paragraphs without an answer.
func (s *Session) Remaining() int {
	n := 0
	for _, it := range s.items {
		if !s.done[s.key(it)] {
			n++
		}
	}
	return n
}

// View is what a screen shows of the current paragraph.
type View struct {
	Story, Title   string
	Chapter, Index int // chapter, paragraph index in the story
	Of             int // paragraphs in the story
	Before, After  []string
	Text           string
	Task           string
	Choices        []Choice
	Suggestion     *models.Prediction // nil when there is none
	Answered       [][2]string        // earlier tasks' answers for this paragraph: task, label
}

// Current returns the view of the paragraph being asked; ok is false when
// the session is done.
func (s *Session) Current() (View, bool) {
	i := s.currentItem()
	if i < 0 {
		return View{}, false
	}
	it := s.items[i]
	doc := s.docs[it.doc]
	r := doc.Rows[it.para]
	task := s.opts.Tasks[s.stage]
	v := View{Story: r.Story, Chapter: r.Chapter, Index: r.Paragraph, Of: len(doc.Rows), Text: r.Text, Task: task,
		Choices: s.choices(it, task)}
	if doc.Meta != nil {
		v.Title = doc.Meta.Title
	}
	for j := max(0, it.para-2); j < it.para; j++ {
		v.Before = append(v.Before, doc.Rows[j].Text)
	}
	for j := it.para + 1; j < min(len(doc.Rows), it.para+3); j++ {
		v.After = append(v.After, doc.Rows[j].Text)
	}
	if p, ok := s.suggestion(it, task); ok {
		v.Suggestion = &p
	}
	for _, t := range s.opts.Tasks[:s.stage] {
		v.Answered = append(v.Answered, [2]string{t, s.pending.label(t)})
	}
	return v, true
}

func (a *Answer) label(task string) string {
	switch task {
	case "pov":
		return a.POV
	case "tone":
		return a.Tone
	}
	return a.Focus
}

func (a *Answer) set(task, label string) {
	switch task {
	case "pov":
		a.POV = label
	case "tone":
		a.Tone = label
	default:
		a.Focus = label
	}
}

// suggestion is the model's label for a task, when it is one of the
// choices offered.
func (s *Session) suggestion(it item, task string) (models.Prediction, bool) {
	if s.sugg == nil || s.sugg[it.doc] == nil {
		return models.Prediction{}, false
	}
	l := s.sugg[it.doc][it.para]
	var p models.Prediction
	switch task {
	case "pov":
		p = l.POV
	case "tone":
		p = l.Tone
	default:
		p = l.Focus
	}
	if p.Label == "" || !slices.ContainsFunc(s.choices(it, task), func(c Choice) bool { return c.Label == p.Label }) {
		return models.Prediction{}, false
	}
	return p, true
}

// choices are the labels offered for a task, each with its key.
func (s *Session) choices(it item, task string) []Choice {
	labels := s.opts.Labels[task]
	if len(labels) == 0 {
		switch task {
		case "pov":
			labels = datasets.POVLabels
		case "tone":
			labels = datasets.ToneLabels
		default:
			labels = s.docs[it.doc].Story.FocusChoices(it.para, 9)
		}
	}
	return AssignKeys(labels)
}

// AssignKeys gives each label a single key: its first letter not yet
// taken, else a later letter of it, else a digit.
func AssignKeys(labels []string) []Choice {
	taken := map[rune]bool{}
	out := make([]Choice, len(labels))
	for i, l := range labels {
		var key rune
		for _, r := range strings.ToLower(l) {
			if unicode.IsLetter(r) && r < unicode.MaxASCII && !taken[r] {
				key = r
				break
			}
		}
		for d := '1'; key == 0 && d <= '9'; d++ {
			if !taken[d] {
				key = d
			}
		}
		if key == 0 {
			continue // more labels than keys: not offered
		}
		taken[key] = true
		out[i] = Choice{Key: string(key), Label: l}
	}
	return slices.DeleteFunc(out, func(c Choice) bool { return c.Key == "" })
}

// Event says what a key press did.
type Event int

const (
	Nothing  Event = iota
	Answered       // an answer was written
	Staged         // one task answered, the next asked
	Skipped
	Undone
	Quit
	Help
)

// Press handles one key: a command key or a label's key. After an
// Answered event the answer is on disk.
func (s *Session) Press(key string) (Event, error) {
	s.Message = ""
	switch key {
	case KeyQuit, "ctrl+c":
		var given, missing []string
		for k, t := range s.opts.Tasks {
			switch {
			case s.prior.label(t) != "":
			case k < s.stage:
				given = append(given, t)
			default:
				missing = append(missing, t)
			}
		}
		if len(given) > 0 && s.currentItem() >= 0 {
			s.Message = fmt.Sprintf("%s paragraph %d is not saved: it has its %s answer, not its %s one, and a paragraph is saved once every task is answered",
				s.pending.Story, s.pending.Paragraph, strings.Join(given, " and "), strings.Join(missing, " and "))
		}
		return Quit, nil
	case KeyHelp:
		return Help, nil
	case KeyUndo:
		return s.undo()
	case KeyBack:
		return s.back()
	}
	i := s.currentItem()
	if i < 0 {
		return Nothing, nil
	}
	it := s.items[i]
	task := s.opts.Tasks[s.stage]
	switch key {
	case KeySkip:
		s.trail = append(s.trail, s.pos)
		s.pos++
		s.startParagraph()
		return Skipped, nil
	case KeyAccept, " ", "space":
		p, ok := s.suggestion(it, task)
		if !ok {
			s.Message = "no suggestion for " + task + ": press a label's key"
			return Nothing, nil
		}
		return s.answer(task, p.Label, true, true)
	}
	for _, c := range s.choices(it, task) {
		if c.Key == key {
			_, ok := s.suggestion(it, task)
			return s.answer(task, c.Label, ok, false)
		}
	}
	s.Message = fmt.Sprintf("%q is not a key here; ? shows the keys", key)
	return Nothing, nil
}

// AnswerName answers the focus task with a character the choices do not
// offer, typed out ("Matt"): a name of up to four words of letters that
// opens with a capital. It is Nothing, with a Message, when the task
// asked is not focus, the focus labels are a fixed set, or name is not
// a name.
func (s *Session) AnswerName(name string) (Event, error) {
	i := s.currentItem()
	if i < 0 || s.opts.Tasks[s.stage] != "focus" || len(s.opts.Labels["focus"]) > 0 {
		return Nothing, nil
	}
	name = strings.Join(strings.Fields(name), " ")
	first, _ := utf8.DecodeRuneInString(name)
	if !unicode.IsUpper(first) || len(strings.Fields(name)) > 4 || strings.ContainsFunc(name, func(r rune) bool {
		return !unicode.IsLetter(r) && !strings.ContainsRune(" .'’-", r)
	}) {
		return Nothing, nil
	}
	// Each word must be in the story, so that a typo is not a character.
	it := s.items[i]
	for _, w := range strings.Fields(name) {
		w = strings.TrimRight(w, ".")
		if !s.docs[it.doc].hasWord(w) {
			s.Message = fmt.Sprintf("%q is neither a key here nor a name in this story; ? shows the keys", name)
			return Nothing, nil
		}
	}
	s.Message = ""
	_, ok := s.suggestion(it, "focus")
	return s.answer("focus", name, ok, false)
}

func (s *Session) answer(task, label string, suggested, taken bool) (Event, error) {
	s.pending.set(task, label)
	if suggested {
		s.Suggested++
	}
	if taken {
		s.Accepted++
	}
	s.credits = append(s.credits, [2]bool{suggested, taken})
	if next := s.nextStage(s.stage + 1); next < len(s.opts.Tasks) {
		s.stage = next
		return Staged, nil
	}
	if err := s.store.Append(s.pending); err != nil {
		return Nothing, err
	}
	s.done[Key{s.pending.Story, s.pending.Paragraph}] = true
	s.Answered++
	s.trail = append(s.trail, s.pos)
	s.pos++
	s.startParagraph()
	return Answered, nil
}

// uncredit takes back the acceptance count of the last task answered.
func (s *Session) uncredit() {
	n := len(s.credits)
	if n == 0 {
		return
	}
	c := s.credits[n-1]
	s.credits = s.credits[:n-1]
	if c[0] {
		s.Suggested--
	}
	if c[1] {
		s.Accepted--
	}
}

// undo removes the last answer written and asks its paragraph again. An
// answer that holds a task this session does not ask (written by a run
// with other tasks) is left alone.
func (s *Session) undo() (Event, error) {
	// A row repeats its paragraph's earlier labels; only a label it
	// added (asked by the run that wrote it) tells which run that was.
	asked := len(s.opts.Tasks)
	answers := s.store.Answers()
	if n := len(answers); n > 0 {
		last := answers[n-1]
		before := labelsOf(answers[:n-1], Key{last.Story, last.Paragraph})
		for _, t := range datasets.Tasks {
			if last.label(t) != "" && last.label(t) != before.label(t) && !slices.Contains(s.opts.Tasks, t) {
				s.Message = fmt.Sprintf("nothing to undo: the last answer (%s paragraph %d) is for %s, which this run does not ask", last.Story, last.Paragraph, t)
				return Nothing, nil
			}
		}
		asked = 0
		for _, t := range s.opts.Tasks {
			if before.label(t) == "" {
				asked++
			}
		}
	}
	a, ok, err := s.store.Undo()
	if err != nil || !ok {
		if !ok {
			s.Message = "nothing to undo"
		}
		return Nothing, err
	}
	k := Key{a.Story, a.Paragraph}
	// An earlier answer may still cover the paragraph's tasks.
	s.done[k] = s.covers(s.store.LabelsOf(k))
	s.Answered = max(0, s.Answered-1)
	for range asked {
		s.uncredit()
	}
	for qi, i := range s.queue {
		if s.key(s.items[i]) == k {
			s.pos = qi
			break
		}
	}
	for len(s.trail) > 0 && s.trail[len(s.trail)-1] >= s.pos {
		s.trail = s.trail[:len(s.trail)-1]
	}
	s.startParagraph()
	return Undone, nil
}

// back returns to the previous paragraph: an answered one is undone (its
// answer is the last written), a skipped one is shown again.
func (s *Session) back() (Event, error) {
	if prev := s.prevStage(s.stage); prev >= 0 {
		s.stage = prev
		s.uncredit()
		return Undone, nil
	}
	if len(s.trail) == 0 {
		s.Message = "nothing before this"
		return Nothing, nil
	}
	prev := s.trail[len(s.trail)-1]
	s.trail = s.trail[:len(s.trail)-1]
	k := s.key(s.items[s.queue[prev]])
	if s.done[k] {
		answers := s.store.Answers()
		if n := len(answers); n > 0 && answers[n-1].Story == k.Story && answers[n-1].Paragraph == k.Paragraph {
			return s.undo()
		}
	}
	s.pos = prev
	s.startParagraph()
	return Undone, nil
}

// AnswersFor builds training rows from the recorded answers, for
// retraining: every paragraph of every story, labelled where answered.
func (s *Session) AnswersFor() *models.Data {
	got := s.store.Labelled()
	d := &models.Data{}
	for _, doc := range s.docs {
		rows := make([]datasets.Labelled, len(doc.Rows))
		for p, r := range doc.Rows {
			rows[p] = datasets.Labelled{Story: r.Story, Chapter: r.Chapter, Paragraph: r.Paragraph, Text: r.Text, Row: p + 1}
			if a, ok := got[Key{r.Story, r.Paragraph}]; ok {
				rows[p].POV, rows[p].Tone, rows[p].Focus = a.POV, a.Tone, a.Focus
			}
		}
		d.Stories = append(d.Stories, doc.Story)
		d.Rows = append(d.Rows, rows)
	}
	return d
}

// RetrainTasks are the tasks with enough answers to train on: at least
// ten, with two labels or more.
func (s *Session) RetrainTasks() []string {
	var out []string
	for _, t := range s.opts.Tasks {
		seen := map[string]int{}
		for _, a := range s.store.Answers() {
			if l := a.label(t); l != "" {
				seen[l]++
			}
		}
		n := 0
		for _, c := range seen {
			n += c
		}
		if n >= 10 && len(seen) >= 2 {
			out = append(out, t)
		}
	}
	return out
}

// ShouldRetrain reports whether this answer count calls for retraining.
func (s *Session) ShouldRetrain() bool {
	return s.opts.RetrainEvery > 0 && s.Answered > 0 && s.Answered%s.opts.RetrainEvery == 0 && len(s.RetrainTasks()) > 0
}

// Model is the model the suggestions come from.
func (s *Session) Model() *models.Model { return s.model }

// Progress is a one-line summary: done/total, answers per minute, how
// often the suggestion was taken.
func (s *Session) Progress() string {
	total := s.Total()
	done := total - s.Remaining()
	// A rate over less than a minute (or a scripted run) says nothing.
	rate := "—"
	if mins := time.Since(s.Started).Minutes(); mins >= 1 {
		rate = strconv.FormatFloat(float64(s.Answered)/mins, 'f', 1, 64)
	}
	acc := "—"
	if s.Suggested > 0 {
		acc = strconv.Itoa(100*s.Accepted/s.Suggested) + " %"
	}
	return fmt.Sprintf("%d/%d done · %s answers/min · suggestion taken %s", done, total, rate, acc)
}
