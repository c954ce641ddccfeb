package ui

import (
	"io"
	"math"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"khenthuong"
	"khenthuong/atomicfile"
	"khenthuong/certificates"
	"khenthuong/page"
	"khenthuong/vntext"
)

// calibrationWizard finds how a printer shifts what it prints on the
// office's blanks. Step 1 saves the calibration page (a millimetre grid and
// nine numbered crosshairs at known positions, printed through the printer's
// current profile); step 2 takes where the clerk measured two or three of
// the crosshairs on the printed sheet and computes the corrected offset with
// certificates' PrinterProfile.Corrected; step 3 saves the profile.
type calibrationWizard struct {
	svc      khenthuong.PrintService
	win      fyne.Window
	files    fileDialogs
	open     func(path string) error
	dlg      *dialog.CustomDialog
	printDlg *printDialog // the last "In…" opened, for tests

	printers []khenthuong.PrinterProfile
	result   *certificates.PrinterProfile // computed, not saved yet

	printerSelect *choiceSelect // the profiles, then "New printer…"
	newName       *textEntry
	sizeSelect    *choiceSelect // A3L, A4L, another size
	customSize    *textEntry    // "400x300"
	current       *widget.Label
	marks         []markRow
	message       *widget.Label // what is wrong with the numbers, or the spread warning
	resultLabel   *widget.Label
	saveButton    *widget.Button

	onSaved func(name string) // the profile was saved
}

// markRow is one measured crosshair: which one, and where it was found.
type markRow struct {
	mark    *choiceSelect
	nominal *widget.Label
	x, y    *textEntry
}

// Page sizes offered, as page.ParseSize reads them.
var calibrationSizes = []string{"A3L", "A4L"}

// defaultMarks are the crosshairs asked for first: two corners and the centre.
var defaultMarks = []int{1, 5, 9}

func newCalibrationWizard(svc khenthuong.PrintService, win fyne.Window, files fileDialogs, open func(string) error,
	printer string, tpl certificates.Template) *calibrationWizard {
	c := &calibrationWizard{svc: svc, win: win, files: files, open: open}

	c.printerSelect = newChoice(nil, func(string) { c.printerChosen() })
	c.newName = newTextEntry()
	c.newName.SetPlaceHolder(lang.L("Name of the printer, e.g. Canon LBP 2900 phòng 3"))
	c.newName.Hide()
	c.sizeSelect = newChoice([]string{lang.L("A3 landscape (420 × 297 mm)"), lang.L("A4 landscape (297 × 210 mm)"), lang.L("Another size")},
		func(string) { c.sizeChosen() })
	c.customSize = newTextEntry()
	c.customSize.SetPlaceHolder(lang.L("width x height in mm, e.g. 400x300"))
	c.customSize.OnChanged = func(string) { c.refreshMarks() }
	c.current = widget.NewLabel("")
	c.current.Wrapping = fyne.TextWrapWord
	printPage := widget.NewButtonWithIcon(lang.L("Save the calibration page (PDF)…"), theme.DocumentSaveIcon(), c.savePage)
	printDirect := widget.NewButtonWithIcon(lang.L("Print the calibration page…"), theme.DocumentPrintIcon(), c.printPage)

	grid := container.New(layout.NewGridLayoutWithColumns(4),
		boldLabel(lang.L("Crosshair")), boldLabel(lang.L("Where it belongs")),
		boldLabel(lang.L("Measured x (mm)")), boldLabel(lang.L("Measured y (mm)")))
	for range defaultMarks {
		r := markRow{nominal: widget.NewLabel(""), x: newTextEntry(), y: newTextEntry()}
		r.mark = newChoice(nil, func(string) { c.refreshMarks() })
		c.marks = append(c.marks, r)
		grid.Add(r.mark)
		grid.Add(r.nominal)
		grid.Add(r.x)
		grid.Add(r.y)
	}
	compute := widget.NewButtonWithIcon(lang.L("Compute the correction"), theme.ConfirmIcon(), c.compute)
	c.message = widget.NewLabel("")
	c.message.Wrapping = fyne.TextWrapWord
	c.message.Importance = widget.DangerImportance
	c.message.Hide()
	c.resultLabel = widget.NewLabel(lang.L("Enter the measurements, then compute."))
	c.resultLabel.Wrapping = fyne.TextWrapWord
	c.saveButton = widget.NewButtonWithIcon(lang.L("Save the printer profile"), theme.DocumentSaveIcon(), c.save)
	c.saveButton.Importance = widget.HighImportance
	c.saveButton.Disable()

	step := func(text string) fyne.CanvasObject {
		l := boldLabel(text)
		l.Wrapping = fyne.TextWrapWord
		return l
	}
	howto := widget.NewLabel(lang.L("Print the page on the same paper and printer as the certificates, at 100 % (actual size): in the print dialog of the PDF reader choose “Actual size”, never “Fit” or “Shrink oversized pages”. Measure with a ruler from the left and the top edge of the sheet to the centre of each crosshair."))
	howto.Wrapping = fyne.TextWrapWord
	body := container.NewVBox(
		step(lang.L("1. Choose the printer and the paper, and print the calibration page")),
		container.New(layout.NewFormLayout(),
			widget.NewLabel(lang.L("Printer")), container.NewVBox(c.printerSelect, c.newName),
			widget.NewLabel(lang.L("Paper")), container.NewVBox(c.sizeSelect, c.customSize)),
		c.current, container.NewGridWithColumns(2, printPage, printDirect),
		widget.NewSeparator(),
		step(lang.L("2. Enter where two or three crosshairs are on the printed sheet")),
		howto, grid, compute, c.message,
		widget.NewSeparator(),
		step(lang.L("3. Save the correction")),
		c.resultLabel,
	)
	if acc, ok := svc.(khenthuong.AccessService); ok { // profiles are the office's: see rights.go
		body.Add(roleNote(acc, khenthuong.RightEditSettings, c.saveButton))
	}
	c.dlg = dialog.NewCustomWithoutButtons(lang.L("Printer calibration"), container.NewVScroll(body), win)
	closeButton := widget.NewButton(lang.L("Close"), c.dlg.Hide)
	c.dlg.SetButtons([]fyne.CanvasObject{closeButton, c.saveButton})
	c.dlg.Resize(fitWindow(win, fyne.NewSize(760, 680)))

	c.loadPrinters(printer)
	switch {
	case tpl.PageWidth == 420 && tpl.PageHeight == 297:
		c.sizeSelect.SetSelectedIndex(0)
	case tpl.PageWidth == 297 && tpl.PageHeight == 210:
		c.sizeSelect.SetSelectedIndex(1)
	case tpl.PageWidth > 0:
		c.customSize.SetText(formatMM(tpl.PageWidth) + "x" + formatMM(tpl.PageHeight))
		c.sizeSelect.SetSelectedIndex(2)
	default:
		c.sizeSelect.SetSelectedIndex(0)
	}
	return c
}

func (c *calibrationWizard) show() { showDialog(c.win, c.dlg, nil) }

// loadPrinters lists the profiles and selects name (or the first, or "new").
func (c *calibrationWizard) loadPrinters(name string) {
	ps, err := c.svc.Printers()
	if err != nil {
		showError(err, c.win)
	}
	c.printers = ps
	opts := make([]string, 0, len(ps)+1)
	sel := len(ps) // "New printer…"
	for i, p := range ps {
		opts = append(opts, p.Name)
		if p.Name == name {
			sel = i
		}
	}
	if sel == len(ps) && len(ps) > 0 {
		sel = 0 // none chosen in In ấn: start on the first profile
	}
	opts = append(opts, lang.L("New printer…"))
	c.printerSelect.SetOptions(opts)
	c.printerSelect.SetSelectedIndex(sel)
}

func (c *calibrationWizard) isNew() bool { return c.printerSelect.SelectedIndex() == len(c.printers) }

// profile is the profile calibrated now: the chosen one, or a new one that
// moves nothing yet.
func (c *calibrationWizard) profile() khenthuong.PrinterProfile {
	if i := c.printerSelect.SelectedIndex(); i >= 0 && i < len(c.printers) {
		return c.printers[i]
	}
	return khenthuong.PrinterProfile{Name: strings.TrimSpace(c.newName.Text), Scale: 1}
}

func (c *calibrationWizard) printerChosen() {
	if c.isNew() {
		c.newName.Show()
	} else {
		c.newName.Hide()
	}
	p := c.profile()
	c.current.SetText(lang.L("Now used: horizontal offset {{.X}} mm, vertical {{.Y}} mm, scale {{.Scale}}.",
		map[string]any{"X": signedMM(p.OffsetX), "Y": signedMM(p.OffsetY), "Scale": formatScale(p.Scale)}))
	c.clearResult()
}

func (c *calibrationWizard) sizeChosen() {
	if c.sizeSelect.SelectedIndex() == 2 {
		c.customSize.Show()
	} else {
		c.customSize.Hide()
	}
	c.refreshMarks()
}

// pageSize is the chosen paper in mm.
func (c *calibrationWizard) pageSize() (float64, float64, error) {
	i := c.sizeSelect.SelectedIndex()
	if i >= 0 && i < len(calibrationSizes) {
		return page.ParseSize(calibrationSizes[i])
	}
	return page.ParseSize(c.customSize.Text)
}

// refreshMarks offers the page's crosshairs with where each belongs.
func (c *calibrationWizard) refreshMarks() {
	w, h, err := c.pageSize()
	var marks []certificates.Mark
	if err == nil {
		marks = certificates.CalibrationMarks(w, h)
	}
	opts := make([]string, len(marks))
	for i, m := range marks {
		opts[i] = certificates.MarkLabel(m.N)
	}
	for i := range c.marks {
		r := &c.marks[i]
		sel := r.mark.SelectedIndex()
		if len(r.mark.Options) != len(opts) {
			r.mark.Options = opts
			sel = -1
		}
		if sel < 0 && defaultMarks[i]-1 < len(opts) {
			sel = defaultMarks[i] - 1
		}
		if sel >= 0 && sel < len(opts) {
			r.mark.Selected = opts[sel]
			r.nominal.SetText(formatMM(marks[sel].X) + " ; " + formatMM(marks[sel].Y))
		} else {
			r.mark.Selected = ""
			r.nominal.SetText("")
		}
		r.mark.Refresh()
	}
	c.clearResult()
}

func (c *calibrationWizard) clearResult() {
	c.result = nil
	if c.saveButton != nil {
		c.saveButton.Disable()
		c.resultLabel.SetText(lang.L("Enter the measurements, then compute."))
	}
}

// savePage writes the calibration page through the current profile.
func (c *calibrationWizard) savePage() {
	w, h, err := c.pageSize()
	if err != nil {
		c.showMessage(err)
		return
	}
	p := certificates.PrinterProfile(c.profile())
	if p.Name == "" {
		p = certificates.PrinterProfile{} // a printer not named yet: the page moves nothing
	}
	name := fileName(lang.L("calibration"), p.Name) + ".pdf"
	c.files.save(c.win, name, []string{".pdf"}, func(path string) {
		if path == "" {
			return
		}
		if !strings.HasSuffix(strings.ToLower(path), ".pdf") {
			path += ".pdf"
		}
		err := atomicfile.Write(path, func(out io.Writer) error { return certificates.WriteCalibration(out, w, h, p) })
		if err != nil {
			c.showMessage(err)
			return
		}
		c.message.Hide()
		if c.open != nil {
			if err := c.open(path); err != nil {
				fyne.LogError("Khen thưởng: opening "+path, err)
			}
		}
	})
}

func (c *calibrationWizard) showMessage(err error) {
	logInternal(err)
	c.message.SetText(khenthuong.ErrorMessage(err))
	c.message.Importance = widget.DangerImportance
	c.message.Show()
}

// compute corrects the profile from the crosshairs entered
// (PrinterProfile.Calibrated): their shift sets the offset and, when they are
// far enough apart, their spacing sets the scale. Crosshairs that fit no one
// shift and scale mean a bad measure or a skewed feed: the clerk is told.
func (c *calibrationWizard) compute() {
	c.clearResult()
	c.message.Hide()
	w, h, err := c.pageSize()
	if err != nil {
		c.showMessage(err)
		return
	}
	marks := certificates.CalibrationMarks(w, h)
	var ms []certificates.Measurement
	for _, r := range c.marks {
		if strings.TrimSpace(r.x.Text) == "" && strings.TrimSpace(r.y.Text) == "" {
			continue
		}
		i := r.mark.SelectedIndex()
		if i < 0 || i >= len(marks) {
			continue
		}
		label := certificates.MarkLabel(marks[i].N)
		mx, err := parseMeasure(r.x.Text, label, "x")
		if err == nil {
			var my float64
			if my, err = parseMeasure(r.y.Text, label, "y"); err == nil {
				ms = append(ms, certificates.Measurement{NominalX: marks[i].X, NominalY: marks[i].Y, MeasuredX: mx, MeasuredY: my})
			}
		}
		if err != nil {
			c.showMessage(err)
			return
		}
	}
	if len(ms) == 0 {
		c.showMessage(khenthuong.Errorf(khenthuong.EINVALID, "%s", lang.L("Enter where at least one crosshair was measured (two or three give a better result).")))
		return
	}
	cur := c.profile()
	if c.isNew() && cur.Name == "" {
		c.showMessage(khenthuong.FieldErrorf("name", "%s", lang.L("Enter the name of the new printer.")))
		return
	}
	res, fit := certificates.PrinterProfile(cur).Calibrated(ms)
	if err := res.Validate(); err != nil {
		c.showMessage(err)
		return
	}
	c.result = &res
	c.resultLabel.SetText(lang.L("New correction for {{.Name}}: horizontal offset {{.X}} mm, vertical {{.Y}} mm, scale {{.Scale}} (the measured crosshairs were {{.DX}} mm to the right and {{.DY}} mm down of where they belong).",
		map[string]any{"Name": res.Name, "X": signedMM(res.OffsetX), "Y": signedMM(res.OffsetY), "Scale": formatScale(res.Scale),
			"DX": signedMM(round1(fit.ShiftX)), "DY": signedMM(round1(fit.ShiftY))}))
	switch {
	case fit.Residual > 1:
		c.message.SetText(lang.L("The crosshairs do not fit one shift and one scale (up to {{.Spread}} mm off): the printer may feed the sheet askew or stretch it one way only. Measure again, or check the paper size.",
			map[string]any{"Spread": formatMM(round1(fit.Residual))}))
		c.message.Importance = widget.WarningImportance
		c.message.Show()
	case !fit.ScaleMeasured && len(ms) > 1:
		c.message.SetText(lang.L("The crosshairs entered are close together: the scale is kept. Measure two opposite corners to correct it too."))
		c.message.Importance = widget.MediumImportance
		c.message.Show()
	}
	setEnabled(c.saveButton, true)
}

func round1(v float64) float64 { return math.Round(v*10) / 10 }

// parseMeasure reads a measured position in mm, naming the crosshair when it cannot.
func parseMeasure(text, mark, axis string) (float64, error) {
	v, err := parseDecimal(axis, text)
	if err != nil || strings.TrimSpace(text) == "" || v < 0 || v > page.MaxSide {
		return 0, khenthuong.FieldErrorf(axis, "%s", lang.L("Crosshair {{.Mark}}: “{{.Text}}” is not a measure in mm (e.g. 21,5).",
			map[string]any{"Mark": mark, "Text": text}))
	}
	return v, nil
}

// save stores the corrected profile.
func (c *calibrationWizard) save() {
	if c.result == nil || roleLocked[c.saveButton] {
		return
	}
	p := khenthuong.PrinterProfile(*c.result)
	if err := c.svc.SavePrinter(&p); err != nil {
		c.showMessage(err)
		return
	}
	c.loadPrinters(p.Name)
	c.resultLabel.SetText(lang.L("Saved the profile of {{.Name}}: horizontal offset {{.X}} mm, vertical {{.Y}} mm, scale {{.Scale}}.",
		map[string]any{"Name": p.Name, "X": signedMM(p.OffsetX), "Y": signedMM(p.OffsetY), "Scale": formatScale(p.Scale)}))
	if c.onSaved != nil {
		c.onSaved(p.Name)
	}
}

// signedMM writes an offset with its sign: +1,5 or −0,5 (a true minus).
func signedMM(v float64) string {
	switch {
	case v > 0:
		return "+" + formatMM(v)
	case v < 0:
		return "−" + formatMM(-v)
	}
	return "0"
}

// formatScale writes a scale, 1 for none.
func formatScale(s float64) string {
	if s == 0 {
		s = 1
	}
	return vntext.FormatDecimal(s, 4)
}
