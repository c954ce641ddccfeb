package store

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"khenthuong"
)

// helperEnv makes the test binary, re-run as a child, hold a data file open
// until its standard input closes: a second window in another process.
const helperEnv = "KHENTHUONG_STORE_HOLD"

func TestMain(m *testing.M) {
	if path := os.Getenv(importEnv); path != "" {
		importChild(path)
	}
	if path := os.Getenv(statusEnv); path != "" {
		statusChild(path)
	}
	if path := os.Getenv(helperEnv); path != "" {
		db, err := Open(path, Options{NoBackup: true})
		if err != nil {
			os.Stdout.WriteString("error: " + err.Error() + "\n")
			os.Exit(1)
		}
		os.Stdout.WriteString("ready\n")
		_, _ = bufio.NewReader(os.Stdin).ReadString('\n') // until the parent closes the pipe
		_ = db.Close()
		os.Exit(0)
	}
	code := m.Run()
	cleanupBench()
	cleanupReviewBench()
	os.Exit(code)
}

func TestSecondOpenIsLocked(t *testing.T) {
	path := filepath.Join(t.TempDir(), "khenthuong.db")
	openAt(t, path, testOptions())

	start := time.Now()
	_, err := Open(path, Options{Timeout: 2 * time.Second})
	took := time.Since(start)
	e := wantCode(t, err, khenthuong.ELOCKED, "")
	if !strings.Contains(e.Message, "đang được mở trong một cửa sổ Khen thưởng khác") || !strings.Contains(e.Message, path) {
		t.Errorf("message %q", e.Message)
	}
	if took > 3*time.Second {
		t.Errorf("ELOCKED after %v, want about 2s", took)
	}

	// A read-only opening (CheckFile, Restore's source) does not hang either.
	_, err = CheckFile(path)
	wantCode(t, err, khenthuong.ELOCKED, "")
	// Nor does a restore onto the open file.
	src := filepath.Join(t.TempDir(), "src.db")
	sdb, err := Open(src, testOptions())
	mustNil(t, err)
	mustNil(t, sdb.Close())
	opts := testOptions()
	opts.Timeout = 200 * time.Millisecond
	wantCode(t, Restore(src, path, opts), khenthuong.ELOCKED, "")
}

func TestLockedByAnotherProcess(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a child process")
	}
	path := filepath.Join(t.TempDir(), "Nguyễn Văn A", "khenthuong.db")
	db, err := Open(path, testOptions())
	mustNil(t, err)
	mustNil(t, db.Close())

	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), helperEnv+"="+path)
	stdin, err := cmd.StdinPipe()
	mustNil(t, err)
	stdout, err := cmd.StdoutPipe()
	mustNil(t, err)
	mustNil(t, cmd.Start())
	defer func() {
		_ = stdin.Close()
		_ = cmd.Wait()
	}()
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil || line != "ready\n" {
		t.Fatalf("child: %q %v", line, err)
	}

	start := time.Now()
	_, err = Open(path, Options{Timeout: time.Second})
	wantCode(t, err, khenthuong.ELOCKED, "")
	if took := time.Since(start); took > 2*time.Second {
		t.Errorf("ELOCKED after %v", took)
	}

	// Once the other window closes, the file opens.
	_ = stdin.Close()
	mustNil(t, cmd.Wait())
	db = openAt(t, path, testOptions())
	if _, err := db.Campaigns(); err != nil {
		t.Fatal(err)
	}
}
