// Command vectors derives storylens's stem vectors
// (datasets/stem_vectors.csv) from unlabelled novels: the 82
// public-domain novels of the "100 English Novels" corpus
// (Computational Stylistics Group, v1.4) in ../shared/corpus/novels.
//
//	go run ./datasets/vectors -corpus ../shared/corpus/novels -out datasets/stem_vectors.csv
//
// Each paragraph is split and stemmed as storylens reads it. The Words
// most frequent stems are counted together whenever they stand within
// Window words of each other in a paragraph; the counts become positive
// pointwise mutual information (the context counts raised to 0.75, which
// keeps rare contexts from dominating), and a truncated singular value
// decomposition of that matrix (randomised, seeded) gives each stem Dim
// numbers: stems used in the same company get near vectors, so a
// paragraph's mean vector says what it is about beyond the few hundred
// stems a classifier can weigh one by one. Each stem also gets a weight,
// SIF/(SIF + its share of the corpus's words) (Arora, Liang and Ma 2017),
// so that a paragraph's weighted mean is not drowned by "the" and "and".
// The vectors are scaled so that, over the corpus's paragraphs, each
// dimension of a paragraph's weighted mean vector has mean 0 and
// standard deviation 1.
package main

import (
	"cmp"
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"gonum.org/v1/gonum/mat"

	"github.com/storylens/storylens/datasets"
	"github.com/storylens/storylens/features"
)

// The vectors' settings.
const (
	Words      = 10000 // stems kept, by frequency
	Window     = 5     // co-occurrence window, in words
	Dim        = 50    // numbers per stem
	Oversample = 40    // extra directions of the randomised decomposition
	PowerIters = 10    // its power iterations
	Seed       = 1
	SIF        = 3e-4 // the weighting constant
)

func main() {
	dir := flag.String("corpus", "../shared/corpus/novels", "folder of .txt novels")
	out := flag.String("out", "datasets/stem_vectors.csv", "write the vectors CSV here")
	flag.Parse()
	if err := run(*dir, *out); err != nil {
		fmt.Fprintln(os.Stderr, "vectors:", err)
		os.Exit(1)
	}
}

func run(dir, out string) error {
	paras, novels, err := readParagraphs(dir)
	if err != nil {
		return err
	}
	vocab, counts, total := topStems(paras, Words)
	index := make(map[string]int, len(vocab))
	weights := make([]float64, len(vocab))
	for i, s := range vocab {
		index[s] = i
		// Rounded as written, so that the scaling below sees the
		// weights labelling will use.
		weights[i] = math.Round(SIF/(SIF+float64(counts[s])/float64(total))*1e4) / 1e4
	}
	ids := make([][]int32, len(paras))
	for p, stems := range paras {
		ids[p] = make([]int32, len(stems))
		for k, s := range stems {
			ids[p][k] = -1
			if i, ok := index[s]; ok {
				ids[p][k] = int32(i)
			}
		}
	}
	ppmi := cooccurrencePPMI(ids, len(vocab))
	vecs := decompose(ppmi, Dim)
	scale(vecs, ids, weights)
	return write(out, novels, vocab, weights, vecs)
}

// readParagraphs returns the stems of every paragraph of the novels in
// dir, in file-name order, and the number of novels.
func readParagraphs(dir string) ([][]string, int, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		return nil, 0, err
	}
	if len(paths) == 0 {
		return nil, 0, fmt.Errorf("no .txt files in %s", dir)
	}
	slices.Sort(paths)
	a := features.NewAnalyzer()
	var out [][]string
	for _, p := range paths {
		st, err := datasets.ReadStory(p, nil)
		if err != nil {
			return nil, 0, err
		}
		style := features.DetectQuoteStyle(st.Data)
		for _, b := range features.Split(st.Data) {
			if b.Kind != features.KindParagraph {
				continue
			}
			d := a.Analyze(st.Data[b.Start:b.End], style)
			out = append(out, d.Stems())
		}
	}
	return out, len(paths), nil
}

// topStems returns the n most frequent stems, ties in byte order, every
// stem's count and the number of words.
func topStems(paras [][]string, n int) ([]string, map[string]int, int) {
	count := map[string]int{}
	total := 0
	for _, p := range paras {
		for _, s := range p {
			count[s]++
		}
		total += len(p)
	}
	stems := make([]string, 0, len(count))
	for s := range count {
		stems = append(stems, s)
	}
	slices.SortFunc(stems, func(a, b string) int { return cmp.Or(count[b]-count[a], cmp.Compare(a, b)) })
	return stems[:min(n, len(stems))], count, total
}

// cooccurrencePPMI counts the pairs of kept stems within Window words of
// each other in a paragraph, both ways, and returns their positive PMI
// with the context distribution smoothed by the power 0.75.
func cooccurrencePPMI(ids [][]int32, n int) *mat.Dense {
	c := mat.NewDense(n, n, nil)
	raw := c.RawMatrix()
	for _, p := range ids {
		for i, a := range p {
			if a < 0 {
				continue
			}
			for k := 1; k <= Window && i+k < len(p); k++ {
				if b := p[i+k]; b >= 0 {
					raw.Data[int(a)*raw.Stride+int(b)]++
					raw.Data[int(b)*raw.Stride+int(a)]++
				}
			}
		}
	}
	rows := make([]float64, n)
	ctx := make([]float64, n)
	for i := range n {
		for j := range n {
			v := raw.Data[i*raw.Stride+j]
			rows[i] += v
			ctx[j] += v
		}
	}
	var ctxSum float64
	for j := range ctx {
		ctx[j] = math.Pow(ctx[j], 0.75)
		ctxSum += ctx[j]
	}
	for i := range n {
		for j := range n {
			v := &raw.Data[i*raw.Stride+j]
			if *v == 0 || rows[i] == 0 {
				*v = 0
				continue
			}
			*v = max(0, math.Log(*v/(rows[i]*ctx[j]/ctxSum)))
		}
	}
	return c
}

// decompose returns the first dim left singular vectors of m times the
// square roots of their singular values, each row then scaled to unit
// length, by a seeded randomised decomposition (Halko, Martinsson and
// Tropp 2011). Each column's sign is fixed so that its largest entry is
// positive.
func decompose(m *mat.Dense, dim int) *mat.Dense {
	n, _ := m.Dims()
	k := dim + Oversample
	rng := rand.New(rand.NewPCG(Seed, Seed))
	omega := mat.NewDense(n, k, nil)
	for i := range n {
		for j := range k {
			omega.Set(i, j, rng.NormFloat64())
		}
	}
	y := mat.NewDense(n, k, nil)
	y.Mul(m, omega)
	q := orthonormal(y)
	z := mat.NewDense(n, k, nil)
	for range PowerIters {
		z.Mul(m.T(), q)
		q = orthonormal(z)
		y.Mul(m, q)
		q = orthonormal(y)
	}
	var b mat.Dense
	b.Mul(q.T(), m)
	var svd mat.SVD
	if !svd.Factorize(&b, mat.SVDThin) {
		panic("vectors: the decomposition did not converge")
	}
	var ub mat.Dense
	svd.UTo(&ub)
	s := svd.Values(nil)
	var u mat.Dense
	u.Mul(q, &ub)
	out := mat.NewDense(n, dim, nil)
	for j := range dim {
		best := 0.0
		for i := range n {
			if v := u.At(i, j); math.Abs(v) > math.Abs(best) {
				best = v
			}
		}
		sign := math.Copysign(1, best)
		for i := range n {
			out.Set(i, j, sign*u.At(i, j)*math.Sqrt(s[j]))
		}
	}
	for i := range n {
		row := out.RawRowView(i)
		norm := math.Sqrt(mat.Dot(mat.NewVecDense(dim, row), mat.NewVecDense(dim, row)))
		if norm > 0 {
			for j := range row {
				row[j] /= norm
			}
		}
	}
	return out
}

// orthonormal returns an orthonormal basis of a's columns: the left
// singular vectors of its thin SVD (a thin QR in gonum would build the
// full square Q, 800 MB at this size).
func orthonormal(a *mat.Dense) *mat.Dense {
	var svd mat.SVD
	if !svd.Factorize(a, mat.SVDThinU) {
		panic("vectors: the decomposition did not converge")
	}
	var u mat.Dense
	svd.UTo(&u)
	return &u
}

// scale shifts and scales each dimension so that the weighted mean
// vectors of the corpus's paragraphs have mean 0 and standard deviation
// 1 in it.
func scale(vecs *mat.Dense, ids [][]int32, weights []float64) {
	n, dim := vecs.Dims()
	sum, sq := make([]float64, dim), make([]float64, dim)
	count := 0
	mean := make([]float64, dim)
	for _, p := range ids {
		clear(mean)
		k := 0.0
		for _, id := range p {
			if id >= 0 {
				w := weights[id]
				floats := vecs.RawRowView(int(id))
				for j := range mean {
					mean[j] += w * floats[j]
				}
				k += w
			}
		}
		if k == 0 {
			continue
		}
		for j := range mean {
			m := mean[j] / k
			sum[j] += m
			sq[j] += m * m
		}
		count++
	}
	for j := range dim {
		mu := sum[j] / float64(count)
		sd := math.Sqrt(max(sq[j]/float64(count)-mu*mu, 1e-12))
		for i := range n {
			vecs.Set(i, j, (vecs.At(i, j)-mu)/sd)
		}
	}
}

// write writes the vectors as CSV: comment lines, the header, then a
// stem and its values per line (stems hold no commas or quotes, so no
// field is quoted).
func write(path string, novels int, vocab []string, weights []float64, vecs *mat.Dense) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# Stem vectors derived by `go run ./datasets/vectors` from the %d novels of the\n", novels)
	fmt.Fprintf(&b, "# \"100 English Novels\" corpus (Computational Stylistics Group, v1.4; public domain in the US):\n")
	fmt.Fprintf(&b, "# positive PMI of stems within %d words, %d stems, %d dimensions, weights %g/(%g + share of words)\n", Window, len(vocab), Dim, SIF, SIF)
	fmt.Fprintf(&b, "# (see datasets/README.md).\n")
	b.WriteString("stem,weight")
	for j := range Dim {
		b.WriteString(",d" + strconv.Itoa(j+1))
	}
	b.WriteByte('\n')
	for i, s := range vocab {
		if strings.ContainsAny(s, ",\"\n\r") || strings.HasPrefix(s, "#") {
			return fmt.Errorf("stem %q cannot be written unquoted", s)
		}
		b.WriteString(s)
		b.WriteByte(',')
		b.WriteString(strconv.FormatFloat(weights[i], 'f', 4, 64))
		for j := range Dim {
			b.WriteByte(',')
			b.WriteString(strconv.FormatFloat(vecs.At(i, j), 'f', 2, 64))
		}
		b.WriteByte('\n')
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}
