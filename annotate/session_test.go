package annotate

import (
	"context"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/storylens/storylens/datasets"
	"github.com/storylens/storylens/features"
	"github.com/storylens/storylens/models"
	"github.com/storylens/storylens/seeds"
)

func seedDocs(t *testing.T, names ...string) []Doc {
	t.Helper()
	a := features.NewAnalyzer()
	var docs []Doc
	for _, n := range names {
		b, err := fs.ReadFile(seeds.FS, n)
		if err != nil {
			t.Fatal(err)
		}
		st, err := datasets.Parse(n, datasets.StoryName(n), b)
		if err != nil {
			t.Fatal(err)
		}
		story, rows := models.Analyse(a, st)
		docs = append(docs, Doc{Story: story, Rows: rows})
	}
	return docs
}

func newUI(t *testing.T, opts Options) (*UI, *Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "out.csv")
	store, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	m, err := models.Default()
	if err != nil {
		t.Fatal(err)
	}
	return NewUI(NewSession(seedDocs(t, "stefan_pov.txt"), store, m, opts)), store, path
}

func key(s string) tea.KeyPressMsg {
	switch s {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	case "left":
		return tea.KeyPressMsg{Code: tea.KeyLeft}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	}
	r := []rune(s)
	return tea.KeyPressMsg{Code: r[0], Text: s}
}

// TestKeys drives the screen with key messages: one key per answer,
// whether the suggestion is taken (enter) or not (a label's key); tab,
// backspace and ← do what the help line says; every answer is on disk.
func TestKeys(t *testing.T) {
	ui, store, _ := newUI(t, Options{Tasks: []string{"tone"}})
	view := ui.screen()
	for _, want := range []string{"stefan_pov", "paragraph 1 of 32", "He shouldn't have come back", "suggestion:", "[s] sad", "[t] tender", "enter accept"} {
		if !strings.Contains(view, want) {
			t.Errorf("screen lacks %q:\n%s", want, view)
		}
	}
	v, _ := ui.S.Current()
	suggested := v.Suggestion.Label
	ui.Update(key("enter")) // paragraph 1: take the suggestion
	ui.Update(key("a"))     // paragraph 2: angry
	ui.Update(key("tab"))   // paragraph 3: skip
	ui.Update(key("h"))     // paragraph 4: happy
	got := store.Answers()
	if len(got) != 3 || got[0].Tone != suggested || got[1].Tone != "angry" || got[2].Paragraph != 4 || got[2].Tone != "happy" {
		t.Fatalf("answers %+v", got)
	}
	ui.Update(key("backspace")) // undo paragraph 4
	if v, _ := ui.S.Current(); v.Index != 4 || len(store.Answers()) != 2 {
		t.Errorf("after undo: at paragraph %d with %d answers", v.Index, len(store.Answers()))
	}
	ui.Update(key("left")) // back to the skipped paragraph 3
	if v, _ := ui.S.Current(); v.Index != 3 {
		t.Errorf("back went to paragraph %d, want 3", v.Index)
	}
	ui.Update(key("n"))
	if a := store.Answers(); a[len(a)-1].Paragraph != 3 || a[len(a)-1].Tone != "neutral" {
		t.Errorf("last answer %+v", a[len(a)-1])
	}
	if !strings.Contains(ui.screen(), "suggestion taken 33 %") {
		t.Errorf("acceptance rate not shown:\n%s", ui.screen())
	}
	if _, cmd := ui.Update(key("esc")); cmd == nil {
		t.Error("esc does not quit")
	}
}

// TestAllTasks: with --task all, each paragraph asks pov, tone and focus
// in turn and is written once, with the focus pick list from the story.
func TestAllTasks(t *testing.T) {
	ui, store, _ := newUI(t, Options{Tasks: []string{"pov", "tone", "focus"}})
	ui.Update(key("t")) // pov: third
	if v, _ := ui.S.Current(); v.Task != "tone" || len(v.Answered) != 1 || v.Answered[0] != [2]string{"pov", "third"} || len(store.Answers()) != 0 {
		t.Fatalf("after pov: task %s, answered %v, %d rows", v.Task, v.Answered, len(store.Answers()))
	}
	ui.Update(key("s"))
	v, _ := ui.S.Current()
	var stefanKey string
	for _, c := range v.Choices {
		if c.Label == "Stefan" {
			stefanKey = c.Key
		}
	}
	if v.Task != "focus" || stefanKey == "" || !strings.Contains(ui.screen(), "[n] narrator") {
		t.Fatalf("focus choices %v", v.Choices)
	}
	ui.Update(key(stefanKey))
	if a := store.Answers(); len(a) != 1 || a[0].POV != "third" || a[0].Tone != "sad" || a[0].Focus != "Stefan" {
		t.Errorf("answers %+v", a)
	}
}

// TestRetrainDoesNotBlock: the retrain is a command the program runs in
// the background; the screen takes answers while it runs, and its model
// takes over when it ends.
func TestRetrainDoesNotBlock(t *testing.T) {
	ui, _, _ := newUI(t, Options{Tasks: []string{"tone"}, Labels: map[string][]string{"tone": {"angst", "fluff", "hurt-comfort"}}, RetrainEvery: 12})
	if v, _ := ui.S.Current(); v.Suggestion != nil {
		t.Fatal("a suggestion in a label set the model does not know")
	}
	var cmd tea.Cmd
	for i := 0; i < 12; i++ {
		_, cmd = ui.Update(key([]string{"a", "f", "h"}[i%3]))
	}
	if cmd == nil || !ui.training || !strings.Contains(ui.screen(), "retraining…") {
		t.Fatal("no background retrain after 12 answers")
	}
	// The program runs the command in its own goroutine; answering goes on
	// meanwhile (go test -race checks they share nothing unsafely).
	done := make(chan tea.Msg)
	go func() { done <- cmd() }()
	ui.Update(key("a"))
	ui.Update(key("f"))
	_ = ui.screen()
	ui.Update(<-done)
	if ui.training || ui.retrains != 1 || ui.trainErr != nil {
		t.Fatalf("retrain: training %v, retrains %d, err %v", ui.training, ui.retrains, ui.trainErr)
	}
	if v, _ := ui.S.Current(); v.Suggestion == nil || !strings.Contains("angst fluff hurt-comfort", v.Suggestion.Label) {
		t.Errorf("no suggestion from the retrained model: %+v", v.Suggestion)
	}
	if !strings.Contains(ui.screen(), "retrained 1×") {
		t.Error("the screen does not say it retrained")
	}
}

func TestAssignKeys(t *testing.T) {
	got := AssignKeys([]string{"sad", "happy", "tender", "angry", "tense", "neutral"})
	want := "s h t a e n"
	var keys []string
	for _, c := range got {
		keys = append(keys, c.Key)
	}
	if strings.Join(keys, " ") != want {
		t.Errorf("keys %v, want %s", keys, want)
	}
}

// TestResumeByTask: a paragraph answered for tone is still to do in a
// run that asks pov, both answers count for it afterwards, a tone run
// does not undo a pov answer, and quitting halfway through a paragraph's
// tasks says what is not saved.
// TestUndoRepeatedLabels: a pov run may undo its own answer, though the
// row repeats the paragraph's tone from an earlier run.
func TestUndoRepeatedLabels(t *testing.T) {
	path := filepath.Join(t.TempDir(), "out.csv")
	runScript(t, path, Options{Tasks: []string{"tone"}}, "sad\nquit\n")
	log, _ := runScript(t, path, Options{Tasks: []string{"pov"}}, "third\nundo\nfirst\nquit\n")
	if !strings.Contains(log, "undone") || !strings.Contains(log, "saved stefan_pov paragraph 1: pov=first") {
		t.Errorf("undo of this run's answer:\n%s", log)
	}
}

// runScript runs one scripted session on stefan_pov over the answer file
// at path, and returns its log.
func runScript(t *testing.T, path string, opts Options, lines string) (string, error) {
	t.Helper()
	store, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	var log strings.Builder
	err = RunLines(context.Background(), NewSession(seedDocs(t, "stefan_pov.txt"), store, nil, opts), strings.NewReader(lines), &log)
	return log.String(), err
}

func TestResumeByTask(t *testing.T) {
	path := filepath.Join(t.TempDir(), "out.csv")
	run := func(opts Options, lines string) (string, error) {
		t.Helper()
		return runScript(t, path, opts, lines)
	}
	if _, err := run(Options{Tasks: []string{"tone"}}, "sad\nhappy\nquit\n"); err != nil {
		t.Fatal(err)
	}
	log, err := run(Options{Tasks: []string{"pov"}}, "third\nquit\n")
	if err != nil || !strings.Contains(log, "saved stefan_pov paragraph 1: pov=third") {
		t.Errorf("a pov run after a tone run: %v\n%s", err, log)
	}
	store, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	got := store.Labelled()[Key{"stefan_pov", 1}]
	store.Close()
	if got.POV != "third" || got.Tone != "sad" {
		t.Errorf("paragraph 1's labels: pov %q, tone %q", got.POV, got.Tone)
	}
	log, err = run(Options{Tasks: []string{"tone"}}, "undo\nquit\n")
	if err == nil || !strings.Contains(log, "nothing to undo: the last answer (stefan_pov paragraph 1) is for pov") {
		t.Errorf("undo of another task's answer: %v\n%s", err, log)
	}
	// A run for pov and tone asks paragraph 2 only for pov (it has its
	// tone), paragraph 3 for both.
	log, _ = run(Options{Tasks: []string{"pov", "tone"}}, "third\nthird\nquit\n")
	if !strings.Contains(log, "saved stefan_pov paragraph 2: pov=third tone=happy") ||
		!strings.Contains(log, "stefan_pov paragraph 3 is not saved: it has its pov answer, not its tone one") {
		t.Errorf("quit halfway through a paragraph:\n%s", log)
	}
	// The answer file trains: no paragraph has two labels of one task.
	ls, err := datasets.ReadLabelledFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := datasets.MergeLabelled(ls); err != nil {
		t.Errorf("the answer file does not merge: %v", err)
	}
}

// TestStoreWithByteOrderMark: an answer file a spreadsheet saved with a
// byte-order mark is read and appended to.
func TestStoreWithByteOrderMark(t *testing.T) {
	path := filepath.Join(t.TempDir(), "out.csv")
	body := "\ufeff" + strings.Join(Header, ",") + "\r\nx,1,1,0,5,1,0.000,,sad,,Hello\r\n"
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Append(Answer{Story: "x", Paragraph: 2, Tone: "happy", Text: "Bye"}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if a := s.Answers(); len(a) != 2 || a[0].Tone != "sad" || a[1].Tone != "happy" {
		t.Errorf("answers %+v", a)
	}
	// A file of a byte-order mark alone gets its header.
	bom := filepath.Join(t.TempDir(), "bom.csv")
	if err := os.WriteFile(bom, []byte("\ufeff"), 0o644); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 2; i++ {
		s, err := Open(bom)
		if err != nil {
			t.Fatalf("open %d: %v", i, err)
		}
		if err := s.Append(Answer{Story: "x", Paragraph: i + 1, Tone: "sad", Text: "Hi"}); err != nil {
			t.Fatal(err)
		}
		s.Close()
	}
}

// TestRunLinesStopsOnCancel: an interrupt stops a scripted run waiting
// for its next line.
func TestRunLinesStopsOnCancel(t *testing.T) {
	store, err := Open(filepath.Join(t.TempDir(), "out.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	ctx, cancel := context.WithCancel(context.Background())
	r, w := io.Pipe()
	defer w.Close()
	done := make(chan error)
	go func() {
		done <- RunLines(ctx, NewSession(seedDocs(t, "stefan_pov.txt"), store, nil, Options{Tasks: []string{"tone"}}), r, io.Discard)
	}()
	io.WriteString(w, "sad\n")
	cancel()
	if err := <-done; err == nil || !strings.Contains(err.Error(), "interrupted after line") {
		t.Errorf("RunLines after cancel: %v", err)
	}
	if n := len(store.Answers()); n > 1 {
		t.Errorf("%d answers", n)
	}
}

// TestAnswerName: a scripted focus answer may name a character the
// choices do not offer, if the story says that name; a word that is not
// a name, a name the story never says (a typo) and a key's name are
// still refused.
func TestAnswerName(t *testing.T) {
	store, err := Open(filepath.Join(t.TempDir(), "out.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	var log strings.Builder
	err = RunLines(context.Background(), NewSession(seedDocs(t, "stefan_pov.txt"), store, nil, Options{Tasks: []string{"focus"}}), strings.NewReader("Elena Gilbert\nsideways\nNnoe\nEnter\nquit\n"), &log)
	got := log.String()
	if err == nil || !strings.Contains(got, "saved stefan_pov paragraph 1: focus=Elena Gilbert") || !strings.Contains(got, `line 2: "sideways" is not a key here`) ||
		!strings.Contains(got, `line 3: "Nnoe" is neither a key here nor a name in this story`) || strings.Contains(got, "focus=Enter") || !strings.Contains(err.Error(), "lines 2, 3, 4)") {
		t.Errorf("%v\n%s", err, got)
	}
}
