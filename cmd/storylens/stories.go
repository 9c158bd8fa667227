package main

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/storylens/storylens/datasets"
	"github.com/storylens/storylens/features"
	"github.com/storylens/storylens/seeds"
)

// seedPrefix marks an embedded seed story among the inputs.
const seedPrefix = "seed:"

// readStory reads a story file, stdin ("-") or an embedded seed story.
func readStory(p string, stdin io.Reader) (*datasets.Story, error) {
	if name, ok := strings.CutPrefix(p, seedPrefix); ok {
		f, err := seeds.FS.Open(name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		return datasets.ReadFrom(p, datasets.StoryName(name), f)
	}
	return datasets.ReadStory(p, stdin)
}

// eachStory reads the stories named by args on a pool of jobs workers,
// runs work on each with the worker's own Analyzer, and calls emit with
// the results in input order. At most about 2×jobs stories are in memory
// at once, whatever the corpus size. A story that cannot be read is
// reported on stderr and skipped; eachStory then returns errReported after
// the others are done.
func eachStory[R any](ctx context.Context, e *env, args []string, jobs int,
	work func(*datasets.Story, *features.Analyzer) (R, error), emit func(R) error) error {
	var files, embedded []string
	for _, a := range args {
		if strings.HasPrefix(a, seedPrefix) {
			embedded = append(embedded, a)
		} else {
			files = append(files, a)
		}
	}
	paths, err := datasets.Expand(files)
	if err != nil {
		return err
	}
	paths = append(paths, embedded...)
	stdins := 0
	for _, p := range paths {
		if p == "-" {
			stdins++
		}
	}
	if stdins > 1 {
		return usagef("- (standard input) can be given only once")
	}
	if jobs < 1 {
		jobs = 1
	}
	type result struct {
		path string
		r    R
		err  error
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	queue := make(chan chan result, jobs)
	workers := make(chan *features.Analyzer, jobs)
	for range jobs {
		workers <- features.NewAnalyzer()
	}
	go func() {
		defer close(queue)
		for _, p := range paths {
			var a *features.Analyzer
			select {
			case a = <-workers:
			case <-ctx.Done():
				return
			}
			ch := make(chan result, 1)
			select {
			case queue <- ch:
			case <-ctx.Done():
				return
			}
			go func() {
				defer func() { workers <- a }()
				s, err := readStory(p, e.stdin)
				if err != nil {
					ch <- result{path: p, err: err}
					return
				}
				r, err := work(s, a)
				ch <- result{path: p, r: r, err: err}
			}()
		}
	}()
	failed := 0
	done := 0
	for ch := range queue {
		res := <-ch
		done++
		if e.stderrTTY && len(paths) > 1 {
			fmt.Fprintf(e.stderr, "\r\033[K[%d/%d] %s", done, len(paths), filepath.Base(res.path))
		}
		if res.err != nil {
			if e.stderrTTY && len(paths) > 1 {
				fmt.Fprint(e.stderr, "\r\033[K")
			}
			fmt.Fprintln(e.stderr, "storylens:", res.err)
			failed++
			continue
		}
		if err := emit(res.r); err != nil {
			return err
		}
	}
	if e.stderrTTY && len(paths) > 1 {
		fmt.Fprint(e.stderr, "\r\033[K")
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if failed > 0 {
		fmt.Fprintf(e.stderr, "storylens: %d of %d stories could not be read\n", failed, len(paths))
		return errReported
	}
	return nil
}

// writeStories runs work on every story and writes its rows with w, in
// input order, flushing w at the end: the rows of the stories that could
// be read stand even when others could not. When none could, nothing is
// written, not even a header.
func writeStories[R any](ctx context.Context, e *env, args []string, jobs int, w rowWriter[R],
	work func(*datasets.Story, *features.Analyzer) ([]R, error)) error {
	wrote := false
	err := eachStory(ctx, e, args, jobs, work, func(rows []R) error {
		wrote = true
		return w.write(rows)
	})
	if err != nil && !wrote {
		// Nothing was read: no header either, only the error.
		return err
	}
	if ferr := w.flush(); err == nil {
		err = ferr
	}
	return err
}
