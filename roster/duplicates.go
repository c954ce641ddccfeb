package roster

import (
	"fmt"
	"strings"

	"khenthuong"
	"khenthuong/vntext"
)

// CheckDuplicates adds a warning to every row that looks like an earlier row
// of the file or like a stored nomination: same kind and folded name, and for
// an individual also the same unit or the same birth year (or neither known
// on both sides). Each warning names the matching row or record. Call it once,
// after Read.
func (im *Import) CheckDuplicates(existing []khenthuong.Nomination) {
	stored := map[string][]int{}
	for i := range existing {
		k := dupKey(&existing[i].Nominee)
		stored[k] = append(stored[k], i)
	}
	seen := map[string][]int{} // key -> indexes into im.Rows
	nameCols := map[string]string{}
	for _, s := range im.Sheets {
		for _, c := range s.Columns {
			if c.Field == FieldName {
				nameCols[s.Name] = c.Letter + " (" + c.Header + ")"
				break
			}
		}
	}
	for i := range im.Rows {
		r := &im.Rows[i]
		nm := &r.Nomination.Nominee
		if nm.Name == "" {
			continue
		}
		k := dupKey(nm)
		warn := func(format string, args ...any) {
			im.Problems = append(im.Problems, Problem{
				Sheet: r.Sheet, Row: r.Line, Column: nameCols[r.Sheet], Value: nm.DisplayName(),
				Message: fmt.Sprintf(format, args...), Severity: SeverityWarning,
			})
		}
		for _, j := range seen[k] {
			o := &im.Rows[j]
			if sameNominee(nm, &o.Nomination.Nominee) {
				where := fmt.Sprintf("dòng %d", o.Line)
				if o.Sheet != r.Sheet {
					where = fmt.Sprintf("trang “%s”, dòng %d", o.Sheet, o.Line)
				}
				warn("Có thể trùng với %s của tệp: %s", where, describe(&o.Nomination))
				break
			}
		}
		seen[k] = append(seen[k], i)
		for _, j := range stored[k] {
			o := &existing[j]
			if sameNominee(nm, &o.Nominee) {
				warn("Có thể trùng với đề nghị mã %d đã có (đợt %d, %s): %s", o.ID, o.CampaignID, o.Status.Label(), describe(o))
				break
			}
		}
	}
	im.sortProblems()
}

func dupKey(n *khenthuong.Nominee) string { return string(n.Kind) + "|" + vntext.Fold(n.Name) }

// sameNominee compares two nominees with the same kind and folded name.
func sameNominee(a, b *khenthuong.Nominee) bool {
	if a.Kind != khenthuong.Individual {
		return true
	}
	ua, ub := vntext.Fold(a.Unit), vntext.Fold(b.Unit)
	switch {
	case ua != "" && ua == ub:
		return true
	case a.Birth.Year != 0 && a.Birth.Year == b.Birth.Year:
		return true
	}
	return ua == "" && ub == "" && a.Birth.Year == 0 && b.Birth.Year == 0
}

// describe names a nomination in a warning: "Ông Nguyễn Văn An, Sở Tư pháp, 1975, BKCT".
func describe(n *khenthuong.Nomination) string {
	parts := []string{n.Nominee.DisplayName()}
	if pu := n.Nominee.PositionAndUnit(); pu != "" {
		parts = append(parts, pu)
	}
	if n.Nominee.Birth.Year != 0 {
		parts = append(parts, fmt.Sprint(n.Nominee.Birth.Year))
	}
	if n.FormCode != "" {
		parts = append(parts, n.FormCode)
	}
	return strings.Join(parts, ", ")
}
