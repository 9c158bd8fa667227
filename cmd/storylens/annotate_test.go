package main

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/storylens/storylens/annotate"
	"github.com/storylens/storylens/datasets"
)

// TestAnnotateWithoutTerminal: with no terminal, answers come as lines
// through the same key handling; the file is training input, and a second
// run goes on where the first stopped.
func TestAnnotateWithoutTerminal(t *testing.T) {
	out := filepath.Join(t.TempDir(), "labels.csv")
	story := filepath.Join("..", "..", "seeds", "stefan_pov.txt")
	_, errs, code := runCLI(t, "accept\nsad\nskip\ntender\nundo\nangry\nquit\n", "annotate", "--out", out, "--task", "tone", story)
	if code != 0 || !strings.Contains(errs, "saved stefan_pov paragraph 4: tone=tender") || !strings.Contains(errs, "undone") {
		t.Fatalf("exit %d:\n%s", code, errs)
	}
	stories, err := datasets.ReadLabelledFile(out)
	if err != nil {
		t.Fatal(err)
	}
	rows := stories[0].Rows
	if len(rows) != 3 || rows[1].Tone != "sad" || rows[2].Paragraph != 4 || rows[2].Tone != "angry" {
		t.Fatalf("rows %+v", rows)
	}
	_, errs, code = runCLI(t, "neutral\nquit\n", "annotate", "--out", out, "--task", "tone", story)
	if code != 0 || !strings.Contains(errs, "has 3 answers; going on with the 29 paragraphs left") || !strings.Contains(errs, "saved stefan_pov paragraph 3: tone=neutral") {
		t.Errorf("resume: exit %d:\n%s", code, errs)
	}
	// A crash in the middle of writing leaves a torn last row: the next run
	// sets it aside, says so, and keeps every good row.
	f, _ := os.OpenFile(out, os.O_APPEND|os.O_WRONLY, 0)
	f.WriteString(`stefan_pov,1,5,1049,1099,6,0.500,,ten`)
	f.Close()
	_, errs, code = runCLI(t, "quit\n", "annotate", "--out", out, "--task", "tone", story)
	if code != 0 || !strings.Contains(errs, "an incomplete last row (37 bytes) from an interrupted run was moved to "+out+".torn; 4 answers kept") {
		t.Errorf("torn row: exit %d:\n%s", code, errs)
	}
	if stories, err := datasets.ReadLabelledFile(out); err != nil || len(stories[0].Rows) != 4 {
		t.Errorf("after repair: %v", err)
	}
	_, errs, code = runCLI(t, "", "annotate", "--out", out, "--labels", "mood=x", story)
	if code != 2 || !strings.Contains(errs, `--labels "mood=x"`) {
		t.Errorf("bad --labels: exit %d, %q", code, errs)
	}
	for _, bad := range [][]string{{"--labels", "pov=first,fourth"}, {"--labels", "tone="}, {"--retrain-every", "-1"}} {
		fresh := filepath.Join(t.TempDir(), "fresh.csv")
		_, errs, code = runCLI(t, "", append([]string{"annotate", "--out", fresh, story}, bad...)...)
		if _, err := os.Stat(fresh); code != 2 || err == nil {
			t.Errorf("annotate %v: exit %d, %q; answer file made: %v", bad, code, errs, err == nil)
		}
	}
	// A line that answers nothing is named, the others are saved, and the
	// exit status says not every line was taken.
	_, errs, code = runCLI(t, "sideways\n?\nsad\n", "annotate", "--out", out, "--task", "tone", story)
	if code != 1 || !strings.Contains(errs, `line 1: "sideways" is not a key here`) || !strings.Contains(errs, "tone: s or sad") ||
		!strings.Contains(errs, "tone=sad") || !strings.Contains(errs, "line 1 was not taken as an answer; the others are saved") {
		t.Errorf("a line that answers nothing: exit %d:\n%s", code, errs)
	}
	if stories, err := datasets.ReadLabelledFile(out); err != nil || len(stories[0].Rows) != 5 {
		t.Errorf("after a rejected line: %v", err)
	}
	// Lines left once every paragraph is answered are not taken either.
	two := filepath.Join(t.TempDir(), "two.txt")
	os.WriteFile(two, []byte("She waited.\n\nHe came.\n"), 0o644)
	_, errs, code = runCLI(t, "sad\nsad\nbogus\nangry\n", "annotate", "--out", filepath.Join(t.TempDir(), "two.csv"), "--task", "tone", two)
	if code != 1 || !strings.Contains(errs, "line 3: every paragraph already has its answer") || !strings.Contains(errs, "(lines 3, 4)") {
		t.Errorf("lines after the last paragraph: exit %d:\n%s", code, errs)
	}
	// But an undo or a quit after the last answer is taken.
	out2 := filepath.Join(t.TempDir(), "two.csv")
	_, errs, code = runCLI(t, "sad\nsad\nundo\nangry\nquit\n", "annotate", "--out", out2, "--task", "tone", two)
	if code != 0 || !strings.Contains(errs, "undone") {
		t.Errorf("undo and quit after the last answer: exit %d:\n%s", code, errs)
	}
	if stories, err := datasets.ReadLabelledFile(out2); err != nil || len(stories[0].Rows) != 2 || stories[0].Rows[1].Tone != "angry" {
		t.Errorf("after undo: %v %+v", err, stories)
	}
}

// TestAnnotateSurvivesKill kills the command with SIGKILL at random
// moments, mid-write included, and restarts it with the same --out: every
// answer it reported saved is in the file, the file always reads back, and
// in the end every paragraph is labelled exactly once.
func TestAnnotateSurvivesKill(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command and kills it repeatedly")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "storylens")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	var story strings.Builder
	for i := 1; i <= 24; i++ {
		fmt.Fprintf(&story, "Paragraph %d: Elena walked to the lake and waited, and the water was cold.\n\n", i)
	}
	storyPath := filepath.Join(dir, "lake.txt")
	os.WriteFile(storyPath, []byte(story.String()), 0o644)
	out := filepath.Join(dir, "labels.csv")
	tones := []string{"sad", "happy", "tender", "angry", "tense", "neutral"}
	r := rand.New(rand.NewPCG(7, 7))
	confirmed := map[int]string{}
	rounds, repaired := 0, 0
	for round := 0; round < 40 && len(confirmed) < 24; round++ {
		cmd := exec.Command(bin, "annotate", "--out", out, "--task", "tone", storyPath)
		stdin, _ := cmd.StdinPipe()
		stderr, _ := cmd.StderrPipe()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		lines := bufio.NewScanner(stderr)
		killAfter := r.IntN(4) // answers to confirm before the kill
		for n := 0; ; n++ {
			tone := tones[r.IntN(len(tones))]
			fmt.Fprintln(stdin, tone)
			if n == killAfter {
				// Kill while the answer may be being written.
				time.Sleep(time.Duration(r.IntN(300)) * time.Microsecond)
				break
			}
			saved := false
			for lines.Scan() {
				var p int
				var got string
				if _, err := fmt.Sscanf(lines.Text(), "saved lake paragraph %d: tone=%s", &p, &got); err == nil {
					confirmed[p] = got
					saved = true
					break
				}
			}
			if !saved {
				break // the run ended: every paragraph answered
			}
		}
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		// The file must read back, with every confirmed answer in it.
		s, err := annotate.Open(out)
		if err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		if s.Repaired != "" {
			repaired++
		}
		rounds++
		got := map[int]string{}
		for _, a := range s.Answers() {
			if _, dup := got[a.Paragraph]; dup {
				t.Fatalf("round %d: paragraph %d answered twice", round, a.Paragraph)
			}
			got[a.Paragraph] = a.Tone
		}
		s.Close()
		for p, tone := range confirmed {
			if got[p] != tone {
				t.Fatalf("round %d: confirmed answer for paragraph %d (%s) lost; file has %q", round, p, tone, got[p])
			}
		}
		// Answers written but not yet reported count as confirmed now.
		for p, tone := range got {
			confirmed[p] = tone
		}
	}
	t.Logf("%d runs killed, %d torn rows repaired", rounds, repaired)
	if rounds < 5 {
		t.Errorf("only %d runs: the test did not kill the command mid-run", rounds)
	}
	if len(confirmed) != 24 {
		t.Fatalf("%d of 24 paragraphs labelled after the kills", len(confirmed))
	}
	if _, err := datasets.ReadLabelledFile(out); err != nil {
		t.Errorf("the answer file is not valid training input: %v", err)
	}
}
