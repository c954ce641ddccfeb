package certificates

import (
	"strings"

	"khenthuong"
	"khenthuong/page"
)

// RecipientStream gives a decision's recipients one at a time in list
// order (khenthuong.QueryService.EachRecipient bound to the decision), so
// that the documents of a 100,000-recipient decision are written without
// holding its recipients, their lines or their pages: an error returned by
// fn stops the stream and is returned as it is.
type RecipientStream func(fn func(*khenthuong.Recipient) error) error

// SliceStream streams recipients held in memory.
func SliceStream(rs []khenthuong.Recipient) RecipientStream {
	return func(fn func(*khenthuong.Recipient) error) error {
		for i := range rs {
			if err := fn(&rs[i]); err != nil {
				return err
			}
		}
		return nil
	}
}

// stream is where doc's recipients come from: Stream when set, else the
// decision's own.
func (doc *DecisionDoc) stream() RecipientStream {
	if doc.Stream != nil {
		return doc.Stream
	}
	return SliceStream(doc.Decision.Recipients)
}

// countKinds counts the recipients of a stream by kind.
func countKinds(each RecipientStream) (map[khenthuong.Kind]int, error) {
	m := map[khenthuong.Kind]int{}
	err := each(func(r *khenthuong.Recipient) error {
		m[r.Nominee.Kind]++
		return nil
	})
	return m, err
}

// errChanged is what a document says when the recipients it is printing
// changed between two reads (another clerk edited the draft meanwhile).
func errChanged(d *khenthuong.Decision) error {
	return khenthuong.Errorf(khenthuong.ECONFLICT, "Danh sách của quyết định số %s vừa thay đổi trong khi in, hãy in lại", d.Number)
}

// eachListEntry gives the entries of the attached list in print order, as
// ListSections groups them: a pass over the stream per kind present (kinds
// in print order), entries numbered from 1 in their section and ending ";",
// "." last of a section, "./." last of all. counts are the stream's
// recipients by kind; if a pass finds another number the list is refused.
func eachListEntry(d *khenthuong.Decision, each RecipientStream, counts map[khenthuong.Kind]int, fn func(sec *ListSection, e *ListEntry) error) error {
	var kinds []khenthuong.Kind
	for _, k := range kindsOf(counts) {
		if counts[k] > 0 {
			kinds = append(kinds, k)
		}
	}
	for si, k := range kinds {
		sec := ListSection{Kind: k}
		if len(kinds) > 1 { // one kind: the subtitle names it, no "I."
			sec.Heading = khenthuong.RomanNumeral(si) + ". " + strings.ToUpper(k.Label())
		}
		i, n := -1, 0
		err := each(func(r *khenthuong.Recipient) error {
			i++
			if r.Nominee.Kind != k {
				return nil
			}
			n++
			name, detail := r.Nominee.EntryParts()
			text := name
			if detail != "" {
				text += ", " + detail
			}
			end := ";"
			switch {
			case n == counts[k] && si == len(kinds)-1:
				end = "./."
			case n == counts[k]:
				end = "."
			}
			return fn(&sec, &ListEntry{Recipient: i, No: n, Name: name, Detail: detail, Text: khenthuong.EndWith(text, end)})
		})
		if err != nil {
			return err
		}
		if n != counts[k] {
			return errChanged(d)
		}
	}
	return nil
}

// collect gathers the pages a layout emits, for a preview or the printer.
func collect(layout func(emit func(page.Page) error) error) ([]page.Page, error) {
	var pages []page.Page
	err := layout(func(p page.Page) error {
		pages = append(pages, p)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return pages, nil
}
