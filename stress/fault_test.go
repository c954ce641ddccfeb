//go:build linux

package stress

import (
	"bytes"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"khenthuong"
	"khenthuong/store"
	"khenthuong/synth"
)

// TestLock: while one process holds the data file, a second one is told within
// 2 s that it is open elsewhere, and the first keeps working.
func TestLock(t *testing.T) {
	path := filepath.Join(t.TempDir(), "khenthuong.db")
	newDataFile(t, path)
	db, err := store.Open(path, store.Options{NoBackup: true})
	must(t, err)
	defer db.Close()

	r := cli(t, path, "list", "campaigns")
	if r.code == 0 || !strings.Contains(r.stderr, "đang được mở") {
		t.Fatalf("second process: exit %d, stderr %q; want the “đang được mở” message", r.code, r.stderr)
	}
	if r.took > 2*time.Second {
		t.Errorf("the second process took %v to report the lock, want under 2 s", r.took)
	}
	t.Logf("the second process reported the lock after %v", r.took)

	// The first process goes on reading and writing.
	c := synth.Campaigns(2026, 1)[0]
	must(t, db.CreateCampaign(&c))
	cs, err := db.Campaigns()
	must(t, err)
	if len(cs) != 2 {
		t.Fatalf("%d campaigns after the lock, want 2", len(cs))
	}
}

// immutable makes path unwritable even for root (chattr +i) and undoes it at cleanup.
func immutable(t *testing.T, path string) {
	t.Helper()
	if os.Geteuid() != 0 {
		must(t, os.Chmod(path, 0o400))
		must(t, os.Chmod(filepath.Dir(path), 0o500))
		t.Cleanup(func() { _ = os.Chmod(filepath.Dir(path), 0o700); _ = os.Chmod(path, 0o600) })
		return
	}
	chattr, err := exec.LookPath("chattr")
	if err != nil {
		t.Skip("running as root without chattr: a read-only file cannot be simulated")
	}
	if out, err := exec.Command(chattr, "+i", path).CombinedOutput(); err != nil {
		t.Skipf("chattr +i is not supported here (%v: %s)", err, out)
	}
	t.Cleanup(func() { _ = exec.Command(chattr, "-i", path).Run() })
}

// TestReadOnlyFile: writing to a read-only data file gives a clear message
// and leaves the file as it was.
func TestReadOnlyFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "khenthuong.db")
	c := newDataFile(t, path)
	xlsx := filepath.Join(dir, "10.xlsx")
	writeXLSX(t, xlsx, 10, 3)
	before, err := os.ReadFile(path)
	must(t, err)
	immutable(t, path)

	r := cli(t, path, "import", xlsx, "--campaign", strconv.FormatUint(c.ID, 10))
	if r.code == 0 || !strings.Contains(r.stderr, "Không có quyền") {
		t.Fatalf("import into a read-only file: exit %d, stderr %q; want “Không có quyền ...”", r.code, r.stderr)
	}
	t.Logf("message: %s", strings.TrimSpace(r.stderr))
	after, err := os.ReadFile(path)
	must(t, err)
	if !bytes.Equal(before, after) {
		t.Fatal("the read-only data file changed")
	}
}

// TestFullDisk: an import, a review and a backup onto a full disk each say
// that the disk is full, which disk, and that nothing changed, and leave the
// file as it was. It needs root to mount a small tmpfs.
func TestFullDisk(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("mounting a small tmpfs needs root")
	}
	mnt := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=6m", "tmpfs", mnt).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs (%v: %s)", err, out)
	}
	t.Cleanup(func() { _ = exec.Command("umount", mnt).Run() })

	work := t.TempDir()
	src := filepath.Join(work, "khenthuong.db")
	c := newDataFile(t, src)
	db, err := store.Open(src, store.Options{NoBackup: true})
	must(t, err)
	g := synth.New(5)
	ns := make([]khenthuong.Nomination, 500)
	for i := range ns {
		ns[i] = g.Nomination(c.ID, synth.Forms(20))
		ns[i].Status = khenthuong.StatusSubmitted
	}
	must(t, db.CreateNominations(ns))
	must(t, db.Close())
	path := filepath.Join(mnt, "khenthuong.db")
	copyFile(t, src, path)
	// Today's backup is taken: the commands' own writes meet the full disk.
	db, err = store.Open(path, store.Options{})
	must(t, err)
	_, err = db.DailyBackup()
	must(t, err)
	must(t, db.Close())
	xlsx := filepath.Join(work, "2000.xlsx")
	writeXLSX(t, xlsx, 2000, 4)
	before := exportJSON(t, path)
	campaign := strconv.FormatUint(c.ID, 10)

	fullDisk := func(t *testing.T, what string, r result) {
		t.Helper()
		if r.code == 0 {
			t.Fatalf("%s onto a full disk succeeded:\n%s", what, r.stdout)
		}
		for _, want := range []string{"đã đầy", mnt, "không thay đổi"} {
			if !strings.Contains(r.stderr, want) {
				t.Errorf("%s onto a full disk: stderr %q, want %q", what, r.stderr, want)
			}
		}
		t.Logf("%s: exit %d, message: %s", what, r.code, strings.TrimSpace(r.stderr))
		// bbolt grows the file (sparsely) and may have written pages that no
		// committed page refers to: the bytes differ, the content must not.
		if r := cli(t, path, "check"); r.code != 0 {
			t.Fatalf("check after the full disk: exit %d\n%s%s", r.code, r.stdout, r.stderr)
		}
		if after := exportJSON(t, path); !bytes.Equal(before, after) {
			t.Error("the content of the data file changed on a full disk")
		}
	}
	// Fill what is left of the disk.
	filler, err := os.Create(filepath.Join(mnt, "filler"))
	must(t, err)
	chunk := make([]byte, 64<<10)
	for {
		if _, err := filler.Write(chunk); err != nil {
			break
		}
	}
	for n := len(chunk) / 2; n > 0; n /= 2 {
		_, _ = filler.Write(chunk[:n])
	}
	must(t, filler.Close())
	t.Run("Review", func(t *testing.T) {
		fullDisk(t, "review", cli(t, path, "review", "--campaign", campaign, "--approve", "all-submitted"))
	})
	t.Run("Import", func(t *testing.T) {
		fullDisk(t, "import", cli(t, path, "import", xlsx, "--campaign", campaign))
		if n := nominationCount(t, path); n != len(ns) {
			t.Errorf("%d nominations after a failed import, want %d", n, len(ns))
		}
	})
	t.Run("Backup", func(t *testing.T) {
		out := filepath.Join(mnt, "saoluu.db")
		fullDisk(t, "backup", cli(t, path, "backup", "-o", out))
		if _, err := os.Stat(out); err == nil {
			t.Error("a partial backup was left")
		}
	})
}

// exportJSON is the content of the data file as ExportJSON writes it.
func exportJSON(t *testing.T, path string) []byte {
	t.Helper()
	db, err := store.Open(path, store.Options{ReadOnly: true})
	must(t, err)
	defer db.Close()
	var buf bytes.Buffer
	must(t, db.ExportJSON(&buf))
	return buf.Bytes()
}

// damagedFile writes a data file with a backup beside it and returns its path.
func damagedFile(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "khenthuong.db")
	c := newDataFile(t, path)
	db, err := store.Open(path, store.Options{})
	must(t, err)
	_, err = db.DailyBackup()
	must(t, err)
	g := synth.New(2)
	forms := synth.Forms(20)
	ns := make([]khenthuong.Nomination, 500)
	for i := range ns {
		ns[i] = g.Nomination(c.ID, forms)
	}
	must(t, db.CreateNominations(ns))
	must(t, db.Close())
	return path
}

// cloneWithBackups copies a data file and its backups into a folder of its
// own, under the same name: backups belong to their data file only.
func cloneWithBackups(t *testing.T, path, sub string) string {
	t.Helper()
	dir := filepath.Join(filepath.Dir(path), sub)
	must(t, os.MkdirAll(filepath.Join(dir, "backups"), 0o700))
	bs, err := store.BackupsOf(path)
	must(t, err)
	for _, b := range bs {
		copyFile(t, b, filepath.Join(dir, "backups", filepath.Base(b)))
	}
	p := filepath.Join(dir, filepath.Base(path))
	copyFile(t, path, p)
	return p
}

// refused checks that check reports the damage, that the program refuses to
// open the file, and that the latest backup is offered.
func refused(t *testing.T, path string) {
	t.Helper()
	r := cli(t, path, "check")
	if r.code == 0 {
		t.Fatalf("check passed a damaged file:\n%s", r.stdout)
	}
	if !strings.Contains(r.stdout+r.stderr, "hỏng") && !strings.Contains(r.stdout+r.stderr, "lỗi") {
		t.Errorf("check: %q%q, want a Vietnamese message about the damage", r.stdout, r.stderr)
	}
	backup, err := store.LatestBackup(path)
	if err != nil {
		t.Fatalf("no backup offered: %v", err)
	}
	if !strings.Contains(r.stderr, backup) {
		t.Errorf("check: %q does not name the backup %s", r.stderr, backup)
	}
	if fi, err := os.Stat(backup); err != nil || fi.Size() == 0 {
		t.Fatalf("backup %s: %v", backup, err)
	}
	if _, err := store.Open(path, store.Options{NoBackup: true}); err == nil {
		t.Fatal("the store opened a damaged file for writing")
	} else if e, ok := err.(*khenthuong.Error); ok && e.Code == khenthuong.ECORRUPT &&
		!strings.Contains(e.Message, filepath.Base(backup)) {
		t.Errorf("open: %q does not offer the backup %s", e.Message, backup)
	}
	r = cli(t, path, "list", "campaigns")
	if r.code == 0 {
		t.Fatalf("list opened a damaged file:\n%s", r.stdout)
	}
}

func TestTruncatedFile(t *testing.T) {
	path := damagedFile(t)
	fi, err := os.Stat(path)
	must(t, err)
	for _, size := range []int64{fi.Size() / 2, 4096 * 3, 100} {
		t.Run(strconv.FormatInt(size, 10), func(t *testing.T) {
			p := cloneWithBackups(t, path, "cut"+strconv.FormatInt(size, 10))
			must(t, os.Truncate(p, size))
			refused(t, p)
		})
	}
}

func TestFlippedBytes(t *testing.T) {
	path := damagedFile(t)
	data, err := os.ReadFile(path)
	must(t, err)
	detected := 0
	const runs = 5
	for seed := range uint64(runs) {
		rnd := rand.New(rand.NewPCG(seed, 77))
		bad := bytes.Clone(data)
		for range 64 {
			i := rnd.IntN(len(bad))
			bad[i] ^= byte(1 + rnd.IntN(255))
		}
		p := cloneWithBackups(t, path, "flip"+strconv.FormatUint(seed, 10))
		must(t, os.WriteFile(p, bad, 0o600))
		if r := cli(t, p, "check"); r.code != 0 {
			detected++
			continue
		}
		t.Logf("seed %d: 64 flipped bytes went unnoticed by check (they fell in free or unused space)", seed)
	}
	if detected == 0 {
		t.Fatal("check noticed none of the damaged files")
	}
	// The meta pages and the root pages: flipped there, the file must be refused.
	bad := bytes.Clone(data)
	for i := 16; i < 64; i++ {
		bad[i] ^= 0x5a
		bad[4096+i] ^= 0x5a
	}
	p := cloneWithBackups(t, path, "meta")
	must(t, os.WriteFile(p, bad, 0o600))
	refused(t, p)
}

// TestBackupToReadOnlyPlace: `backup -o` onto a read-only disk names that
// disk, not the data file's.
func TestBackupToReadOnlyPlace(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("mounting a read-only tmpfs needs root")
	}
	mnt := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", mnt).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs (%v: %s)", err, out)
	}
	t.Cleanup(func() { _ = exec.Command("umount", mnt).Run() })
	path := filepath.Join(t.TempDir(), "khenthuong.db")
	newDataFile(t, path)
	r := cli(t, path, "backup", "-o", filepath.Join(mnt, "saoluu.db"))
	if r.code == 0 {
		t.Fatal("a backup onto a read-only disk succeeded")
	}
	for _, want := range []string{"chỉ cho đọc", mnt, "không thay đổi"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr %q lacks %q", r.stderr, want)
		}
	}
	if strings.Contains(r.stderr, filepath.Dir(path)) {
		t.Errorf("stderr %q blames the data file's disk", r.stderr)
	}
	t.Logf("message: %s", strings.TrimSpace(r.stderr))
}

// TestNewFileOnAFullDisk: creating a data file (here by `demo`) on a disk
// too small leaves no empty or half-made data file behind (issue 17).
func TestNewFileOnAFullDisk(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("mounting a small tmpfs needs root")
	}
	mnt := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", mnt).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs (%v: %s)", err, out)
	}
	t.Cleanup(func() { _ = exec.Command("umount", mnt).Run() })
	path := filepath.Join(mnt, "khenthuong.db")
	r := cli(t, path, "demo")
	if r.code == 0 {
		t.Skip("the demo fitted in 64 KB")
	}
	if !strings.Contains(r.stderr, "đã đầy") {
		t.Errorf("stderr %q, want the disk named as full", r.stderr)
	}
	if fi, err := os.Stat(path); err == nil {
		if fi.Size() == 0 {
			t.Fatal("an empty data file was left")
		}
		if r := cli(t, path, "check"); r.code != 0 {
			t.Fatalf("the data file left is not whole: %s%s", r.stdout, r.stderr)
		}
	}
	if tmps, _ := filepath.Glob(filepath.Join(mnt, ".khenthuong-*")); len(tmps) != 0 {
		t.Errorf("temporary files left: %v", tmps)
	}
	t.Logf("message: %s", strings.TrimSpace(r.stderr))
}
