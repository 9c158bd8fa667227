package annotate

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzOpen: whatever an answer file holds, Open repairs a torn tail or
// refuses with an error naming the file, and what it keeps reads back the
// same after a reopen.
func FuzzOpen(f *testing.F) {
	header := strings.Join(Header, ",") + "\n"
	f.Add([]byte(header + "a,1,1,0,5,1,0.000,,sad,,Hello\n"))
	f.Add([]byte(header + "a,1,1,0,5,1,0.000,,sad,,\"Hel"))
	f.Add([]byte(header + "a,1\nb,2,2,0,5,1,0.000,,sad,,x\n"))
	f.Add([]byte("id,x\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "out.csv")
		os.WriteFile(path, data, 0o644)
		s, err := Open(path)
		if err != nil {
			if !strings.HasPrefix(err.Error(), path) {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		n := len(s.Answers())
		s.Close()
		s, err = Open(path)
		if err != nil {
			t.Fatalf("reopen: %v", err)
		}
		if len(s.Answers()) != n || s.Repaired != "" {
			t.Fatalf("reopen: %d answers (had %d), %q", len(s.Answers()), n, s.Repaired)
		}
		s.Close()
	})
}
