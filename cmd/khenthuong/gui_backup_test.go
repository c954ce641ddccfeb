package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"khenthuong"
	"khenthuong/store"
)

// TestWindowDailyBackup: the window's background backup writes the day's
// compressed copy; on a damaged file it tells the clerk, naming the backup
// to restore, and the window's writes are refused.
func TestWindowDailyBackup(t *testing.T) {
	saved := backupDelay
	backupDelay = 0
	t.Cleanup(func() { backupDelay = saved })
	a := test.NewApp()
	t.Cleanup(a.Quit)

	path := filepath.Join(t.TempDir(), "khenthuong.db")
	mustCLI(t, path, "demo") // takes the day's backup
	good, err := store.LatestBackup(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(good); err != nil { // as if taken yesterday and rotated away
		t.Fatal(err)
	}

	t.Run("Sound", func(t *testing.T) {
		db, err := store.Open(path, store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		w := test.NewWindow(widget.NewLabel("Khen thưởng"))
		defer w.Close()
		dailyBackup(db, w)
		if bs, _ := store.BackupsOf(path); len(bs) != 1 || !strings.HasSuffix(bs[0], ".db.zst") {
			t.Fatalf("backups %v", bs)
		}
		if w.Canvas().Overlays().Top() != nil {
			t.Error("a dialog for a backup that went well")
		}
	})
	t.Run("Damaged", func(t *testing.T) {
		good, _ = store.LatestBackup(path)
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(strings.Replace(string(data), "Trương", "Trưưng", 1)), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Remove(good); err != nil { // force today's backup again
			t.Fatal(err)
		}
		other := filepath.Join(filepath.Dir(good), "khenthuong-20200101-080000.db")
		if err := os.WriteFile(other, []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
		db, err := store.Open(path, store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		w := test.NewWindow(widget.NewLabel("Khen thưởng"))
		defer w.Close()
		dailyBackup(db, w)
		top := w.Canvas().Overlays().Top()
		if top == nil {
			t.Fatal("no dialog for a damaged file")
		}
		shown := strings.Join(texts(top), " ")
		for _, want := range []string{"hỏng", other} {
			if !strings.Contains(shown, want) {
				t.Errorf("the dialog says %q, want %q", shown, want)
			}
		}
		if err := db.CreateCampaign(&khenthuong.Campaign{Name: "Đợt mới", Type: khenthuong.CampaignAnnual}); khenthuong.ErrorCode(err) != khenthuong.ECORRUPT {
			t.Errorf("a write after the damage was found: %v", err)
		}
	})
}

// texts gathers the text shown by o and everything inside it.
func texts(o fyne.CanvasObject) []string {
	switch x := o.(type) {
	case *widget.Label:
		return []string{x.Text}
	case *canvas.Text:
		return []string{x.Text}
	case *fyne.Container:
		var out []string
		for _, c := range x.Objects {
			out = append(out, texts(c)...)
		}
		return out
	case fyne.Widget:
		var out []string
		for _, c := range test.WidgetRenderer(x).Objects() {
			out = append(out, texts(c)...)
		}
		return out
	}
	return nil
}
