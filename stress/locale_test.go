//go:build linux

package stress

import (
	"bytes"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// Under the POSIX locale of servers and containers (LANG=C.UTF-8), Fyne's
// start-up used to log "Error parsing user locale C" before every command.
func TestCommandsQuietUnderPOSIXLocale(t *testing.T) {
	for _, locale := range []string{"C.UTF-8", "C", "POSIX", "", "vi_VN.UTF-8"} {
		t.Run("LANG="+locale, func(t *testing.T) {
			env := []string{"PATH=" + os.Getenv("PATH"), "HOME=" + t.TempDir()}
			if locale != "" {
				env = append(env, "LANG="+locale)
			}
			var stdout, stderr bytes.Buffer
			cmd := exec.Command(bin, "version")
			cmd.Env, cmd.Stdout, cmd.Stderr = env, &stdout, &stderr
			if err := cmd.Run(); err != nil {
				t.Fatalf("version: %v; stderr: %s", err, stderr.String())
			}
			if !strings.HasPrefix(stdout.String(), "khenthuong ") || stderr.Len() != 0 {
				t.Errorf("version printed %q with %q on stderr; want the version and nothing on stderr", stdout.String(), stderr.String())
			}

			// The logger is given back: a wrong command still explains itself.
			stderr.Reset()
			cmd = exec.Command(bin, "list", "nothing")
			cmd.Env, cmd.Stderr = env, &stderr
			err := cmd.Run()
			if exit, ok := err.(*exec.ExitError); !ok || exit.ExitCode() != 2 || !strings.Contains(stderr.String(), "không liệt kê được") {
				t.Errorf("list nothing: %v, stderr %q; want exit code 2 and the Vietnamese message", err, stderr.String())
			}
		})
	}
}
