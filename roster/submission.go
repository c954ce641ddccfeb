package roster

import (
	"regexp"
	"strings"

	"khenthuong"
	"khenthuong/vntext"
)

// listSubmission is the unit's Tờ trình that a list's title names, as in
// "(Kèm theo Tờ trình số 45/TTr-STP ngày 02/6/2024 của Sở Tư pháp)": the
// rows that give no submission of their own take it.
type listSubmission struct {
	no   string
	date khenthuong.Date
	unit string
	line int // 0-based line of the title
	text string
}

var (
	submissionNo   = regexp.MustCompile(`(?i)tờ\s*trình\s+số\s*:?\s*([^\s,;()]+)`)
	submissionDate = regexp.MustCompile(`(?i)ngày\s+(\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})`)
	submissionUnit = regexp.MustCompile(`(?i)\d{4}\s+của\s+([^()]+?)\s*\)?\s*$`)
)

// findSubmission looks for the Tờ trình in the lines above the header.
func findSubmission(g *grid, header int) (listSubmission, bool) {
	for i := 0; i < header && g.has(i); i++ {
		for _, v := range g.raw(i) {
			text := vntext.Clean(v)
			m := submissionNo.FindStringSubmatch(text)
			if m == nil {
				continue
			}
			no := strings.TrimRight(m[1], ".:")
			if !strings.ContainsAny(no, "0123456789") || strings.Contains(no, "..") || strings.Contains(no, "…") {
				continue // a blank to fill in: "Tờ trình số ....../TTr-......"
			}
			s := listSubmission{no: no, line: i, text: text}
			if dm := submissionDate.FindStringSubmatch(text); dm != nil {
				date := dm[1]
				if strings.Contains(date, "tháng") {
					date = "ngày " + date
				}
				if d, _, err := parseDateCell(date); err == nil && !d.YearOnly() {
					s.date = d
				}
			}
			if um := submissionUnit.FindStringSubmatch(text); um != nil {
				s.unit = strings.TrimSpace(um[1])
			}
			return s, true
		}
	}
	return listSubmission{}, false
}

// describeSubmission is what a list's title gave: "số 45/TTr-STP, ngày
// 02/06/2024, Sở Tư pháp".
func describeSubmission(s listSubmission) string {
	parts := []string{"số " + s.no}
	if !s.date.IsZero() {
		parts = append(parts, "ngày "+s.date.Display())
	}
	if s.unit != "" {
		parts = append(parts, s.unit)
	}
	return strings.Join(parts, ", ")
}
