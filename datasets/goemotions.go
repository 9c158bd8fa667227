package datasets

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// GoEmotionsTone maps the 28 GoEmotions labels (Demszky et al., ACL 2020;
// Apache-2.0) onto the six tones. Labels mapped to "" (surprise,
// realization, confusion, curiosity) carry no tone and are ignored.
var GoEmotionsTone = map[string]string{
	"sadness": "sad", "grief": "sad", "disappointment": "sad", "remorse": "sad", "embarrassment": "sad",
	"joy": "happy", "amusement": "happy", "excitement": "happy", "gratitude": "happy", "optimism": "happy",
	"pride": "happy", "relief": "happy", "admiration": "happy", "approval": "happy",
	"love": "tender", "caring": "tender", "desire": "tender",
	"anger": "angry", "annoyance": "angry", "disapproval": "angry", "disgust": "angry",
	"fear": "tense", "nervousness": "tense",
	"neutral":  "neutral",
	"surprise": "", "realization": "", "confusion": "", "curiosity": "",
}

// Silver is one GoEmotions comment with the tone its labels map to.
type Silver struct {
	ID, Text, Tone string
}

// ReadGoEmotions reads a GoEmotions split (dir/original/<split>.tsv with
// dir/original/labels.txt) and maps each comment to a tone: the one tone
// all its mapped labels agree on. Comments whose labels map to different
// tones, or only to labels without a tone, are left out.
func ReadGoEmotions(dir, split string) ([]Silver, error) {
	names, err := os.ReadFile(filepath.Join(dir, "original", "labels.txt"))
	if err != nil {
		return nil, err
	}
	labels := strings.Fields(string(names))
	for _, l := range labels {
		if _, ok := GoEmotionsTone[l]; !ok {
			return nil, fmt.Errorf("%s: label %q has no tone mapping", filepath.Join(dir, "original", "labels.txt"), l)
		}
	}
	path := filepath.Join(dir, "original", split+".tsv")
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readGoEmotionsTSV(path, f, labels)
}

func readGoEmotionsTSV(path string, r io.Reader, labels []string) ([]Silver, error) {
	var out []Silver
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	for line := 1; sc.Scan(); line++ {
		parts := strings.Split(sc.Text(), "\t")
		if len(parts) != 3 {
			return nil, fmt.Errorf("%s: line %d: %d fields, want text, label ids, id", path, line, len(parts))
		}
		tone := ""
		ok := true
		for _, s := range strings.Split(parts[1], ",") {
			id, err := strconv.Atoi(s)
			if err != nil || id < 0 || id >= len(labels) {
				return nil, fmt.Errorf("%s: line %d: bad label id %q", path, line, s)
			}
			t := GoEmotionsTone[labels[id]]
			switch {
			case t == "":
			case tone == "":
				tone = t
			case tone != t:
				ok = false
			}
		}
		if ok && tone != "" {
			out = append(out, Silver{ID: parts[2], Text: parts[0], Tone: tone})
		}
	}
	return out, sc.Err()
}
