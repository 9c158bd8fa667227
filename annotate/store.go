// Package annotate is storylens's interactive labelling: a session that
// walks paragraphs, shows the model's suggestions, and records each answer
// durably; a full-screen terminal interface over it (bubbletea); and a
// line-by-line driver for scripts and tests that goes through the same
// update logic.
package annotate

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/storylens/storylens/datasets"
)

var utf8BOM = []byte("\ufeff")

// Header is the answer file's header: the gold dataset schema, so that an
// answer file is training input as it is.
var Header = []string{"story", "chapter", "paragraph", "start", "end", "words", "dialogue", "pov", "tone", "focus", "text"}

// Answer is one recorded answer: a paragraph and its labels (empty for a
// task not asked).
type Answer struct {
	Story                  string
	Chapter, Paragraph     int
	Start, End, Words      int
	Dialogue               string
	POV, Tone, Focus, Text string
}

func (a Answer) record() []string {
	return []string{a.Story, strconv.Itoa(a.Chapter), strconv.Itoa(a.Paragraph), strconv.Itoa(a.Start), strconv.Itoa(a.End),
		strconv.Itoa(a.Words), a.Dialogue, a.POV, a.Tone, a.Focus, a.Text}
}

// Key names a paragraph: its story and 1-based index.
type Key struct {
	Story     string
	Paragraph int
}

// Store is the answer file: append-only CSV, each answer written and
// fsynced before Append returns, so that a crash (even SIGKILL) loses at
// most the answer being typed.
type Store struct {
	path    string
	f       *os.File
	offsets []int64 // file offset where each answer's row starts
	answers []Answer
	// Repaired says what Open mended, for the user; empty when nothing.
	Repaired string
}

// ErrCorrupt reports an answer file damaged before its last row; nothing is
// dropped silently, so it must be mended by hand.
var ErrCorrupt = errors.New("answer file damaged before its last row")

// Open opens or creates the answer file. A torn last row, left by a crash
// in the middle of a write, is moved to path+".torn" and cut from the file,
// with a message in Repaired; damage before the last row is an error that
// names the line.
func Open(path string) (*Store, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	s := &Store{path: path, f: f}
	if err := s.load(); err != nil {
		f.Close()
		return nil, err
	}
	return s, nil
}

func (s *Store) load() error {
	data, err := io.ReadAll(s.f)
	if err != nil {
		return fmt.Errorf("%s: %w", s.path, err)
	}
	if len(data) == 0 {
		return s.writeRaw(csvLine(Header))
	}
	// A spreadsheet may have saved the file with a byte-order mark.
	base := int64(0)
	if bytes.HasPrefix(data, utf8BOM) {
		base = int64(len(utf8BOM))
	}
	r := csv.NewReader(bytes.NewReader(data[base:]))
	r.FieldsPerRecord = -1
	good := base // end of the last complete record
	header := false
	line := 1
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		end := base + r.InputOffset()
		if !header && err == nil && !slices.Equal(rec, Header) {
			return fmt.Errorf("%s: line 1: not a storylens answer file (header %q); use another --out", s.path, strings.Join(rec, ","))
		}
		if err == nil && len(rec) != len(Header) {
			err = fmt.Errorf("%d fields, want %d", len(rec), len(Header))
		}
		complete := err == nil && end > 0 && data[end-1] == '\n'
		if !complete {
			// Damage that runs to the end of the file is the torn last row
			// of an interrupted write; damage with data after it is not.
			// An unclosed quotation mark runs to the end of the file
			// too: a whole answer row after the damage shows it is not
			// a torn last row.
			if end != int64(len(data)) || header && wholeRowAfter(data[good:]) {
				return fmt.Errorf("%s: line %d: %w: %v; fix or move the file", s.path, line, ErrCorrupt, err)
			}
			return s.repair(data, good, header)
		}
		if header {
			a, err := parseAnswer(rec)
			if err != nil {
				return fmt.Errorf("%s: line %d: %w: %v", s.path, line, ErrCorrupt, err)
			}
			s.offsets = append(s.offsets, good)
			s.answers = append(s.answers, a)
		}
		line += bytes.Count(data[good:end], []byte{'\n'})
		good, header = end, true
	}
	if !header {
		// Nothing but a byte-order mark or blank lines (an "empty"
		// file a text editor saved).
		if _, err := s.f.Seek(0, io.SeekEnd); err != nil {
			return err
		}
		return s.writeRaw(csvLine(Header))
	}
	_, err = s.f.Seek(0, io.SeekEnd)
	return err
}

// wholeRowAfter reports whether a line after the first of tail starts a
// complete, valid answer row.
func wholeRowAfter(tail []byte) bool {
	for i := bytes.IndexByte(tail, '\n'); i >= 0; {
		rest := tail[i+1:]
		r := csv.NewReader(bytes.NewReader(rest))
		r.FieldsPerRecord = -1
		if rec, err := r.Read(); err == nil && len(rec) == len(Header) && r.InputOffset() > 0 && rest[r.InputOffset()-1] == '\n' {
			if _, err := parseAnswer(rec); err == nil {
				return true
			}
		}
		j := bytes.IndexByte(rest, '\n')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

// repair moves the torn tail data[good:] aside and cuts it from the
// file, writing the header again when it was the header that was torn.
func (s *Store) repair(data []byte, good int64, header bool) error {
	tail := data[good:]
	side := s.path + ".torn"
	f, err := os.OpenFile(side, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(append(tail, '\n')); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	f.Close()
	if err := s.f.Truncate(good); err != nil {
		return err
	}
	if _, err := s.f.Seek(good, io.SeekStart); err != nil {
		return err
	}
	if err := s.f.Sync(); err != nil {
		return err
	}
	s.Repaired = fmt.Sprintf("%s: an incomplete last row (%d bytes) from an interrupted run was moved to %s; %d answers kept", s.path, len(tail), side, len(s.answers))
	if !header {
		if err := s.writeRaw(csvLine(Header)); err != nil {
			return err
		}
	}
	_, err = s.f.Seek(0, io.SeekEnd)
	return err
}

func parseAnswer(rec []string) (Answer, error) {
	var a Answer
	var err error
	n := func(s string) int {
		v, e := strconv.Atoi(s)
		if e != nil && err == nil {
			err = fmt.Errorf("%q is not a number", s)
		}
		return v
	}
	a = Answer{Story: rec[0], Chapter: n(rec[1]), Paragraph: n(rec[2]), Start: n(rec[3]), End: n(rec[4]), Words: n(rec[5]),
		Dialogue: rec[6], POV: rec[7], Tone: rec[8], Focus: rec[9], Text: rec[10]}
	return a, err
}

func csvLine(rec []string) []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write(rec)
	w.Flush()
	return b.Bytes()
}

func (s *Store) writeRaw(b []byte) error {
	if _, err := s.f.Write(b); err != nil {
		return fmt.Errorf("%s: %w", s.path, err)
	}
	if err := s.f.Sync(); err != nil {
		return fmt.Errorf("%s: %w", s.path, err)
	}
	return nil
}

// Append writes an answer and syncs it to disk before returning.
func (s *Store) Append(a Answer) error {
	off, err := s.f.Seek(0, io.SeekEnd)
	if err != nil {
		return err
	}
	if err := s.writeRaw(csvLine(a.record())); err != nil {
		return err
	}
	s.offsets = append(s.offsets, off)
	s.answers = append(s.answers, a)
	return nil
}

// Undo removes the last answer from the file and returns it.
func (s *Store) Undo() (Answer, bool, error) {
	n := len(s.answers)
	if n == 0 {
		return Answer{}, false, nil
	}
	if err := s.f.Truncate(s.offsets[n-1]); err != nil {
		return Answer{}, false, err
	}
	if err := s.f.Sync(); err != nil {
		return Answer{}, false, err
	}
	a := s.answers[n-1]
	s.answers, s.offsets = s.answers[:n-1], s.offsets[:n-1]
	_, err := s.f.Seek(0, io.SeekEnd)
	return a, true, err
}

// Answers are the recorded answers, oldest first.
func (s *Store) Answers() []Answer { return s.answers }

// Labelled is the paragraphs with a recorded answer, each with the
// labels of all its answers (a paragraph answered for tone in one run
// and for pov in another has both; a later label of a task wins).
func (s *Store) Labelled() map[Key]Answer {
	m := map[Key]Answer{}
	for _, a := range s.answers {
		k := Key{a.Story, a.Paragraph}
		m[k] = m[k].with(a)
	}
	return m
}

// LabelsOf is one paragraph's entry of Labelled (empty labels when it
// has no answer).
func (s *Store) LabelsOf(k Key) Answer { return labelsOf(s.answers, k) }

// labelsOf merges the labels of one paragraph's answers among answers.
func labelsOf(answers []Answer, k Key) Answer {
	var out Answer
	for _, a := range answers {
		if a.Story == k.Story && a.Paragraph == k.Paragraph {
			out = out.with(a)
		}
	}
	return out
}

// with is b with the labels of a that b leaves empty.
func (a Answer) with(b Answer) Answer {
	for _, t := range datasets.Tasks {
		if b.label(t) == "" {
			b.set(t, a.label(t))
		}
	}
	return b
}

// Close closes the file.
func (s *Store) Close() error { return s.f.Close() }
