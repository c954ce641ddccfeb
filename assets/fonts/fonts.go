// Package fonts embeds the font files the program ships. It depends on nothing
// but the standard library, so packages that draw documents (certificates) can
// use it without pulling in the GUI toolkit.
//
// Licences: LICENSE-Liberation.txt (Liberation Serif, SIL OFL 1.1) and
// LICENSE-Vollkorn.txt (Vollkorn, SIL OFL 1.1), both in this folder.
package fonts

import (
	"embed"
	"io/fs"
)

//go:embed *.ttf
var files embed.FS

// Bytes returns an embedded font file by name ("LiberationSerif-Regular.ttf").
func Bytes(name string) ([]byte, error) { return files.ReadFile(name) }

// Names lists the embedded font files.
func Names() []string {
	names, _ := fs.Glob(files, "*.ttf")
	return names
}
