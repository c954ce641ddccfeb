// Package assets holds what ships inside the binary: fonts, the icon and the
// default templates. Nothing here depends on the PC's own fonts or files.
package assets

import (
	"embed"

	"fyne.io/fyne/v2"
)

//go:embed icon.png
var iconPNG []byte

//go:embed fonts/*.ttf
var fonts embed.FS

// Icon is the application icon, drawn for Khen thưởng.
var Icon = fyne.NewStaticResource("icon.png", iconPNG)

// Font returns an embedded font file by name ("LiberationSerif-Regular.ttf").
func Font(name string) ([]byte, error) { return fonts.ReadFile("fonts/" + name) }
