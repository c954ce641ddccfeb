package main

import (
	"path/filepath"
	"strings"
	"testing"

	"khenthuong"
)

func TestNetworkMountNotOpenedForWriting(t *testing.T) {
	for magic, kind := range networkMagic {
		t.Run(kind, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "khenthuong.db")
			mustCLI(t, db, "demo") // the file exists, made while it was local
			old := fsType
			fsType = func(string) (int64, error) { return magic, nil }
			defer func() { fsType = old }()
			_, errOut, code := cli(t, db, "demo")
			if code == 0 || !strings.Contains(errOut, kind) || !strings.Contains(errOut, "máy chủ văn phòng") {
				t.Fatalf("demo on a %s: exit %d, %s", kind, code, errOut)
			}
			// Reading stays possible (a clerk may look at a copy on a share).
			if _, errOut, code := cli(t, db, "list", "campaigns"); code != 0 {
				t.Fatalf("reading a file on a %s: exit %d, %s", kind, code, errOut)
			}
			if khenthuong.ErrorCode(refuseNetworkFile(db)) != khenthuong.EINVALID {
				t.Fatal("refuseNetworkFile let it through")
			}
		})
	}
}
