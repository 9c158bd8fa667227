package models

// folded is a classifier's scorer folded over its encoder's thermometer
// code: for each input, the summed class weights of its first k columns
// for every k, so that scoring an input costs one row of additions
// instead of a column and a weight row per threshold passed. It gives the
// scores of Encode followed by Linear.Scores, up to rounding.
type folded struct {
	nClasses int
	base     []float64   // the scorer's base plus the always-on bias column
	steps    [][]float64 // [input] (len(thresholds)+1)·nClasses; k = 0 is zero
}

// fold builds the folded form of a scorer over an encoder whose columns
// it was trained on (Scorer.Validate has checked the sizes).
func fold(e *Encoder, l *Linear) *folded {
	n := len(l.Classes)
	f := &folded{nClasses: n, base: append([]float64(nil), l.Base...), steps: make([][]float64, len(e.Inputs))}
	if len(l.Delta) > 0 {
		for k, d := range l.Delta[0] {
			f.base[k] += d
		}
	}
	for i, in := range e.Inputs {
		s := make([]float64, (len(in.Thresholds)+1)*n)
		for j := range in.Thresholds {
			row := s[(j+1)*n : (j+2)*n]
			copy(row, s[j*n:(j+1)*n])
			if col := e.offset[i] + j; col < len(l.Delta) {
				for k, d := range l.Delta[col] {
					row[k] += d
				}
			}
		}
		f.steps[i] = s
	}
	return f
}

// scores appends to dst[:0] the class scores of one input row: values
// holds one value per input, bag the sorted columns of its stems in the
// encoder's vocabulary (Vocabulary.Bag or Doc.Bag). The classifier must
// be folded (trainClassifier and Decode fold it).
func (c *Classifier) scores(dst []float64, values []float64, bag []int) []float64 {
	f, e := c.folded, c.Encoder
	dst = append(dst[:0], f.base...)
	n := f.nClasses
	for i, in := range e.Inputs {
		v := values[i]
		k := 0
		// Thresholds ascend, so the first one not passed ends the run;
		// NaN passes none.
		for _, t := range in.Thresholds {
			if !(v > t) {
				break
			}
			k++
		}
		if k == 0 {
			continue
		}
		row := f.steps[i][k*n : (k+1)*n]
		for j, d := range row {
			dst[j] += d
		}
	}
	for _, col := range bag {
		if col += e.stem0; col < len(c.Scorer.Delta) {
			for j, d := range c.Scorer.Delta[col] {
				dst[j] += d
			}
		}
	}
	return dst
}
