package main

// Vietnamese typing through Unikey, EVKey or OpenKey. These tools rewrite the
// word being typed by sending backspaces and Unicode letters to the focused
// window. Some send the backspace as a Unicode character '\b' (SendInput with
// KEYEVENTF_UNICODE, or a posted WM_CHAR) rather than as the Backspace key:
// Windows then delivers a WM_CHAR 0x08 with no VK_BACK key press, and GLFW,
// under Fyne, drops every control character, so "Nguyeenx" became "Nguyeễn".
//
// A message hook on the thread that runs the window's message loop (the main
// thread: Fyne locks it in its init, before this one runs) turns such a
// WM_CHAR 0x08 into a Backspace key press, which GLFW hands Fyne as
// fyne.KeyBackspace. A WM_CHAR 0x08 that follows a real VK_BACK key press is
// left alone (GLFW drops it and the key press already did the work), and so
// is Ctrl+H.

import (
	"os"
	"sync/atomic"
	"syscall"
	"unsafe"
)

var (
	user32                 = syscall.NewLazyDLL("user32.dll")
	procSetWindowsHookExW  = user32.NewProc("SetWindowsHookExW")
	procCallNextHookEx     = user32.NewProc("CallNextHookEx")
	procPostMessageW       = user32.NewProc("PostMessageW")
	procGetCurrentThreadID = kernel32.NewProc("GetCurrentThreadId")
)

const (
	whGetMessage = 3
	pmRemove     = 1
	wmKeyDown    = 0x0100
	wmKeyUp      = 0x0101
	wmChar       = 0x0102
	wmSysKeyDown = 0x0104
	vkBack       = 0x08
	vkPacket     = 0xE7
	scanBack     = 0x0E // the Backspace key's scan code, for GLFW's key table

	keyDownLParam = 1 | scanBack<<16                 // repeat count 1
	keyUpLParam   = 1 | scanBack<<16 | 1<<30 | 1<<31 // previous state down, released
)

// winMsg is the Win32 MSG structure.
type winMsg struct {
	hwnd     uintptr
	message  uint32
	wParam   uintptr
	lParam   uintptr
	time     uint32
	pt       struct{ x, y int32 }
	lPrivate uint32
}

var (
	// fixBackspace is off only when a test wants to see the problem
	// (KHENTHUONG_NO_BACKSPACE_FIX=1).
	fixBackspace = os.Getenv("KHENTHUONG_NO_BACKSPACE_FIX") == ""
	// lastKeyDown is the virtual key of the last key press since the last
	// character; 0 when none. Touched only on the main thread.
	lastKeyDown uintptr
	// windowSeen is set once a message for a window arrives: the GUI is up.
	windowSeen atomic.Bool
	// getMsgHook keeps the callback reachable for as long as the process runs.
	getMsgHook uintptr
)

func init() {
	if wantsConsole(os.Args[1:]) {
		return // a subcommand: no window, no message loop
	}
	getMsgHook = syscall.NewCallback(getMsgProc)
	tid, _, _ := procGetCurrentThreadID.Call()
	procSetWindowsHookExW.Call(whGetMessage, getMsgHook, 0, tid)
}

// getMsgProc sees every message the main thread takes from its queue, before
// GLFW translates and dispatches it.
func getMsgProc(code, wParam, lParam uintptr) uintptr {
	if int32(code) >= 0 && wParam == pmRemove && lParam != 0 {
		// lParam points to the MSG (the usual Win32 callback conversion,
		// written so that go vet accepts it).
		m := *(**winMsg)(unsafe.Pointer(&lParam))
		if m.hwnd != 0 {
			windowSeen.Store(true)
		}
		switch m.message {
		case wmKeyDown, wmSysKeyDown:
			lastKeyDown = m.wParam
		case wmChar:
			if m.wParam == vkBack && fixBackspace && (lastKeyDown == vkPacket || lastKeyDown == 0) {
				// The dropped '\b' becomes a Backspace press, then its release.
				m.message, m.wParam, m.lParam = wmKeyDown, vkBack, keyDownLParam
				lastKeyDown = vkBack
				procPostMessageW.Call(m.hwnd, wmKeyUp, vkBack, keyUpLParam)
			} else {
				lastKeyDown = 0
			}
		}
	}
	r, _, _ := procCallNextHookEx.Call(0, code, wParam, lParam)
	return r
}
