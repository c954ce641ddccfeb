package ui

import (
	"fyne.io/fyne/v2"

	"khenthuong"
)

// recipientPage is how many recipients In ấn reads at a time for its list.
const recipientPage = 100

// printRecipients are the recipients of the decision In ấn shows, for a
// decision of 100,000: their IDs in list order (8 bytes each), the choice
// of which to print kept as the exceptions to one rule (all, or none, chosen
// except these), and the few pages of whole recipients the list and the
// preview show, read as needed.
type printRecipients struct {
	pagedRecipients
	ids        []uint64
	chosenRest bool            // whether a recipient not in chosen is chosen
	chosen     map[uint64]bool // the recipients chosen otherwise than the rest
	nChosen    int
}

// reset shows a new decision's recipients, every one chosen.
func (p *printRecipients) reset(ids []uint64, total int, read func(khenthuong.Page) ([]khenthuong.Recipient, error)) {
	*p = printRecipients{ids: ids}
	p.pagedRecipients.reset(total, read)
	p.chooseAll(true)
}

// pagedRecipients are a decision's recipients as a screen's list shows
// them: their number, and the few pages on screen, read as needed.
type pagedRecipients struct {
	total int
	rows  map[int][]khenthuong.Recipient // pages read, by page index
	read  func(khenthuong.Page) ([]khenthuong.Recipient, error)
}

func (p *pagedRecipients) reset(total int, read func(khenthuong.Page) ([]khenthuong.Recipient, error)) {
	*p = pagedRecipients{total: total, read: read, rows: map[int][]khenthuong.Recipient{}}
}

func (p *pagedRecipients) recipientCount() int { return p.total }

// recipientAt is the i-th recipient of the list, read with its page if not
// held; nil (the error shown) if it cannot be read.
func (p *pagedRecipients) recipientAt(i int, win fyne.Window) *khenthuong.Recipient {
	if i < 0 || i >= p.total || p.read == nil {
		return nil
	}
	k := i / recipientPage
	rows, ok := p.rows[k]
	if !ok {
		var err error
		if rows, err = p.read(khenthuong.Page{Offset: k * recipientPage, Limit: recipientPage}); err != nil {
			showError(err, win)
			return nil
		}
		if len(p.rows) >= 8 { // the rows on screen are a page or two: forget the others
			clear(p.rows)
		}
		p.rows[k] = rows
	}
	if j := i - k*recipientPage; j < len(rows) {
		return &rows[j]
	}
	return nil // the decision changed under the screen: the next load shows it
}

func (p *printRecipients) isChosen(id uint64) bool {
	if on, ok := p.chosen[id]; ok {
		return on
	}
	return p.chosenRest
}

// choose sets whether recipient id is printed.
func (p *printRecipients) choose(id uint64, on bool) {
	if p.isChosen(id) == on {
		return
	}
	if on == p.chosenRest {
		delete(p.chosen, id)
	} else {
		p.chosen[id] = on
	}
	if on {
		p.nChosen++
	} else {
		p.nChosen--
	}
}

func (p *printRecipients) chooseAll(on bool) {
	p.chosenRest, p.chosen = on, map[uint64]bool{}
	p.nChosen = 0
	if on {
		p.nChosen = p.total
	}
}

func (p *printRecipients) chosenCountN() int { return p.nChosen }

// chosenIDs are the recipients to print in the decision's list order; nil
// prints them all.
func (p *printRecipients) chosenIDs() []uint64 {
	if p.nChosen == p.total {
		return nil
	}
	ids := make([]uint64, 0, p.nChosen)
	for _, id := range p.ids {
		if p.isChosen(id) {
			ids = append(ids, id)
		}
	}
	return ids
}
