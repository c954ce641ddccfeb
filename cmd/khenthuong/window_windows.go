package main

import (
	"os"
	"syscall"
	"time"
	"unsafe"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
)

var (
	// user32 is typing_windows.go's.
	procSystemParametersInfoW = user32.NewProc("SystemParametersInfoW")
	procGetDpiForSystem       = user32.NewProc("GetDpiForSystem")
	procMonitorFromPoint      = user32.NewProc("MonitorFromPoint")
	procMonitorFromWindow     = user32.NewProc("MonitorFromWindow")
	procGetMonitorInfoW       = user32.NewProc("GetMonitorInfoW")
	procGetWindowRect         = user32.NewProc("GetWindowRect")
	procSetWindowPos          = user32.NewProc("SetWindowPos")
	procShowWindow            = user32.NewProc("ShowWindow")
	procIsZoomed              = user32.NewProc("IsZoomed")
	procIsWindowVisible       = user32.NewProc("IsWindowVisible")
	procGetWindowPlacement    = user32.NewProc("GetWindowPlacement")
)

type rect struct{ Left, Top, Right, Bottom int32 }

type monitorInfo struct {
	Size    uint32
	Monitor rect
	Work    rect
	Flags   uint32
}

type windowPlacement struct {
	Length, Flags, ShowCmd   uint32
	MinPosition, MaxPosition struct{ X, Y int32 }
	NormalPosition           rect
}

const (
	spiGetWorkArea       = 0x0030
	monitorDefaultToNull = 0
	monitorDefaultToNear = 2
	swpNoSize            = 0x0001
	swpNoZOrder          = 0x0004
	swpNoActivate        = 0x0010
	swMaximize           = 3
)

// dpiScale is the scale Fyne draws at: the system's (1.25 at 125 %) times
// FYNE_SCALE, rounded to a tenth as Fyne rounds it — 1.3 at 125 %, which
// leaves a 1366×768 screen about 1050×590 logical pixels.
func dpiScale() float32 {
	system := float32(1)
	if procGetDpiForSystem.Find() == nil { // Windows 10 1607 and later
		if dpi, _, _ := procGetDpiForSystem.Call(); dpi != 0 {
			system = float32(dpi) / 96
		}
	}
	return fyneScale(system, os.Getenv("FYNE_SCALE"))
}

// workArea is the primary screen less the taskbar, in logical pixels.
func workArea() fyne.Size {
	var r rect
	ok, _, _ := procSystemParametersInfoW.Call(spiGetWorkArea, 0, uintptr(unsafe.Pointer(&r)), 0)
	if ok == 0 {
		return fyne.Size{}
	}
	s := dpiScale()
	return fyne.NewSize(float32(r.Right-r.Left)/s, float32(r.Bottom-r.Top)/s)
}

// systemDarkMode reads Windows' "app mode": dark only when the clerk chose it.
var systemDarkMode = func() bool {
	var key syscall.Handle
	path, _ := syscall.UTF16PtrFromString(`Software\Microsoft\Windows\CurrentVersion\Themes\Personalize`)
	if syscall.RegOpenKeyEx(syscall.HKEY_CURRENT_USER, path, 0, syscall.KEY_QUERY_VALUE, &key) != nil {
		return false // older Windows: light
	}
	defer syscall.RegCloseKey(key)
	name, _ := syscall.UTF16PtrFromString("AppsUseLightTheme")
	var value, typ uint32
	n := uint32(4)
	if syscall.RegQueryValueEx(key, name, nil, &typ, (*byte)(unsafe.Pointer(&value)), &n) != nil || typ != syscall.REG_DWORD {
		return false
	}
	return value == 0
}

// hwnd is the window's handle, 0 before it exists.
func hwnd(w fyne.Window) uintptr {
	var h uintptr
	if nw, ok := w.(driver.NativeWindow); ok {
		nw.RunNative(func(ctx any) {
			if c, ok := ctx.(driver.WindowsWindowContext); ok {
				h = c.HWND
			}
		})
	}
	return h
}

// placeWindow puts the window, once shown, where it was when last closed
// if that spot is on a screen still attached, else in the middle of the
// work area of its screen; and maximises it if it was.
func placeWindow(a fyne.App, w fyne.Window, s windowState) {
	a.Lifecycle().SetOnStarted(func() {
		fyne.Do(func() {
			h := hwnd(w)
			if h == 0 {
				return
			}
			var r rect
			procGetWindowRect.Call(h, uintptr(unsafe.Pointer(&r)))
			x, y := int32(s.X), int32(s.Y)
			if !s.Placed || !onAScreen(x+40, y+20) {
				x, y = centred(h, r)
			}
			procSetWindowPos.Call(h, 0, uintptr(x), uintptr(y), 0, 0, swpNoSize|swpNoZOrder|swpNoActivate)
			if s.Maximized {
				maximizeWhenShown(h, 40)
			}
		})
	})
}

// maximizeWhenShown maximises the window once it is on screen: maximised
// earlier, it comes back to its normal size as Fyne shows it.
func maximizeWhenShown(h uintptr, tries int) {
	time.AfterFunc(100*time.Millisecond, func() {
		fyne.Do(func() {
			if v, _, _ := procIsWindowVisible.Call(h); v == 0 && tries > 0 {
				maximizeWhenShown(h, tries-1)
				return
			}
			procShowWindow.Call(h, swMaximize)
		})
	})
}

// onAScreen reports whether the point (the title bar's) is on a screen.
func onAScreen(x, y int32) bool {
	m, _, _ := procMonitorFromPoint.Call(uintptr(uint32(x))|uintptr(uint32(y))<<32, monitorDefaultToNull)
	return m != 0
}

// centred is where window rectangle r sits in the middle of its screen's work area.
func centred(h uintptr, r rect) (int32, int32) {
	m, _, _ := procMonitorFromWindow.Call(h, monitorDefaultToNear)
	mi := monitorInfo{Size: uint32(unsafe.Sizeof(monitorInfo{}))}
	if m == 0 {
		return r.Left, r.Top
	}
	if ok, _, _ := procGetMonitorInfoW.Call(m, uintptr(unsafe.Pointer(&mi))); ok == 0 {
		return r.Left, r.Top
	}
	w, hgt := r.Right-r.Left, r.Bottom-r.Top
	x := mi.Work.Left + max(0, (mi.Work.Right-mi.Work.Left-w)/2)
	y := mi.Work.Top + max(0, (mi.Work.Bottom-mi.Work.Top-hgt)/2)
	return x, y
}

// windowMaximized reports whether the window is maximised now.
func windowMaximized(w fyne.Window) bool {
	h := hwnd(w)
	if h == 0 {
		return false
	}
	z, _, _ := procIsZoomed.Call(h)
	return z != 0
}

// windowPlace is where the window's frame is (its place when not maximised).
func windowPlace(w fyne.Window) (x, y int, ok bool) {
	h := hwnd(w)
	if h == 0 {
		return 0, 0, false
	}
	wp := windowPlacement{Length: uint32(unsafe.Sizeof(windowPlacement{}))}
	if r, _, _ := procGetWindowPlacement.Call(h, uintptr(unsafe.Pointer(&wp))); r == 0 {
		return 0, 0, false
	}
	return int(wp.NormalPosition.Left), int(wp.NormalPosition.Top), true
}
