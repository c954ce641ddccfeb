package ui

import (
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

// TestScreenshotsLaptop draws every page at the laptop's 1050×536 (a
// 1366×768 screen at 125 %), for a person to check that each is usable
// there: go test -tags migrated_fynedo ./ui/ -run ScreenshotsLaptop -shots DIR
func TestScreenshotsLaptop(t *testing.T) {
	if *shotDir == "" {
		t.Skip("no -shots folder")
	}
	m := onALaptop(t)
	save := func(name string) {
		t.Helper()
		settle(m)
		img := m.win.Canvas().Capture()
		out, err := os.Create(filepath.Join(*shotDir, "laptop-"+name+".png"))
		if err != nil {
			t.Fatal(err)
		}
		defer out.Close()
		if err := png.Encode(out, img); err != nil {
			t.Fatal(err)
		}
	}
	names := [numPages]string{"dashboard", "campaigns", "nominations", "decisions", "printing", "lookup", "catalogue", "settings"}
	for p := range numPages {
		showPage(t, m, p)
		save(names[p])
	}
	showPage(t, m, pageDecisions)
	tapCell(t, m.decisions.table, 0, decColNumber)
	save("decision")
	showPage(t, m, pageNominations)
	m.nominations.newItem()
	save("nomination-form")
	dismissDialogs(m.win.Canvas())
	showPage(t, m, pageCatalogue)
	m.catalogue.openSeries()
	save("series")
	dismissDialogs(m.win.Canvas())
}
