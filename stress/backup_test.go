//go:build linux

package stress

import (
	"bytes"
	"path/filepath"
	"testing"
	"time"

	"khenthuong"
	"khenthuong/store"
	"khenthuong/synth"
)

// TestStressBackupRoundTrip backs up a file of 100,000 nominations, restores
// the backup over another file and compares the two files' content.
func TestStressBackupRoundTrip(t *testing.T) {
	long(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "khenthuong.db")
	start := time.Now()
	db, err := store.Open(path, store.Options{NoBackup: true})
	must(t, err)
	forms := synth.Forms(20)
	for i := range forms {
		must(t, db.SaveForm(&forms[i]))
	}
	g := synth.New(21)
	for _, c := range synth.Campaigns(2016, 10) {
		must(t, db.CreateCampaign(&c))
		ns := make([]khenthuong.Nomination, 10_000)
		for i := range ns {
			ns[i] = g.Nomination(c.ID, forms)
		}
		must(t, db.CreateNominations(ns))
	}
	t.Logf("100,000 nominations written in %v", time.Since(start))

	backup := filepath.Join(dir, "saoluu.db")
	start = time.Now()
	must(t, db.BackupTo(backup))
	var want bytes.Buffer
	must(t, db.ExportJSON(&want))
	must(t, db.Close())
	t.Logf("backup in %v", time.Since(start))

	// Restore over a different, smaller file.
	other := filepath.Join(dir, "other", "khenthuong.db")
	newDataFile(t, other)
	start = time.Now()
	must(t, store.Restore(backup, other, store.Options{}))
	t.Logf("restore in %v", time.Since(start))
	if r := cli(t, other, "check"); r.code != 0 {
		t.Fatalf("check after the restore: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	got := exportJSON(t, other)
	if !bytes.Equal(want.Bytes(), got) {
		t.Fatalf("the restored content differs from the original (%d bytes of JSON, want %d)", len(got), want.Len())
	}
	if n := nominationCount(t, other); n != 100_000 {
		t.Fatalf("%d nominations after the restore, want 100,000", n)
	}
	t.Logf("identical content: %d MB of exported JSON", want.Len()>>20)
}
