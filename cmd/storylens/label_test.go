package main

import (
	"encoding/csv"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/storylens/storylens/datasets"
)

func TestLabelSeeds(t *testing.T) {
	out, errs, code := runCLI(t, "", "label", "--seeds", "--format", "csv")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.HasPrefix(out, "story,chapter,paragraph,start,end,words,dialogue,pov,pov_confidence,tone,tone_confidence,focus,focus_confidence,text\n") {
		t.Fatalf("header: %.150q", out)
	}
	rows := readCSV(t, out)
	if len(rows) != 115 {
		t.Fatalf("%d rows, want 115", len(rows))
	}
	third := 0
	for _, r := range rows {
		if !slices.Contains([]string{"first", "second", "third"}, r["pov"]) ||
			!slices.Contains([]string{"sad", "happy", "tender", "angry", "tense", "neutral"}, r["tone"]) || r["focus"] == "" {
			t.Errorf("%s %s: labels %q %q %q", r["story"], r["paragraph"], r["pov"], r["tone"], r["focus"])
		}
		for _, k := range []string{"pov_confidence", "tone_confidence", "focus_confidence"} {
			c, err := strconv.ParseFloat(r[k], 64)
			if err != nil || c < 0 || c > 1 {
				t.Errorf("%s %s: %s = %q", r["story"], r["paragraph"], k, r[k])
			}
		}
		if r["pov"] == "third" {
			third++
		}
	}
	if third < 100 {
		t.Errorf("%d of 115 third-person seed paragraphs labelled third", third)
	}
}

// TestTrainEvalLabelRoundTrip trains on labelled CSV, evaluates the model
// and labels with it; the CSV that label writes is valid training input.
func TestTrainEvalLabelRoundTrip(t *testing.T) {
	dir := t.TempDir()
	model := filepath.Join(dir, "m")
	data := filepath.Join("..", "..", "datasets", "seeds.csv") + "," + filepath.Join("..", "..", "datasets", "second_person.csv")
	out, errs, code := runCLI(t, "", "train", "--data", data, "--out", model, "--folds", "3")
	if code != 0 {
		t.Fatalf("train: exit %d: %s", code, errs)
	}
	for _, want := range []string{"== pov: 3-fold cross-validation grouped by story (190 paragraphs)", "pronoun-count rule", "== tone:", "lexicon alone (VADER)", "bag of stems alone", "== focus:", "most frequent name", "confusion (rows gold, columns predicted):", "expected calibration error"} {
		if !strings.Contains(out, want) {
			t.Errorf("train report lacks %q:\n%s", want, out)
		}
	}
	if _, err := os.Stat(filepath.Join(model, "model.json")); err != nil {
		t.Fatal(err)
	}
	// The model trained on the seeds: eval on them says it is not held out.
	out, errs, code = runCLI(t, "", "eval", "--data", filepath.Join("..", "..", "datasets", "seeds.csv"), "--model", model)
	if code != 0 || !strings.Contains(out, "== pov: evaluation, NOT held out: 112 of the data's 112 labelled paragraphs of 6 words or more are paragraphs the model trained on (115 paragraphs)") ||
		!strings.Contains(errs, "pov, tone, focus: 112 of the data's 112 labelled paragraphs of 6 words or more (in after_liz, bittersweet_goodbye, stefan_pov) are paragraphs the model trained on") {
		t.Fatalf("eval: exit %d: %s\n%s", code, errs, out)
	}
	labelled, errs, code := runCLI(t, "", "label", "--seeds", "--model", model, "--format", "csv")
	if code != 0 {
		t.Fatalf("label: exit %d: %s", code, errs)
	}
	csvPath := filepath.Join(dir, "labelled.csv")
	os.WriteFile(csvPath, []byte(labelled), 0o644)
	_, errs, code = runCLI(t, "", "train", "--data", csvPath, "--out", filepath.Join(dir, "m2"), "--task", "tone", "--folds", "3", "--quiet")
	if code != 0 {
		t.Errorf("training on label's output: exit %d: %s", code, errs)
	}
}

func TestModelAndDataErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.csv")
	os.WriteFile(bad, []byte("text,tone\nOne.,sad\nTwo.,gloomy\n"), 0o644)
	_, errs, code := runCLI(t, "", "eval", "--data", bad)
	if code != 1 || !strings.Contains(errs, bad+`: row 2: tone "gloomy" is not one of the model's labels`) {
		t.Errorf("eval with an unknown label: exit %d, %q", code, errs)
	}
	trunc := filepath.Join(dir, "model.json")
	good, _ := os.ReadFile(filepath.Join("..", "..", "models", "default", "model.json"))
	os.WriteFile(trunc, good[:1000], 0o644)
	_, errs, code = runCLI(t, "", "label", "--seeds", "--model", dir)
	if code != 1 || !strings.Contains(errs, trunc+": not a usable storylens model: the file ends early") {
		t.Errorf("truncated model: exit %d, %q", code, errs)
	}
	_, errs, code = runCLI(t, "", "train", "--data", bad)
	if code != 2 || !strings.Contains(errs, "--out DIR is required") {
		t.Errorf("train without --out: exit %d, %q", code, errs)
	}
	short := filepath.Join(dir, "short.csv")
	os.WriteFile(short, []byte("text,pov\nOne.,first\nTwo.\n"), 0o644)
	_, errs, code = runCLI(t, "", "train", "--data", short, "--out", dir)
	if code != 1 || !strings.Contains(errs, short+": line 3: wrong number of fields") {
		t.Errorf("short row: exit %d, %q", code, errs)
	}
}

// seedsWith writes datasets/seeds.csv to dir/name with each row changed
// by edit (a column name to value map; the header is left alone).
func seedsWith(t *testing.T, dir, name string, edit func(row map[string]string)) string {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "..", "datasets", "seeds.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, rec := range recs[1:] {
		row := map[string]string{}
		for i, h := range recs[0] {
			row[h] = rec[i]
		}
		edit(row)
		for i, h := range recs[0] {
			rec[i] = row[h]
		}
	}
	var b strings.Builder
	w := csv.NewWriter(&b)
	w.WriteAll(recs)
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestTrainChecksTheData: train says what it can and cannot
// cross-validate before it trains.
func TestTrainChecksTheData(t *testing.T) {
	dir := t.TempDir()
	// Labels from annotate --task tone: pov and focus are left out.
	tone := seedsWith(t, dir, "tone.csv", func(r map[string]string) { r["pov"], r["focus"] = "", "" })
	out, errs, code := runCLI(t, "", "train", "--data", tone, "--out", filepath.Join(dir, "m"), "--folds", "3")
	if code != 0 || !strings.Contains(errs, tone+": no pov or focus labels; training tone only") || !strings.Contains(out, "== tone: 3-fold") || strings.Contains(out, "== pov") {
		t.Errorf("tone labels only: exit %d, %s\n%s", code, errs, out)
	}
	_, errs, code = runCLI(t, "", "train", "--data", tone, "--out", filepath.Join(dir, "m"), "--task", "pov")
	if code != 1 || !strings.Contains(errs, tone+": no pov labels") {
		t.Errorf("--task pov without pov labels: exit %d, %s", code, errs)
	}
	// One story: the folds cannot be grouped by story.
	n := 0
	one := seedsWith(t, dir, "one.csv", func(r map[string]string) {
		n++
		r["story"], r["paragraph"] = "mine", strconv.Itoa(n)
	})
	_, errs, code = runCLI(t, "", "train", "--data", one, "--out", filepath.Join(dir, "m"), "--task", "tone")
	if code != 1 || !strings.Contains(errs, one+": the 115 tone labels all come from one story") {
		t.Errorf("one story: exit %d, %s", code, errs)
	}
	_, errs, code = runCLI(t, "", "train", "--data", one, "--out", filepath.Join(dir, "m"))
	if code != 1 || !strings.Contains(errs, "; tone is not trained") || !strings.Contains(errs, "no pov, tone or focus labels from two stories or more") {
		t.Errorf("one story, all tasks: exit %d, %s", code, errs)
	}
	// More folds than stories: the report says how many there were.
	seeds := filepath.Join("..", "..", "datasets", "seeds.csv")
	out, errs, code = runCLI(t, "", "train", "--data", seeds, "--out", filepath.Join(dir, "m"), "--task", "pov", "--folds", "200")
	if code != 0 || !strings.Contains(out, "== pov: 3-fold cross-validation") || !strings.Contains(errs, "3 stories have pov labels, so 3 folds, not 200") {
		t.Errorf("--folds 200 over 3 stories: exit %d, %s\n%.200s", code, errs, out)
	}
	// That model labels pov only, and says so.
	out, errs, code = runCLI(t, "", "label", "--seeds", "--model", filepath.Join(dir, "m"), "--format", "csv")
	if code != 0 || !strings.Contains(errs, "has no tone or focus classifier: those columns are left empty") {
		t.Errorf("label with a pov model: exit %d, %s", code, errs)
	}
	if r := readCSV(t, out)[0]; r["pov_confidence"] == "" || r["tone"]+r["tone_confidence"]+r["focus"]+r["focus_confidence"] != "" {
		t.Errorf("label with a pov model: first row %v", r)
	}
	_, errs, code = runCLI(t, "", "train", "--data", seeds, "--out", filepath.Join(dir, "m"), "--folds", "1")
	if code != 2 || !strings.Contains(errs, "--folds must be at least 2") {
		t.Errorf("--folds 1: exit %d, %s", code, errs)
	}
	_, errs, code = runCLI(t, "", "train", "--data", seeds, "--out", tone)
	if code != 1 || !strings.Contains(errs, "--out "+tone+" is a file") {
		t.Errorf("--out a file: exit %d, %s", code, errs)
	}
}

// TestEvalMajorityBaseline: eval's majority class is the commonest
// label of the model's training data.
func TestEvalMajorityBaseline(t *testing.T) {
	out, errs, code := runCLI(t, "", "eval", "--data", filepath.Join("..", "..", "datasets", "seeds.csv"))
	if code != 0 {
		t.Fatalf("eval: exit %d: %s", code, errs)
	}
	// The default model was trained mostly on third-person novels whose
	// commonest tone is neutral: 11 of the seeds' 115 paragraphs.
	tone := out[strings.Index(out, "== tone"):]
	if !regexp.MustCompile(`majority class +0\.096 `).MatchString(tone) {
		t.Errorf("tone majority-class baseline is not neutral's 11 of 115:\n%s", tone)
	}
}

// TestEvalHeldOut: data whose stories the model never trained on is
// called held out, with nothing on stderr about it (but a note that the
// labels, storylens's own, are predictions).
func TestEvalHeldOut(t *testing.T) {
	dir := t.TempDir()
	story := filepath.Join(dir, "rain_walk.txt")
	os.WriteFile(story, []byte("Anna walked home in the rain.\n\n\"Wait,\" Ben called after her.\n\nShe did not turn round.\n"), 0o644)
	labelled, errs, code := runCLI(t, "", "label", story, "--format", "csv")
	if code != 0 {
		t.Fatalf("label: exit %d: %s", code, errs)
	}
	data := filepath.Join(dir, "rain.csv")
	os.WriteFile(data, []byte(labelled), 0o644)
	out, errs, code := runCLI(t, "", "eval", "--data", data)
	if code != 0 || !strings.Contains(out, "== pov: held-out evaluation (3 paragraphs)") || strings.Contains(errs, "the model trained on") {
		t.Errorf("eval: exit %d, stderr %q\n%.200s", code, errs, out)
	}
}

// TestDashDialogue: a third-person story whose speech is opened by dashes
// reads its speech as dialogue, so the speakers' "I" does not make it
// first person.
func TestDashDialogue(t *testing.T) {
	story := filepath.Join(t.TempDir(), "dash.txt")
	os.WriteFile(story, []byte("Maria stood at the window while the rain came down over the square.\n\n"+
		"— I can't do this anymore, — she said. — I'm leaving tonight.\n\n"+
		"Tomas did not look up from the table. He turned the cup in his hands.\n\n"+
		"— Then go, — he said. — I won't stop you.\n\n"+
		"She took her coat from the hook and went out into the rain.\n\n"+
		"— You never listen to me, — she called back from the door.\n"), 0o644)
	out, errs, code := runCLI(t, "", "label", story, "--format", "csv")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for i, r := range readCSV(t, out) {
		speech := strings.HasPrefix(r["text"], "—")
		if r["pov"] != "third" || (r["dialogue"] != "0.000") != speech {
			t.Errorf("paragraph %d: pov %s, dialogue %s: %q", i+1, r["pov"], r["dialogue"], r["text"])
		}
	}
}

// TestEvalHeldOutByText: a training paragraph is caught by its text
// under another story name, whatever its case, spacing and quotation
// marks, and only for the tasks it was labelled for; a short paragraph
// is not checked; a story the model trained on is not held out even in
// paragraphs it did not label; a model that records none of this says
// so.
func TestEvalHeldOutByText(t *testing.T) {
	dir := t.TempDir()
	seeds, err := datasets.ReadLabelledFile(filepath.Join("..", "..", "datasets", "seeds.csv"))
	if err != nil {
		t.Fatal(err)
	}
	var r datasets.Labelled
	for _, row := range seeds[0].Rows {
		if len(strings.Fields(row.Text)) >= 12 && strings.Contains(row.Text, `"`) {
			r = row
			break
		}
	}
	if r.Text == "" {
		t.Fatal("no seed paragraph of 12 words with a quotation")
	}
	q := func(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }
	// The training paragraph lower-cased, curly-quoted and rewrapped,
	// labelled for pov; a new paragraph labelled for tone; a short one
	// that any story might have.
	edited := strings.Join(strings.Fields(strings.ToLower(r.Text)), "\r\n ")
	edited = strings.NewReplacer(`"`, "\u201c").Replace(edited)
	csv := "story,paragraph,pov,tone,text\n" +
		"renamed,1," + r.POV + ",," + q(edited) + "\n" +
		"renamed,2,,sad," + q("A paragraph that nobody ever trained on, about rain.") + "\n" +
		"renamed,3,third,happy," + q("He shuddered.") + "\n"
	data := filepath.Join(dir, "renamed.csv")
	if err := os.WriteFile(data, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errs, code := runCLI(t, "", "eval", "--data", data)
	if code != 0 || !strings.Contains(out, "== pov: evaluation, NOT held out: 1 of the data's 1 labelled paragraphs of 6 words or more are paragraphs the model trained on") ||
		!strings.Contains(out, "== tone: held-out evaluation") || !strings.Contains(errs, "pov: 1 of the data's 1 labelled paragraphs of 6 words or more (in renamed)") {
		t.Errorf("a renamed training paragraph: exit %d, stderr %q\n%.600s", code, errs, out)
	}
	// New paragraphs of a story the model trained on.
	csv = "story,paragraph,tone,text\n" + seeds[0].Name + ",900,sad," + q("A paragraph that nobody ever trained on, about rain.") + "\n"
	if err := os.WriteFile(data, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errs, code = runCLI(t, "", "eval", "--data", data)
	if code != 0 || !strings.Contains(out, "== tone: evaluation, NOT held out by story: 1 of the data's 1 story names are those of stories the model trained on") ||
		!strings.Contains(errs, "("+seeds[0].Name+")") {
		t.Errorf("a story the model trained on: exit %d, stderr %q\n%.300s", code, errs, out)
	}
	// The same model without its records (as older model files are).
	raw, err := os.ReadFile(filepath.Join("..", "..", "models", "default", "model.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	for _, task := range []string{"pov", "tone", "focus"} {
		delete(m[task].(map[string]any), "trained_on")
	}
	raw, _ = json.Marshal(m)
	old := filepath.Join(dir, "old")
	if err := os.MkdirAll(old, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(old, "model.json"), raw, 0o644); err != nil {
		t.Fatal(err)
	}
	out, errs, code = runCLI(t, "", "eval", "--data", filepath.Join("..", "..", "datasets", "seeds.csv"), "--model", old)
	if code != 0 || !strings.Contains(out, "== pov: evaluation (the model does not record its training data, so whether the data is held out is unknown)") {
		t.Errorf("a model without records: exit %d, stderr %q\n%.300s", code, errs, out)
	}
}

// TestTrainDataMistakes: the mistakes of a dataset made by hand are
// caught before training: a story spread over two files is one story to
// the folds, a paragraph given twice counts once, conflicting labels, a
// task of one label, labels that differ only in case, an --out that
// cannot be written; and eval with no task in common with the model.
func TestTrainDataMistakes(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "m")
	// Odd paragraphs labelled in one file, even ones in another.
	odd := seedsWith(t, dir, "odd.csv", func(r map[string]string) {
		if n, _ := strconv.Atoi(r["paragraph"]); n%2 == 0 {
			r["pov"], r["tone"], r["focus"] = "", "", ""
		}
	})
	even := seedsWith(t, dir, "even.csv", func(r map[string]string) {
		if n, _ := strconv.Atoi(r["paragraph"]); n%2 == 1 {
			r["pov"], r["tone"], r["focus"] = "", "", ""
		}
	})
	rep, errs, code := runCLI(t, "", "train", "--data", odd+","+even, "--task", "tone", "--out", out)
	if code != 0 || !strings.Contains(errs, "3 stories have tone labels, so 3 folds, not 5") || !strings.Contains(errs, "115 rows of --data repeat a paragraph") ||
		!strings.Contains(rep, "== tone: 3-fold cross-validation grouped by story (115 paragraphs)") {
		t.Errorf("a story in two files: exit %d, %s\n%.200s", code, errs, rep)
	}
	seeds := filepath.Join("..", "..", "datasets", "seeds.csv")
	clash := seedsWith(t, dir, "clash.csv", func(r map[string]string) {
		if r["story"] == "after_liz" && r["paragraph"] == "3" {
			r["tone"] = map[string]string{"sad": "happy"}[r["tone"]] + "sad"
		}
	})
	_, errs, code = runCLI(t, "", "train", "--data", seeds+","+clash, "--out", out)
	if code != 1 || !strings.Contains(errs, clash+": row 3: story after_liz: this paragraph is also "+seeds+" row 3, labelled") {
		t.Errorf("conflicting labels: exit %d, %s", code, errs)
	}
	third := seedsWith(t, dir, "third.csv", func(r map[string]string) { r["pov"] = "third" })
	_, errs, code = runCLI(t, "", "train", "--data", third, "--task", "pov", "--out", out)
	if code != 1 || !strings.Contains(errs, `all 115 pov labels are "third"`) {
		t.Errorf("one pov label: exit %d, %s", code, errs)
	}
	sad := seedsWith(t, dir, "sad.csv", func(r map[string]string) {
		if r["paragraph"] == "5" && r["story"] == "after_liz" {
			r["tone"] = "Sad"
		}
	})
	_, errs, code = runCLI(t, "", "train", "--data", sad, "--out", out)
	if code != 1 || !strings.Contains(errs, "only in case or spacing") || !strings.Contains(errs, `"Sad"`) {
		t.Errorf("Sad beside sad: exit %d, %s", code, errs)
	}
	// An --out that cannot be written is found before the training.
	blocker := filepath.Join(dir, "blocker")
	os.WriteFile(blocker, nil, 0o644)
	rep, errs, code = runCLI(t, "", "train", "--data", seeds, "--out", filepath.Join(blocker, "m"))
	if code != 1 || rep != "" || !strings.Contains(errs, "--out "+filepath.Join(blocker, "m")) || strings.Contains(errs, "folds") {
		t.Errorf("--out under a file: exit %d, %s\n%.200s", code, errs, rep)
	}
	// A folder made for --out goes again when the run fails.
	fresh := filepath.Join(dir, "fresh")
	if _, _, code := runCLI(t, "", "train", "--data", third, "--task", "pov", "--out", fresh); code != 1 {
		t.Errorf("one pov label into a fresh --out: exit %d", code)
	}
	if _, err := os.Stat(fresh); err == nil {
		t.Error("a failed train left its --out folder behind")
	}
	// A pov model and tone data.
	if _, errs, code := runCLI(t, "", "train", "--data", seeds, "--task", "pov", "--out", out, "--quiet"); code != 0 {
		t.Fatalf("train pov: exit %d: %s", code, errs)
	}
	tone := seedsWith(t, dir, "tone.csv", func(r map[string]string) { r["pov"], r["focus"] = "", "" })
	_, errs, code = runCLI(t, "", "eval", "--data", tone, "--model", out)
	if code != 1 || !strings.Contains(errs, "the data has tone labels and the model classifies pov only") {
		t.Errorf("eval with no task in common: exit %d, %s", code, errs)
	}
}

// --probs adds each tone's probability: columns after all the others in
// CSV (with --meta and --features too), an object in JSON lines. They sum
// to 1, the label is the most probable tone, and the file is still valid
// input to eval. A table has no room for them.
func TestToneProbabilities(t *testing.T) {
	tones := []string{"sad", "happy", "tender", "angry", "tense", "neutral"}
	check := func(name string, rows []map[string]string, cols []string) {
		t.Helper()
		for i, r := range rows {
			sum, best, top := 0.0, "", -1.0
			for _, tone := range tones {
				p, err := strconv.ParseFloat(r["tone_p_"+tone], 64)
				if err != nil {
					t.Fatalf("%s row %d: tone_p_%s = %q", name, i+1, tone, r["tone_p_"+tone])
				}
				sum += p
				if p > top {
					best, top = tone, p
				}
			}
			if math.Abs(sum-1) > 0.004 || best != r["tone"] {
				t.Errorf("%s row %d: probabilities sum to %.3f, most probable %s, label %s", name, i+1, sum, best, r["tone"])
			}
		}
		want := make([]string, len(tones))
		for i, tone := range tones {
			want[i] = "tone_p_" + tone
		}
		if !slices.Equal(cols[len(cols)-len(tones):], want) {
			t.Errorf("%s: columns end %v", name, cols[len(cols)-len(tones):])
		}
	}
	for _, extra := range [][]string{nil, {"--meta", "--features"}} {
		out, errs, code := runCLI(t, "", append([]string{"export", "--seeds", "--probs"}, extra...)...)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		rows := readCSV(t, out)
		if len(rows) != 115 {
			t.Fatalf("%d rows", len(rows))
		}
		check(strings.Join(append([]string{"export"}, extra...), " "), rows, strings.Split(strings.SplitN(out, "\n", 2)[0], ","))
	}
	// Without --format, --probs writes CSV (a table would have no room).
	out, _, _ := runCLI(t, "", "label", "--seeds", "--probs")
	check("label", readCSV(t, out), strings.Split(strings.SplitN(out, "\n", 2)[0], ","))
	path := filepath.Join(t.TempDir(), "probs.csv")
	os.WriteFile(path, []byte(out), 0o644)
	// Its labels are the model's own: eval reads it, and says so.
	if _, errs, code := runCLI(t, "", "eval", "--data", path); code != 0 || !strings.Contains(errs, path+" has pov_confidence, tone_confidence, focus_confidence columns: its labels look like storylens's own predictions") {
		t.Errorf("eval of a CSV with probabilities: exit %d, %s", code, errs)
	}
	if _, errs, _ := runCLI(t, "", "eval", "--data", filepath.Join("..", "..", "datasets", "seeds.csv")); strings.Contains(errs, "own predictions") {
		t.Errorf("eval of gold data: %s", errs)
	}

	out, _, _ = runCLI(t, "", "label", "--seeds", "--probs", "--format", "jsonl")
	var first struct {
		Tone      string             `json:"tone"`
		ToneProbs map[string]float64 `json:"tone_probs"`
	}
	if err := json.Unmarshal([]byte(strings.SplitN(out, "\n", 2)[0]), &first); err != nil || len(first.ToneProbs) != 6 || first.ToneProbs[first.Tone] < 1.0/6 {
		t.Errorf("jsonl: %v, %+v", err, first)
	}
	if strings.Contains(out, "tone_p_") {
		t.Error("jsonl has CSV column names")
	}
	out, _, _ = runCLI(t, "", "label", "--seeds", "--format", "jsonl")
	if strings.Contains(out, "tone_probs") {
		t.Error("tone_probs without --probs")
	}
	if _, errs, code := runCLI(t, "", "label", "--seeds", "--probs", "--format", "table"); code != 2 || !strings.Contains(errs, "--probs adds columns to --format csv or jsonl") {
		t.Errorf("table: exit %d, %s", code, errs)
	}
}
