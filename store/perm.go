package store

import (
	"log/slog"
	"os"
	"runtime"
)

// tightenMode makes a data file others can read private again (it holds
// names, birth years, gender): a copy made by hand or an old version may have
// left it open to the group or everyone. Windows has no such bits.
func tightenMode(path string) {
	if runtime.GOOS == "windows" {
		return
	}
	fi, err := os.Stat(path)
	if err != nil || fi.Mode().Perm()&0o077 == 0 {
		return
	}
	if err := os.Chmod(path, fi.Mode().Perm()&0o700); err != nil {
		slog.Warn("store: cannot make the data file private", "path", path, "err", err)
		return
	}
	slog.Info("store: made the data file private", "path", path, "was", fi.Mode().Perm().String())
}
