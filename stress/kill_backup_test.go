//go:build linux

package stress

import (
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/klauspost/compress/zstd"

	"khenthuong"
	"khenthuong/store"
	"khenthuong/synth"
)

const killBackupRows = 5_000

// backupBase writes a data file of killBackupRows nominations and returns its campaign.
func backupBase(t *testing.T, path string) khenthuong.Campaign {
	t.Helper()
	c := newDataFile(t, path)
	db, err := store.Open(path, store.Options{NoBackup: true})
	must(t, err)
	defer db.Close()
	g := synth.New(9)
	forms := synth.Forms(20)
	ns := make([]khenthuong.Nomination, killBackupRows)
	for i := range ns {
		ns[i] = g.Nomination(c.ID, forms)
	}
	must(t, db.CreateNominations(ns))
	return c
}

// zstdWhole reports whether a compressed backup reads to its end.
func zstdWhole(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	zr, err := zstd.NewReader(f)
	if err != nil {
		return false
	}
	defer zr.Close()
	_, err = io.Copy(io.Discard, zr)
	return err == nil
}

// ageTemps makes the temporary files in dir look two hours old: what a
// killed program left, as the next day's start finds them.
func ageTemps(t *testing.T, dir string) int {
	t.Helper()
	names, _ := filepath.Glob(filepath.Join(dir, ".khenthuong-*.tmp"))
	old := time.Now().Add(-2 * time.Hour)
	for _, n := range names {
		must(t, os.Chtimes(n, old, old))
	}
	return len(names)
}

// TestStressRestoreKill kills `restore` at random moments: the data file
// passes check and holds either its own content or the backup's, and the
// temporary copy a kill leaves is removed by a later start.
func TestStressRestoreKill(t *testing.T) {
	long(t)
	dir := t.TempDir()
	base := filepath.Join(dir, "base", "khenthuong.db")
	must(t, os.MkdirAll(filepath.Dir(base), 0o700))
	c := backupBase(t, base)
	// The backup holds one campaign more than the file it will replace.
	db, err := store.Open(base, store.Options{NoBackup: true})
	must(t, err)
	extra := synth.Campaigns(2026, 1)[0]
	must(t, db.CreateCampaign(&extra))
	backup, err := db.SafetyBackup("test")
	must(t, err)
	must(t, db.Close())
	db, err = store.Open(base, store.Options{NoBackup: true})
	must(t, err)
	must(t, db.DeleteCampaign(extra.ID))
	must(t, db.Close())
	_ = c

	full := filepath.Join(dir, "full", "khenthuong.db")
	must(t, os.MkdirAll(filepath.Dir(full), 0o700))
	copyFile(t, base, full)
	r := cli(t, full, "restore", backup)
	if r.code != 0 {
		t.Fatalf("restore: exit %d\n%s", r.code, r.stderr)
	}
	took := r.took
	t.Logf("a complete restore of %d nominations takes %v", killBackupRows, took)

	rnd := rand.New(rand.NewPCG(17, 3))
	var old, restored, leftovers int
	for i := range crashRuns {
		run := filepath.Join(dir, "run"+strconv.Itoa(i))
		must(t, os.MkdirAll(run, 0o700))
		path := filepath.Join(run, "khenthuong.db")
		copyFile(t, base, path)
		delay := time.Duration(rnd.Int64N(int64(took) * 3 / 2))
		killAfter(t, delay, path, "restore", backup)
		leftovers += ageTemps(t, run)
		checkPasses(t, path) // a start: it also clears what the kill left
		if left := ageTemps(t, run); left != 0 {
			t.Fatalf("run %d: %d temporary files survive a later start", i, left)
		}
		ro, err := store.Open(path, store.Options{ReadOnly: true})
		must(t, err)
		cs, err := ro.Campaigns()
		must(t, err)
		must(t, ro.Close())
		switch len(cs) {
		case 1:
			old++
		case 2:
			restored++
		default:
			t.Fatalf("run %d (killed after %v): %d campaigns", i, delay, len(cs))
		}
	}
	t.Logf("%d kills survived: %d kept the file, %d had restored it; %d temporary files left by kills, all removed by the next start",
		crashRuns, old, restored, leftovers)
}

// TestStressDailyBackupKill kills the first write of the day, which takes
// the daily backup first: the data file passes check, and every backup the
// folder offers is whole.
func TestStressDailyBackupKill(t *testing.T) {
	long(t)
	dir := t.TempDir()
	base := filepath.Join(dir, "base", "khenthuong.db")
	must(t, os.MkdirAll(filepath.Dir(base), 0o700))
	c := backupBase(t, base)
	campaign := strconv.FormatUint(c.ID, 10)

	full := filepath.Join(dir, "full", "khenthuong.db")
	must(t, os.MkdirAll(filepath.Dir(full), 0o700))
	copyFile(t, base, full)
	r := cli(t, full, "review", "--campaign", campaign, "--approve", "all-submitted")
	if r.code != 0 {
		t.Fatalf("review: exit %d\n%s", r.code, r.stderr)
	}
	took := r.took
	t.Logf("the first write of the day (backup, then approving %d nominations) takes %v", killBackupRows, took)

	rnd := rand.New(rand.NewPCG(23, 5))
	var withBackup int
	for i := range crashRuns {
		run := filepath.Join(dir, "run"+strconv.Itoa(i))
		must(t, os.MkdirAll(run, 0o700))
		path := filepath.Join(run, "khenthuong.db")
		copyFile(t, base, path)
		delay := time.Duration(rnd.Int64N(int64(took) * 3 / 2))
		killAfter(t, delay, path, "review", "--campaign", campaign, "--approve", "all-submitted")
		checkPasses(t, path)
		bs, err := store.BackupsOf(path)
		must(t, err)
		for _, b := range bs {
			if !zstdWhole(b) {
				t.Fatalf("run %d (killed after %v): the backup %s offered is not whole", i, delay, b)
			}
		}
		if len(bs) > 0 {
			withBackup++
		}
	}
	t.Logf("%d kills survived: %d had taken the day's backup (whole), %d not yet", crashRuns, withBackup, crashRuns-withBackup)
}
