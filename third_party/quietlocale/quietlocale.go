// Package quietlocale keeps Fyne's start-up quiet under the POSIX locale.
//
// Fyne's lang package parses the user's locale in its init function and logs
// "Fyne error: Error parsing user locale C" to stderr when LANG is C.UTF-8, as
// on most Linux servers and containers: noise before every command's output.
// A package's init cannot run before another's unless Go initialises it first,
// and Go initialises ready packages in import path order: this module's path
// (early.…) sorts before fyne.io, so its init runs first and mutes the standard
// logger for the POSIX locale only. main calls Restore before anything else.
package quietlocale

import (
	"io"
	"log"
	"os"
	"strings"
)

var muted bool

func init() {
	if posixLocale() {
		log.SetOutput(io.Discard)
		muted = true
	}
}

// Restore gives the standard logger its stderr back.
func Restore() {
	if muted {
		log.SetOutput(os.Stderr)
		muted = false
	}
}

// posixLocale reports whether the locale messages follow is C or POSIX, read
// the way Fyne's locale lookup reads it (LC_ALL, then LC_MESSAGES, then LANG).
func posixLocale() bool {
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		value := os.Getenv(name)
		if value == "" {
			continue
		}
		language, _, _ := strings.Cut(value, ".")
		return language == "C" || language == "POSIX"
	}
	return false
}
