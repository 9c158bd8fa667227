package annotate

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/storylens/storylens/models"
)

// RunLines drives a session from lines, one key per line, as the screen
// would get them: a label's key or the label itself ("sad"), or a command
// (enter, tab, backspace, left, esc, ?). It logs each saved answer to log
// once it is on disk, and retrains in line when due.
func RunLines(s *Session, in io.Reader, log io.Writer) error {
	sc := bufio.NewScanner(in)
	for !s.Done() && sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		ev, err := s.Press(keyFor(s, line))
		if err != nil {
			return err
		}
		if s.Message != "" {
			fmt.Fprintln(log, s.Message)
		}
		switch ev {
		case Quit:
			return nil
		case Answered:
			a := s.store.Answers()[len(s.store.Answers())-1]
			fmt.Fprintf(log, "saved %s paragraph %d: %s\n", a.Story, a.Paragraph, summary(a, s.opts.Tasks))
			if s.ShouldRetrain() {
				m, err := models.Fit(s.AnswersFor(), s.RetrainTasks(), s.Model())
				if err != nil {
					fmt.Fprintln(log, "retraining failed:", err)
				} else {
					s.SetModel(m)
					fmt.Fprintln(log, "retrained on", len(s.store.Answers()), "answers;", s.Progress())
				}
			}
		case Undone:
			fmt.Fprintln(log, "undone")
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	fmt.Fprintln(log, s.Progress())
	return nil
}

func summary(a Answer, tasks []string) string {
	var parts []string
	for _, t := range tasks {
		parts = append(parts, t+"="+a.label(t))
	}
	return strings.Join(parts, " ")
}

// keyFor maps a line to a key: a label's name to its key, anything else
// as it is.
func keyFor(s *Session, line string) string {
	switch strings.ToLower(line) {
	case "accept":
		return KeyAccept
	case "skip":
		return KeySkip
	case "undo":
		return KeyUndo
	case "back":
		return KeyBack
	case "quit":
		return KeyQuit
	}
	if v, ok := s.Current(); ok {
		for _, c := range v.Choices {
			if strings.EqualFold(c.Label, line) {
				return c.Key
			}
		}
	}
	return line
}
