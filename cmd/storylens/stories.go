package main

import (
	"context"
	"errors"
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

// note prints a line on stderr, first clearing a progress line that
// may stand there.
func (e *env) note(msg string) {
	if e.stderrTTY {
		fmt.Fprint(e.stderr, "\r\033[K")
	}
	fmt.Fprintln(e.stderr, "storylens:", msg)
}

// emptyStory is what work returns, beside its (empty) result, for a story
// in which no paragraph was found (only headings or scene breaks):
// eachStory says so on stderr and still emits the result.
type emptyStory struct{ path string }

func (e emptyStory) Error() string {
	return e.path + ": no paragraphs found (only headings or scene breaks), so nothing to label"
}

// expandStories turns args into story paths: files and directories
// expanded (datasets.Expand), then the embedded seeds.
func expandStories(args []string) ([]string, error) {
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
		return nil, err
	}
	return append(paths, embedded...), nil
}

// uniqueStories expands args as eachStory does and keeps each story file
// once, however it is spelled ("a.txt", "./a.txt", a link to it), with a
// note for each repeat; "-" and the embedded seeds pass as they are.
func uniqueStories(e *env, args []string) ([]string, error) {
	paths, err := expandStories(args)
	if err != nil {
		return nil, err
	}
	var out []string
	seen := map[string]bool{}
	for _, p := range paths {
		if p != "-" && !strings.HasPrefix(p, seedPrefix) {
			real := datasets.RealPath(p)
			if seen[real] {
				e.note(p + ": given twice; compared once")
				continue
			}
			seen[real] = true
		}
		out = append(out, p)
	}
	return out, nil
}

// eachStory reads the stories named by args on a pool of jobs workers (at
// least one: commonOptions.inputs checks --jobs), runs work on each with
// the worker's own Analyzer, and calls emit with the results in input
// order. At most about 2×jobs stories are in memory
// at once, whatever the corpus size. A story that cannot be read is
// reported on stderr and skipped; eachStory then returns errReported after
// the others are done.
func eachStory[R any](ctx context.Context, e *env, args []string, jobs int,
	work func(*datasets.Story, *features.Analyzer) (R, error), emit func(R) error) error {
	paths, err := expandStories(args)
	if err != nil {
		return err
	}
	stdins := 0
	for _, p := range paths {
		if p == "-" {
			stdins++
		}
	}
	if stdins > 1 {
		return usagef("- (standard input) can be given only once")
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
	progress := e.stderrTTY && len(paths) > 1
	for ch := range queue {
		res := <-ch
		done++
		var empty emptyStory
		switch {
		case errors.As(res.err, &empty):
			e.note(empty.Error())
			res.err = nil
		case res.err != nil:
			e.note(res.err.Error())
			failed++
			continue
		}
		if progress && e.stdoutTTY {
			// The rows go to the same terminal: not after the progress.
			fmt.Fprint(e.stderr, "\r\033[K")
		}
		if err := emit(res.r); err != nil {
			return err
		}
		if progress {
			fmt.Fprintf(e.stderr, "\r\033[K[%d/%d] %s", done, len(paths), filepath.Base(res.path))
		}
	}
	if progress {
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
	type story struct {
		rows       []R
		name, path string
	}
	each := func(s *datasets.Story, a *features.Analyzer) (story, error) {
		rows, err := work(s, a)
		if err == nil && len(rows) == 0 {
			err = emptyStory{s.Path}
		}
		return story{rows, s.Name, s.Path}, err
	}
	named := map[string]string{} // story name -> the path that gave it first
	err := eachStory(ctx, e, args, jobs, each, func(s story) error {
		switch first, ok := named[s.name]; {
		case !ok:
			named[s.name] = s.path
		case first == s.path:
			e.note(s.path + ": given twice, so its rows are written twice")
		default:
			e.note(fmt.Sprintf("%s: its story name %q (from its file name, or its title in the metadata) is also %s's, so their rows share the story column", s.path, s.name, first))
		}
		wrote = true
		return w.write(s.rows)
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
