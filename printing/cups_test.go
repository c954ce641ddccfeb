//go:build !windows

package printing_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"khenthuong"
	"khenthuong/page"
	"khenthuong/printing"
	"khenthuong/printing/cupstest"
)

func TestListCUPSPrintersDefaultFirst(t *testing.T) {
	s := cupstest.Start(t)
	s.FilePrinter("A_Phong_TD")
	s.FilePrinter("B_Van_thu")
	s.SetDefault("B_Van_thu")
	ps, err := printing.List()
	if err != nil {
		t.Fatal(err)
	}
	want := []printing.Printer{
		{Name: "B_Van_thu", Default: true, Info: "Máy in PDF B_Van_thu", Location: "Phòng Thi đua", Status: "idle"},
		{Name: "A_Phong_TD", Info: "Máy in PDF A_Phong_TD", Location: "Phòng Thi đua", Status: "idle"},
	}
	if !reflect.DeepEqual(ps, want) {
		t.Fatalf("List() = %+v\nwant %+v", ps, want)
	}
}

// sheets are test pages of the given sizes, made of the page model alone: a
// frame, a grid of labelled words across the sheet in the serif faces, a
// heading and a large name line in the decorative face.
func sheets(t *testing.T, sizes ...[2]float64) []page.Page {
	t.Helper()
	text := func(family, style string, size, x, baseline float64, s string) page.Text {
		f := page.LookupFace(family, style)
		return page.Text{Field: -1, X: x, Baseline: baseline, Width: f.Width(s, size),
			Ascent: f.Ascent * size * page.MMPerPt, Descent: f.Descent * size * page.MMPerPt,
			Font: f.Family, Style: f.Style, Size: size, Text: s}
	}
	var pages []page.Page
	for _, sz := range sizes {
		w, h := sz[0], sz[1]
		p := page.Page{Width: w, Height: h, Shapes: []page.Shape{
			{Kind: page.ShapeRect, X: 10, Y: 10, W: w - 20, H: h - 20, LineWidth: 0.3},
		}}
		p.Texts = append(p.Texts,
			text(page.FontSerif, "B", 13, 20, 22, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
			text(page.FontDecor, "", 28, w/4, 58, "Nguyễn Thị Ngọc Ánh")) // between the first two rows
		for y := 40.0; y < h-15; y += 35 {
			for x := 15.0; x < w-35; x += 45 {
				style := page.Styles[int(x+y)%len(page.Styles)]
				p.Texts = append(p.Texts, text(page.FontSerif, style, 9, x, y, fmt.Sprintf("ngang%gdọc%g", x, y)))
			}
		}
		pages = append(pages, p)
	}
	return pages
}

// The printer gets the PDF the writer makes, at 100 %, on the document's
// paper: every word where the written PDF has it, the landscape page turned.
func TestPrintThroughCUPSKeepsEveryWordInPlace(t *testing.T) {
	s := cupstest.Start(t)
	out := s.FilePrinter("Phong_TD")
	for _, tc := range []struct {
		name  string
		sizes [][2]float64
	}{
		{"A3 landscape", [][2]float64{{420, 297}}},
		{"A4 portrait, two pages", [][2]float64{{210, 297}, {210, 297}}},
		{"custom size", [][2]float64{{250, 180}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pages := sheets(t, tc.sizes...)
			var written bytes.Buffer
			if err := page.WritePDF(&written, "Trang thử", pages); err != nil {
				t.Fatal(err)
			}
			res, err := printing.Print(context.Background(), printing.Job{Printer: "Phong_TD", Title: "Quyết định số 12/QĐ-UBND", Pages: pages})
			if err != nil {
				t.Fatal(err)
			}
			if res.Pages != len(pages) || res.Copies != 1 || !strings.HasPrefix(res.JobID, "Phong_TD-") {
				t.Fatalf("result %+v", res)
			}
			printed := s.WaitJob(res.JobID, out)
			compare(t, written.Bytes(), printed)
		})
	}
}

func compare(t *testing.T, written, printed []byte) {
	t.Helper()
	w, err := cupstest.Words(written)
	if err != nil {
		t.Fatal(err)
	}
	p, err := cupstest.Words(printed)
	if err != nil {
		t.Fatal(err)
	}
	if problems := cupstest.SamePlaces(w, p, 0.3); len(problems) > 0 {
		if len(problems) > 10 {
			problems = problems[:10]
		}
		t.Fatalf("the printed pages differ from the PDF:\n%s", strings.Join(problems, "\n"))
	}
}

// The cups-pdf virtual printer (PostScript in, PDF out), as Debian ships it:
// the job's pages come out on the document's paper, one per page, copies
// made by the printer.
func TestPrintOnCupsPDFVirtualPrinter(t *testing.T) {
	s := cupstest.Start(t)
	dir := filepath.Join(s.Dir, "out", "cups-pdf")
	s.CupsPDFPrinter("KT_PDF", dir)
	pages := sheets(t, [2]float64{420, 297}, [2]float64{420, 297})
	res, err := printing.Print(context.Background(), printing.Job{Printer: "KT_PDF", Title: "Bằng khen", Copies: 2, Pages: pages})
	if err != nil {
		t.Fatal(err)
	}
	_, num, _ := strings.Cut(res.JobID, "-")
	var printed []byte
	s.WaitFor("cups-pdf's output", func() bool {
		ms, _ := filepath.Glob(filepath.Join(dir, "*-job_"+num+".pdf"))
		if len(ms) == 1 {
			printed, _ = os.ReadFile(ms[0])
		}
		return len(printed) > 0 && bytes.Contains(printed, []byte("%%EOF"))
	})
	got, err := cupstest.Words(printed)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 4 {
		t.Fatalf("%d pages, want 2 pages × 2 copies", len(got))
	}
	for i, p := range got {
		if p.Width > p.Height {
			p.Width, p.Height = p.Height, p.Width
		}
		if abs(p.Width-297*72/25.4) > 1 || abs(p.Height-420*72/25.4) > 1 {
			t.Errorf("page %d: %.1f × %.1f pt, want A3", i+1, p.Width, p.Height)
		}
	}
}

func abs(v float64) float64 {
	if v < 0 {
		return -v
	}
	return v
}

func TestPrintRefusesBadJobs(t *testing.T) {
	s := cupstest.Start(t)
	s.FilePrinter("Phong_TD")
	page := sheets(t, [2]float64{210, 297})
	for _, tc := range []struct {
		name string
		job  printing.Job
		code string
		msg  string
	}{
		{"unknown printer", printing.Job{Printer: "Khong_co", Pages: page}, khenthuong.ENOTFOUND, "Không có máy in “Khong_co”"},
		{"no printer", printing.Job{Pages: page}, khenthuong.EINVALID, "Chưa chọn máy in"},
		{"too many copies", printing.Job{Printer: "Phong_TD", Copies: 5000, Pages: page}, khenthuong.EINVALID, "Số bản in 5000"},
		{"no pages", printing.Job{Printer: "Phong_TD"}, khenthuong.EINVALID, "Không có trang nào"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := printing.Print(context.Background(), tc.job)
			if khenthuong.ErrorCode(err) != tc.code || !strings.Contains(khenthuong.ErrorMessage(err), tc.msg) {
				t.Fatalf("err = %v, want %s “%s…”", err, tc.code, tc.msg)
			}
		})
	}
}

func TestPrintCancelled(t *testing.T) {
	s := cupstest.Start(t)
	s.FilePrinter("Phong_TD")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := printing.Print(ctx, printing.Job{Printer: "Phong_TD", Pages: sheets(t, [2]float64{210, 297})})
	if err != context.Canceled {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
}

// The tray and the copies reach the printer's driver: CUPS records them on
// the job (copies, InputSlot) with 100 % and the document's paper, which
// its filters and backend receive.
func TestPrintTrayAndCopiesReachTheJob(t *testing.T) {
	s := cupstest.Start(t)
	out := s.TrayPrinter("Phong_TD")
	trays, err := printing.Trays("Phong_TD")
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"Auto", "Tray1", "Tray2", "Manual"}; !reflect.DeepEqual(trays, want) {
		t.Fatalf("Trays = %q, want %q", trays, want)
	}
	res, err := printing.Print(context.Background(), printing.Job{Printer: "Phong_TD", Title: "Bằng khen", Copies: 3, Tray: "Tray2",
		Pages: sheets(t, [2]float64{420, 297})})
	if err != nil {
		t.Fatal(err)
	}
	s.WaitJob(res.JobID, out)
	attrs := s.JobAttributes(res.JobID)
	for name, want := range map[string]string{"copies": "3", "InputSlot": "Tray2", "media": "A3", "print-scaling": "none", "job-name": "Bằng khen"} {
		if attrs[name] != want {
			t.Errorf("job attribute %s = %q, want %q (all: %v)", name, attrs[name], want, attrs)
		}
	}

	// A tray the driver does not offer is refused, not quietly replaced by its default one.
	s.FilePrinter("Van_thu")
	for _, tc := range []struct{ printer, tray, msg string }{
		{"Phong_TD", "Khay 9", "Máy in “Phong_TD” không có khay “Khay 9” (các khay: Auto, Tray1, Tray2, Manual)"},
		{"Van_thu", "Tray1", "Máy in “Van_thu” không cho chọn khay giấy"},
	} {
		_, err := printing.Print(context.Background(), printing.Job{Printer: tc.printer, Tray: tc.tray, Pages: sheets(t, [2]float64{210, 297})})
		if khenthuong.ErrorCode(err) != khenthuong.EINVALID || khenthuong.ErrorMessage(err) != tc.msg {
			t.Errorf("tray %q on %s: err = %v, want “%s”", tc.tray, tc.printer, err, tc.msg)
		}
	}
}
