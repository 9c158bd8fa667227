package main

import (
	"os"
	"runtime/debug"

	"golang.org/x/term"
)

// isTerminal reports whether f is a terminal and its width in columns.
func isTerminal(f *os.File) (bool, int) {
	fd := int(f.Fd())
	if !term.IsTerminal(fd) {
		return false, 100
	}
	w, _, err := term.GetSize(fd)
	if err != nil || w <= 0 {
		w = 100
	}
	return true, w
}

func version() string {
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" {
		return info.Main.Version
	}
	return "(devel)"
}
