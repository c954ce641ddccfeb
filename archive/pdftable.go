package archive

import (
	"strings"

	"khenthuong/vntext"
)

// tableRows rebuilds a list printed as a table in a PDF. The header row
// (STT, Họ và tên...) gives the columns by where each heading starts; each
// later piece of text goes to the column it starts under; a line with
// nothing under STT continues the row above (a cell wrapped over several
// lines). The lines between "DANH SÁCH" and the header come first, one
// cell each, for the list's title. nil when no page has such a header.
func tableRows(pages [][][]run) [][]string {
	var lines [][]run
	for _, p := range pages {
		lines = append(lines, p...)
	}
	header := -1
	var heads []run
	for i, l := range lines {
		cs := cells(l)
		if len(cs) >= 3 && isSTT(cs[0].text) && hasNameHeader(cs) {
			header = i
			heads = cs
			break
		}
	}
	if header < 0 {
		return nil
	}
	// Where each column's cells start, learnt from the cells that lie under
	// a heading: a short piece wrapped onto its own line ("tỉnh") overlaps
	// none, and goes to the column whose cells start where it does.
	lefts := make([]float64, len(heads))
	for i := range lefts {
		lefts[i] = -1
	}
	for _, l := range lines[header+1:] {
		cs := cells(l)
		if len(cs) < 2 {
			continue // a section or a wrapped piece: not where a column starts
		}
		for _, c := range cs {
			if k, ok := overlapColumn(heads, c); ok && (lefts[k] < 0 || c.x < lefts[k]) {
				lefts[k] = c.x
			}
		}
	}
	var rows [][]string
	for i := header - 1; i >= 0 && header-i <= 8; i-- {
		t := vntext.Clean(lineText(lines[i]))
		if vntext.Fold(t) == "danh sach" {
			for _, l := range lines[i:header] {
				rows = append(rows, []string{vntext.Clean(strings.ReplaceAll(lineText(l), "\t", " "))})
			}
			break
		}
	}
	for _, l := range lines[header:] {
		cs := cells(l)
		if len(cs) == 1 && isNumber(strings.TrimSpace(cs[0].text)) && column(heads, lefts, cs[0]) > 0 {
			continue // a page number
		}
		row := make([]string, len(heads))
		if len(cs) == 1 && len(heads) > 1 && lefts[1] >= 0 && cs[0].x < lefts[1]-cs[0].size {
			// A line alone that starts left of the second column: a
			// section ("III. HỘ GIA ĐÌNH") or a totals row spanning the table.
			rows = append(rows, []string{vntext.Clean(cs[0].text)})
			continue
		}
		for _, c := range cs {
			k := column(heads, lefts, c)
			row[k] = strings.TrimSpace(strings.TrimSpace(row[k]) + " " + c.text)
		}
		if row[0] == "" && len(rows) > 0 && len(rows[len(rows)-1]) == len(heads) {
			prev := rows[len(rows)-1]
			for k, v := range row {
				if v != "" {
					prev[k] = strings.TrimSpace(prev[k] + " " + v)
				}
			}
			continue
		}
		rows = append(rows, row)
	}
	return rows
}

// column is the column a piece of text lies under: the heading it overlaps
// most (headings are centred, cells mostly start at the column's left), else
// the column whose cells start nearest to where it starts.
func column(heads []run, lefts []float64, c run) int {
	if k, ok := overlapColumn(heads, c); ok {
		return k
	}
	best, bestDist := 0, -1.0
	for i, h := range heads {
		x := lefts[i]
		if x < 0 {
			x = h.x
		}
		if d := abs(c.x - x); bestDist < 0 || d < bestDist {
			best, bestDist = i, d
		}
	}
	return best
}

// overlapColumn is the heading c overlaps most, if any.
func overlapColumn(heads []run, c run) (int, bool) {
	best, bestOverlap := 0, 0.0
	for i, h := range heads {
		if overlap := min(c.end, h.end) - max(c.x, h.x); overlap > bestOverlap {
			best, bestOverlap = i, overlap
		}
	}
	return best, bestOverlap > 0
}

func isSTT(s string) bool {
	switch vntext.Fold(s) {
	case "stt", "tt", "so tt", "so thu tu":
		return true
	}
	return false
}

func hasNameHeader(cs []run) bool {
	for _, c := range cs {
		k := " " + vntext.Fold(c.text) + " "
		if strings.Contains(k, " ho va ten ") || strings.Contains(k, " ho ten ") || strings.Contains(k, " ten tap the ") {
			return true
		}
	}
	return false
}
