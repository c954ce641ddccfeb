package page

import (
	"encoding/binary"
	"errors"
	"fmt"
	"sort"
	"sync"

	"khenthuong/assets/fonts"
)

// Font families a template may name. Each family maps the four styles to an
// embedded TrueType face; "decor" has a single face (Vollkorn Bold Italic)
// used whatever the style says.
const (
	FontSerif = "serif" // Liberation Serif: the metric twin of Times New Roman
	FontDecor = "decor" // Vollkorn Bold Italic: for recipients' names
)

// Fonts lists the families a template may use, for the editor's choices.
var Fonts = []string{FontSerif, FontDecor}

// Styles lists the styles a template may use: regular, bold, italic, bold italic.
var Styles = []string{"", "B", "I", "BI"}

var faceFiles = map[string]map[string]string{
	FontSerif: {
		"":   "LiberationSerif-Regular.ttf",
		"B":  "LiberationSerif-Bold.ttf",
		"I":  "LiberationSerif-Italic.ttf",
		"BI": "LiberationSerif-BoldItalic.ttf",
	},
	FontDecor: {
		"": "Vollkorn-BoldItalic.ttf",
	},
}

// Face is one embedded TrueType face with the metrics the layout needs. The
// widths are those fpdf uses (advance × 1000 / unitsPerEm, rounded), so what
// Layout measures is what the PDF prints, and a preview can reuse them.
type Face struct {
	Family string  // "serif", "decor"
	Style  string  // "", "B", "I", "BI" ("" for decor)
	File   string  // embedded file name
	Ascent float64 // above the baseline, in em (hhea)
	// Descent is below the baseline, in em, positive (hhea).
	Descent float64

	data    []byte
	widths  map[rune]int // 1/1000 em
	missing int          // width fpdf uses for a rune the font lacks
}

// Data returns the TrueType file of the face, for a PDF writer or a preview.
func (f *Face) Data() []byte { return f.data }

// Has reports whether the face has a glyph for r (in the cmap fpdf reads).
func (f *Face) Has(r rune) bool {
	_, ok := f.widths[r]
	return ok
}

// Width returns the advance width of s in millimetres at size pt, as fpdf
// measures it (no kerning: fpdf does not kern).
func (f *Face) Width(s string, size float64) float64 {
	w := 0
	for _, r := range s {
		cw, ok := f.widths[r]
		if !ok {
			cw = f.missing
		}
		w += cw
	}
	return float64(w) * size / 1000 * MMPerPt
}

var (
	facesOnce sync.Once
	faces     map[string]*Face // family+"|"+style
	facesErr  error
)

func loadFaces() {
	faces = map[string]*Face{}
	for family, styles := range faceFiles {
		for style, file := range styles {
			data, err := fonts.Bytes(file)
			if err != nil {
				facesErr = fmt.Errorf("font %s: %w", file, err)
				return
			}
			f, err := parseFace(data)
			if err != nil {
				facesErr = fmt.Errorf("font %s: %w", file, err)
				return
			}
			f.Family, f.Style, f.File = family, style, file
			faces[family+"|"+style] = f
		}
	}
}

// LookupFace returns the face for a family and style; decor ignores the style.
// It returns nil for an unknown family or style.
func LookupFace(family, style string) *Face {
	facesOnce.Do(loadFaces)
	if facesErr != nil {
		panic(facesErr) // the embedded fonts are part of the build: a broken one is a bug
	}
	if family == FontDecor {
		style = ""
	}
	return faces[family+"|"+style]
}

// AllFaces returns every embedded face, sorted by file name.
func AllFaces() []*Face {
	facesOnce.Do(loadFaces)
	if facesErr != nil {
		panic(facesErr)
	}
	out := make([]*Face, 0, len(faces))
	for _, f := range faces {
		out = append(out, f)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].File < out[j].File })
	return out
}

var errFont = errors.New("not a TrueType font fpdf can read")

// parseFace reads head, hhea, maxp, hmtx and the first Unicode cmap of format
// 4 (platform 3 encoding 1, or platform 0), which is the one fpdf reads.
func parseFace(data []byte) (*Face, error) {
	if len(data) < 12 {
		return nil, errFont
	}
	u16 := func(off int) int {
		if off < 0 || off+2 > len(data) {
			return -1
		}
		return int(binary.BigEndian.Uint16(data[off:]))
	}
	i16 := func(off int) int { return int(int16(u16(off))) }
	u32 := func(off int) int {
		if off < 0 || off+4 > len(data) {
			return -1
		}
		return int(binary.BigEndian.Uint32(data[off:]))
	}
	tables := map[string]int{}
	n := u16(4)
	for i := 0; i < n; i++ {
		rec := 12 + 16*i
		if rec+16 > len(data) {
			return nil, errFont
		}
		tables[string(data[rec:rec+4])] = u32(rec + 8)
	}
	for _, t := range []string{"head", "hhea", "maxp", "hmtx", "cmap", "glyf"} {
		if _, ok := tables[t]; !ok {
			return nil, fmt.Errorf("%w: no %s table", errFont, t)
		}
	}
	upm := u16(tables["head"] + 18)
	if upm <= 0 {
		return nil, errFont
	}
	hhea := tables["hhea"]
	f := &Face{
		data:    data,
		Ascent:  float64(i16(hhea+4)) / float64(upm),
		Descent: -float64(i16(hhea+6)) / float64(upm),
		widths:  map[rune]int{},
	}
	numHMetrics := u16(hhea + 34)
	numGlyphs := u16(tables["maxp"] + 4)
	if numHMetrics <= 0 || numGlyphs <= 0 {
		return nil, errFont
	}
	hmtx := tables["hmtx"]
	advance := func(gid int) int {
		if gid >= numHMetrics {
			gid = numHMetrics - 1
		}
		return u16(hmtx + 4*gid)
	}
	scale := 1000 / float64(upm)
	f.missing = int(scale*float64(advance(0)) + 0.5)
	if f.missing == 0 {
		f.missing = 500
	}

	cmap := tables["cmap"]
	sub := -1
	for i := 0; i < u16(cmap+2); i++ {
		rec := cmap + 4 + 8*i
		platform, encoding, off := u16(rec), u16(rec+2), u32(rec+4)
		if (platform == 3 && encoding == 1) || platform == 0 {
			if u16(cmap+off) == 4 {
				sub = cmap + off
				break
			}
		}
	}
	if sub < 0 {
		return nil, fmt.Errorf("%w: no format 4 Unicode cmap", errFont)
	}
	segs := u16(sub+6) / 2
	ends, starts := sub+14, sub+16+2*segs
	deltas, ranges := starts+2*segs, starts+4*segs
	for s := 0; s < segs; s++ {
		end, start := u16(ends+2*s), u16(starts+2*s)
		delta, rangeOff := u16(deltas+2*s), u16(ranges+2*s)
		if start < 0 || end < 0 || start > end || end == 0xFFFF && start == 0xFFFF {
			continue
		}
		for c := start; c <= end && c < 0xFFFF; c++ {
			var gid int
			if rangeOff == 0 {
				gid = (c + delta) & 0xFFFF
			} else {
				g := u16(ranges + 2*s + rangeOff + 2*(c-start))
				if g <= 0 {
					continue
				}
				gid = (g + delta) & 0xFFFF
			}
			if gid == 0 || gid >= numGlyphs {
				continue
			}
			w := int(scale*float64(advance(gid)) + 0.5)
			if w == 0 && c != 0 {
				// fpdf stores 65535 for a zero width and then skips it when measuring.
				f.widths[rune(c)] = 0
				continue
			}
			f.widths[rune(c)] = w
		}
	}
	return f, nil
}
