package annotate

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/storylens/storylens/models"
)

// retrained carries a model trained in the background.
type retrained struct {
	model *models.Model
	err   error
}

// UI is the full-screen labelling screen, a bubbletea model over a
// Session. Retraining runs as a command in the background; the screen
// keeps taking answers meanwhile.
type UI struct {
	S        *Session
	width    int
	help     bool
	training bool
	retrains int
	trainErr error
	// Err is a write error that ended the session.
	Err error
}

// NewUI wraps a session.
func NewUI(s *Session) *UI { return &UI{S: s, width: 80} }

// Init starts nothing.
func (u *UI) Init() tea.Cmd { return nil }

// Update handles keys, window sizes and finished retraining.
func (u *UI) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		u.width = msg.Width
	case retrained:
		u.training = false
		if msg.err != nil {
			u.trainErr = msg.err
		} else {
			u.S.SetModel(msg.model)
			u.retrains++
		}
	case tea.KeyPressMsg:
		ev, err := u.S.Press(msg.String())
		if err != nil {
			u.Err = err
			return u, tea.Quit
		}
		switch ev {
		case Quit:
			return u, tea.Quit
		case Help:
			u.help = !u.help
		case Answered:
			if u.S.Done() {
				return u, tea.Quit
			}
			if u.S.ShouldRetrain() && !u.training {
				u.training = true
				return u, Retrain(u.S)
			}
		}
	}
	return u, nil
}

// Retrain returns a command that trains on a snapshot of the answers.
func Retrain(s *Session) tea.Cmd {
	data, tasks, base := s.AnswersFor(), s.RetrainTasks(), s.Model()
	return func() tea.Msg {
		m, err := models.Fit(data, tasks, base)
		return retrained{m, err}
	}
}

func bold(s string) string { return "\x1b[1m" + s + "\x1b[0m" }
func dim(s string) string  { return "\x1b[2m" + s + "\x1b[0m" }

// wrap folds text to width columns.
func wrap(text string, width int) string {
	var out []string
	for _, para := range strings.Split(text, "\n") {
		line := ""
		for _, w := range strings.Fields(para) {
			if line != "" && len([]rune(line))+1+len([]rune(w)) > width {
				out = append(out, line)
				line = w
			} else if line == "" {
				line = w
			} else {
				line += " " + w
			}
		}
		out = append(out, line)
	}
	return strings.Join(out, "\n")
}

func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

// View draws the screen, full-screen.
func (u *UI) View() tea.View {
	v := tea.NewView(u.screen())
	v.AltScreen = true
	return v
}

// screen is the screen's text.
func (u *UI) screen() string {
	v, ok := u.S.Current()
	w := max(40, u.width-2)
	var b strings.Builder
	if !ok {
		fmt.Fprintf(&b, "%s\n%s\n", bold("All paragraphs have an answer."), u.S.Progress())
		return b.String()
	}
	name := v.Story
	if v.Title != "" {
		name = v.Title
	}
	fmt.Fprintf(&b, "%s  chapter %d · paragraph %d of %d\n", bold(name), v.Chapter, v.Index, v.Of)
	status := u.S.Progress()
	switch {
	case u.training:
		status += " · retraining…"
	case u.trainErr != nil:
		status += " · retraining failed: " + u.trainErr.Error()
	case u.retrains > 0:
		status += fmt.Sprintf(" · retrained %d×", u.retrains)
	}
	fmt.Fprintln(&b, dim(status))
	fmt.Fprintln(&b)
	for _, t := range v.Before {
		fmt.Fprintln(&b, dim(clip(t, w)))
	}
	fmt.Fprintln(&b)
	fmt.Fprintln(&b, wrap(v.Text, w))
	fmt.Fprintln(&b)
	for _, t := range v.After {
		fmt.Fprintln(&b, dim(clip(t, w)))
	}
	fmt.Fprintln(&b)
	for _, a := range v.Answered {
		fmt.Fprintf(&b, "%s: %s   ", a[0], a[1])
	}
	if len(v.Answered) > 0 {
		fmt.Fprintln(&b)
	}
	if v.Suggestion != nil {
		fmt.Fprintf(&b, "%s  suggestion: %s (%.0f %%) — enter to accept\n", bold(v.Task), bold(v.Suggestion.Label), 100*v.Suggestion.Confidence)
	} else {
		fmt.Fprintf(&b, "%s  no suggestion\n", bold(v.Task))
	}
	var keys []string
	for _, c := range v.Choices {
		keys = append(keys, fmt.Sprintf("[%s] %s", c.Key, c.Label))
	}
	fmt.Fprintln(&b, wrap(strings.Join(keys, "  "), w))
	if u.S.Message != "" {
		fmt.Fprintln(&b, u.S.Message)
	}
	fmt.Fprintln(&b, dim(HelpLine()))
	if u.help {
		fmt.Fprintln(&b, dim("A label's key answers; enter takes the suggestion. Every answer is saved to disk before the next paragraph shows; run again with the same --out to go on."))
	}
	return b.String()
}
