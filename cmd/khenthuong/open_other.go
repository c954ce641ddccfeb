//go:build !windows

package main

// fileOpener is nil elsewhere: the screens then use Fyne's OpenURL (xdg-open, open).
var fileOpener func(path string) error
