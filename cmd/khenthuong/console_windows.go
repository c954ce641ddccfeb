package main

// The Windows exe is linked for the GUI subsystem (-H=windowsgui) so that a
// double-click never opens a console window. A GUI-subsystem process gets no
// console, so the CLI subcommands would print nowhere when typed in cmd.exe or
// PowerShell: for them, the process attaches to the console of the program
// that started it. Output redirected to a file or a pipe is left as it is.

import (
	"log"
	"os"
	"strings"
	"syscall"
)

var (
	kernel32          = syscall.NewLazyDLL("kernel32.dll")
	procAttachConsole = kernel32.NewProc("AttachConsole")
	procSetStdHandle  = kernel32.NewProc("SetStdHandle")
)

const attachParentProcess = ^uintptr(0) // ATTACH_PARENT_PROCESS, (DWORD)-1

func init() {
	if wantsConsole(os.Args[1:]) {
		attachParentConsole()
	}
}

// wantsConsole tells a command line that runs a subcommand (or asks for help,
// or is wrong and gets the usage) from one that only opens the window.
func wantsConsole(args []string) bool {
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "-db" || a == "--db":
			i++ // its value
		case strings.HasPrefix(a, "-db=") || strings.HasPrefix(a, "--db="):
		default:
			return true
		}
	}
	return false
}

// attachParentConsole points stdout and stderr, when they lead nowhere, at the
// parent's console. Started from Explorer there is no parent console and
// nothing changes. Stdin is left alone: cmd.exe does not wait for a GUI
// program and reads the console itself.
func attachParentConsole() {
	type stdFile struct {
		id   int // STD_*_HANDLE
		name string
		mode int
		file **os.File
	}
	var missing []stdFile
	for _, s := range []stdFile{
		{syscall.STD_OUTPUT_HANDLE, "CONOUT$", os.O_RDWR, &os.Stdout},
		{syscall.STD_ERROR_HANDLE, "CONOUT$", os.O_RDWR, &os.Stderr},
	} {
		if !usableHandle(s.id) {
			missing = append(missing, s)
		}
	}
	if len(missing) == 0 {
		return
	}
	if r, _, err := procAttachConsole.Call(attachParentProcess); r == 0 && err != syscall.ERROR_ACCESS_DENIED {
		return // ERROR_ACCESS_DENIED: the process has a console already (Wine gives one)
	}
	for _, s := range missing {
		// os.OpenFile recognises a console handle and writes UTF-16 to it, so
		// Vietnamese letters show whatever the console's code page is.
		f, err := os.OpenFile(s.name, s.mode, 0)
		if err != nil {
			continue
		}
		*s.file = f
		procSetStdHandle.Call(uintptr(uint32(s.id)), f.Fd())
	}
	log.SetOutput(os.Stderr) // the standard logger kept the old, empty stderr
}

// usableHandle reports whether a standard handle was given to the process
// (a console, a file or a pipe).
func usableHandle(id int) bool {
	h, err := syscall.GetStdHandle(id)
	if err != nil || h == 0 || h == syscall.InvalidHandle {
		return false
	}
	t, err := syscall.GetFileType(h)
	return err == nil && t != 0 // FILE_TYPE_UNKNOWN
}
