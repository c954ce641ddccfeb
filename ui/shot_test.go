package ui

import (
	"flag"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/theme"
)

var shotDir = flag.String("shots", "", "write PNG pictures of the screens with sample data into this folder")

// TestScreenshots draws each screen with sample data for a person to look
// at: go test -tags migrated_fynedo ./ui/ -run Screenshots -shots /tmp/shots
// testdata/main-window.png and campaign-form-errors.png were made with it
// (nominations.png and campaign-form-errors2.png), to show the layout in
// review without running anything.
func TestScreenshots(t *testing.T) {
	if *shotDir == "" {
		t.Skip("no -shots folder")
	}
	f := newFake()
	seedCampaign(t, f, "Tổng kết phong trào Toàn dân bảo vệ an ninh Tổ quốc giai đoạn 2014 - 2023", sampleNominations()...)
	m := newTestUI(t, f)
	fyneApp().Settings().SetTheme(theme.DefaultTheme())
	m.win.Resize(fyneSize(1280, 800))
	save := func(name string) {
		waitAll(m)
		img := m.win.Canvas().Capture()
		out, err := os.Create(filepath.Join(*shotDir, name+".png"))
		if err != nil {
			t.Fatal(err)
		}
		defer out.Close()
		if err := png.Encode(out, img); err != nil {
			t.Fatal(err)
		}
	}
	save("campaigns")
	m.campaigns.newItem()
	m.campaigns.editor.from.SetText("01/06/2024")
	m.campaigns.editor.to.SetText("01/01/2024")
	m.campaigns.editor.submit()
	save("campaign-form-errors")
	m.campaigns.editor.name.SetText("Hằng năm 2024")
	m.campaigns.editor.submit()
	save("campaign-form-errors2")
	dismissDialogs(m.win.Canvas())
	showPage(t, m, pageNominations)
	save("nominations")
	m.nominations.table.selectRow(3)
	m.nominations.editSelected()
	save("nomination-form")
	dismissDialogs(m.win.Canvas())
	showPage(t, m, pageCatalogue)
	save("catalogue")
	m.catalogue.table.selectRow(2)
	m.catalogue.editSelected()
	save("catalogue-form")
	dismissDialogs(m.win.Canvas())
	showPage(t, m, pageSettings)
	save("settings")
	// Quyết định and Tra cứu are drawn with decisions by TestDecisionScreenshots.
}
