package ui

import (
	"io"
	"net/url"
	"path/filepath"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"khenthuong"
	"khenthuong/atomicfile"
	"khenthuong/roster"
)

// fileDialogs asks the clerk for a file to write or to read. The screens hold
// one each so that tests can answer with a path in t.TempDir() instead of
// clicking through Fyne's file dialog; an empty path means cancelled.
type fileDialogs struct {
	save func(win fyne.Window, name string, exts []string, done func(path string))
	open func(win fyne.Window, exts []string, done func(path string))
}

var defaultFileDialogs = fileDialogs{save: saveFileDialog, open: openFileDialog}

// saveFileDialog is Fyne's save dialog, suggesting name; it gives the path
// only (the caller writes the file, atomically).
func saveFileDialog(win fyne.Window, name string, exts []string, done func(string)) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			showError(khenthuong.Internal(err), win)
			return
		}
		if w == nil {
			return
		}
		path := w.URI().Path()
		_ = w.Close() // the dialog created the file; writeFileAtomic replaces it
		done(path)
	}, win)
	d.SetFileName(name)
	if len(exts) > 0 {
		d.SetFilter(storage.NewExtensionFileFilter(exts))
	}
	d.Resize(dialogSize(win))
	showDialog(win, d, nil)
	translateFileDialog(win)
}

func openFileDialog(win fyne.Window, exts []string, done func(string)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			showError(khenthuong.Internal(err), win)
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		_ = r.Close()
		done(path)
	}, win)
	if len(exts) > 0 {
		d.SetFilter(storage.NewExtensionFileFilter(exts))
	}
	d.Resize(dialogSize(win))
	showDialog(win, d, nil)
	translateFileDialog(win)
}

// dialogSize is most of the window, for dialogs that show lists.
func dialogSize(win fyne.Window) fyne.Size {
	s := win.Canvas().Size()
	return fyne.NewSize(max(s.Width*0.85, 640), max(s.Height*0.85, 480))
}

// openInViewer opens a file in the program the system uses for it (the PDF
// viewer).
func openInViewer(path string) error {
	u, err := url.Parse(storage.NewFileURI(path).String())
	if err != nil {
		return khenthuong.Internal(err)
	}
	return fyne.CurrentApp().OpenURL(u)
}

// fileName makes a file name from text a clerk wrote (a decision number with
// slashes, a campaign name): no path separators or characters Windows refuses.
func fileName(parts ...string) string {
	s := strings.Join(parts, " ")
	s = strings.Map(func(r rune) rune {
		switch r {
		case '/', '\\', ':', '*', '?', '"', '<', '>', '|':
			return '-'
		}
		if r < ' ' {
			return -1
		}
		return r
	}, s)
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 80 {
		s = strings.TrimSpace(string(r[:80]))
	}
	return s
}

// rosterExport is the dialog behind Xuất Excel on Đợt khen thưởng: the
// campaign's nominations written by package roster as .xlsx (one sheet per
// award form) or .csv, in list or Vietnamese alphabetical order.
type rosterExport struct {
	svc      khenthuong.Services
	win      fyne.Window
	files    fileDialogs
	campaign khenthuong.Campaign
	dlg      *dialog.CustomDialog

	order    *widget.RadioGroup
	format   *widget.RadioGroup
	progress *widget.ProgressBarInfinite
	save     *widget.Button

	working sync.WaitGroup
	done    func(path string, rows int) // after writing, for tests
}

func newRosterExport(svc khenthuong.Services, win fyne.Window, files fileDialogs, c khenthuong.Campaign) *rosterExport {
	x := &rosterExport{svc: svc, win: win, files: files, campaign: c}
	listOrder, alphaOrder := lang.L("In list order"), lang.L("In Vietnamese alphabetical order")
	x.order = widget.NewRadioGroup([]string{listOrder, alphaOrder}, nil)
	x.order.SetSelected(listOrder)
	x.order.Required = true
	x.format = widget.NewRadioGroup([]string{lang.L("Excel workbook (.xlsx)"), lang.L("CSV text (.csv, UTF-8)")}, nil)
	x.format.SetSelected(x.format.Options[0])
	x.format.Required = true
	x.progress = widget.NewProgressBarInfinite()
	x.progress.Stop()
	x.progress.Hide()
	heading := widget.NewLabel(lang.L("Export the nominations of “{{.Name}}”: one sheet per award form, with the columns units send back.", map[string]any{"Name": c.Name}))
	heading.Wrapping = fyne.TextWrapWord
	body := container.NewVBox(heading,
		boldLabel(lang.L("Order")), x.order,
		boldLabel(lang.L("Format")), x.format,
		x.progress)
	x.dlg = dialog.NewCustomWithoutButtons(lang.L("Export to Excel"), body, win)
	cancel := widget.NewButton(lang.L("Cancel"), x.dlg.Hide)
	x.save = widget.NewButton(lang.L("Save…"), x.choose)
	x.save.Importance = widget.HighImportance
	x.dlg.SetButtons([]fyne.CanvasObject{cancel, x.save})
	x.dlg.Resize(fyne.NewSize(520, 380))
	return x
}

func (x *rosterExport) show() { showDialog(x.win, x.dlg, nil) }

func (x *rosterExport) listOrder() khenthuong.ListOrder {
	if x.order.Selected == x.order.Options[1] {
		return khenthuong.OrderAlpha
	}
	return khenthuong.OrderList
}

func (x *rosterExport) csv() bool { return x.format.Selected == x.format.Options[1] }

func (x *rosterExport) choose() {
	ext := ".xlsx"
	if x.csv() {
		ext = ".csv"
	}
	x.files.save(x.win, fileName(x.campaign.Name)+ext, []string{ext}, x.write)
}

// write reads the nominations and writes the roster in a goroutine.
func (x *rosterExport) write(path string) {
	if path == "" {
		return
	}
	if ext := strings.ToLower(filepath.Ext(path)); ext != ".xlsx" && ext != ".csv" {
		if x.csv() {
			path += ".csv"
		} else {
			path += ".xlsx"
		}
	}
	asCSV := strings.EqualFold(filepath.Ext(path), ".csv")
	order, c := x.listOrder(), x.campaign
	x.save.Disable()
	x.progress.Show()
	x.progress.Start()
	background(&x.working, func() func() {
		n, err := exportCampaign(x.svc, c, order, path, asCSV)
		return func() {
			x.progress.Stop()
			x.progress.Hide()
			x.save.Enable()
			if err != nil {
				showError(err, x.win)
				return
			}
			x.dlg.Hide()
			showInfo(lang.L("Export to Excel"),
				lang.L("Exported {{.Count}} nominations to {{.Path}}.", map[string]any{"Count": formatCount(n), "Path": path}), x.win)
			if x.done != nil {
				x.done(path, n)
			}
		}
	})
}

// exportCampaign writes the roster of campaign c to path; it returns the
// rows written. The rows are read from the data as the writers need them
// (roster.CampaignRowStream, as the CLI's export --campaign): a campaign of
// 100,000 is not held.
func exportCampaign(svc khenthuong.Services, c khenthuong.Campaign, order khenthuong.ListOrder, path string, asCSV bool) (int, error) {
	forms, err := svc.Forms()
	if err != nil {
		return 0, err
	}
	rows, err := roster.CampaignRowStream(svc, c.ID)
	if err != nil {
		return 0, err
	}
	opts := roster.ExportOptions{Order: order, Forms: forms, Title: c.Name}
	n := 0
	err = atomicfile.Write(path, func(w io.Writer) error {
		var err error
		if asCSV {
			n, err = roster.WriteCSVStream(w, rows, opts)
		} else {
			n, err = roster.WriteXLSXStream(w, rows, opts)
		}
		return err
	})
	if err != nil {
		return 0, khenthuong.Internal(err) // a roster error stays as it is; an I/O one is logged
	}
	return n, nil
}
