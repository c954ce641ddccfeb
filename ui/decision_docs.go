package ui

import (
	"image/color"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"khenthuong"
	"khenthuong/atomicfile"
	"khenthuong/certificates"
	"khenthuong/page"
	"khenthuong/roster"
	"khenthuong/vntext"
)

// The office documents of a decision (the decision with its list, the list
// alone, the run-sheet, the payment list) and a nominee's award history are
// made by packages certificates and roster. Each opens in a docView: the
// document is laid out in the background while a progress bar runs, its
// pages are previewed from the same page.Page the PDF is written
// from (what the clerk sees is what prints), then it is saved where the
// clerk chooses and opened with the system's viewer.

// docSpec describes one document: what it is made from and how it is written.
type docSpec struct {
	title   string
	formats []string // file extensions offered (".pdf", ".docx", ".xlsx"), the default first
	batch   int      // > 0: the run-sheet's batch size, offered for change
	// prepare loads what the document is made from; it runs in the background.
	prepare func() error
	name    func(ext string) string // default file name, after prepare
	// pages lays the document out for the preview, keeping its first n
	// pages (all when n <= 0), and counts them all.
	pages func(batch, n int) ([]page.Page, int, error)
	// stream, when set, hands the pages one at a time, as pages lays them
	// out: "In…" sends a long document without holding its pages.
	stream func(batch int, yield func(page.Page) error) error
	write  func(w io.Writer, ext string, batch int) error
}

// shortDocument previews every page of a document a few pages long.
func shortDocument(layout func() ([]page.Page, error)) func(batch, n int) ([]page.Page, int, error) {
	return func(int, int) ([]page.Page, int, error) {
		pages, err := layout()
		return pages, len(pages), err
	}
}

// docSaver asks where a document goes and opens it afterwards. choose and
// open are fields so that tests (and cmd, through Options.Open) replace them.
type docSaver struct {
	win    fyne.Window
	open   func(path string) error
	choose func(name string, done func(path string)) // done is not called when the clerk cancels
}

func newDocSaver(win fyne.Window, open func(string) error) *docSaver {
	d := &docSaver{win: win, open: open}
	if d.open == nil {
		d.open = openInViewer
	}
	d.choose = func(name string, done func(string)) {
		defaultFileDialogs.save(win, name, []string{filepath.Ext(name)}, func(path string) {
			if path != "" {
				done(path)
			}
		})
	}
	return d
}

// docView is the dialog of one document: options, preview, save and open.
type docView struct {
	spec  docSpec
	saver *docSaver
	win   fyne.Window
	wg    *sync.WaitGroup
	dlg   *dialog.CustomDialog
	ready bool // prepare succeeded
	gen   int  // the latest preview; older ones are dropped

	body      *fyne.Container
	preview   *pagePreview
	format    *choiceSelect
	batch     *textEntry
	openAfter *checkBox
	progress  *busyBar
	status    *widget.Label
	save      *widget.Button
	printBtn  *widget.Button // In…: straight to a system printer
	printDlg  *printDialog   // the last one opened, for tests
	savedPath string         // the last file written
}

// docExtLabels name the formats as clerks know them.
func docFormatLabel(ext string) string {
	switch ext {
	case ".docx":
		return lang.L("Word (.docx)")
	case ".xlsx":
		return lang.L("Excel (.xlsx)")
	}
	return lang.L("PDF (.pdf)")
}

// openDocument shows the dialog of spec and lays the document out in the background.
func openDocument(spec docSpec, saver *docSaver, win fyne.Window, wg *sync.WaitGroup) *docView {
	v := &docView{spec: spec, saver: saver, win: win, wg: wg}
	v.preview = newPagePreview(620)
	v.progress = newBusyBar()
	v.status = widget.NewLabel("")
	v.status.Wrapping = fyne.TextWrapWord
	v.status.Hide()
	v.openAfter = newCheckBox(lang.L("Open after saving"), nil)
	v.openAfter.SetChecked(true)
	v.save = widget.NewButtonWithIcon(lang.L("Save…"), theme.DocumentSaveIcon(), v.chooseAndSave)
	v.save.Importance = widget.HighImportance
	v.save.Disable()
	v.printBtn = widget.NewButtonWithIcon(lang.L("Print…"), theme.DocumentPrintIcon(), v.printDirect)

	var options []fyne.CanvasObject
	if len(spec.formats) > 1 {
		labels := make([]string, len(spec.formats))
		for i, ext := range spec.formats {
			labels[i] = docFormatLabel(ext)
		}
		v.format = newChoice(labels, nil)
		v.format.SetSelectedIndex(0)
		options = append(options, widget.NewLabel(lang.L("Format")), v.format)
	}
	if spec.batch > 0 {
		v.batch = newTextEntry()
		v.batch.SetText(strconv.Itoa(spec.batch))
		v.batch.OnSubmitted = func(string) { v.relayout() }
		v.batch.OnChanged = func(string) { v.relayout() }
		options = append(options, widget.NewLabel(lang.L("Recipients per batch on stage")),
			container.NewGridWrap(fyne.NewSize(80, v.batch.MinSize().Height), v.batch))
	}
	bar := container.NewBorder(nil, nil, container.NewHBox(options...), container.NewHBox(v.openAfter, v.save, v.printBtn))
	v.body = container.NewBorder(container.NewVBox(bar, v.progress, v.status), nil, nil, nil, v.preview.content())
	v.dlg = dialog.NewCustom(spec.title, lang.L("Close"), v.body, win)
	v.dlg.Resize(fyne.NewSize(760, 780))
	showDialog(win, v.dlg, nil)

	v.progress.busy(true)
	background(wg, func() func() {
		err := spec.prepare()
		return func() {
			v.progress.busy(false)
			if err != nil {
				v.fail(err)
				return
			}
			v.ready = true
			v.save.Enable()
			v.relayout()
		}
	})
	return v
}

// fail shows what went wrong in the dialog itself.
func (v *docView) fail(err error) {
	logInternal(err)
	v.status.Importance = widget.DangerImportance
	v.setStatus(khenthuong.ErrorMessage(err))
}

func (v *docView) tell(msg string) {
	v.status.Importance = widget.MediumImportance
	v.setStatus(msg)
}

func (v *docView) setStatus(msg string) {
	v.status.SetText(msg)
	if msg == "" {
		v.status.Hide()
	} else {
		v.status.Show()
	}
	v.body.Refresh()
}

// batchSize reads the batch entry; ok is false while it holds no whole number above 0.
func (v *docView) batchSize() (int, bool) {
	if v.batch == nil {
		return 0, true
	}
	n, err := strconv.Atoi(strings.TrimSpace(v.batch.Text))
	return n, err == nil && n > 0 && n <= 1000
}

func (v *docView) ext() string {
	if v.format == nil {
		return v.spec.formats[0]
	}
	return v.spec.formats[max(v.format.SelectedIndex(), 0)]
}

// relayout lays the pages out again (after prepare, or a new batch size).
func (v *docView) relayout() {
	if !v.ready {
		return
	}
	batch, ok := v.batchSize()
	if !ok {
		v.fail(khenthuong.FieldErrorf("batch", "%s", lang.L("The batch size must be a whole number from 1 to 1000")))
		v.save.Disable()
		return
	}
	v.tell("")
	v.save.Enable()
	v.gen++
	gen := v.gen
	v.progress.busy(true)
	background(v.wg, func() func() {
		pages, total, err := v.spec.pages(batch, previewPages)
		return func() {
			v.progress.busy(false)
			if gen != v.gen {
				return
			}
			if err != nil {
				v.fail(err)
				v.save.Disable()
				return
			}
			v.preview.setPages(pages, total)
		}
	})
}

// chooseAndSave asks where to save, then writes and opens the document.
func (v *docView) chooseAndSave() {
	ext := v.ext()
	v.saver.choose(v.spec.name(ext), func(path string) {
		if filepath.Ext(path) == "" {
			path += ext
		}
		v.saveTo(path, ext)
	})
}

func (v *docView) saveTo(path, ext string) {
	batch, ok := v.batchSize()
	if !ok {
		return
	}
	open := v.openAfter.Checked
	v.save.Disable()
	v.progress.busy(true)
	v.tell(lang.L("Writing {{.Name}}…", map[string]any{"Name": filepath.Base(path)}))
	background(v.wg, func() func() {
		err := atomicfile.Write(path, func(w io.Writer) error { return v.spec.write(w, ext, batch) })
		return func() {
			v.progress.busy(false)
			v.save.Enable()
			if err != nil {
				v.fail(err)
				return
			}
			v.savedPath = path
			v.tell(lang.L("Saved to {{.Path}}", map[string]any{"Path": path}))
			if open {
				if err := v.saver.open(path); err != nil {
					v.fail(khenthuong.Errorf(khenthuong.EINVALID, "%s", lang.L("The file was saved but could not be opened: {{.Error}}", map[string]any{"Error": err.Error()})))
				}
			}
		}
	})
}

// pagePreview shows a document's pages one at a time, as wide as the
// dialog allows and scrolled down, drawn by certPreview from the pages the
// PDF is written from.
type pagePreview struct {
	pages []page.Page
	total int // the document's pages, of which pages are the first
	index int
	width float32 // on screen, of a page

	page   *certPreview
	paper  *canvas.Rectangle // gives the page its size in the scroll
	scroll *container.Scroll
	nav    *fyne.Container
	label  *widget.Label
	note   *widget.Label // says the preview is the first pages only
	prev   *widget.Button
	next   *widget.Button
	root   fyne.CanvasObject
}

func newPagePreview(width float32) *pagePreview {
	p := &pagePreview{width: width, page: newCertPreview(), paper: canvas.NewRectangle(color.Transparent), label: widget.NewLabel(""), note: widget.NewLabel("")}
	p.note.Importance = widget.WarningImportance
	p.note.Hide()
	p.page.empty = lang.L("Laying out the document…")
	p.prev = widget.NewButtonWithIcon("", theme.NavigateBackIcon(), func() { p.show(p.index - 1) })
	p.next = widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() { p.show(p.index + 1) })
	p.scroll = container.NewScroll(container.NewCenter(container.NewStack(p.paper, p.page)))
	p.nav = container.NewHBox(p.prev, p.label, p.next, p.note)
	p.root = container.NewBorder(container.NewCenter(p.nav), nil, nil, nil, p.scroll)
	p.show(0)
	return p
}

func (p *pagePreview) content() fyne.CanvasObject { return p.root }

// setPages shows pages, the first of a document of total pages.
func (p *pagePreview) setPages(pages []page.Page, total int) {
	p.pages, p.total = pages, total
	if total > len(pages) {
		p.note.SetText(lang.L("Preview of the first {{.Shown}} pages; the saved file has all {{.Pages}} pages",
			map[string]any{"Shown": len(pages), "Pages": formatCount(total)}))
		p.note.Show()
	} else {
		p.note.Hide()
	}
	p.show(0)
}

// show draws page i (from 0).
func (p *pagePreview) show(i int) {
	if len(p.pages) == 0 {
		p.paper.SetMinSize(fyne.NewSize(p.width, p.width*297/210))
		p.page.setPage(page.Page{}, nil, certificates.ModePlain)
		p.label.SetText("")
		p.prev.Disable()
		p.next.Disable()
		return
	}
	p.index = max(0, min(i, len(p.pages)-1))
	pg := p.pages[p.index]
	p.paper.SetMinSize(fyne.NewSize(p.width, p.width*float32(pg.Height/pg.Width)))
	p.page.setPage(pg, nil, certificates.ModePlain)
	p.scroll.Refresh()
	p.scroll.ScrollToTop()
	p.label.SetText(lang.L("Page {{.Page}} of {{.Pages}}", map[string]any{"Page": p.index + 1, "Pages": len(p.pages)}))
	setEnabled(p.prev, p.index > 0)
	setEnabled(p.next, p.index < len(p.pages)-1)
	p.root.Refresh() // the label's new width
}

// pageTexts returns the texts of the page shown: what a test reads off the preview.
func (p *pagePreview) pageTexts() []string {
	if len(p.pages) == 0 {
		return nil
	}
	var out []string
	for _, t := range p.pages[p.index].Texts {
		out = append(out, t.Text)
	}
	return out
}

// asciiFileName makes a file name from Vietnamese words, without tones or
// characters a file system refuses: "QĐ", "2871/QĐ-UBND" → "QD-2871-QD-UBND".
func asciiFileName(parts ...string) string {
	var b strings.Builder
	dash := false
	for _, part := range parts {
		for _, r := range part {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				f := vntext.Fold(string(r))
				if f == "" {
					continue
				}
				if unicode.IsUpper(r) {
					f = strings.ToUpper(f)
				}
				b.WriteString(f)
				dash = false
			} else if b.Len() > 0 && !dash {
				b.WriteByte('-')
				dash = true
			}
		}
		if b.Len() > 0 && !dash {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimRight(b.String(), "-")
}

// docKind is a document of a decision.
type docKind int

const (
	docDecision docKind = iota
	docList
	docListTable
	docRunSheet
	docPayments
)

// docSource is what a decision's documents are made from: the decision
// without its recipients (a decision may have 100,000), which each document
// streams as it is laid out, as `khenthuong print` does.
type docSource struct {
	decision *khenthuong.Decision
	stream   certificates.RecipientStream
	form     *khenthuong.AwardForm
	forms    map[string]*khenthuong.AwardForm
	settings *khenthuong.Settings
	campaign *khenthuong.Campaign
}

// loadDocSource reads a decision and everything its documents print.
func loadDocSource(svc khenthuong.Services, id uint64) (*docSource, error) {
	sum, err := svc.DecisionSummary(id)
	if err != nil {
		return nil, err
	}
	d := &sum.Decision
	st, err := svc.Settings()
	if err != nil {
		return nil, err
	}
	forms, err := svc.Forms()
	if err != nil {
		return nil, err
	}
	src := &docSource{decision: d, settings: &st, forms: map[string]*khenthuong.AwardForm{},
		stream: func(fn func(*khenthuong.Recipient) error) error { return svc.EachRecipient(id, fn) }}
	for i := range forms {
		src.forms[forms[i].Code] = &forms[i]
	}
	if src.form = src.forms[d.FormCode]; src.form == nil {
		return nil, khenthuong.Errorf(khenthuong.ENOTFOUND, "Không có hình thức khen thưởng mã “%s” trong danh mục", d.FormCode)
	}
	if c, err := svc.Campaign(d.CampaignID); err == nil {
		src.campaign = c
	}
	return src, nil
}

// defaultBatch is the usual number of recipients called up together.
const defaultBatch = 10

// previewPages is how many pages a document's preview lays out and keeps;
// the file saved has them all.
const previewPages = 30

// decisionDocument describes document kind of the decision with id.
func decisionDocument(svc khenthuong.Services, kind docKind, d *khenthuong.Decision, abbr string) docSpec {
	src := &docSource{}
	number := certificates.DecisionNumber(d.Number, abbr)
	spec := docSpec{formats: []string{".pdf"}}
	spec.prepare = func() error {
		s, err := loadDocSource(svc, d.ID)
		if err == nil {
			*src = *s
		}
		return err
	}
	doc := func() certificates.DecisionDoc {
		return certificates.DecisionDoc{Decision: src.decision, Stream: src.stream, Form: src.form, Settings: src.settings, Campaign: src.campaign}
	}
	decisions := func() []khenthuong.Decision { return []khenthuong.Decision{*src.decision} }
	recipients := func(int) certificates.RecipientStream { return src.stream }
	vars := map[string]any{"Number": number}
	switch kind {
	case docDecision:
		spec.title = lang.L("Decision No. {{.Number}}", vars)
		spec.formats = []string{".pdf", ".docx"}
		spec.name = func(ext string) string { return asciiFileName("QĐ", number) + ext }
		// The preview of a draft marks in red what is still blank (what
		// prints as "…"); the file is written as it would print.
		spec.pages = func(_, n int) ([]page.Page, int, error) {
			mark := src.decision.Status != khenthuong.DecisionIssued
			return certificates.DecisionPreview(doc(), certificates.DecisionOptions{MarkBlanks: mark}, n)
		}
		spec.stream = func(_ int, yield func(page.Page) error) error {
			mark := src.decision.Status != khenthuong.DecisionIssued
			return certificates.DecisionStream(doc(), certificates.DecisionOptions{MarkBlanks: mark})(yield)
		}
		spec.write = func(w io.Writer, ext string, _ int) error {
			if ext == ".docx" {
				return certificates.WriteDecisionDOCX(w, doc(), certificates.DecisionOptions{})
			}
			return certificates.WriteDecision(w, doc(), certificates.DecisionOptions{})
		}
	case docList, docListTable:
		table := kind == docListTable
		spec.title = lang.L("List attached to decision No. {{.Number}}", vars)
		spec.name = func(ext string) string { return asciiFileName("Danh sách", "QĐ", number) + ext }
		if table {
			spec.title = lang.L("List (table) attached to decision No. {{.Number}}", vars)
			spec.name = func(ext string) string { return asciiFileName("Danh sách bảng", "QĐ", number) + ext }
		}
		spec.pages = func(_, n int) ([]page.Page, int, error) { return certificates.ListPreview(doc(), table, n) }
		spec.stream = func(_ int, yield func(page.Page) error) error { return certificates.ListStream(doc(), table)(yield) }
		spec.write = func(w io.Writer, _ string, _ int) error { return certificates.WriteList(w, doc(), table) }
	case docRunSheet:
		spec.title = lang.L("Ceremony run-sheet for decision No. {{.Number}}", vars)
		spec.batch = defaultBatch
		spec.name = func(ext string) string { return asciiFileName("Kịch bản", "QĐ", number) + ext }
		runsheet := func(batch int) certificates.RunSheetDoc {
			return certificates.RunSheetDoc{Decisions: decisions(), Recipients: recipients, Forms: src.forms, Settings: src.settings, Campaign: src.campaign, BatchSize: batch}
		}
		spec.pages = func(batch, n int) ([]page.Page, int, error) { return certificates.RunSheetPreview(runsheet(batch), n) }
		spec.stream = func(batch int, yield func(page.Page) error) error {
			return certificates.RunSheetStream(runsheet(batch))(yield)
		}
		spec.write = func(w io.Writer, _ string, batch int) error { return certificates.WriteRunSheet(w, runsheet(batch)) }
	case docPayments:
		spec.title = lang.L("Bonus payment list for decision No. {{.Number}}", vars)
		spec.formats = []string{".pdf", ".xlsx"}
		spec.name = func(ext string) string { return asciiFileName("Chi tiền", "QĐ", number) + ext }
		payments := func() certificates.PaymentsDoc {
			return certificates.PaymentsDoc{Decisions: decisions(), Recipients: recipients, Forms: src.forms, Settings: src.settings, Campaign: src.campaign}
		}
		spec.pages = func(_, n int) ([]page.Page, int, error) { return certificates.PaymentsPreview(payments(), n) }
		spec.stream = func(_ int, yield func(page.Page) error) error { return certificates.PaymentsStream(payments())(yield) }
		spec.write = func(w io.Writer, ext string, _ int) error {
			if ext == ".xlsx" {
				return roster.WritePaymentsXLSXStream(w, decisions(), src.forms, src.settings,
					func(int) khenthuong.RecipientReader { return khenthuong.RecipientReader(src.stream) })
			}
			return certificates.WritePayments(w, payments())
		}
	}
	return spec
}
