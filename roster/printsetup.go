package roster

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"
)

// sheetPrint is how a sheet prints: every workbook the application writes
// prints on A4, one page wide (as many pages down as it needs), its header
// rows repeated on every page and the page number in the footer, so that the
// office prints it as it is.
type sheetPrint struct {
	landscape  bool
	titleFirst int // header rows repeated on each page, 1-based; 0: none
	titleLast  int
	margins    *excelize.PageLayoutMarginsOptions // nil: 0.4" sides, 0.6" top and bottom
}

// pageFooter is the footer: "Trang 2/5", centred.
const pageFooter = "&C&\"Times New Roman,Regular\"&11Trang &P/&N"

// setPrint sets up the printing of sheet. With a stream writer, call it
// before NewStreamWriter; the print titles are a defined name and may come
// after.
func setPrint(f *excelize.File, sheet string, p sheetPrint) error {
	size, orientation, fitW, fitH, fit := 9, "portrait", 1, 0, true // 9 = A4
	if p.landscape {
		orientation = "landscape"
	}
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &size, Orientation: &orientation, FitToWidth: &fitW, FitToHeight: &fitH}); err != nil {
		return err
	}
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	margins := p.margins
	if margins == nil {
		side, tb := 0.4, 0.6
		margins = &excelize.PageLayoutMarginsOptions{Left: &side, Right: &side, Top: &tb, Bottom: &tb}
	}
	if err := f.SetPageMargins(sheet, margins); err != nil {
		return err
	}
	if err := f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{OddFooter: pageFooter}); err != nil {
		return err
	}
	if p.titleFirst == 0 {
		return nil
	}
	return setPrintTitles(f, sheet, p.titleFirst, p.titleLast)
}

// quotedSheet is a sheet's name as a formula refers to it.
func quotedSheet(sheet string) string { return "'" + strings.ReplaceAll(sheet, "'", "''") + "'" }

// setPrintTitles repeats rows first..last at the top of every printed page.
func setPrintTitles(f *excelize.File, sheet string, first, last int) error {
	return f.SetDefinedName(&excelize.DefinedName{
		Name: "_xlnm.Print_Titles", Scope: sheet, RefersTo: fmt.Sprintf("%s!$%d:$%d", quotedSheet(sheet), first, last),
	})
}

// setStreamColWidths gives the columns of a streamed sheet their widths
// (from column 1). The stream writer lays out <cols> in the reverse order of
// the calls, and the format wants them ascending (Excel offers to "repair"
// a file whose columns descend), so they are set last to first.
func setStreamColWidths(sw *excelize.StreamWriter, widths []float64) error {
	for c := len(widths) - 1; c >= 0; c-- {
		if err := sw.SetColWidth(c+1, c+1, widths[c]); err != nil {
			return err
		}
	}
	return nil
}
