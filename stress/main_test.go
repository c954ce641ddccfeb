//go:build linux

// Package stress holds the reliability tests of the whole program: the real
// binary killed in the middle of writes, a file locked by another process, a
// read-only file, a full disk, damaged files and a large backup round trip.
// The quick ones run under `make test`; the long ones are named Stress... and
// run with `make stress`.
package stress

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"khenthuong"
	"khenthuong/store"
	"khenthuong/synth"
)

// bin is the khenthuong binary built for the tests.
var bin string

// rssHelperEnv makes the test binary a small helper that runs the rest of its
// arguments and prints the child's peak resident memory in kilobytes. Through
// it the figure is the program's own: a child started straight from the test
// process inherits the test's high-water mark (Linux keeps it across exec).
const rssHelperEnv = "KHENTHUONG_RSS_HELPER"

func TestMain(m *testing.M) {
	if os.Getenv(rssHelperEnv) != "" {
		os.Exit(rssHelper(os.Args[1:]))
	}
	dir, err := os.MkdirTemp("", "khenthuong-stress-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	bin = filepath.Join(dir, "khenthuong")
	build := exec.Command("go", "build", "-tags", "migrated_fynedo", "-o", bin, "khenthuong/cmd/khenthuong")
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "go build:", err)
		_ = os.RemoveAll(dir)
		os.Exit(1)
	}
	code := m.Run()
	_ = os.RemoveAll(dir)
	os.Exit(code)
}

// stressEnv, set by `make stress`, enables the long tests (named Stress...);
// `make test` runs only the quick ones.
const stressEnv = "KHENTHUONG_STRESS"

// long skips a long test unless `make stress` runs it.
func long(t *testing.T) {
	t.Helper()
	if os.Getenv(stressEnv) == "" {
		t.Skipf("a long test: run it with `make stress` (%s=1)", stressEnv)
	}
}

// childEnv is the environment of the binary: a Vietnamese locale (fyne
// complains about "C").
func childEnv() []string {
	return append(os.Environ(), "LANG=vi_VN.UTF-8", "LC_ALL=vi_VN.UTF-8")
}

func rssHelper(args []string) int {
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Stdout, cmd.Stderr = io.Discard, os.Stderr
	err := cmd.Run()
	if cmd.ProcessState == nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		return 1
	}
	// The figure also for a command that fails (a file refused): its exit code follows.
	fmt.Println(ru.Maxrss)
	return cmd.ProcessState.ExitCode()
}

// result is what one run of the binary printed and returned.
type result struct {
	stdout, stderr string
	code           int
	took           time.Duration
}

// cli runs the binary on the data file db and waits at most a minute.
func cli(t testing.TB, db string, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, append([]string{"--db", db}, args...)...)
	cmd.Env = childEnv()
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	start := time.Now()
	err := cmd.Run()
	r := result{stdout: out.String(), stderr: errb.String(), took: time.Since(start)}
	if err != nil {
		ee, ok := err.(*exec.ExitError)
		if !ok {
			t.Fatalf("%v: %v", args, err)
		}
		r.code = ee.ExitCode()
	}
	return r
}

// newDataFile creates a data file at path with one campaign and returns the campaign.
func newDataFile(t testing.TB, path string) khenthuong.Campaign {
	t.Helper()
	db, err := store.Open(path, store.Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	forms := synth.Forms(20)
	for i := range forms {
		must(t, db.SaveForm(&forms[i]))
	}
	c := synth.Campaigns(2025, 1)[0]
	if err := db.CreateCampaign(&c); err != nil {
		t.Fatal(err)
	}
	return c
}

// writeXLSX writes a unit's list of n individuals drawn by package synth,
// in the layout of the import template.
func writeXLSX(t testing.TB, path string, n int, seed uint64) {
	t.Helper()
	forms := synth.Forms(20)
	g := synth.New(seed)
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	must(t, sw.SetRow("A1", []any{"DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG"}))
	must(t, sw.SetRow("A3", []any{"STT", "Danh xưng", "Họ và tên", "Giới tính", "Ngày sinh", "Chức vụ", "Đơn vị",
		"Hình thức khen thưởng", "Thành tích", "Đơn vị đề nghị", "Số tờ trình"}))
	units := synth.Units()
	for i := 0; i < n; i++ {
		name, gender := g.Person()
		title, gtext := "Ông", "Nam"
		if gender == khenthuong.Female {
			title, gtext = "Bà", "Nữ"
		}
		unit := units[i%len(units)]
		row := []any{i + 1, title, name, gtext, fmt.Sprintf("%02d/%02d/%d", 1+i%28, 1+i%12, 1960+i%40), "Chuyên viên",
			unit, forms[i%4].Name, "Đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm 2024", unit,
			fmt.Sprintf("%d/TTr-UBND", 1+i%90)}
		cell, _ := excelize.CoordinatesToCellName(1, 4+i)
		must(t, sw.SetRow(cell, row))
	}
	must(t, sw.Flush())
	must(t, f.SaveAs(path))
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// copyFile copies src to dst.
func copyFile(t testing.TB, src, dst string) {
	t.Helper()
	in, err := os.Open(src)
	must(t, err)
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o600)
	must(t, err)
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	must(t, out.Close())
}

// nominationCount opens the file read-only and counts its nominations.
func nominationCount(t testing.TB, path string) int {
	t.Helper()
	db, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("open after the run: %v", err)
	}
	defer db.Close()
	ns, err := db.Nominations(khenthuong.NominationFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return len(ns)
}
