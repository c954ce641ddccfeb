//go:build !windows

package ui

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"khenthuong"
	"khenthuong/certificates"
	"khenthuong/page"
	"khenthuong/printing"
	"khenthuong/printing/cupstest"
)

// settlePrint waits for the dialog's background work and applies it.
func settlePrint(p *printDialog) {
	for {
		p.wg.Wait()
		if !drainUI() {
			return
		}
	}
}

// In ấn's "In…" sends the chosen certificates to a CUPS printer, moved by
// the profile named after that printer: every word where the PDF written
// with that profile has it; the default printer is offered first.
func TestPrintDialogSendsCertificatesWithThePrintersProfile(t *testing.T) {
	srv := cupstest.Start(t)
	srv.FilePrinter("A_Van_thu")
	out := srv.FilePrinter("B_Phong_TD")
	srv.SetDefault("B_Phong_TD")
	f, _, s, _ := openPrinting(t)
	prof := khenthuong.PrinterProfile{Name: "B_Phong_TD", OffsetX: 4, OffsetY: -3, Scale: 1}
	if err := f.SavePrinter(&prof); err != nil {
		t.Fatal(err)
	}
	s.chooseAll(false)
	s.choose(s.recipientAt(0, s.win).NominationID, true)
	s.choose(s.recipientAt(2, s.win).NominationID, true)
	s.updateButtons()
	test.Tap(s.printButton)
	p := s.printDialog
	settlePrint(p)
	if got := p.printer.Options; len(got) != 2 || !strings.HasPrefix(got[0], "B_Phong_TD") || !strings.Contains(got[0], "(mặc định)") {
		t.Fatalf("printers offered %q, want the default B_Phong_TD first", got)
	}
	if !strings.Contains(p.profile.Text, "lệch ngang 4 mm") {
		t.Errorf("profile line %q", p.profile.Text)
	}
	var res printing.Result
	p.done = func(r printing.Result) { res = r }
	test.Tap(p.printBtn)
	settlePrint(p)
	if res.JobID == "" || res.Pages != 2 {
		t.Fatalf("result %+v, status %q", res, p.status.Text)
	}
	if !strings.Contains(p.status.Text, "Đã gửi 2 trang × 1 bản tới máy in B_Phong_TD") {
		t.Errorf("status %q", p.status.Text)
	}
	job := s.job()
	job.Profile = certificates.PrinterProfile(prof)
	var written bytes.Buffer
	if _, err := certificates.Print(&written, job); err != nil {
		t.Fatal(err)
	}
	w, _ := cupstest.Words(written.Bytes())
	got, _ := cupstest.Words(srv.WaitJob(res.JobID, out))
	if problems := cupstest.SamePlaces(w, got, 0.3); len(problems) > 0 {
		t.Fatalf("%d differences:\n%s", len(problems), strings.Join(problems[:min(5, len(problems))], "\n"))
	}
}

// Cancel during a long layout stops it and sends nothing; wrong copies or
// pages are refused in Vietnamese before anything is laid out.
func TestPrintDialogCancelAndRefusals(t *testing.T) {
	srv := cupstest.Start(t)
	srv.FilePrinter("Phong_TD")
	_ = test.NewTempApp(t)
	w := test.NewWindow(nil)
	defer w.Close()
	started := make(chan struct{})
	sent := false
	sys := systemPrinting
	sys.print = func(ctx context.Context, j printing.Job) (printing.Result, error) {
		sent = true
		return printing.Result{}, nil
	}
	p := newPrintDialog(printRequest{title: "Quyết định số 12/QĐ-UBND", pages: func(ctx context.Context, _ *certificates.PrinterProfile, progress func(int, int)) ([]page.Page, error) {
		close(started)
		<-ctx.Done() // a thousand certificates still to lay out
		return nil, ctx.Err()
	}}, sys, w).show()
	settlePrint(p)
	for _, tc := range []struct{ copies, pages, want string }{
		{"0", "", "Số bản phải là số nguyên từ 1 đến 999"},
		{"abc", "", "Số bản phải là số nguyên từ 1 đến 999"},
	} {
		p.copies.SetText(tc.copies)
		p.pageList.SetText(tc.pages)
		test.Tap(p.printBtn)
		if p.status.Text != tc.want {
			t.Errorf("copies %q: status %q, want %q", tc.copies, p.status.Text, tc.want)
		}
	}
	p.copies.SetText("1")
	test.Tap(p.printBtn)
	<-started
	test.Tap(p.closeBtn) // Hủy while laying out
	settlePrint(p)
	if sent || !strings.Contains(p.status.Text, "Đã hủy in") {
		t.Fatalf("sent %v, status %q", sent, p.status.Text)
	}
}

// "In…" with every recipient chosen (the job lists none: all) sends every
// certificate, read from the decision's stream in its list order.
func TestPrintDialogSendsEveryCertificate(t *testing.T) {
	srv := cupstest.Start(t)
	out := srv.FilePrinter("A_Van_thu")
	srv.SetDefault("A_Van_thu")
	_, _, s, d := openPrinting(t)
	test.Tap(s.printButton)
	p := s.printDialog
	settlePrint(p)
	var res printing.Result
	p.done = func(r printing.Result) { res = r }
	test.Tap(p.printBtn)
	settlePrint(p)
	if res.JobID == "" || res.Pages != len(d.Recipients) {
		t.Fatalf("result %+v, want %d pages; status %q", res, len(d.Recipients), p.status.Text)
	}
	pages, _ := cupstest.Words(srv.WaitJob(res.JobID, out))
	var text strings.Builder
	for _, pg := range pages {
		for _, w := range pg.Words {
			text.WriteString(w.Text + " ")
		}
	}
	for _, r := range d.Recipients {
		if first := strings.Fields(r.Nominee.Name)[0]; !strings.Contains(text.String(), first) {
			t.Errorf("%s not printed", r.Nominee.DisplayName())
		}
	}
}
