// Command sampler draws the seeded, stratified sample of novel paragraphs
// that annotators label for datasets/novels.csv, and writes the annotation
// batches. It is deterministic: the same corpus and seed give the same
// sample.
//
//	go run ./datasets/sampler -corpus ../shared/corpus/novels -out datasets/annotation
//
// It also writes whole_NN batches holding every paragraph of the seed
// stories and of the stories written for the project (-whole).
//
// Sampling: every paragraph (headings and scene breaks excluded) of every
// novel after its front matter (the text before the first chapter heading,
// when one comes in the first fifth of the book) is a candidate. First-person
// novels (FirstPerson) give PerFirst paragraphs each, the others PerOther,
// drawn without replacement by a PCG generator seeded with -seed and the
// novel's name. Each novel goes whole to one batch, so an annotator names a
// novel's characters consistently; a further seeded draw of -agree items
// across all batches forms the agreement batches for a second, independent
// annotation.
package main

import (
	"encoding/csv"
	"flag"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/storylens/storylens/datasets"
	"github.com/storylens/storylens/features"
)

// FirstPerson lists the novels narrated in the first person, found by
// their narration pronoun rate (first-person pronouns outside quotation
// marks at 3 % of narration words or more, against under 1.5 % elsewhere)
// and confirmed by reading each opening chapter.
var FirstPerson = []string{
	"Anon_Clara_1864", "Blackmore_Erema_1877", "Blackmore_Lorna_1869",
	"Cbronte_Villette_1853", "Corelli_Romance_1886", "Corelli_Satan_1895",
	"Doyle_Lost_1912", "Doyle_Micah_1889", "Haggard_She_1887",
	"Haggard_Sheallan_1921", "Lawrence_Peacock_1911", "Lee_Penelope_1903",
	"Meredith_Richmond_1871", "Stevenson_Catriona_1893", "Wcollins_Basil_1852",
	"Wcollins_Legacy_1889", "Wcollins_Woman_1860",
}

const (
	PerFirst = 20
	PerOther = 11
	// PerRound2 paragraphs more of every novel form the second round of
	// annotation: the next ones in the same shuffled order, so the first
	// round's sample is unchanged and the two never overlap.
	PerRound2 = 12
)

type item struct {
	id      string
	story   string
	path    string
	stratum string
	an      []datasets.Analysed
	i       int // index into an
}

func main() {
	corpus := flag.String("corpus", "../shared/corpus/novels", "folder of novels")
	out := flag.String("out", "datasets/annotation", "output folder")
	seed := flag.Uint64("seed", 2026, "random seed")
	batches := flag.Int("batches", 8, "first-pass batches")
	agree := flag.Int("agree", 200, "items for the second, independent annotation")
	whole := flag.String("whole", "seeds,datasets/written", "comma-separated folders whose stories are annotated whole, one batch each")
	doMerge := flag.Bool("merge", false, "merge the annotators' labels into datasets/*.csv and write the agreement report, instead of sampling")
	dsDir := flag.String("datasets", "datasets", "where -merge writes the gold CSV files")
	force := flag.Bool("force", false, "draw a new sample over an existing one")
	flag.Parse()
	if *doMerge {
		if err := merge(*corpus, *out, *dsDir); err != nil {
			fmt.Fprintln(os.Stderr, "sampler:", err)
			os.Exit(1)
		}
		return
	}
	// The committed sample is the record of what the gold data was drawn
	// from; drawing again with a later paragraph splitter gives another.
	if _, err := os.Stat(filepath.Join(*out, "sample.csv")); err == nil && !*force {
		fmt.Fprintf(os.Stderr, "sampler: %s exists: it records the sample the gold data was drawn from, and the batches the annotators labelled; -merge rebuilds the gold files from it; -force draws a new sample over it\n", filepath.Join(*out, "sample.csv"))
		os.Exit(1)
	}
	err := run(*corpus, *out, *seed, *batches, *agree)
	for i, dir := range strings.Split(*whole, ",") {
		if err == nil && dir != "" {
			err = wholeBatch(dir, *out, i+1)
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "sampler:", err)
		os.Exit(1)
	}
}

func run(corpus, out string, seed uint64, nBatches, nAgree int) error {
	paths, err := filepath.Glob(filepath.Join(corpus, "*.txt"))
	if err != nil || len(paths) == 0 {
		return fmt.Errorf("%s: no novels found", corpus)
	}
	slices.Sort(paths)
	a := features.NewAnalyzer()
	var all, round2 []item
	batchOf := map[string]int{}
	for n, p := range paths {
		s, err := datasets.ReadStory(p, nil)
		if err != nil {
			return err
		}
		an := datasets.Analyse(s, a)
		cands := candidates(s.Data, an)
		stratum, k := "third", PerOther
		if slices.Contains(FirstPerson, s.Name) {
			stratum, k = "first", PerFirst
		}
		h := fnv.New64a()
		h.Write([]byte(s.Name))
		r := rand.New(rand.NewPCG(seed, h.Sum64()))
		r.Shuffle(len(cands), func(i, j int) { cands[i], cands[j] = cands[j], cands[i] })
		first := slices.Sorted(slices.Values(cands[:min(k, len(cands))]))
		second := slices.Sorted(slices.Values(cands[min(k, len(cands)):min(k+PerRound2, len(cands))]))
		for _, i := range first {
			all = append(all, item{story: s.Name, path: p, stratum: stratum, an: an, i: i})
		}
		for _, i := range second {
			round2 = append(round2, item{story: s.Name, path: p, stratum: stratum, an: an, i: i})
		}
		batchOf[s.Name] = n % nBatches
	}
	for i := range all {
		all[i].id = fmt.Sprintf("N%04d", i+1)
	}
	for i := range round2 {
		round2[i].id = fmt.Sprintf("N%04d", len(all)+i+1)
	}
	if err := os.MkdirAll(filepath.Join(out, "batches"), 0o755); err != nil {
		return err
	}
	if err := writeSample(filepath.Join(out, "sample.csv"), append(slices.Clip(all), round2...)); err != nil {
		return err
	}
	// The second round's batches tell the annotator the character names
	// the first round used for each novel, so that one character keeps one
	// label across rounds.
	names, err := namesInUse(filepath.Join(out, "labels"), all)
	if err != nil {
		return err
	}
	for r, items := range [][]item{all, round2} {
		groups := make([][]item, nBatches)
		for _, it := range items {
			groups[batchOf[it.story]] = append(groups[batchOf[it.story]], it)
		}
		for b, g := range groups {
			path := filepath.Join(out, "batches", fmt.Sprintf("batch_%02d.md", r*nBatches+b+1))
			var known map[string][]string
			if r > 0 {
				known = names
			}
			if err := writeBatch(path, g, known); err != nil {
				return err
			}
		}
	}
	r := rand.New(rand.NewPCG(seed, 0xA9EE))
	perm := r.Perm(len(all))[:min(nAgree, len(all))]
	slices.Sort(perm)
	var agreeItems []item
	for _, i := range perm {
		agreeItems = append(agreeItems, all[i])
	}
	half := len(agreeItems) / 2
	for b, g := range [][]item{agreeItems[:half], agreeItems[half:]} {
		if err := writeBatch(filepath.Join(out, "batches", fmt.Sprintf("agree_%02d.md", b+1)), g, nil); err != nil {
			return err
		}
	}
	fmt.Fprintf(os.Stderr, "sampler: %d + %d items from %d novels, %d agreement items\n", len(all), len(round2), len(paths), len(agreeItems))
	return nil
}

// candidates are the indices of the paragraphs after the front matter.
func candidates(data []byte, an []datasets.Analysed) []int {
	from := 0
	blocks := features.Split(data)
	for _, b := range blocks {
		if b.Kind == features.KindChapter {
			if b.Start < len(data)/5 {
				for i, p := range an {
					if p.Block.Start > b.Start {
						from = i
						break
					}
				}
			}
			break
		}
	}
	var out []int
	for i := from; i < len(an); i++ {
		out = append(out, i)
	}
	return out
}

func writeSample(path string, items []item) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := csv.NewWriter(f)
	w.Write([]string{"id", "stratum", "story", "chapter", "paragraph", "start", "end", "text"})
	for _, it := range items {
		r := it.an[it.i].Row
		w.Write([]string{it.id, it.stratum, r.Story, strconv.Itoa(r.Chapter), strconv.Itoa(r.Paragraph),
			strconv.Itoa(r.Start), strconv.Itoa(r.End), r.Text})
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return err
	}
	return f.Close()
}

const contextChars = 700

// namesInUse gives, per novel, the focus labels (character names) the
// first-round annotators gave its items, sorted; none when the first
// round's labels are not there yet.
func namesInUse(labels string, items []item) (map[string][]string, error) {
	paths, _ := filepath.Glob(filepath.Join(labels, "batch_*.csv"))
	if len(paths) == 0 {
		return nil, nil
	}
	ls, _, err := readLabels(paths...)
	if err != nil {
		return nil, err
	}
	out := map[string][]string{}
	for _, it := range items {
		l, ok := ls[it.id]
		if !ok || l.focus == "narrator" || l.focus == "none" || slices.Contains(out[it.story], l.focus) {
			continue
		}
		out[it.story] = append(out[it.story], l.focus)
	}
	for _, v := range out {
		slices.Sort(v)
	}
	return out, nil
}

// writeBatch writes items as an annotation batch; known, when set, lists
// per novel the character names already in use, shown before the novel's
// first item.
func writeBatch(path string, items []item, known map[string][]string) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# Annotation batch %s\n\n%d items. For each TARGET paragraph write one CSV row: id,pov,tone,focus,note\n\n",
		strings.TrimSuffix(filepath.Base(path), ".md"), len(items))
	prev := ""
	for _, it := range items {
		if known != nil && it.story != prev {
			fmt.Fprintf(&b, "---\n\n### %s: character names already used as focus labels for this novel\n\n%s\n\n",
				it.story, strings.Join(known[it.story], ", "))
		}
		prev = it.story
		r := it.an[it.i].Row
		fmt.Fprintf(&b, "---\n\n## %s — %s, chapter %d, paragraph %d (file %s, bytes %d–%d)\n\n",
			it.id, r.Story, r.Chapter, r.Paragraph, filepath.Base(it.path), r.Start, r.End)
		for j := max(0, it.i-2); j < it.i; j++ {
			fmt.Fprintf(&b, "before (%d): %s\n\n", it.an[j].Row.Paragraph, clip(it.an[j].Row.Text, true))
		}
		fmt.Fprintf(&b, "**TARGET %s:**\n\n> %s\n\n", it.id, strings.ReplaceAll(r.Text, "\n", "\n> "))
		for j := it.i + 1; j < min(len(it.an), it.i+3); j++ {
			fmt.Fprintf(&b, "after (%d): %s\n\n", it.an[j].Row.Paragraph, clip(it.an[j].Row.Text, false))
		}
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}

// clip shortens a context paragraph, keeping its end (before the target)
// or its start (after it).
func clip(s string, keepEnd bool) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= contextChars {
		return s
	}
	if keepEnd {
		return "…" + string(r[len(r)-contextChars:])
	}
	return string(r[:contextChars]) + "…"
}

// wholeBatch writes every paragraph of the stories in dir as one batch
// (whole_NN.md) and its items (whole_NN.csv), ids W<NN>-<k>.
func wholeBatch(dir, out string, n int) error {
	paths, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(paths) == 0 {
		return fmt.Errorf("%s: no stories found", dir)
	}
	slices.Sort(paths)
	a := features.NewAnalyzer()
	var items []item
	for _, p := range paths {
		s, err := datasets.ReadStory(p, nil)
		if err != nil {
			return err
		}
		an := datasets.Analyse(s, a)
		for i := range an {
			items = append(items, item{story: s.Name, path: p, stratum: "whole", an: an, i: i})
		}
	}
	for i := range items {
		items[i].id = fmt.Sprintf("W%d-%03d", n, i+1)
	}
	name := fmt.Sprintf("whole_%02d", n)
	if err := writeSample(filepath.Join(out, name+".csv"), items); err != nil {
		return err
	}
	return writeBatch(filepath.Join(out, "batches", name+".md"), items, nil)
}
