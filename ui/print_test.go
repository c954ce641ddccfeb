package ui

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"khenthuong"
	"khenthuong/certificates"
	"khenthuong/page"
)

// settle waits for every background job of the screens (loads, layouts of
// PDFs, imports) and applies their results, until nothing is left.
func settle(m *MainWindow) {
	for {
		waitAll(m)
		if p := m.printing; p != nil {
			p.loading.Wait()
			p.printing.Wait()
		}
		if w := m.campaigns.importer; w != nil {
			w.reading.Wait()
			w.committing.Wait()
		}
		if x := m.campaigns.exporter; x != nil {
			x.working.Wait()
		}
		if !drainUI() {
			return
		}
	}
}

// seedIssued adds a campaign with the sample nominations, approves them and
// issues one Bằng khen decision for all of them.
func seedIssued(tb testing.TB, f *fakeServices) (khenthuong.Campaign, *khenthuong.Decision) {
	tb.Helper()
	c := seedCampaign(tb, f, "Tổng kết phong trào Toàn dân bảo vệ an ninh Tổ quốc giai đoạn 2014 - 2023", sampleNominations()...)
	ns, _ := f.Nominations(khenthuong.NominationFilter{CampaignID: c.ID})
	ids := make([]uint64, len(ns))
	for i, n := range ns {
		ids[i] = n.ID
	}
	if err := f.SetStatus(ids, khenthuong.StatusApproved, ""); err != nil {
		tb.Fatal(err)
	}
	d := &khenthuong.Decision{CampaignID: c.ID, FormCode: "BKCT", Number: "2871/QĐ-UBND", Date: khenthuong.MustDate("2024-06-15"),
		SignerTitle: "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", SignerName: "Hoàng Nam",
		Achievement: "Đã có thành tích xuất sắc trong phong trào Toàn dân bảo vệ an ninh Tổ quốc giai đoạn 2014 - 2023"}
	if err := f.CreateDecision(d, ids); err != nil {
		tb.Fatal(err)
	}
	issued, err := f.IssueDecision(d.ID)
	if err != nil {
		tb.Fatal(err)
	}
	return c, issued
}

// openPrinting shows In ấn on the campaign with an issued decision.
func openPrinting(t *testing.T) (*fakeServices, *MainWindow, *printScreen, *khenthuong.Decision) {
	t.Helper()
	f := newFake()
	_, d := seedIssued(t, f)
	m := newTestUI(t, f)
	if m.printing == nil {
		t.Fatal("In ấn is still a placeholder with a full backend")
	}
	showPage(t, m, pagePrinting)
	settle(m)
	s := m.printing
	if s.decision == nil || s.decision.ID != d.ID {
		t.Fatalf("decision %v shown, want %d", s.decision, d.ID)
	}
	return f, m, s, d
}

// previewTexts are the canvas.Text objects the preview draws now.
func previewTexts(p *certPreview) []*canvas.Text {
	var out []*canvas.Text
	for _, o := range drawn(p) {
		if t, ok := o.(*canvas.Text); ok && t.Visible() && t.Text != "" && t.FontSource != nil {
			out = append(out, t)
		}
	}
	return out
}

// textOf finds the drawn line reading s.
func textOf(tb testing.TB, p *certPreview, s string) *canvas.Text {
	tb.Helper()
	var seen []string
	for _, t := range previewTexts(p) {
		if t.Text == s {
			return t
		}
		seen = append(seen, t.Text)
	}
	tb.Fatalf("the preview draws no %q; it draws %q", s, seen)
	return nil
}

// layoutLine is where certificates.Layout puts the first line of field key.
func layoutLine(tb testing.TB, pg page.Page, key string) page.Text {
	tb.Helper()
	for _, t := range pg.Texts {
		if t.Key == key {
			return t
		}
	}
	tb.Fatalf("the layout has no %s line", key)
	return page.Text{}
}

func fieldIndex(tpl certificates.Template, key string) int {
	for i, f := range tpl.Fields {
		if f.Key == key {
			return i
		}
	}
	return -1
}

func near(a, b, tol float32) bool { return float32(math.Abs(float64(a-b))) <= tol }

func TestPrinting(t *testing.T) {
	t.Run("PreviewDrawsTheRecipientAtTheTemplatePosition", func(t *testing.T) {
		_, _, s, d := openPrinting(t)
		s.recipients.Select(1)
		r := d.Recipients[1]
		if got := s.previewTitle.Text; !contains(got, r.Nominee.DisplayName()) {
			t.Errorf("preview title %q does not name %s", got, r.Nominee.DisplayName())
		}
		st, _ := s.svc.Settings()
		pg, _ := certificates.Layout(s.tpl, certificates.ValuesFor(d, &r, s.form, &st), certificates.ModeBlank)
		line := layoutLine(t, pg, certificates.KeyName)
		if line.Text != "Ông Trương Quang Sáng" {
			t.Fatalf("the layout prints %q", line.Text)
		}
		k, o := s.preview.scale()
		if k <= 0 {
			t.Fatal("the preview has no size")
		}
		ct := textOf(t, s.preview, line.Text)
		if want := o.X + k*float32(line.X); !near(ct.Position().X, want, 0.5) {
			t.Errorf("name drawn at x %.1f px, want %.1f (%.1f mm × %.3f px/mm)", ct.Position().X, want, line.X, k)
		}
		_, base := fyne.CurrentApp().Driver().RenderedTextSize(ct.Text, ct.TextSize, ct.TextStyle, ct.FontSource)
		if want := o.Y + k*float32(line.Baseline); !near(ct.Position().Y+base, want, 0.5) {
			t.Errorf("name's baseline at y %.1f px, want %.1f", ct.Position().Y+base, want)
		}
		// At its size, or the whole pixel size under it where the screen's
		// text runs wider than the PDF (the preview keeps the PDF's widths).
		if want := float32(line.Size*25.4/72) * k; ct.TextSize > want+0.01 || ct.TextSize < want-1 {
			t.Errorf("name drawn at %.2f px, want %.2f (%g pt)", ct.TextSize, want, line.Size)
		}
		face := page.LookupFace(line.Font, line.Style)
		if ct.FontSource == nil || !bytes.Equal(ct.FontSource.Content(), face.Data()) {
			t.Errorf("name not drawn in the printed font %s", face.File)
		}
		// Inside the template's box, scaled.
		box := s.tpl.Fields[line.Field]
		if x := ct.Position().X; x < o.X+k*float32(box.X)-0.5 || x > o.X+k*float32(box.X+box.W) {
			t.Errorf("name at x %.1f px outside its box %.1f–%.1f mm", x, box.X, box.X+box.W)
		}
		// Blanks: the pre-printed heading is not drawn.
		for _, txt := range previewTexts(s.preview) {
			if txt.Text == certificates.QuocHieu {
				t.Error("the national name is drawn on blanks")
			}
		}
	})

	t.Run("PlainPaperDrawsHeadingsBorderAndEmblem", func(t *testing.T) {
		f := newFake()
		seedIssued(t, f)
		emblem := filepath.Join(t.TempDir(), "quochuy.png")
		img := image.NewRGBA(image.Rect(0, 0, 40, 40))
		draw.Draw(img, img.Rect, image.NewUniform(color.RGBA{200, 0, 0, 255}), image.Point{}, draw.Src)
		var buf bytes.Buffer
		if err := png.Encode(&buf, img); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(emblem, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		f.settings.EmblemPath = emblem
		m := newTestUI(t, f)
		showPage(t, m, pagePrinting)
		settle(m)
		s := m.printing
		s.modeRadio.SetSelected(s.modeRadio.Options[1])
		var images []*canvas.Image
		for _, o := range drawn(s.preview) {
			if im, ok := o.(*canvas.Image); ok && im.File == emblem {
				images = append(images, im)
			}
		}
		box := s.tpl.Fields[fieldIndex(s.tpl, certificates.KeyEmblem)]
		k, o := s.preview.scale()
		if len(images) != 1 || !near(images[0].Position().X, o.X+k*float32(box.X), 0.5) || !near(images[0].Size().Width, k*float32(box.W), 0.5) {
			t.Errorf("emblem drawn %d times, want once in its box", len(images))
		}
		if s.mode != certificates.ModePlain {
			t.Fatalf("mode %s", s.mode)
		}
		textOf(t, s.preview, certificates.QuocHieu)
		if len(s.preview.page.Shapes) == 0 {
			t.Error("no border on plain paper")
		}
		shapes := s.preview.renderer.drawShapes(420, 297)
		if _, _, _, a := shapes.At(12, 12).RGBA(); a == 0 { // on the gold frame, 8 mm in
			t.Error("the border is not drawn into the preview")
		}
	})

	t.Run("SavePDFWritesAndOpensIt", func(t *testing.T) {
		_, m, s, d := openPrinting(t)
		dir := t.TempDir()
		var asked string
		s.files.save = func(_ fyne.Window, name string, _ []string, done func(string)) {
			asked = name
			done(filepath.Join(dir, name))
		}
		var opened string
		s.open = func(path string) error { opened = path; return nil }
		test.Tap(s.saveButton)
		if s.progress.Hidden {
			t.Error("no progress bar while laying out")
		}
		settle(m)
		path := filepath.Join(dir, asked)
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(data, []byte("%PDF")) {
			t.Errorf("%s does not start with %%PDF", path)
		}
		if asked != "BKCT 2871-QĐ-UBND.pdf" {
			t.Errorf("suggested name %q", asked)
		}
		if opened != path {
			t.Errorf("opened %q, want %q", opened, path)
		}
		if !s.progress.Hidden || s.progress.Value != 1 {
			t.Errorf("progress bar: hidden %v at %v", s.progress.Hidden, s.progress.Value)
		}
		if want := formatCount(len(d.Recipients)); !contains(s.status.Text, want) || !contains(s.status.Text, path) {
			t.Errorf("status %q", s.status.Text)
		}
	})

	t.Run("WarningsNameTheRecipientBeforeSaving", func(t *testing.T) {
		_, m, s, d := openPrinting(t)
		// A box far too small for any name.
		i := fieldIndex(s.tpl, certificates.KeyName)
		s.tpl.Fields = append([]certificates.Field(nil), s.tpl.Fields...)
		s.tpl.Fields[i].W, s.tpl.Fields[i].H = 8, 3
		saved := false
		s.files.save = func(_ fyne.Window, name string, _ []string, done func(string)) {
			saved = true
			done(filepath.Join(t.TempDir(), name))
		}
		s.open = nil
		test.Tap(s.saveButton)
		settle(m)
		if saved {
			t.Fatal("saved before the clerk read the warnings")
		}
		text := overlayText(m.win.Canvas())
		for _, r := range d.Recipients {
			if !contains(text, r.Nominee.DisplayName()) {
				t.Errorf("the warnings do not name %s:\n%s", r.Nominee.DisplayName(), text)
			}
		}
		test.Tap(overlayButton(t, m.win.Canvas(), "Vẫn lưu"))
		if !saved {
			t.Error("“Vẫn lưu” did not save")
		}
	})

	t.Run("ChosenRecipientsPrintInTheDecisionsOrder", func(t *testing.T) {
		_, _, s, d := openPrinting(t)
		if got := s.job().Recipients; got != nil {
			t.Errorf("all chosen: job lists %v, want every recipient (nil)", got)
		}
		test.Tap(buttonIn(t, s.options, "Bỏ chọn tất cả"))
		if !s.saveButton.Disabled() {
			t.Error("Lưu PDF enabled with no recipient chosen")
		}
		s.choose(d.Recipients[4].NominationID, true)
		s.choose(d.Recipients[1].NominationID, true)
		s.updateCount()
		want := []uint64{d.Recipients[1].NominationID, d.Recipients[4].NominationID}
		if got := s.job().Recipients; len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
			t.Errorf("job prints %v, want %v (the decision's order)", got, want)
		}
		if s.chosenCount.Text != "Đã chọn 2 / 6 bằng khen" {
			t.Errorf("count reads %q", s.chosenCount.Text)
		}
	})

	t.Run("PrinterProfileGoesIntoTheJob", func(t *testing.T) {
		f := newFake()
		seedIssued(t, f)
		p := khenthuong.PrinterProfile{Name: "Canon phòng 3", OffsetX: 1.5, OffsetY: -2}
		if err := f.SavePrinter(&p); err != nil {
			t.Fatal(err)
		}
		m := newTestUI(t, f)
		showPage(t, m, pagePrinting)
		settle(m)
		s := m.printing
		if got := s.printerSelect.Options; len(got) != 2 || got[1] != "Canon phòng 3" {
			t.Fatalf("printer choices %q", got)
		}
		if s.job().Profile != (certificates.PrinterProfile{}) {
			t.Error("a profile is used before one is chosen")
		}
		s.printerSelect.SetSelectedIndex(1)
		if got := s.job().Profile; got.OffsetX != 1.5 || got.OffsetY != -2 {
			t.Errorf("job profile %+v", got)
		}
	})

	t.Run("StoredTemplateIsUsed", func(t *testing.T) {
		f := newFake()
		seedIssued(t, f)
		tpl := certificates.DefaultTemplateFor(&khenthuong.AwardForm{Code: "BKCT"})
		tpl.Name = "Mẫu của Sở"
		var buf bytes.Buffer
		if err := tpl.Export(&buf); err != nil {
			t.Fatal(err)
		}
		if err := f.SaveTemplate("BKCT", buf.Bytes()); err != nil {
			t.Fatal(err)
		}
		m := newTestUI(t, f)
		showPage(t, m, pagePrinting)
		settle(m)
		s := m.printing
		if s.tpl.Name != "Mẫu của Sở" || !strings.Contains(s.templateSelect.Selected, "mẫu của cơ quan") {
			t.Errorf("template %q, select reads %q", s.tpl.Name, s.templateSelect.Selected)
		}
	})
}

// buttonIn finds a visible button by its text anywhere in o.
func buttonIn(tb testing.TB, o fyne.CanvasObject, text string) *widget.Button {
	tb.Helper()
	for _, x := range drawn(o) {
		if b, ok := x.(*widget.Button); ok && b.Visible() && b.Text == text {
			return b
		}
	}
	tb.Fatalf("no button %q", text)
	return nil
}

func TestTemplateEditor(t *testing.T) {
	openEditor := func(t *testing.T) (*fakeServices, *MainWindow, *printScreen, *templateEditor) {
		f, m, s, _ := openPrinting(t)
		test.Tap(s.editButton)
		if s.editor == nil {
			t.Fatal("Sửa mẫu opened no editor")
		}
		return f, m, s, s.editor
	}

	t.Run("ArrowsMoveTheFieldAndThePreviewFollows", func(t *testing.T) {
		_, m, s, e := openEditor(t)
		i := fieldIndex(e.tpl, certificates.KeyName)
		e.list.Select(i)
		c := m.win.Canvas()
		if c.Focused() != s.preview {
			t.Fatalf("after choosing a field the focus is on %T, not the preview", c.Focused())
		}
		name := s.recipientAt(0, s.win).Nominee.DisplayName()
		k, _ := s.preview.scale()
		x0, textX0 := e.tpl.Fields[i].X, textOf(t, s.preview, name).Position().X
		typeKey(t, c, fyne.KeyRight)
		if got := e.tpl.Fields[i].X; got != x0+0.5 {
			t.Fatalf("→ moved the field to x %.2f mm, want %.2f", got, x0+0.5)
		}
		if got := textOf(t, s.preview, name).Position().X; !near(got-textX0, 0.5*k, 0.05) {
			t.Errorf("the name moved %.2f px, want %.2f (0.5 mm)", got-textX0, 0.5*k)
		}
		if e.numbers["x"].Text != formatMM(x0+0.5) {
			t.Errorf("X entry reads %q", e.numbers["x"].Text)
		}
		// Shift: 5 mm.
		y0 := e.tpl.Fields[i].Y
		s.preview.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
		typeKey(t, c, fyne.KeyDown)
		s.preview.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
		if got := e.tpl.Fields[i].Y; got != y0+5 {
			t.Errorf("Shift+↓ moved the field to y %.2f, want %.2f", got, y0+5)
		}
		// Ctrl: resize.
		w0 := e.tpl.Fields[i].W
		s.preview.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyLeft, Modifier: fyne.KeyModifierShortcutDefault})
		if got := e.tpl.Fields[i].W; got != w0-0.5 {
			t.Errorf("Ctrl+← made the width %.2f, want %.2f", got, w0-0.5)
		}
		if !e.dirty || !contains(e.status.Text, "chưa lưu") {
			t.Errorf("status %q after changes", e.status.Text)
		}
	})

	t.Run("NumbersMoveTheField", func(t *testing.T) {
		_, _, s, e := openEditor(t)
		i := fieldIndex(e.tpl, certificates.KeyName)
		e.selectField(i)
		e.numbers["x"].SetText("20,5")
		e.numbers["size"].SetText("30")
		if f := e.tpl.Fields[i]; f.X != 20.5 || f.Size != 30 {
			t.Errorf("field x %.2f size %.1f", f.X, f.Size)
		}
		line := layoutLine(t, s.preview.page, certificates.KeyName)
		if line.X < 20.5 {
			t.Errorf("preview not laid out again: name at %.1f mm", line.X)
		}
		e.numbers["w"].SetText("abc")
		if !e.fieldErr.Visible() || !contains(e.fieldErr.Text, "abc") {
			t.Errorf("message for a width that is not a number: %q", e.fieldErr.Text)
		}
	})

	t.Run("TapOnThePreviewSelectsTheField", func(t *testing.T) {
		_, _, s, e := openEditor(t)
		i := fieldIndex(e.tpl, certificates.KeyName)
		f := e.tpl.Fields[i]
		k, o := s.preview.scale()
		s.preview.Tapped(&fyne.PointEvent{Position: fyne.NewPos(o.X+k*float32(f.X+f.W/2), o.Y+k*float32(f.Y+f.H/2))})
		if e.sel != i || s.preview.selected != i {
			t.Errorf("tap selected field %d (preview %d), want %d", e.sel, s.preview.selected, i)
		}
		// Dragging moves it on the 0.5 mm grid.
		x0 := e.tpl.Fields[i].X
		s.preview.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(o.X+k*float32(f.X+f.W/2)+k*3.1, o.Y+k*float32(f.Y+f.H/2))},
			Dragged: fyne.Delta{DX: k * 3.1}})
		s.preview.DragEnd()
		if got := e.tpl.Fields[i].X; got != x0+3 {
			t.Errorf("dragged 3.1 mm: x %.2f, want %.2f", got, x0+3)
		}
	})

	t.Run("SaveStoresValidJSON", func(t *testing.T) {
		f, _, s, e := openEditor(t)
		i := fieldIndex(e.tpl, certificates.KeyName)
		e.selectField(i)
		e.nudge(0.5, 0, 0, 0)
		want := e.tpl.Fields[i].X
		test.Tap(e.save)
		data, err := f.Template("BKCT")
		if err != nil {
			t.Fatalf("nothing stored: %v", err)
		}
		tpl, err := certificates.ParseTemplate(data)
		if err != nil {
			t.Fatalf("stored template does not read back: %v\n%s", err, data)
		}
		if tpl.Fields[i].X != want {
			t.Errorf("stored x %.2f, want %.2f", tpl.Fields[i].X, want)
		}
		if e.dirty || !e.stored {
			t.Error("still marked unsaved")
		}
		if !s.templates[0].stored {
			t.Error("the print options do not offer the saved template")
		}
	})

	t.Run("InvalidTemplateIsNotStored", func(t *testing.T) {
		f, m, _, e := openEditor(t)
		i := fieldIndex(e.tpl, certificates.KeyName)
		e.selectField(i)
		e.numbers["w"].SetText("5000")
		test.Tap(e.save)
		if _, err := f.Template("BKCT"); khenthuong.ErrorCode(err) != khenthuong.ENOTFOUND {
			t.Errorf("an invalid template was stored (%v)", err)
		}
		if got := e.fieldErr.Text; !e.fieldErr.Visible() || !contains(got, "ra ngoài chiều rộng trang") {
			t.Errorf("message under the field reads %q", got)
		}
		if m.win.Canvas().Focused() != e.numbers["x"] {
			t.Errorf("the focus is on %T, not the X entry", m.win.Canvas().Focused())
		}
	})

	t.Run("ResetToDefaultDeletesTheStoredTemplate", func(t *testing.T) {
		f, m, _, e := openEditor(t)
		e.nudge(0, 0, 0, 0)
		e.selectField(0)
		e.nudge(1, 0, 0, 0)
		test.Tap(e.save)
		if _, err := f.Template("BKCT"); err != nil {
			t.Fatal(err)
		}
		e.resetToDefault()
		test.Tap(overlayButton(t, m.win.Canvas(), "Về mặc định"))
		if _, err := f.Template("BKCT"); khenthuong.ErrorCode(err) != khenthuong.ENOTFOUND {
			t.Errorf("template still stored after reset (%v)", err)
		}
		def := certificates.DefaultTemplateFor(&khenthuong.AwardForm{Code: "BKCT"})
		if e.tpl.Fields[0].X != def.Fields[0].X || e.stored {
			t.Error("the editor does not show the default again")
		}
	})

	t.Run("ExportAndImportJSON", func(t *testing.T) {
		_, _, s, e := openEditor(t)
		path := filepath.Join(t.TempDir(), "mau.json")
		s.files.save = func(_ fyne.Window, _ string, _ []string, done func(string)) { done(path) }
		s.files.open = func(_ fyne.Window, _ []string, done func(string)) { done(path) }
		e.selectField(2)
		e.nudge(2, 0, 0, 0)
		moved := e.tpl.Fields[2].X
		e.exportJSON()
		if _, err := certificates.ReadTemplate(mustOpen(t, path)); err != nil {
			t.Fatalf("exported file does not read back: %v", err)
		}
		e.nudge(-10, 0, 0, 0)
		e.importJSON()
		if e.tpl.Fields[2].X != moved || !e.dirty {
			t.Errorf("imported x %.1f (dirty %v), want %.1f", e.tpl.Fields[2].X, e.dirty, moved)
		}
	})

	t.Run("CloseAsksAboutUnsavedChanges", func(t *testing.T) {
		_, m, s, e := openEditor(t)
		e.selectField(1)
		e.nudge(1, 0, 0, 0)
		e.close()
		if s.editor == nil {
			t.Fatal("closed without asking")
		}
		test.Tap(overlayButton(t, m.win.Canvas(), "Bỏ thay đổi"))
		if s.editor != nil || s.preview.tpl != nil {
			t.Error("the editor is still open")
		}
	})
}

func mustOpen(tb testing.TB, path string) *os.File {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { f.Close() })
	return f
}
