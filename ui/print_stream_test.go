//go:build !windows

package ui

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"khenthuong/certificates"
	"khenthuong/page"
	"khenthuong/printing"
	"khenthuong/printing/cupstest"
)

// A streamed document sends exactly the pages of the range asked, in the
// order asked, each copy drawn again from the stream; an ascending range
// stops laying out after its last page; a page past the end is refused.
func TestPrintDialogStreamsThePagesOfTheRange(t *testing.T) {
	srv := cupstest.Start(t)
	srv.FilePrinter("Phong_TD")
	_ = test.NewTempApp(t)
	if err := SetLanguage("vi"); err != nil {
		t.Fatal(err)
	}
	w := test.NewWindow(nil)
	defer w.Close()
	const n = 10
	for _, tc := range []struct {
		spec     string
		want     []int // page numbers sent, from 1
		laidLast int   // the last page the sending pass laid out
		status   string
	}{
		{"", []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 10, "Đã gửi 10 trang"},
		{"2-3, 7", []int{2, 3, 7}, 7, "Đã gửi 3 trang"},
		{"9, 2", []int{9, 2}, 10, "Đã gửi 2 trang"},
		{"4, 4", []int{4, 4}, 4, "Đã gửi 2 trang"},
		{"11", nil, 0, "Tài liệu chỉ có 10 trang, không có trang 11"},
	} {
		t.Run(tc.spec, func(t *testing.T) {
			laid := 0 // pages the stream laid out in its latest pass
			stream := func(ctx context.Context, _ *certificates.PrinterProfile, yield func(page.Page) error) error {
				laid = 0
				for i := 1; i <= n; i++ {
					laid = i
					if err := yield(page.Page{Width: 210, Height: 297, Texts: []page.Text{{Key: fmt.Sprint(i)}}}); err != nil {
						return err
					}
				}
				return nil
			}
			var sent []int
			held := false
			sys := systemPrinting
			sys.print = func(ctx context.Context, j printing.Job) (printing.Result, error) {
				held = j.Pages != nil
				err := j.Stream(func(pg page.Page) error {
					var k int
					fmt.Sscan(pg.Texts[0].Key, &k)
					sent = append(sent, k)
					return nil
				})
				return printing.Result{Printer: j.Printer, Pages: len(sent), Copies: j.Copies, JobID: "1"}, err
			}
			p := newPrintDialog(printRequest{title: "Danh sách chi tiền thưởng", stream: stream}, sys, w).show()
			settlePrint(p)
			p.pageList.SetText(tc.spec)
			test.Tap(p.printBtn)
			settlePrint(p)
			if !strings.Contains(p.status.Text, tc.status) {
				t.Errorf("status %q, want %q", p.status.Text, tc.status)
			}
			if held || !slices.Equal(sent, tc.want) {
				t.Errorf("sent %v (pages held %v), want %v streamed", sent, held, tc.want)
			}
			if tc.want != nil && laid != tc.laidLast {
				t.Errorf("the sending pass laid out %d pages, want %d", laid, tc.laidLast)
			}
		})
	}
}
