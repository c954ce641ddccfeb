// Package assets holds what ships inside the binary: fonts, the icon and the
// default templates. Nothing here depends on the PC's own fonts or files.
//
// The fonts live in the fyne-free package assets/fonts and the default
// certificate templates in assets/templates, so that the document writers and
// their tests do not depend on the GUI toolkit; this package only adds the
// fyne resource of the icon.
package assets

import (
	_ "embed"

	"fyne.io/fyne/v2"

	"khenthuong/assets/fonts"
)

//go:embed icon.png
var iconPNG []byte

// Icon is the application icon, drawn for Khen thưởng.
var Icon = fyne.NewStaticResource("icon.png", iconPNG)

// Font returns an embedded font file by name ("LiberationSerif-Regular.ttf").
func Font(name string) ([]byte, error) { return fonts.Bytes(name) }
