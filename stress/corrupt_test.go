//go:build linux

package stress

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

const corruptRuns = 400

// listing is what a clerk reads of a file: its campaigns, forms and
// nominations, as JSON; "" when the file does not open.
func listing(t *testing.T, path string) string {
	t.Helper()
	var b strings.Builder
	for _, what := range []string{"campaigns", "forms", "nominations"} {
		r := cli(t, path, "list", what, "--json")
		if r.code != 0 {
			return ""
		}
		b.WriteString(r.stdout)
	}
	return b.String()
}

// TestStressRandomCorruption flips one random byte of a data file, 400
// times: either `check` reports the damage (in Vietnamese, naming the backup
// to restore, and writes are then refused), or what a clerk reads is
// unchanged (the byte fell in free space). Silent damage is a failure.
func TestStressRandomCorruption(t *testing.T) {
	long(t)
	path := damagedFile(t)
	data, err := os.ReadFile(path)
	must(t, err)
	want := listing(t, path)
	rnd := rand.New(rand.NewPCG(42, 17))
	var detected, harmless, refusedToOpen int
	for i := range corruptRuns {
		p := cloneWithBackups(t, path, "c"+strconv.Itoa(i))
		bad := []byte(string(data))
		at := rnd.IntN(len(bad))
		bad[at] ^= byte(1 + rnd.IntN(255))
		must(t, os.WriteFile(p, bad, 0o600))
		r := cli(t, p, "check")
		if r.code != 0 {
			detected++
			msg := r.stdout + r.stderr
			if !strings.Contains(msg, "bản sao lưu") || strings.Contains(msg, "panic") || strings.Contains(msg, "page ") {
				t.Errorf("byte %d: check's message does not name the backup in Vietnamese:\n%s", at, msg)
			}
			if w := cli(t, p, "campaign", "new", "--name", "Đợt mới"); w.code == 0 {
				t.Errorf("byte %d: a write was accepted on a file check calls damaged", at)
			}
			continue
		}
		got := listing(t, p)
		if got == "" {
			refusedToOpen++
			continue
		}
		if got != want {
			t.Errorf("byte %d (page %d): silent damage, check passed and the content changed", at, at/4096)
			continue
		}
		harmless++
		_ = os.RemoveAll(filepath.Dir(p))
	}
	t.Logf("%d random one-byte corruptions: %d reported by check (message naming the backup, writes refused), %d harmless (free space), %d silently changing content, %d refused by reading only",
		corruptRuns, detected, harmless, corruptRuns-detected-harmless-refusedToOpen, refusedToOpen)
}
