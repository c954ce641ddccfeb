package main

import (
	"io"
	"log/slog"
	"os"
	"path/filepath"
)

// setupLog sends the log (internal details never shown to the clerk) to
// khenthuong.log beside the data file, or to stderr when that cannot be opened.
func setupLog(dbPath string, stderr io.Writer) (closeLog func()) {
	dir := filepath.Dir(dbPath)
	var w io.Writer = stderr
	closeLog = func() {}
	if err := os.MkdirAll(dir, 0o700); err == nil {
		if f, err := os.OpenFile(filepath.Join(dir, "khenthuong.log"), os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600); err == nil {
			w, closeLog = f, func() { f.Close() }
		}
	}
	slog.SetDefault(slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: slog.LevelInfo})))
	return closeLog
}
