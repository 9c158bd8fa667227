package datasets

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestStemVectors checks the embedded stem vectors: their number, and
// that stems used alike lie nearer each other than stems that are not
// (cosine similarity).
func TestStemVectors(t *testing.T) {
	vecs, err := StemVectors()
	if err != nil {
		t.Fatal(err)
	}
	if len(vecs.Stems) != 10000 || len(vecs.Values) != 10000*VectorDim {
		t.Errorf("%d stems and %d values, want 10,000 and 10,000×%d", len(vecs.Stems), len(vecs.Values), VectorDim)
	}
	cos := func(a, b string) float64 {
		ia, ib := slices.Index(vecs.Stems, a), slices.Index(vecs.Stems, b)
		if ia < 0 || ib < 0 {
			t.Fatalf("no vector for %q or %q", a, b)
		}
		va, vb := vecs.Of(ia), vecs.Of(ib)
		var ab, aa, bb float64
		for j := range va {
			ab += float64(va[j]) * float64(vb[j])
			aa += float64(va[j]) * float64(va[j])
			bb += float64(vb[j]) * float64(vb[j])
		}
		return ab / math.Sqrt(aa*bb)
	}
	for _, c := range [][3]string{
		{"grief", "sorrow", "carriag"},
		{"anger", "rage", "breakfast"},
		{"kiss", "embrac", "regiment"},
		{"tabl", "chair", "despair"},
	} {
		if near, far := cos(c[0], c[1]), cos(c[0], c[2]); near <= far {
			t.Errorf("%s: %s at %.2f, %s at %.2f; want %s nearer", c[0], c[1], near, c[2], far, c[1])
		}
	}
}

// TestDecodeStemVectorsErrors: a damaged vectors file is an error that
// names the line, never a panic or a silent zero.
func TestDecodeStemVectorsErrors(t *testing.T) {
	header := "stem,weight"
	row := "love,0.5"
	for j := range VectorDim {
		header += ",d" + strconv.Itoa(j+1)
		row += ",-0.25"
	}
	good := "# comment\n" + header + "\n" + row + "\n"
	vecs, err := decodeStemVectors([]byte(good))
	if err != nil || len(vecs.Stems) != 1 || vecs.Stems[0] != "love" || vecs.Weights[0] != 0.5 || vecs.Of(0)[VectorDim-1] != -0.25 {
		t.Fatalf("good file: %v, %v", vecs, err)
	}
	// After the header, a line that starts with '#' is a row, not a comment.
	if vecs, err := decodeStemVectors([]byte(header + "\n#" + row + "\n")); err != nil || len(vecs.Stems) != 1 || vecs.Stems[0] != "#love" {
		t.Errorf("a row after the header starting with #: %v, %v", vecs, err)
	}
	for name, c := range map[string]struct{ text, want string }{
		"header":   {"stem,d1\n" + row + "\n", "line 1: header"},
		"short":    {header + "\nlove,1,2\n", "line 2: want 50 values"},
		"long":     {header + "\n" + row + ",3\n", "line 2: want 50 values"},
		"number":   {header + "\n" + strings.Replace(row, "-0.25", "1e3", 1) + "\n", `line 2, d1: "1e3"`},
		"empty":    {header + "\n" + strings.Replace(row, "-0.25", "", 1) + "\n", `line 2, d1: ""`},
		"no stem":  {header + "\n" + row[4:] + "\n", "line 2: no stem"},
		"nothing":  {"# only a comment\n", "no header"},
		"weight":   {header + "\n" + strings.Replace(row, "0.5", "0", 1) + "\n", `line 2: weight "0"`},
		"no rows":  {header + "\n", "no stems"},
		"no comma": {header + "\nlove\n", "line 2: want 50 values"},
		"twice":    {header + "\n" + row + "\n" + row + "\n", `line 3: "love" again`},
		"point":    {header + "\n" + strings.Replace(row, "-0.25", "-.25", 1) + "\n", `line 2, d1: "-.25"`},
		"trailing": {header + "\n" + strings.Replace(row, "-0.25", "5.", 1) + "\n", `line 2, d1: "5."`},
	} {
		if _, err := decodeStemVectors([]byte(c.text)); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want one containing %q", name, err, c.want)
		}
	}
}
