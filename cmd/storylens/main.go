// Command storylens labels the paragraphs of stories with their point of
// view, tone and character focus, and exports datasets for study.
//
// Run `storylens help` for the commands.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"runtime/debug"
)

// gcPercent is the collector's target when GOGC is not set: labelling
// allocates a great deal per paragraph and keeps little, so letting the
// heap grow to three times the live data instead of two cuts the
// collector's work by about a quarter of the run for some 20–30 MB more
// at peak (bench/label.sh).
const gcPercent = 200

func main() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	err := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(exitCode(err, os.Stderr))
}

// exitCode reports err on stderr and maps it to the exit code: 0 done,
// 2 usage error, 1 any other failure.
func exitCode(err error, stderr *os.File) int {
	if err == nil {
		return 0
	}
	if !errors.Is(err, errReported) {
		fmt.Fprintln(stderr, "storylens:", err)
	}
	var u *usageError
	if errors.As(err, &u) {
		return 2
	}
	return 1
}
