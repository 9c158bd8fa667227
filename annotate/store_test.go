package annotate

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestStoreRepairsTornLastRow(t *testing.T) {
	good := "story,chapter,paragraph,start,end,words,dialogue,pov,tone,focus,text\n" +
		"a,1,1,0,5,1,0.000,,sad,,\"Hello\"\n" +
		"a,1,2,7,20,2,0.000,,happy,,\"Two,\nlines\"\n"
	tests := []struct {
		name, torn string
	}{
		{"no newline", "a,1,3,22,30,1,0.000,,sad,,Three"},
		{"cut inside a quoted field with a newline", "a,1,3,22,30,1,0.000,,sad,,\"Three\nand"},
		{"too few fields", "a,1,3,22"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "out.csv")
			os.WriteFile(path, []byte(good+tt.torn), 0o644)
			s, err := Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if len(s.Answers()) != 2 || !strings.Contains(s.Repaired, "moved to "+path+".torn; 2 answers kept") {
				t.Errorf("%d answers, message %q", len(s.Answers()), s.Repaired)
			}
			data, _ := os.ReadFile(path)
			if string(data) != good {
				t.Errorf("file after repair = %q", data)
			}
			side, _ := os.ReadFile(path + ".torn")
			if !strings.Contains(string(side), tt.torn) {
				t.Errorf("torn row not kept aside: %q", side)
			}
			if err := s.Append(Answer{Story: "a", Paragraph: 3, Tone: "tense", Text: "x"}); err != nil {
				t.Fatal(err)
			}
			s2, err := Open(path)
			if err != nil || len(s2.Answers()) != 3 || s2.Repaired != "" {
				t.Errorf("reopen: %v, %d answers, %q", err, len(s2.Answers()), s2.Repaired)
			}
			s2.Close()
		})
	}
}

func TestStoreRefusesDamageBeforeTheEnd(t *testing.T) {
	path := filepath.Join(t.TempDir(), "out.csv")
	os.WriteFile(path, []byte("story,chapter,paragraph,start,end,words,dialogue,pov,tone,focus,text\na,1,1\na,1,2,7,20,2,0.000,,happy,,two\n"), 0o644)
	if _, err := Open(path); !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), path+": line 2") {
		t.Errorf("Open = %v", err)
	}
	// A row cut inside a quotation with good rows after it: the open
	// quote runs to the end of the file, but it is not a torn last row.
	quoted := "story,chapter,paragraph,start,end,words,dialogue,pov,tone,focus,text\na,1,1,0,5,1,0.000,,sad,,\"They ran\na,1,2,7,20,2,0.000,,happy,,two\n"
	os.WriteFile(path, []byte(quoted), 0o644)
	if _, err := Open(path); !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), path+": line 2") {
		t.Errorf("Open(open quote before a good row) = %v", err)
	}
	if data, _ := os.ReadFile(path); string(data) != quoted {
		t.Errorf("the damaged file was changed: %q", data)
	}
	if _, err := os.Stat(path + ".torn"); err == nil {
		t.Errorf("rows were moved aside")
	}
	other := filepath.Join(t.TempDir(), "other.csv")
	os.WriteFile(other, []byte("id,name\n1,x\n"), 0o644)
	if _, err := Open(other); err == nil || !strings.Contains(err.Error(), "not a storylens answer file") {
		t.Errorf("Open(other CSV) = %v", err)
	}
}

func TestStoreUndo(t *testing.T) {
	path := filepath.Join(t.TempDir(), "out.csv")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s.Append(Answer{Story: "a", Paragraph: 1, Tone: "sad", Text: "one"})
	s.Append(Answer{Story: "a", Paragraph: 2, Tone: "happy", Text: "two,\n\"quoted\""})
	a, ok, err := s.Undo()
	if err != nil || !ok || a.Paragraph != 2 {
		t.Fatalf("Undo = %+v %v %v", a, ok, err)
	}
	s.Close()
	s, _ = Open(path)
	if got := s.Answers(); len(got) != 1 || got[0].Tone != "sad" || s.Repaired != "" {
		t.Errorf("after undo: %+v %q", got, s.Repaired)
	}
	s.Close()
}
