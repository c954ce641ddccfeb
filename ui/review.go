package ui

import (
	"cmp"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"khenthuong"
	"khenthuong/vntext"
)

// The review on Đề nghị: the clerk marks one or many rows (click, Ctrl+click
// to add or remove a row, Shift+click for a range, or "Chọn hết" for every
// row shown) and approves, rejects (with a reason), defers or sends them back
// to submitted in one SetStatus call. The warnings of the campaign
// (duplicates, earlier awards, quotas) of the rows held are computed by the
// service in the background each time a window of rows arrives; the Cảnh báo column counts them and the panel
// under the table lists those of the selected row, with "Cùng một người" and
// "Khác người" for a warning about another record.

// keyModifiers reports the modifier keys held now: Ctrl and Shift make a
// click add to the marked rows. Tests replace it.
var keyModifiers = func() fyne.KeyModifier {
	if d, ok := fyne.CurrentApp().Driver().(desktop.Driver); ok {
		return d.CurrentKeyModifiers()
	}
	return 0
}

// reviewPart is the review's share of the nominations screen.
type reviewPart struct {
	svc khenthuong.ReviewService

	marked map[uint64]*khenthuong.Nomination // nominations marked for a bulk action, as last read
	anchor int                               // row a Shift+click extends from
	quiet  bool                              // the selection moves by program: marks stay

	warnings     map[uint64][]khenthuong.Warning // of the rows held, nil until computed
	warnCampaign uint64                          // the campaign warnings are of
	warnGen      int
	warnBusy     bool // a computation is on its way
	warnAgain    bool // the rows changed meanwhile: ask again when it ends

	bar            *fyne.Container
	markedLabel    *widget.Label
	approveButton  *widget.Button
	rejectButton   *widget.Button
	deferButton    *widget.Button
	resubmitButton *widget.Button
	markAllButton  *widget.Button
	moveButton     *widget.Button
	mover          *dialog.CustomDialog // the open "Chuyển sang đợt" dialog
	stateNote      *widget.Label        // why actions are greyed out for the marked rows

	// decided holds the nominations of campaign decidedOf that a decision
	// (draft or issued) lists: their status no longer changes here.
	decided   map[uint64]bool
	decidedOf uint64

	panel       *fyne.Container // the selected row's warnings
	panelTitle  *widget.Label
	panelRows   *fyne.Container
	panelScroll *container.Scroll

	rejecter *rejectDialog
}

// enableReview adds the review actions and warnings to the screen; without
// a ReviewService (an older backend) the screen stays as it was.
func (s *nominationsScreen) enableReview(svc khenthuong.ReviewService) {
	r := &reviewPart{svc: svc, marked: map[uint64]*khenthuong.Nomination{}, anchor: -1}
	s.review = r
	r.markedLabel = widget.NewLabel("")
	r.approveButton = widget.NewButtonWithIcon(lang.L("Approve"), theme.ConfirmIcon(), func() { s.setStatus(khenthuong.StatusApproved) })
	r.approveButton.Importance = widget.SuccessImportance
	r.rejectButton = widget.NewButtonWithIcon(lang.L("Reject…"), theme.CancelIcon(), func() { s.setStatus(khenthuong.StatusRejected) })
	r.rejectButton.Importance = widget.DangerImportance
	r.deferButton = widget.NewButtonWithIcon(lang.L("Defer"), theme.HistoryIcon(), func() { s.setStatus(khenthuong.StatusDeferred) })
	r.resubmitButton = widget.NewButtonWithIcon(lang.L("Back to submitted"), theme.ContentUndoIcon(), func() { s.setStatus(khenthuong.StatusSubmitted) })
	r.markAllButton = widget.NewButtonWithIcon(lang.L("Select all shown"), theme.ListIcon(), s.markAll)
	r.stateNote = widget.NewLabel("")
	r.stateNote.Importance = widget.WarningImportance
	r.stateNote.TextStyle.Italic = true
	r.stateNote.Hide()
	r.bar = newFlow(widget.NewLabel(lang.L("Review:")), r.approveButton, r.rejectButton, r.deferButton,
		r.resubmitButton, widget.NewSeparator(), r.markAllButton, r.markedLabel, r.stateNote)

	r.panelTitle = boldLabel("")
	r.panelRows = container.NewVBox()
	r.panelScroll = container.NewVScroll(r.panelRows)
	r.panel = container.NewVBox(widget.NewSeparator(), r.panelTitle, r.panelScroll)
	r.panel.Hide()

	// Marked rows are drawn like the selected one.
	update := s.table.UpdateCell
	s.table.UpdateCell = func(id widget.TableCellID, o fyne.CanvasObject) {
		update(id, o)
		if id.Row != s.table.selected && s.isMarkedRow(id.Row) {
			c := o.(*tableCell)
			c.bg.FillColor = theme.Color(theme.ColorNameSelection)
			c.bg.Refresh()
		}
	}
	s.addMoveButton()
	s.header.Objects = slices.Insert(s.header.Objects, len(s.header.Objects)-1, fyne.CanvasObject(r.bar))
	s.header.Refresh()
	s.footer.Add(r.panel)
	s.updateReview()
	if s.campaignID != 0 && !s.stale {
		s.loadWarnings()
	}
}

func (s *nominationsScreen) isMarkedRow(row int) bool {
	n := s.model.at(row)
	return n != nil && s.review != nil && s.review.marked[n.ID] != nil
}

// mark marks n, keeping a copy: the window holding it may go.
func (r *reviewPart) mark(n *khenthuong.Nomination) {
	c := *n
	r.marked[n.ID] = &c
}

// refreshMarks updates the marked nominations the window holds to the rows
// just read (their status after a review).
func (s *nominationsScreen) refreshMarks() {
	if s.review == nil || len(s.review.marked) == 0 {
		return
	}
	for i := range s.model.rows {
		if n := &s.model.rows[i]; s.review.marked[n.ID] != nil {
			s.review.mark(n)
		}
	}
}

// rowSelected updates the marks after the clerk selected row: a plain click
// marks that row alone, Ctrl+click adds or removes it, Shift+click marks the
// range from the last row clicked.
func (s *nominationsScreen) rowSelected(row int) {
	r := s.review
	if r == nil || r.quiet || row < 0 {
		return
	}
	n := s.model.at(row)
	if n == nil {
		return
	}
	mods := keyModifiers()
	ctrl := mods&(fyne.KeyModifierControl|fyne.KeyModifierSuper) != 0
	shift := mods&fyne.KeyModifierShift != 0
	switch {
	case shift && r.anchor >= 0:
		if !ctrl {
			clear(r.marked)
		}
		lo, hi := min(r.anchor, row), max(r.anchor, row)
		for _, m := range s.rowsBetween(lo, hi) {
			r.mark(&m)
		}
	case ctrl:
		if r.marked[n.ID] != nil {
			delete(r.marked, n.ID)
		} else {
			r.mark(n)
		}
		r.anchor = row
	default:
		clear(r.marked)
		r.mark(n)
		r.anchor = row
	}
	s.table.Refresh()
}

// markSelectedIfNone marks the selected row when nothing is marked, e.g.
// after Thêm → Lưu selected the new row: a row drawn as selected is one the
// review buttons act on.
func (s *nominationsScreen) markSelectedIfNone() {
	r := s.review
	if r == nil || len(s.marked()) > 0 {
		return
	}
	if n := s.selected(); n != nil {
		clear(r.marked)
		r.mark(n)
		r.anchor = s.table.selected
	}
}

// quietly runs f, which moves the selection, without touching the marks.
func (s *nominationsScreen) quietly(f func()) {
	if s.review == nil {
		f()
		return
	}
	was := s.review.quiet
	s.review.quiet = true
	defer func() { s.review.quiet = was }()
	f()
}

// rowsBetween returns rows lo to hi: from the window when it holds them,
// else read (a Shift+click may span rows scrolled past).
func (s *nominationsScreen) rowsBetween(lo, hi int) []khenthuong.Nomination {
	m := s.model
	if lo >= m.offset && hi < m.offset+len(m.rows) {
		return m.rows[lo-m.offset : hi-m.offset+1]
	}
	p, err := s.svc.QueryNominations(m.query(lo, hi-lo+1))
	if err != nil {
		showError(err, s.win)
		return nil
	}
	return p.Nominations
}

// markAll marks every row the filters show, read in the background: the
// list may be far longer than the window held.
func (s *nominationsScreen) markAll() {
	r, m := s.review, s.model
	f := m.query(0, 0).Filter
	s.progress.busy(true)
	background(&s.loading, func() func() {
		all := map[uint64]*khenthuong.Nomination{}
		err := s.svc.EachNomination(f, func(n *khenthuong.Nomination) error {
			all[n.ID] = markedCopy(n)
			return nil
		})
		return func() {
			s.progress.busy(false)
			if err != nil {
				showError(err, s.win)
				return
			}
			if s.model != m {
				return // the list changed meanwhile: the clerk clicks again
			}
			r.marked = all
			r.anchor = -1
			s.refreshMarks()
			s.table.Refresh()
			s.updateReview()
		}
	})
}

// markedCopy is what the bulk actions need of a nomination marked with
// every row of a long list: 100,000 whole copies would take a good part of
// the window's memory.
func markedCopy(n *khenthuong.Nomination) *khenthuong.Nomination {
	return &khenthuong.Nomination{ID: n.ID, CampaignID: n.CampaignID, Order: n.Order, Status: n.Status, FormCode: n.FormCode,
		Nominee: khenthuong.Nominee{Kind: n.Nominee.Kind, Title: n.Nominee.Title, Name: n.Nominee.Name,
			Position: n.Nominee.Position, Unit: n.Nominee.Unit}, ProposingUnit: n.ProposingUnit}
}

// marked returns the marked nominations the filters show, in list order.
func (s *nominationsScreen) marked() []*khenthuong.Nomination {
	if s.review == nil || len(s.review.marked) == 0 {
		return nil
	}
	f := s.model.filter
	words := strings.Fields(vntext.Fold(f.query))
	var ns []*khenthuong.Nomination
	for _, n := range s.review.marked {
		if n.CampaignID != s.model.campaignID || (f.kind != "" && n.Nominee.Kind != f.kind) ||
			(f.formCode != "" && n.FormCode != f.formCode) || (f.status != "" && n.Status != f.status) {
			continue
		}
		if len(words) > 0 {
			key := vntext.Fold(n.Nominee.Name + "|" + n.Nominee.Position + "|" + n.Nominee.Unit + "|" + n.ProposingUnit)
			if !matchWords(key, words) {
				continue
			}
		}
		ns = append(ns, n)
	}
	slices.SortFunc(ns, func(a, b *khenthuong.Nomination) int {
		return cmp.Or(cmp.Compare(a.Order, b.Order), cmp.Compare(a.ID, b.ID))
	})
	return ns
}

// markedIDs are the IDs of marked().
func (s *nominationsScreen) markedIDs() []uint64 {
	var ids []uint64
	for _, n := range s.marked() {
		ids = append(ids, n.ID)
	}
	return ids
}

// markRows marks exactly the given rows (tests, keyboard helpers).
func (s *nominationsScreen) markRows(rows ...int) {
	clear(s.review.marked)
	for _, row := range rows {
		if n := s.model.at(row); n != nil {
			s.review.mark(n)
		}
	}
	s.table.Refresh()
	s.updateReview()
}

// updateReview enables the actions for the marked rows and shows the
// selected row's warnings.
func (s *nominationsScreen) updateReview() {
	r := s.review
	if r == nil {
		return
	}
	ns := s.marked()
	n := len(ns)
	for _, a := range []struct {
		b  *widget.Button
		to khenthuong.Status
	}{{r.approveButton, khenthuong.StatusApproved}, {r.rejectButton, khenthuong.StatusRejected},
		{r.deferButton, khenthuong.StatusDeferred}, {r.resubmitButton, khenthuong.StatusSubmitted}} {
		setEnabled(a.b, len(r.reviewable(ns, a.to)) > 0)
	}
	setEnabled(r.moveButton, r.countDecided(ns) < n)
	if r.showStateNote(ns) {
		r.bar.Refresh() // the flow places the note only when laid out
		s.relayout()    // and may take a row more
	}
	setEnabled(r.markAllButton, s.model.len() > 0)
	if n > 1 {
		r.markedLabel.SetText(lang.L("{{.Count}} selected", map[string]any{"Count": formatCount(n)}))
	} else {
		r.markedLabel.SetText("")
	}
	s.showWarnings()
}

// setStatus moves the marked nominations to status to; a rejection asks for the reason first.
func (s *nominationsScreen) setStatus(to khenthuong.Status) {
	ns := s.review.reviewable(s.marked(), to) // those already there, or in a decision, are left alone
	if len(ns) == 0 {
		return
	}
	if to == khenthuong.StatusRejected {
		s.askRejection(ns)
		return
	}
	if to == khenthuong.StatusApproved && len(ns) > 1 {
		if warned := s.withWarnings(ns); len(warned) > 0 {
			s.askApproveWarned(ns, warned)
			return
		}
	}
	s.applyStatus(ns, to)
}

// applyStatus moves ns to status to in one SetStatus call.
func (s *nominationsScreen) applyStatus(ns []*khenthuong.Nomination, to khenthuong.Status) {
	ids := make([]uint64, len(ns))
	for i, n := range ns {
		ids[i] = n.ID
	}
	if err := s.review.svc.SetStatus(ids, to, ""); err != nil {
		showError(err, s.win)
		return
	}
	s.reviewed()
}

// warnedPart is how many marked rows have their warnings asked for at a
// time: "Chọn hết" may mark a campaign of 100,000, with hundreds of
// thousands of warnings, of which only who has one is kept.
var warnedPart = 5000

// withWarnings are those of ns that have a warning. The marked rows may be
// beyond the rows held (Chọn hết): their warnings are asked for, by parts.
func (s *nominationsScreen) withWarnings(ns []*khenthuong.Nomination) map[uint64]bool {
	warned := map[uint64]bool{}
	for start := 0; start < len(ns); start += warnedPart {
		part := ns[start:min(start+warnedPart, len(ns))]
		ids := make([]uint64, len(part))
		for i, n := range part {
			ids[i] = n.ID
		}
		ws, err := s.review.svc.WarningsOf(s.campaignID, ids)
		if err != nil {
			logInternal(err) // those of the rows held still count
			ws = s.review.warnings
		}
		for _, n := range part {
			if len(ws[n.ID]) > 0 {
				warned[n.ID] = true
			}
		}
	}
	return warned
}

// askApproveWarned asks once before approving many rows of which some have
// warnings the clerk cannot see (the panel shows the selected row's only):
// approve them all, only those without a warning, or nothing.
func (s *nominationsScreen) askApproveWarned(ns []*khenthuong.Nomination, warned map[uint64]bool) {
	var clean []*khenthuong.Nomination
	for _, n := range ns {
		if !warned[n.ID] {
			clean = append(clean, n)
		}
	}
	msg := widget.NewLabel(lang.L("{{.Warned}} of the {{.Count}} nominations have warnings (earlier awards, possible duplicates, quotas) — approve anyway?",
		map[string]any{"Warned": formatCount(len(warned)), "Count": formatCount(len(ns))}))
	msg.Wrapping = fyne.TextWrapWord
	dlg := dialog.NewCustomWithoutButtons(lang.L("Approve nominations"), msg, s.win)
	cancel := widget.NewButton(lang.L("Cancel"), dlg.Hide)
	all := widget.NewButton(lang.L("Approve all {{.Count}}", map[string]any{"Count": formatCount(len(ns))}), func() {
		dlg.Hide()
		s.applyStatus(ns, khenthuong.StatusApproved)
	})
	all.Importance = widget.WarningImportance
	buttons := []fyne.CanvasObject{cancel}
	if len(clean) > 0 {
		buttons = append(buttons, widget.NewButton(lang.L("Approve only the {{.Count}} without warnings", map[string]any{"Count": formatCount(len(clean))}), func() {
			dlg.Hide()
			s.applyStatus(clean, khenthuong.StatusApproved)
		}))
	}
	buttons = append(buttons, all)
	dlg.SetButtons(buttons)
	dlg.Resize(fitWindow(s.win, fyne.NewSize(560, 200)))
	showDialog(s.win, dlg, nil)
}

// reviewed reloads the rows (and so the warnings) after a review change.
func (s *nominationsScreen) reviewed() {
	if n := s.selected(); n != nil {
		s.reselect = n.ID
	}
	s.wrote()
	s.reload()
}

// rejectDialog asks for the reason of a rejection: the service refuses an
// empty one, and the dialog stays open showing why.
type rejectDialog struct {
	dlg     *dialog.CustomDialog
	form    *fieldForm
	reason  *textEntry
	confirm *widget.Button
}

func (s *nominationsScreen) askRejection(ns []*khenthuong.Nomination) {
	ids := make([]uint64, len(ns))
	var names []string
	for i, n := range ns {
		ids[i] = n.ID
		names = append(names, n.Nominee.DisplayName())
	}
	const shown = 5
	who := strings.Join(names[:min(len(names), shown)], ", ")
	if len(names) > shown {
		who += lang.L(" and {{.Count}} others", map[string]any{"Count": len(names) - shown})
	}
	d := &rejectDialog{form: newFieldForm()}
	d.reason = newMultiLineTextEntry()
	d.reason.Wrapping = fyne.TextWrapWord
	d.reason.SetMinRowsVisible(4)
	d.reason.SetPlaceHolder(lang.L("The unit is told this reason"))
	intro := widget.NewLabel(lang.L("Reject the nomination of {{.Names}}?", map[string]any{"Names": who}))
	intro.Wrapping = fyne.TextWrapWord
	d.form.add("reject_reason", lang.L("Reason for rejection"), d.reason)
	d.dlg = dialog.NewCustomWithoutButtons(lang.L("Reject nominations"), container.NewBorder(intro, nil, nil, nil, d.form.content()), s.win)
	cancel := widget.NewButton(lang.L("Cancel"), d.dlg.Hide)
	d.confirm = widget.NewButton(lang.L("Reject"), func() {
		if err := s.review.svc.SetStatus(ids, khenthuong.StatusRejected, d.reason.Text); err != nil {
			d.form.show(err)
			return
		}
		d.dlg.Hide()
		s.reviewed()
	})
	d.confirm.Importance = widget.DangerImportance
	d.dlg.SetButtons([]fyne.CanvasObject{cancel, d.confirm})
	d.dlg.SetOnClosed(func() {
		if s.review.rejecter == d {
			s.review.rejecter = nil
		}
	})
	d.dlg.Resize(fitWindow(s.win, fyne.NewSize(600, 340)))
	s.review.rejecter = d
	showDialog(s.win, d.dlg, nil)
	s.win.Canvas().Focus(d.reason)
}

// decisionsChanged is told by Quyết định that decisions were written: the
// warnings (earlier awards) and what may be reviewed change, so the rows
// are read again when the screen is next shown.
func (s *nominationsScreen) decisionsChanged() {
	s.stale = true
	if s.review != nil {
		s.review.decidedOf = 0
	}
	if s.visible {
		s.reload()
	}
}

// loadWarnings computes the warnings of the rows held in the background:
// what it costs follows the window, not the campaign. One computation runs
// at a time; windows that arrive meanwhile (a fast scroll) are asked for
// once, those held when it ends.
func (s *nominationsScreen) loadWarnings() {
	r := s.review
	if r == nil || s.campaignID == 0 || s.model.campaignID != s.campaignID {
		return
	}
	if r.warnBusy {
		r.warnAgain = true
		return
	}
	r.warnBusy = true
	r.warnGen++
	gen, id := r.warnGen, s.campaignID
	ids := make([]uint64, len(s.model.rows))
	for i := range s.model.rows {
		ids[i] = s.model.rows[i].ID
	}
	needDecided := r.decidedOf != id
	background(&s.loading, func() func() {
		w, err := r.svc.WarningsOf(id, ids)
		var decided map[uint64]bool
		var decidedErr error
		if needDecided {
			decided, decidedErr = decidedNominations(s.svc, id)
		}
		return func() {
			if needDecided && decidedErr == nil && id == s.campaignID {
				r.decided, r.decidedOf = decided, id
				s.updateReview()
			}
			logInternal(decidedErr) // the service refuses those actions anyway
			r.warnBusy = false
			if r.warnAgain {
				r.warnAgain = false
				defer s.loadWarnings()
			}
			if gen != r.warnGen || id != s.campaignID {
				return
			}
			if err != nil {
				logInternal(err) // the list is still usable without its warnings
				return
			}
			r.warnings, r.warnCampaign = w, id
			if s.model.campaignID == id {
				s.model.setWarnings(w)
			}
			s.table.Refresh()
			s.showWarnings()
		}
	})
}

// showWarnings lists the selected row's warnings under the table.
func (s *nominationsScreen) showWarnings() {
	r := s.review
	n := s.selected()
	if r == nil || n == nil || len(r.warnings[n.ID]) == 0 {
		if r != nil && r.panel.Visible() {
			r.panel.Hide()
			s.relayout()
		}
		return
	}
	r.panelTitle.SetText(lang.L("Warnings for {{.Name}}", map[string]any{"Name": n.Nominee.DisplayName()}))
	r.panelRows.RemoveAll()
	for _, w := range r.warnings[n.ID] {
		msg := widget.NewLabel(w.Message)
		msg.Wrapping = fyne.TextWrapWord
		icon := widget.NewIcon(theme.WarningIcon())
		var actions fyne.CanvasObject = layout.NewSpacer()
		if w.Related != 0 && w.Kind != khenthuong.WarnQuota {
			a, b := n.ID, w.Related
			sameText, otherText := lang.L("Same person"), lang.L("Different people")
			if !n.Nominee.Kind.IsPerson() {
				// a collective or a household is not a "người"
				sameText, otherText = lang.L("Same nominee"), lang.L("Different nominees")
			}
			same := widget.NewButton(sameText, func() { s.linkNominees(a, b, true) })
			other := widget.NewButton(otherText, func() { s.linkNominees(a, b, false) })
			actions = container.NewHBox(same, other)
		}
		r.panelRows.Add(container.NewBorder(nil, nil, icon, actions, msg))
	}
	// Up to about four warnings show at once; more scroll.
	r.panelScroll.SetMinSize(fyne.NewSize(0, min(r.panelRows.MinSize().Height, 4*widget.NewLabel("").MinSize().Height)))
	r.panel.Show()
	s.relayout()
}

// relayout lays the screen out again after the warnings panel changed size:
// a container does not re-lay its parent when its own size changes.
func (s *nominationsScreen) relayout() {
	s.footer.Refresh()
	if c, ok := s.root.(*fyne.Container); ok {
		c.Refresh()
	}
}

// linkNominees records the clerk's judgement on a possible duplicate, then
// computes the warnings again.
func (s *nominationsScreen) linkNominees(a, b uint64, same bool) {
	var err error
	if same {
		err = s.review.svc.LinkNominees(a, b)
	} else {
		err = s.review.svc.MarkDistinct(a, b)
	}
	if err != nil {
		showError(err, s.win)
		return
	}
	s.loadWarnings()
}
