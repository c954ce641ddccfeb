package printing

import (
	"encoding/binary"
	"strings"
	"unicode/utf16"
)

// fontName reads a TrueType file's family (name ID 1) and subfamily (2) as
// Windows knows them (platform 3), which GDI's CreateFont asks for once the
// file is loaded from memory.
func fontName(ttf []byte) (family, subfamily string) {
	if len(ttf) < 12 {
		return "", ""
	}
	n := int(binary.BigEndian.Uint16(ttf[4:]))
	for i := 0; i < n; i++ {
		rec := 12 + 16*i
		if rec+16 > len(ttf) || string(ttf[rec:rec+4]) != "name" {
			continue
		}
		off := int(binary.BigEndian.Uint32(ttf[rec+8:]))
		if off+6 > len(ttf) {
			return "", ""
		}
		tbl := ttf[off:]
		count := int(binary.BigEndian.Uint16(tbl[2:]))
		strs := int(binary.BigEndian.Uint16(tbl[4:]))
		for k := 0; k < count; k++ {
			r := 6 + 12*k
			if r+12 > len(tbl) {
				break
			}
			platform := binary.BigEndian.Uint16(tbl[r:])
			id := binary.BigEndian.Uint16(tbl[r+6:])
			length := int(binary.BigEndian.Uint16(tbl[r+8:]))
			at := strs + int(binary.BigEndian.Uint16(tbl[r+10:]))
			if platform != 3 || (id != 1 && id != 2) || at+length > len(tbl) {
				continue
			}
			u := make([]uint16, length/2)
			for j := range u {
				u[j] = binary.BigEndian.Uint16(tbl[at+2*j:])
			}
			if s := string(utf16.Decode(u)); id == 1 && family == "" {
				family = s
			} else if id == 2 && subfamily == "" {
				subfamily = s
			}
		}
		return family, subfamily
	}
	return "", ""
}

// fontStyle is the weight and slant a subfamily name says.
func fontStyle(subfamily string) (weight int, italic bool) {
	weight = 400
	if strings.Contains(subfamily, "Bold") {
		weight = 700
	}
	return weight, strings.Contains(subfamily, "Italic") || strings.Contains(subfamily, "Oblique")
}
