package ui

import (
	"strconv"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"khenthuong"
	"khenthuong/certificates"
)

// Lịch sử thay đổi: the audit trail of one nomination or decision, newest
// first: when, who (the server login, or the PC's user on a data file), what
// was done, and each changed field under the label its form gives it with
// the old and the new value. (Not Tra cứu's award history of a person: that
// is history.go.)
//
// The store streams a trail oldest first (QueryService.EachAudit); the view
// keeps only the newest records asked for, a page more each time the clerk
// asks for older ones, so a record changed a thousand times costs a page.

// changesPage is how many changes (audit records) a page shows.
const changesPage = 50

// Columns of the changes table.
const (
	chgColAt = iota
	chgColWho
	chgColAction
	chgColField
	chgColOld
	chgColNew
	numChgCols
)

// changeRow is one line of the table: a field's change, the record's when,
// who and what on its first line only.
type changeRow [numChgCols]string

// changesView is the dialog of one record's changes.
type changesView struct {
	svc    khenthuong.Services
	win    fyne.Window
	entity string // "nomination", "decision"
	key    string // the record's ID

	limit int // the newest records asked for
	total int // records in the trail
	rows  []changeRow

	table   *dataTable
	hint    *emptyHint
	count   *widget.Label
	more    *widget.Button
	dlg     *dialog.CustomDialog
	gen     int
	loading sync.WaitGroup // reads in flight, for tests
}

// showChanges opens the changes of record key of entity, titled after it.
func showChanges(svc khenthuong.Services, win fyne.Window, entity, key, title string) *changesView {
	v := &changesView{svc: svc, win: win, entity: entity, key: key, limit: changesPage}
	v.table = newDataTable([]column{
		chgColAt:     {lang.L("When"), 130},
		chgColWho:    {lang.L("Changed by"), 120},
		chgColAction: {lang.L("Action"), 120},
		chgColField:  {lang.L("What changed"), 170},
		chgColOld:    {lang.L("Old value"), 220},
		chgColNew:    {lang.L("New value"), 220},
	}, chgColNew, func() int { return len(v.rows) }, v.cellText)
	var body fyne.CanvasObject
	v.hint, body = newEmptyHint(v.table)
	v.count = widget.NewLabel("")
	v.more = widget.NewButtonWithIcon(lang.L("Older changes"), theme.MoreHorizontalIcon(), func() {
		v.limit += changesPage
		v.load()
	})
	v.more.Hide()
	heading := boldLabel(title)
	heading.Wrapping = fyne.TextWrapWord
	top := container.NewVBox(heading, v.count)
	v.dlg = dialog.NewCustom(lang.L("History of changes"), lang.L("Close"),
		container.NewBorder(top, container.NewHBox(v.more), nil, nil, body), win)
	v.dlg.Resize(fitWindow(win, fyne.NewSize(1040, 560)))
	showDialog(win, v.dlg, nil)
	v.load()
	return v
}

func (v *changesView) cellText(row, col int) string {
	if row < 0 || row >= len(v.rows) {
		return ""
	}
	return v.rows[row][col]
}

// load reads the newest v.limit records of the trail in the background.
func (v *changesView) load() {
	v.gen++
	gen, limit := v.gen, v.limit
	v.more.Disable()
	background(&v.loading, func() func() {
		recs, total, err := newestAudit(v.svc, khenthuong.AuditFilter{Entity: v.entity, Key: v.key}, limit)
		var rows []changeRow
		if err == nil {
			names := v.campaignNames(recs)
			for _, r := range recs {
				rows = append(rows, changeRows(v.entity, r, names)...)
			}
		}
		return func() {
			if gen != v.gen {
				return
			}
			if err != nil {
				showError(err, v.win)
				return
			}
			v.rows, v.total = rows, total
			v.show()
		}
	})
}

func (v *changesView) show() {
	shown := min(v.total, v.limit)
	switch {
	case v.total == 0:
		v.count.SetText("")
		v.hint.set(lang.L("No change yet"))
	case shown < v.total:
		v.count.SetText(lang.L("The newest {{.Shown}} of {{.Total}} changes, newest first", map[string]any{
			"Shown": formatCount(shown), "Total": formatCount(v.total)}))
		v.hint.set("")
	default:
		v.count.SetText(lang.L("{{.Total}} changes, newest first", map[string]any{"Total": formatCount(v.total)}))
		v.hint.set("")
	}
	if shown < v.total {
		v.more.Show()
		v.more.Enable()
	} else {
		v.more.Hide()
	}
	v.table.Refresh()
}

// campaignNames names the campaigns a move between campaigns refers to.
// Read after the stream: its callbacks may not call the services.
func (v *changesView) campaignNames(recs []*khenthuong.AuditRecord) map[string]string {
	names := map[string]string{}
	for _, r := range recs {
		for _, c := range recordChanges(r) {
			if c.Field != "campaign_id" {
				continue
			}
			for _, raw := range [][]byte{c.Old, c.New} {
				id, err := strconv.ParseUint(string(raw), 10, 64)
				if _, done := names[string(raw)]; err != nil || done {
					continue
				}
				if cp, err := v.svc.Campaign(id); err == nil {
					names[string(raw)] = cp.Name
				} else {
					names[string(raw)] = "#" + string(raw) // deleted since
				}
			}
		}
	}
	return names
}

// newestAudit streams the records f matches and keeps the newest limit,
// newest first, with the number matched in all: one pass, limit records held.
func newestAudit(q khenthuong.QueryService, f khenthuong.AuditFilter, limit int) ([]*khenthuong.AuditRecord, int, error) {
	ring := make([]*khenthuong.AuditRecord, 0, min(limit, 64))
	total := 0
	err := q.EachAudit(f, func(r *khenthuong.AuditRecord) error {
		if len(ring) < limit {
			ring = append(ring, r)
		} else {
			ring[total%limit] = r
		}
		total++
		return nil
	})
	if err != nil {
		return nil, 0, err
	}
	out := make([]*khenthuong.AuditRecord, len(ring))
	for i := range ring {
		// The newest is at (total-1) % len(ring) once the ring went round.
		out[i] = ring[((total-1-i)%len(ring)+len(ring))%len(ring)]
	}
	return out, total, nil
}

// showNominationChanges opens the changes of nomination n.
func showNominationChanges(svc khenthuong.Services, win fyne.Window, n *khenthuong.Nomination) *changesView {
	title := n.Nominee.DisplayName()
	if n.FormCode != "" {
		title += " — " + n.FormCode
	}
	return showChanges(svc, win, "nomination", strconv.FormatUint(n.ID, 10), title)
}

// showChanges opens the changes of the selected decision, titled as its detail is.
func (s *decisionsScreen) showChanges() {
	d := s.current
	if d == nil {
		return
	}
	title := lang.L("Decision No. {{.Number}} of {{.Date}} — {{.Form}}", map[string]any{
		"Number": certificates.DecisionNumber(d.Number, s.abbr), "Date": d.Date.Display(), "Form": s.formName(d.FormCode)})
	s.changes = showChanges(s.svc, s.win, "decision", strconv.FormatUint(d.ID, 10), title)
}
