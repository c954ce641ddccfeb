package ui

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"khenthuong"
	"khenthuong/certificates"
	"khenthuong/page"
	"khenthuong/printing"
)

// printRequest is a document the "In…" dialog sends to a printer.
type printRequest struct {
	title string // the job's name in the spooler: the decision's number
	// pages lays the document out; profile is the chosen printer's own
	// profile (nil when it has none), which certificates and the calibration
	// page move by. It reports progress and stops when ctx is cancelled.
	pages func(ctx context.Context, profile *certificates.PrinterProfile, progress func(done, total int)) ([]page.Page, error)
	// stream, when set instead of pages, hands the document's pages one at
	// a time, from the first each time it is called: a long document (the
	// payment list of 100,000 recipients) is printed without its pages held.
	stream func(ctx context.Context, profile *certificates.PrinterProfile, yield func(page.Page) error) error
	// total is how many pages stream is expected to yield (the preview's
	// count), for the bar while they are counted; 0 when not known.
	total int
	// profiles finds the printer's profile by the printer's name; nil for
	// documents printed as they are.
	profiles khenthuong.PrintService
}

// printSystem is the system's printing; tests may point it elsewhere.
type printSystem struct {
	list  func() ([]printing.Printer, error)
	trays func(printer string) ([]string, error)
	print func(ctx context.Context, j printing.Job) (printing.Result, error)
}

var systemPrinting = printSystem{list: printing.List, trays: printing.Trays, print: printing.Print}

// printDialog is "In…": the system's printers (the default first), paper
// and tray, copies, which pages; the document goes to the printer at exactly
// 100 %, with a progress bar and Cancel for a long batch.
type printDialog struct {
	req    printRequest
	sys    printSystem
	win    fyne.Window
	dlg    *dialog.CustomDialog
	wg     sync.WaitGroup
	done   func(printing.Result) // after the spooler took the job, for tests
	cancel context.CancelFunc

	printers []printing.Printer
	printer  *choiceSelect
	paper    *choiceSelect
	tray     *choiceSelect
	copies   *textEntry
	pageList *textEntry
	profile  *widget.Label
	progress *widget.ProgressBar
	status   *widget.Label
	printBtn *widget.Button
	closeBtn *widget.Button
}

func showPrintDialog(req printRequest, win fyne.Window) *printDialog {
	return newPrintDialog(req, systemPrinting, win).show()
}

func newPrintDialog(req printRequest, sys printSystem, win fyne.Window) *printDialog {
	p := &printDialog{req: req, sys: sys, win: win}
	p.printer = newChoice(nil, func(string) { p.printerChosen() })
	p.printer.PlaceHolder = lang.L("(choose a printer)")
	papers := []string{lang.L("As the document")}
	for _, pp := range printing.Papers {
		papers = append(papers, pp.Name)
	}
	p.paper = newChoice(papers, nil)
	p.paper.SetSelectedIndex(0)
	p.tray = newChoice([]string{lang.L("Automatic")}, nil)
	p.tray.SetSelectedIndex(0)
	p.copies = newTextEntry()
	p.copies.SetText("1")
	p.pageList = newTextEntry()
	p.pageList.SetPlaceHolder(lang.L("all, or e.g. 1-3, 7"))
	p.profile = widget.NewLabel("")
	p.profile.Wrapping = fyne.TextWrapWord
	p.progress = widget.NewProgressBar()
	p.progress.Hide()
	p.status = widget.NewLabel("")
	p.status.Wrapping = fyne.TextWrapWord
	note := widget.NewLabel(lang.L("Printed at exactly 100 %, never fitted to the page: the fields stay where the calibration put them."))
	note.Wrapping = fyne.TextWrapWord
	form := container.New(layout.NewFormLayout(),
		widget.NewLabel(lang.L("Printer")), p.printer,
		widget.NewLabel(lang.L("Paper")), p.paper,
		widget.NewLabel(lang.L("Tray")), p.tray,
		widget.NewLabel(lang.L("Copies")), container.NewGridWrap(fyne.NewSize(90, p.copies.MinSize().Height), p.copies),
		widget.NewLabel(lang.L("Pages")), p.pageList,
	)
	body := container.NewVBox(boldLabel(req.title), form, p.profile, note, p.progress, p.status)
	p.dlg = dialog.NewCustomWithoutButtons(lang.L("Print"), body, win)
	p.closeBtn = widget.NewButton(lang.L("Cancel"), p.cancelOrClose)
	p.printBtn = widget.NewButton(lang.L("Print"), p.start)
	p.printBtn.Importance = widget.HighImportance
	p.printBtn.Disable()
	p.dlg.SetButtons([]fyne.CanvasObject{p.closeBtn, p.printBtn})
	p.dlg.Resize(fyne.NewSize(560, 460))
	return p
}

func (p *printDialog) show() *printDialog {
	showDialog(p.win, p.dlg, p.cancelOrClose)
	p.status.SetText(lang.L("Looking for printers…"))
	background(&p.wg, func() func() {
		ps, err := p.sys.list()
		return func() { p.setPrinters(ps, err) }
	})
	return p
}

func (p *printDialog) setPrinters(ps []printing.Printer, err error) {
	p.status.SetText("")
	if err != nil {
		p.status.SetText(khenthuong.ErrorMessage(err))
		logInternal(err)
		return
	}
	if len(ps) == 0 {
		p.status.SetText(lang.L("This computer has no printer. Add one in the system's settings, or save a PDF."))
		return
	}
	p.printers = ps
	names := make([]string, len(ps))
	for i, pr := range ps {
		names[i] = pr.Name
		if pr.Default {
			names[i] += " " + lang.L("(default)")
		}
	}
	p.printer.Options = names
	p.printer.SetSelectedIndex(0) // the default comes first
}

func (p *printDialog) printerName() string {
	if i := p.printer.SelectedIndex(); i >= 0 && i < len(p.printers) {
		return p.printers[i].Name
	}
	return ""
}

// printerChosen reads the printer's trays and tells which profile applies.
func (p *printDialog) printerChosen() {
	name := p.printerName()
	if name == "" {
		return
	}
	p.printBtn.Enable()
	background(&p.wg, func() func() {
		trays, _ := p.sys.trays(name) // a driver that lists none leaves Automatic
		prof, err := p.lookupProfile(name)
		return func() {
			if name != p.printerName() {
				return
			}
			p.tray.Options = append([]string{lang.L("Automatic")}, trays...)
			p.tray.SetSelectedIndex(0)
			switch {
			case err != nil:
				p.profile.SetText(khenthuong.ErrorMessage(err))
			case p.req.profiles == nil:
				p.profile.SetText("")
			case prof == nil:
				p.profile.SetText(lang.L("This printer has no calibration profile: nothing is moved."))
			default:
				p.profile.SetText(lang.L("Calibration profile of this printer: shift {{.X}} mm across, {{.Y}} mm down, scale {{.Scale}}.",
					map[string]any{"X": formatMM(prof.OffsetX), "Y": formatMM(prof.OffsetY), "Scale": strconv.FormatFloat(profileScale(prof), 'f', -1, 64)}))
			}
		}
	})
}

func profileScale(p *certificates.PrinterProfile) float64 {
	if p.Scale == 0 {
		return 1
	}
	return p.Scale
}

// lookupProfile finds the profile named after the printer; nil when none.
func (p *printDialog) lookupProfile(name string) (*certificates.PrinterProfile, error) {
	if p.req.profiles == nil {
		return nil, nil
	}
	pr, err := p.req.profiles.Printer(name)
	if khenthuong.ErrorCode(err) == khenthuong.ENOTFOUND {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	prof := certificates.PrinterProfile(*pr)
	return &prof, nil
}

func (p *printDialog) cancelOrClose() {
	if p.cancel != nil {
		p.cancel()
		p.status.SetText(lang.L("Cancelling…"))
		return
	}
	p.dlg.Hide()
}

// start lays the document out and sends it, in the background: the first
// half of the bar is the layout, the second the pages sent.
func (p *printDialog) start() {
	name := p.printerName()
	copies, err := strconv.Atoi(strings.TrimSpace(p.copies.Text))
	if err != nil || copies < 1 || copies > printing.MaxCopies {
		p.status.SetText(lang.L("Copies must be a whole number from 1 to 999"))
		return
	}
	pageSpec := p.pageList.Text
	job := printing.Job{Printer: name, Title: p.req.title, Copies: copies}
	if i := p.paper.SelectedIndex(); i > 0 {
		job.Paper = printing.Papers[i-1].Name
	}
	if i := p.tray.SelectedIndex(); i > 0 {
		job.Tray = p.tray.Selected
	}
	ctx, cancel := context.WithCancel(context.Background())
	p.cancel = cancel
	p.printBtn.Disable()
	p.progress.SetValue(0)
	p.progress.Show()
	p.status.SetText(lang.L("Preparing the pages…"))
	bar := func(base float64) func(done, total int) {
		step := 0
		return func(done, total int) {
			if total == 0 || done != total && done < step {
				return
			}
			step = done + max(1, total/100)
			v := base + 0.5*float64(done)/float64(total)
			uiDo(func() { p.progress.SetValue(v) })
		}
	}
	background(&p.wg, func() func() {
		res, err := p.run(ctx, job, pageSpec, bar)
		return func() {
			cancel()
			p.cancel = nil
			p.printBtn.Enable()
			p.progress.Hide()
			switch {
			case errors.Is(err, context.Canceled):
				p.status.SetText(lang.L("Printing cancelled: nothing more was sent."))
			case err != nil:
				p.status.SetText(khenthuong.ErrorMessage(err))
				logInternal(err)
			default:
				p.status.SetText(lang.L("Sent {{.Pages}} pages × {{.Copies}} copies to {{.Printer}}.",
					map[string]any{"Pages": formatCount(res.Pages), "Copies": res.Copies, "Printer": res.Printer}))
				p.closeBtn.SetText(lang.L("Close"))
				if p.done != nil {
					p.done(res)
				}
			}
		}
	})
}

func (p *printDialog) run(ctx context.Context, job printing.Job, pageSpec string, bar func(float64) func(int, int)) (printing.Result, error) {
	prof, err := p.lookupProfile(job.Printer)
	if err != nil {
		return printing.Result{}, err
	}
	if p.req.stream != nil {
		return p.runStream(ctx, job, prof, pageSpec, bar)
	}
	pages, err := p.req.pages(ctx, prof, bar(0))
	if err != nil {
		return printing.Result{}, err
	}
	which, err := printing.ParsePages(pageSpec, len(pages))
	if err != nil {
		return printing.Result{}, err
	}
	job.Pages = make([]page.Page, len(which))
	for i, k := range which {
		job.Pages[i] = pages[k]
	}
	job.Progress = bar(0.5)
	return p.sys.print(ctx, job)
}

// layoutInChunks lays a certificate job out a few recipients at a time, so
// that a batch of a thousand can be cancelled and shows its progress. The
// recipients come from the job's Stream in one pass, a chunk held at a time;
// job.Recipients (nil for all) are in list order and total is their count.
func layoutInChunks(ctx context.Context, job certificates.Job, total int, progress func(done, total int)) ([]page.Page, error) {
	const chunk = 50
	want, next := job.Recipients, 0
	pages := make([]page.Page, 0, total)
	var rs []khenthuong.Recipient
	flush := func() error {
		if err := ctx.Err(); err != nil {
			return err
		}
		d := *job.Decision
		d.Recipients = rs
		part := job
		part.Decision, part.Recipients, part.Trays, part.Stream = &d, nil, nil, nil
		ps, _, err := part.Pages()
		if err != nil {
			return err
		}
		pages = append(pages, ps...)
		progress(len(pages), total)
		rs = nil
		return nil
	}
	err := job.Stream(func(r *khenthuong.Recipient) error {
		if want != nil {
			if next == len(want) || want[next] != r.NominationID {
				return nil
			}
			next++
		}
		if rs = append(rs, *r); len(rs) == chunk {
			return flush()
		}
		return nil
	})
	if err == nil && len(rs) > 0 {
		err = flush()
	}
	if err == nil && (next < len(want) || len(pages) != total) {
		err = khenthuong.Errorf(khenthuong.ECONFLICT, "Danh sách người được khen của Quyết định số %s vừa thay đổi, hãy chọn lại quyết định", job.Decision.Number)
	}
	return pages, err
}
