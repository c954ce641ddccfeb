package main

import (
	"fmt"
	"path/filepath"
	"syscall"
	"unsafe"
)

var procShellExecuteW = syscall.NewLazyDLL("shell32.dll").NewProc("ShellExecuteW")

// openWithDefaultApp opens a file (a PDF of certificates, an Excel roster)
// with the program Windows associates with its type, as a double-click in
// Explorer would. ShellExecuteW takes the path as UTF-16, so folders named
// with Vietnamese letters ("C:\Users\Nguyễn Văn A\...") work, and no console
// window flashes (no cmd.exe, no rundll32 with a file:// URL).
func openWithDefaultApp(path string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	verb, err := syscall.UTF16PtrFromString("open")
	if err != nil {
		return err
	}
	file, err := syscall.UTF16PtrFromString(abs)
	if err != nil {
		return err
	}
	dir, err := syscall.UTF16PtrFromString(filepath.Dir(abs))
	if err != nil {
		return err
	}
	const swShowNormal = 1
	r, _, callErr := procShellExecuteW.Call(0, uintptr(unsafe.Pointer(verb)), uintptr(unsafe.Pointer(file)),
		0, uintptr(unsafe.Pointer(dir)), swShowNormal)
	if r <= 32 { // ShellExecute returns a value above 32 on success
		return fmt.Errorf("ShellExecute %q: mã %d (%v)", abs, r, callErr)
	}
	return nil
}

// fileOpener opens saved documents for the screens.
var fileOpener = openWithDefaultApp
