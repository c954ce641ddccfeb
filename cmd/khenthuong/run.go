package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"sort"
	"strings"
	"time"

	"khenthuong"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "0.1.0"

// env is what every subcommand gets: where to write and how to open the data file.
type env struct {
	stdout, stderr io.Writer
	dbPath         string
}

// command is one subcommand of the CLI contract.
type command struct {
	usage string // first line: the synopsis, then a description
	run   func(e *env, args []string) error
}

// commands is filled by the cmd_*.go files, one per subcommand group.
var commands = map[string]command{}

// errUsage marks a mistake in the arguments: the usage is printed with it.
var errUsage = errors.New("usage")

func run(args []string, stdout, stderr io.Writer) int {
	e := &env{stdout: stdout, stderr: stderr}
	global := flag.NewFlagSet("khenthuong", flag.ContinueOnError)
	global.SetOutput(io.Discard)
	global.StringVar(&e.dbPath, "db", "", "tệp dữ liệu hoặc địa chỉ máy chủ postgres://... (mặc định: KHENTHUONG_DB, rồi thư mục dữ liệu của người dùng)")
	if err := global.Parse(args); errors.Is(err, flag.ErrHelp) {
		printUsage(stdout)
		return 0
	} else if err != nil {
		fmt.Fprintf(stderr, "khenthuong: %s\n\n", flagMessage(err))
		printUsage(stderr)
		return 2
	}
	args = global.Args()
	e.dbPath = dataAddress(e.dbPath)
	closeLog := setupLog(logPath(e.dbPath), stderr)
	defer closeLog()
	if len(args) == 0 {
		return runGUI(e)
	}
	name := args[0]
	if name == "help" || name == "-h" || name == "--help" {
		if len(args) > 1 { // "khenthuong help import": that command's usage
			if cmd, ok := commands[args[1]]; ok {
				fmt.Fprintln(stdout, cmd.usage)
				return 0
			}
		}
		printUsage(stdout)
		return 0
	}
	cmd, ok := commands[name]
	if !ok {
		fmt.Fprintf(stderr, "khenthuong: không có lệnh “%s”\n\n", name)
		printUsage(stderr)
		return 2
	}
	if isHelp(args[1:]) {
		fmt.Fprintln(stdout, cmd.usage)
		return 0
	}
	if err := cmd.run(e, args[1:]); err != nil {
		return reportError(stderr, name, cmd, err)
	}
	return 0
}

// reportError prints a clerk-readable message; internal details go to the log only.
func reportError(w io.Writer, name string, cmd command, err error) int {
	var ue *usageError
	switch {
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprintln(w, cmd.usage)
		return 0
	case errors.As(err, &ue):
		fmt.Fprintf(w, "khenthuong %s: %s\n\n%s\n", name, ue.msg, cmd.usage)
		return 2
	}
	if khenthuong.ErrorCode(err) == khenthuong.EINTERNAL {
		slog.Error("lệnh thất bại", "command", name, "err", err)
	}
	fmt.Fprintf(w, "khenthuong %s: %s\n", name, khenthuong.ErrorMessage(err))
	return 1
}

type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

// usagef reports wrong arguments.
func usagef(format string, args ...any) error {
	return &usageError{msg: fmt.Sprintf(format, args...)}
}

// newFlags returns a flag set that reports errors instead of exiting and
// accepts flags after positional arguments ("import FILE --campaign 1").
func newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// parseFlags parses args allowing flags and positional arguments in any order.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, usagef("%s", flagMessage(err))
		}
		args = fs.Args()
		if len(args) == 0 {
			return positional, nil
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
}

func printUsage(w io.Writer) {
	fmt.Fprintln(w, "Khen thưởng — quản lý thi đua, khen thưởng")
	fmt.Fprintln(w, "\nCách dùng: khenthuong [--db TỆP|postgres://...] [LỆNH ...]")
	fmt.Fprintln(w, "Không có lệnh: mở cửa sổ chương trình.")
	fmt.Fprintln(w, "\nCác lệnh:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		first, _, _ := strings.Cut(commands[n].usage, "\n")
		fmt.Fprintf(w, "  %s\n", first)
	}
}

// lockWait bounds the wait for a data file open in another window: the clerk
// hears that it is open elsewhere within 2 s of starting the command.
const lockWait = 1500 * time.Millisecond

// openDB opens the data file or the office server for a subcommand.
func (e *env) openDB(readOnly bool) (dataStore, error) { return e.openData(readOnly) }
