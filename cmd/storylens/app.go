package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/storylens/storylens/seeds"
)

// env is what a command runs with: its streams and whether they are
// terminals.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	stdoutTTY      bool
	stderrTTY      bool
	width          int // terminal width for tables
}

// command is one entry of the command table.
type command struct {
	name     string
	summary  string
	usage    string // arguments after the name
	help     string // longer text: what it does and examples
	flags    func(fs *flag.FlagSet) any
	run      func(ctx context.Context, e *env, opts any, args []string) error
	minArgs  int
	hideHelp bool
}

// commands is the command table; `storylens help` lists it in this order.
var commands []*command

func register(c *command) { commands = append(commands, c) }

func lookup(name string) *command {
	for _, c := range commands {
		if c.name == name {
			return c
		}
	}
	return nil
}

// usageError is a mistake in the command line: exit code 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, a ...any) error { return &usageError{fmt.Sprintf(format, a...)} }

// errReported is returned when a command has already told the user what
// went wrong on stderr (per-file errors), so main prints nothing more.
var errReported = errors.New("errors reported above")

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr, width: 100}
	e.stdoutTTY, e.width = terminal(stdout)
	e.stderrTTY, _ = terminal(stderr)
	if len(args) == 0 {
		printUsage(stderr)
		return usagef("no command given")
	}
	name := args[0]
	switch name {
	case "help", "-h", "-help", "--help":
		if len(args) > 1 {
			if c := lookup(args[1]); c != nil {
				printCommandHelp(stdout, c, nil)
				return nil
			}
			return usagef("unknown command %q; run storylens help", args[1])
		}
		printUsage(stdout)
		return nil
	case "version", "--version":
		fmt.Fprintln(stdout, "storylens", version())
		return nil
	}
	c := lookup(name)
	if c == nil {
		return usagef("unknown command %q; run storylens help", name)
	}
	fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	var opts any
	if c.flags != nil {
		opts = c.flags(fs)
	}
	pos, err := parseInterspersed(fs, args[1:])
	if errors.Is(err, flag.ErrHelp) {
		printCommandHelp(stdout, c, fs)
		return nil
	}
	if err != nil {
		return usagef("%s: %v; run storylens help %s", c.name, flagError(fs, err), c.name)
	}
	if len(pos) < c.minArgs {
		return usagef("%s: expected %s; run storylens help %s", c.name, c.usage, c.name)
	}
	return c.run(ctx, e, opts, pos)
}

// flagError says what a flag takes where the flag package only says
// "parse error" (--seed -1, --jobs x).
func flagError(fs *flag.FlagSet, err error) string {
	msg := err.Error()
	m := flagValueRe.FindStringSubmatch(msg)
	if m == nil {
		return msg
	}
	want := ""
	if f := fs.Lookup(m[2]); f != nil {
		if g, ok := f.Value.(flag.Getter); ok {
			switch g.Get().(type) {
			case int, int64:
				want = "a whole number"
			case uint, uint64:
				want = "a whole number, 0 or more"
			case float64:
				want = "a number"
			}
		}
	}
	if want == "" {
		return msg
	}
	return fmt.Sprintf("--%s %s: want %s", m[2], m[1], want)
}

var flagValueRe = regexp.MustCompile(`^invalid value (".*") for flag -(\S+): parse error$`)

// parseInterspersed parses flags anywhere among the arguments, as in
// `storylens label story.txt --format csv`; "--" ends the flags.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if len(args) > len(rest) && args[len(args)-len(rest)-1] == "--" {
			return append(pos, rest...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

func printUsage(w io.Writer) {
	fmt.Fprint(w, `storylens reads stories, splits them into paragraphs and labels each one
with its point of view, tone and character focus.

Usage:
  storylens <command> [flags] [FILE...]

Commands:
`)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	order := []string{"label", "export", "compare", "train", "eval", "annotate", "paragraphs", "features"}
	sorted := slices.Clone(commands)
	slices.SortStableFunc(sorted, func(a, b *command) int {
		ia, ib := slices.Index(order, a.name), slices.Index(order, b.name)
		if ia < 0 {
			ia = len(order)
		}
		if ib < 0 {
			ib = len(order)
		}
		return ia - ib
	})
	for _, c := range sorted {
		if !c.hideHelp {
			fmt.Fprintf(tw, "  %s %s\t%s\n", c.name, c.usage, c.summary)
		}
	}
	tw.Flush()
	fmt.Fprint(w, `
FILE is a .txt, .md, .html (AO3 download) or .epub story, a directory of them,
or - for standard input.
Data goes to stdout (a table on a terminal, CSV otherwise); messages to stderr.
Exit codes: 0 done, 1 failed, 2 usage error.

Run 'storylens help <command>' for a command's flags and examples.
`)
}

func printCommandHelp(w io.Writer, c *command, fs *flag.FlagSet) {
	fmt.Fprintf(w, "Usage: storylens %s %s\n\n%s\n", c.name, c.usage, strings.TrimSpace(c.help))
	if fs == nil {
		fs = flag.NewFlagSet(c.name, flag.ContinueOnError)
		if c.flags != nil {
			c.flags(fs)
		}
	}
	fmt.Fprintln(w, "\nFlags:")
	fs.SetOutput(w)
	fs.PrintDefaults()
}

// commonOptions are the flags shared by the commands that read stories.
type commonOptions struct {
	format  string
	formats []string // the output formats the command writes
	jobs    int
	seeds   bool
}

// register adds the shared flags; --format when the command writes any of
// formats (table, csv, jsonl).
func (o *commonOptions) register(fs *flag.FlagSet, formats ...string) {
	o.formats = formats
	if len(formats) > 0 {
		fs.StringVar(&o.format, "format", "", "output format: "+orList(formats)+" (default: "+o.defaultFormat()+")")
	}
	fs.IntVar(&o.jobs, "jobs", runtime.NumCPU(), "stories processed at once")
	fs.BoolVar(&o.seeds, "seeds", false, "read the three embedded seed stories (after any FILE)")
}

// defaultFormat says which format is written when --format is not given.
func (o *commonOptions) defaultFormat() string {
	if slices.Contains(o.formats, "table") {
		return "table on a terminal, csv otherwise"
	}
	return o.formats[0]
}

// orList joins words as "a, b or c".
func orList(words []string) string {
	if len(words) == 1 {
		return words[0]
	}
	return strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
}

// inputs returns the story arguments: the FILEs, then the embedded seed
// stories with --seeds. No input at all, and --jobs below 1, are usage
// errors.
func (o *commonOptions) inputs(cmd string, args []string) ([]string, error) {
	if o.seeds {
		for _, n := range seeds.Names() {
			args = append(args, seedPrefix+n)
		}
	}
	if len(args) == 0 {
		return nil, usagef("%s: no stories given: name FILEs, a directory, - for stdin, or --seeds; run storylens help %s", cmd, cmd)
	}
	if o.jobs < 1 {
		return nil, usagef("%s: --jobs must be at least 1, not %d", cmd, o.jobs)
	}
	return args, nil
}

// resolveFormat picks the output format of command cmd.
func (o *commonOptions) resolveFormat(e *env, cmd string) (string, error) {
	switch {
	case o.format == "" && e.stdoutTTY && slices.Contains(o.formats, "table"):
		return "table", nil
	case o.format == "" && slices.Contains(o.formats, "csv"):
		return "csv", nil
	case o.format == "":
		return o.formats[0], nil
	case slices.Contains(o.formats, o.format):
		return o.format, nil
	}
	return "", usagef("%s: unknown --format %q: use %s", cmd, o.format, orList(o.formats))
}

func terminal(w io.Writer) (bool, int) {
	f, ok := w.(*os.File)
	if !ok {
		return false, 100
	}
	return isTerminal(f)
}
