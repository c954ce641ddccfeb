//go:build unix

package atomicfile

import (
	"io"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestWriteHonoursUmask: a clerk (or an office) with umask 077 gets exports
// only they can read; the usual 022 gives files others can open.
func TestWriteHonoursUmask(t *testing.T) {
	old := syscall.Umask(0o077)
	t.Cleanup(func() { syscall.Umask(old) })
	for _, tc := range []struct {
		mask int
		want os.FileMode
	}{{0o077, 0o600}, {0o022, 0o644}} {
		syscall.Umask(tc.mask)
		path := filepath.Join(t.TempDir(), "danh-sach.csv")
		if err := Write(path, func(w io.Writer) error { _, err := w.Write([]byte("x")); return err }); err != nil {
			t.Fatal(err)
		}
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != tc.want {
			t.Errorf("umask %03o: mode %v, want %v", tc.mask, fi.Mode().Perm(), tc.want)
		}
	}
}
