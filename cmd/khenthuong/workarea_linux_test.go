package main

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"github.com/go-gl/glfw/v3.3/glfw"
)

// xvfb starts an X server of w×h pixels without a window manager and
// points DISPLAY at it for the test. Xvfb picks a free display itself and
// names it on a pipe once it accepts connections (-displayfd): a number
// chosen here could be another test's server, and its socket appears
// before it is ready.
func xvfb(t *testing.T, w, h int) {
	t.Helper()
	bin, err := exec.LookPath("Xvfb")
	if err != nil {
		t.Fatal("Xvfb không có trên máy: cài gói xvfb (make setup)")
	}
	r, wr, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	cmd := exec.Command(bin, "-displayfd", "3", "-screen", "0", fmt.Sprintf("%dx%dx24", w, h), "-nolisten", "tcp")
	cmd.ExtraFiles = []*os.File{wr}
	err = cmd.Start()
	wr.Close()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	display := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(r).ReadString('\n')
		display <- strings.TrimSpace(line)
	}()
	select {
	case n := <-display:
		if n == "" {
			t.Fatal("Xvfb did not start")
		}
		t.Setenv("DISPLAY", ":"+n)
	case <-time.After(20 * time.Second):
		t.Fatal("Xvfb did not start within 20 s")
	}
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
			if glfw.Init() == nil { // initialised by workArea, unless it could not be
				glfw.Terminate() // the next screen is another X server
			}
			if !near(work, tc.work) {
				t.Errorf("work area %v, want %v", work, tc.work)
			}
			if got := fitWorkArea(defaultWindowSize, work); !near(got, tc.first) {
				t.Errorf("first window %v, want %v", got, tc.first)
			}
		})
	}
}
