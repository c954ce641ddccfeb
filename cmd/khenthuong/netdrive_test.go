package main

import (
	"path/filepath"
	"testing"
)

func TestUNCPaths(t *testing.T) {
	for _, tc := range []struct {
		path string
		unc  bool
	}{
		{`\\may-chu\du-lieu\khenthuong.db`, true},
		{`//may-chu/du-lieu/khenthuong.db`, true},
		{`\\?\UNC\may-chu\du-lieu\khenthuong.db`, true},
		{`\\?\C:\Users\canbo\khenthuong.db`, false},
		{`C:\Users\canbo\khenthuong.db`, false},
		{`/home/canbo/khenthuong.db`, false},
		{`\\`, false},
	} {
		if got := isUNC(tc.path); got != tc.unc {
			t.Errorf("isUNC(%q) = %v, want %v", tc.path, got, tc.unc)
		}
	}
}

func TestLocalFileIsOpenedForWriting(t *testing.T) {
	db := filepath.Join(t.TempDir(), "mới", "khenthuong.db") // not created yet: its folder decides
	if err := refuseNetworkFile(db); err != nil {
		t.Fatalf("a local file refused: %v", err)
	}
}
