package datasets

import (
	"reflect"
	"testing"

	"github.com/storylens/storylens/features"
)

// TestFeatureColumns keeps FeatureColumns in step with features.Features:
// one f_<name> column per feature, in order, then stems, and each filled
// from its own feature.
func TestFeatureColumns(t *testing.T) {
	typ := reflect.TypeOf(FeatureColumns{})
	if typ.NumField() != len(features.Features)+1 {
		t.Fatalf("%d columns for %d features", typ.NumField(), len(features.Features))
	}
	var v features.Vector
	for i := range v.Dense {
		v.Dense[i] = float64(i + 1)
	}
	cols := reflect.ValueOf(NewFeatureColumns(&v))
	for i, f := range features.Features {
		if got := typ.Field(i).Tag.Get("csv"); got != "f_"+f.Name {
			t.Errorf("column %d is %q, want f_%s", i, got, f.Name)
		}
		if got := cols.Field(i).Float(); got != float64(i+1) {
			t.Errorf("column f_%s holds feature %v, want %d", f.Name, got, i+1)
		}
	}
	if got := typ.Field(len(features.Features)).Tag.Get("csv"); got != "stems" {
		t.Errorf("last column %q, want stems", got)
	}
}
