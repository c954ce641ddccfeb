package ui

import (
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"khenthuong"
	"khenthuong/store"
)

// Sao lưu ngay takes a copy of the file the window holds open, which the
// command line's backup cannot: the copy opens and holds the same data.
func TestBackUpNowFromTheWindow(t *testing.T) {
	dir := t.TempDir()
	db, err := store.Open(filepath.Join(dir, "khenthuong.db"), store.Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	c := khenthuong.Campaign{Name: "Tổng kết 2024"}
	if err := db.CreateCampaign(&c); err != nil {
		t.Fatal(err)
	}
	a := test.NewTempApp(t)
	m := New(a, db, Options{DataPath: "khenthuong.db"})
	t.Cleanup(func() { waitAll(m); m.win.Close() })
	waitAll(m)
	showPage(t, m, pageSettings)
	b := m.settings.backup
	if b == nil {
		t.Fatal("no Sao lưu ngay on a real store")
	}
	copyPath := filepath.Join(dir, "USB", "sao-luu.db")
	var suggested string
	b.files.save = func(_ fyne.Window, name string, _ []string, done func(string)) {
		suggested = name
		done(copyPath)
	}
	var gotErr error
	b.onDone = func(_ string, err error) { gotErr = err }
	test.Tap(b.button)
	b.running.Wait()
	drainUI()
	if gotErr != nil {
		t.Fatalf("backup: %v", gotErr)
	}
	if !contains(suggested, "khenthuong-sao-luu") {
		t.Errorf("suggested name %q", suggested)
	}
	if got := overlayText(m.win.Canvas()); !contains(got, "Đã sao lưu tệp dữ liệu vào "+copyPath) {
		t.Errorf("the window says %q", got)
	}
	dismissDialogs(m.win.Canvas())
	backup, err := store.Open(copyPath, store.Options{NoBackup: true, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer backup.Close()
	cs, err := backup.Campaigns()
	if err != nil || len(cs) != 1 || cs[0].Name != "Tổng kết 2024" {
		t.Errorf("the copy holds %+v, %v", cs, err)
	}

	t.Run("FakeHasNoButton", func(t *testing.T) {
		if newTestUI(t, newFake()).settings.backup != nil {
			t.Error("a service without backups shows Sao lưu ngay")
		}
	})
}
