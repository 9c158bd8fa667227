// Package seeds embeds the three seed stories, so that storylens gives
// real output on its first run, offline, with no files of the user's.
// See README.md in this folder for what each story is and where it came
// from.
package seeds

import (
	"embed"
	"io/fs"
	"slices"
)

// FS holds the seed stories as <name>.txt.
//
//go:embed *.txt
var FS embed.FS

// Names lists the seed story files in lexical order.
func Names() []string {
	entries, err := fs.ReadDir(FS, ".")
	if err != nil {
		panic(err) // the embedded folder always exists
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	slices.Sort(names)
	return names
}
