// Package templates embeds the default certificate templates shipped with the
// program (JSON, the format of `khenthuong template export`). Package
// certificates parses and validates them; offices change them by importing
// their own. Standard library only.
package templates

import (
	"embed"
	"io/fs"
)

//go:embed *.json
var files embed.FS

// Bytes returns an embedded template file by name ("bangkhen-a3.json").
func Bytes(name string) ([]byte, error) { return files.ReadFile(name) }

// Names lists the embedded template files in name order.
func Names() []string {
	names, _ := fs.Glob(files, "*.json")
	return names
}
