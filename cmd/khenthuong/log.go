package main

import (
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
)

// setupLog sends the log (internal details never shown to the clerk) to
// khenthuong.log beside the data file, or to stderr when that cannot be opened.
func setupLog(dbPath string, stderr io.Writer) (closeLog func()) {
	dir := filepath.Dir(dbPath)
	var w io.Writer = stderr
	closeLog = func() {}
	if err := os.MkdirAll(dir, 0o700); err == nil {
		if f, err := os.OpenFile(filepath.Join(dir, "khenthuong.log"), os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600); err == nil {
			tighten(f)
			w, closeLog = f, func() { f.Close() }
		}
	}
	slog.SetDefault(slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: slog.LevelInfo})))
	return closeLog
}

// tighten makes a log others can read private again: it names the clerk's
// files and, in its errors, people. (Windows has no such mode bits.)
func tighten(f *os.File) {
	if runtime.GOOS == "windows" {
		return
	}
	if fi, err := f.Stat(); err == nil && fi.Mode().Perm()&0o077 != 0 {
		_ = f.Chmod(fi.Mode().Perm() & 0o700)
	}
}
