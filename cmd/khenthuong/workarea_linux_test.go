package main

import (
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"github.com/go-gl/glfw/v3.3/glfw"
)

// xvfb starts an X server of w×h pixels without a window manager and
// points DISPLAY at it for the test.
func xvfb(t *testing.T, w, h int) {
	t.Helper()
	bin, err := exec.LookPath("Xvfb")
	if err != nil {
		t.Fatal("Xvfb không có trên máy: cài gói xvfb (make setup)")
	}
	n := 500 + rand.IntN(400)
	cmd := exec.Command(bin, fmt.Sprintf(":%d", n), "-screen", "0", fmt.Sprintf("%dx%dx24", w, h), "-nolisten", "tcp")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	sock := filepath.Join("/tmp/.X11-unix", fmt.Sprintf("X%d", n))
	for i := 0; ; i++ {
		if _, err := os.Stat(sock); err == nil {
			break
		}
		if i == 100 {
			t.Fatalf("Xvfb :%d did not start", n)
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Setenv("DISPLAY", fmt.Sprintf(":%d", n))
	t.Setenv("FYNE_SCALE", "")
}

// The work area of a real X screen without a window manager is the whole
// screen, and the first window fits in it.
func TestWorkAreaWithoutWindowManager(t *testing.T) {
	for _, tc := range []struct {
		w, h        int
		work, first fyne.Size
	}{
		{1366, 768, fyne.NewSize(1366, 768), fyne.NewSize(1280, 728)},
		{1024, 600, fyne.NewSize(1024, 600), fyne.NewSize(1008, 560)},
		{1920, 1080, fyne.NewSize(1920, 1080), defaultWindowSize},
	} {
		t.Run(fmt.Sprintf("%dx%d", tc.w, tc.h), func(t *testing.T) {
			xvfb(t, tc.w, tc.h)
			work := workArea()
			glfw.Terminate() // the next screen is another X server
			if !near(work, tc.work) {
				t.Errorf("work area %v, want %v", work, tc.work)
			}
			if got := fitWorkArea(defaultWindowSize, work); !near(got, tc.first) {
				t.Errorf("first window %v, want %v", got, tc.first)
			}
		})
	}
}
