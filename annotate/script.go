package annotate

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/storylens/storylens/models"
)

// RunLines drives a session from lines, one key per line, as the screen
// would get them: a label's key or the label itself ("sad"), or a command
// (enter, tab, backspace, left, esc, ?). It logs each saved answer to log
// once it is on disk, and retrains in line when due. A cancelled ctx
// (an interrupt) stops it between lines, the answers given saved.
func RunLines(ctx context.Context, s *Session, in io.Reader, log io.Writer) error {
	// The reader stops with the run (it reads a line ahead, and would
	// otherwise wait to hand it over after a quit).
	parent := ctx
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	lines := make(chan string)
	var readErr error
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(in)
		for sc.Scan() {
			select {
			case lines <- sc.Text():
			case <-ctx.Done():
				return
			}
		}
		readErr = sc.Err()
	}()
	var rejected []int // lines that answered nothing
	n := 0
	// Every line is read, also once every paragraph has its answer: an
	// undo or a quit may still come.
	for {
		var text string
		var ok bool
		select {
		case <-parent.Done():
		case text, ok = <-lines:
		}
		// A cancelled run also stops the reader, which closes lines:
		// either case may come first.
		if parent.Err() != nil {
			fmt.Fprintln(log, s.Progress())
			return fmt.Errorf("interrupted after line %d; the answers given are saved: %w", n, parent.Err())
		}
		if !ok {
			break
		}
		n++
		line := strings.TrimSpace(text)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		done := s.Done()
		key := keyFor(s, line)
		ev, err := s.Press(key)
		if err != nil {
			return err
		}
		if ev == Nothing && !done && key == line && len([]rune(line)) > 1 {
			// A character the focus choices do not offer, by name.
			if ev, err = s.AnswerName(line); err != nil {
				return err
			}
		}
		if ev == Nothing && s.Message == "" && done {
			s.Message = "every paragraph already has its answer"
		}
		if s.Message != "" {
			fmt.Fprintf(log, "line %d: %s\n", n, s.Message)
			if ev == Nothing {
				rejected = append(rejected, n)
			}
		}
		switch ev {
		case Help:
			fmt.Fprintln(log, HelpLine())
			if v, ok := s.Current(); ok {
				var keys []string
				for _, c := range v.Choices {
					keys = append(keys, c.Key+" or "+c.Label)
				}
				fmt.Fprintf(log, "%s: %s\n", v.Task, strings.Join(keys, ", "))
			}
		case Quit:
			return rejectedErr(rejected)
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
	if readErr != nil {
		return readErr
	}
	fmt.Fprintln(log, s.Progress())
	return rejectedErr(rejected)
}

// rejectedErr says which lines of a script answered nothing, so that a
// script can tell a run that took every answer from one that did not;
// the answers it did take are saved either way.
func rejectedErr(lines []int) error {
	if len(lines) == 0 {
		return nil
	}
	var ns []string
	for _, n := range lines {
		ns = append(ns, strconv.Itoa(n))
	}
	if len(lines) == 1 {
		return fmt.Errorf("line %s was not taken as an answer; the others are saved", ns[0])
	}
	return fmt.Errorf("%d lines were not taken as answers (lines %s); the others are saved", len(lines), strings.Join(ns, ", "))
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
	lower := strings.ToLower(line)
	for _, k := range KeyMap {
		// A command by what it does ("accept") or by its key's name
		// ("Enter"), in any case.
		if lower == k.Does || lower == k.Key {
			return k.Key
		}
	}
	if lower == "ctrl+c" {
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
