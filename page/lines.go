package page

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Line breaking, measured with a face's own widths: shared by the
// certificates' fields and the documents' paragraphs and cells.

// Cover replaces the letters the face lacks with "?" (the PDF would print
// an empty box) and returns them as well; tabs and spaces the face lacks become spaces.
func (face *Face) Cover(s string) (string, string) {
	ok := true
	for _, r := range s {
		if r != '\n' && !face.Has(r) || r == '\t' {
			ok = false
			break
		}
	}
	if ok {
		return s, ""
	}
	var b, missing strings.Builder
	seen := map[rune]bool{}
	for _, r := range s {
		if r != '\n' && unicode.IsSpace(r) {
			r = ' ' // tabs and odd spaces from a template's text
		}
		if r == '\n' || face.Has(r) {
			b.WriteRune(r)
			continue
		}
		b.WriteByte('?')
		if !seen[r] && r != utf8.RuneError {
			seen[r] = true
			missing.WriteRune(r)
		} else if r == utf8.RuneError && !seen[r] {
			seen[r] = true
			missing.WriteString("�")
		}
	}
	return b.String(), missing.String()
}

// Wrap wraps each hard line at width w (mm) and size sz (pt) at its spaces
// into balanced lines (as few lines as greedy breaking gives, as even as they
// can be); nil if a single word is wider than w.
func (face *Face) Wrap(hard []string, w, sz float64) []string {
	var out []string
	for _, l := range hard {
		words := strings.Fields(l)
		widths := make([]float64, len(words))
		widest := 0.0
		for i, wd := range words {
			widths[i] = face.Width(wd, sz)
			widest = math.Max(widest, widths[i])
		}
		if widest > w+1e-6 {
			return nil
		}
		space := face.Width(" ", sz)
		k := len(greedy(widths, space, w))
		// Balance: the narrowest width that still gives k lines.
		lo, hi := widest, w
		for range 30 {
			if hi-lo < 0.05 {
				break
			}
			mid := (lo + hi) / 2
			if len(greedy(widths, space, mid)) <= k {
				hi = mid
			} else {
				lo = mid
			}
		}
		for _, br := range greedy(widths, space, hi) {
			out = append(out, strings.Join(words[br[0]:br[1]], " "))
		}
	}
	return out
}

// greedy breaks words (by width) into lines no wider than w; it returns
// [start, end) word ranges.
func greedy(widths []float64, space, w float64) [][2]int {
	var lines [][2]int
	start, cur := 0, 0.0
	for i, wd := range widths {
		if i > start && cur+space+wd > w+1e-6 {
			lines = append(lines, [2]int{start, i})
			start, cur = i, wd
			continue
		}
		if i > start {
			cur += space
		}
		cur += wd
	}
	if len(widths) > 0 {
		lines = append(lines, [2]int{start, len(widths)})
	}
	return lines
}

// BreakChars wraps s at width w (mm) and size sz (pt) breaking anywhere,
// for text that cannot wrap at spaces. A letter wider than w on its own is
// dropped.
func (face *Face) BreakChars(s string, w, sz float64) []string {
	var lines []string
	var cur strings.Builder
	width := 0.0
	flush := func() {
		if l := strings.TrimSpace(cur.String()); l != "" {
			lines = append(lines, l)
		}
		cur.Reset()
		width = 0
	}
	for _, r := range s {
		rw := face.Width(string(r), sz)
		if rw > w {
			continue
		}
		if width+rw > w {
			flush()
			if r == ' ' {
				continue
			}
		}
		cur.WriteRune(r)
		width += rw
	}
	flush()
	return lines
}
