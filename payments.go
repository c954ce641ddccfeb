package khenthuong

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"khenthuong/vntext"
)

// EntryParts is how a recipient reads in a list: the name (PrintName: with
// danh xưng, "Ông Trương Quang Sáng", "Đại tá Lê Văn Tiến", or the collective's name)
// and what follows it (position and unit, the collective's parent unit, a
// household's address), without final punctuation.
func (n *Nominee) EntryParts() (name, detail string) {
	name = strings.TrimRight(n.PrintName(), " ,;.")
	switch n.Kind {
	case Individual:
		detail = n.PositionAndUnit()
		if detail == "" {
			detail = n.Address
		}
	case Household:
		detail = n.Address
		if detail == "" {
			detail = n.Unit
		}
	default:
		detail = n.Unit
		if detail != "" && strings.Contains(vntext.Fold(n.Name), vntext.Fold(detail)) {
			detail = "" // "Công an xã A, huyện B" already names its unit
		}
	}
	return name, strings.TrimRight(strings.TrimSpace(detail), " ,;.")
}

// RomanNumeral numbers the sections of a list from 0: I, II, III...
func RomanNumeral(i int) string {
	romans := []string{"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"}
	if i < len(romans) {
		return romans[i]
	}
	return strings.Repeat("X", i/10) + romans[i%10]
}

// ShortFormNames names the forms of the decisions briefly for a table
// column: the certificate's title in sentence case ("Bằng khen", "Cờ thi
// đua"), or the full name where two forms share a title.
func ShortFormNames(decisions []Decision, forms map[string]*AwardForm) map[string]string {
	short := func(f *AwardForm) string {
		t := strings.Join(strings.Fields(f.Title), " ")
		if t == "" {
			return f.Name
		}
		t = strings.ToLower(t)
		r, n := utf8.DecodeRuneInString(t)
		return string(unicode.ToUpper(r)) + t[n:]
	}
	codes := map[string]bool{}
	for i := range decisions {
		codes[decisions[i].FormCode] = true
	}
	byTitle := map[string]int{}
	for c := range codes {
		if f := forms[c]; f != nil {
			byTitle[short(f)]++
		}
	}
	out := map[string]string{}
	for c := range codes {
		switch f := forms[c]; {
		case f == nil:
			out[c] = c
		case byTitle[short(f)] > 1:
			out[c] = f.Name
		default:
			out[c] = short(f)
		}
	}
	return out
}

// PaymentRow is one recipient on the bonus payment list.
type PaymentRow struct {
	No         int    // from 1 in its group
	Name       string // "Ông Trương Quang Sáng", the collective's name
	Detail     string // position and unit, parent unit, address
	Form       string // "Bằng khen"; the form's full name when two forms share a title
	Amount     int64  // đồng
	Decision   int    // index in the decisions given
	Recipient  int    // index in the decision's Recipients
	Nomination uint64
}

// PaymentGroup is the recipients of one kind: "I. TẬP THỂ".
type PaymentGroup struct {
	Kind    Kind
	Heading string
	Rows    []PaymentRow
	Total   int64
}

// PaymentList groups the recipients of the decisions by kind (collectives,
// individuals, households; numerals only for the groups present), in the
// ceremony's calling order within a kind, and returns the grand total. The
// PDF and the spreadsheet of the payment list both print it.
func PaymentList(decisions []Decision, forms map[string]*AwardForm) ([]PaymentGroup, int64) {
	held := func(d int) RecipientReader { return HeldRecipients(decisions[d].Recipients) }
	// Held recipients cannot change between reads: no error is possible.
	p, _ := PlanPayments(decisions, forms, held)
	var groups []PaymentGroup
	_ = p.EachRow(func(g int, k Kind, r *PaymentRow) error {
		if g == len(groups) {
			groups = append(groups, PaymentGroup{Kind: k, Heading: PaymentHeading(g, k)})
		}
		groups[g].Rows = append(groups[g].Rows, *r)
		groups[g].Total += r.Amount
		return nil
	})
	return groups, p.Total
}
