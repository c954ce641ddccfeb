//go:build !windows

package ui

// nativeFileDialogs: Linux and macOS keep Fyne's dialogs.
func nativeFileDialogs() (fileDialogs, bool) { return fileDialogs{}, false }
