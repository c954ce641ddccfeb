package printing

import (
	"fmt"
	"syscall"
	"unsafe"

	"golang.org/x/sys/windows"

	"khenthuong"
)

// The print spooler's functions (winspool.drv); x/sys/windows has none.
var (
	winspool              = windows.NewLazySystemDLL("winspool.drv")
	procEnumPrinters      = winspool.NewProc("EnumPrintersW")
	procGetDefaultPrinter = winspool.NewProc("GetDefaultPrinterW")
	procDeviceCaps        = winspool.NewProc("DeviceCapabilitiesW")
)

const (
	printerEnumLocal       = 0x2
	printerEnumConnections = 0x4
	printerStatusPaused    = 0x1
	printerStatusError     = 0x2
	printerStatusOffline   = 0x80
	dcBinNames             = 12
)

// printerInfo2 is PRINTER_INFO_2W.
type printerInfo2 struct {
	serverName, printerName, shareName, portName, driverName, comment, location *uint16
	devMode                                                                     uintptr
	sepFile, printProcessor, datatype, parameters                               *uint16
	securityDescriptor                                                          uintptr
	attributes, priority, defaultPriority, startTime, untilTime, status, jobs   uint32
	averagePPM                                                                  uint32
}

// List returns the spooler's printers (local and network connections), the
// default first.
func List() ([]Printer, error) {
	var needed, count uint32
	flags := uintptr(printerEnumLocal | printerEnumConnections)
	procEnumPrinters.Call(flags, 0, 2, 0, 0, uintptr(unsafe.Pointer(&needed)), uintptr(unsafe.Pointer(&count)))
	if needed == 0 {
		return nil, nil
	}
	buf := make([]byte, needed)
	r, _, err := procEnumPrinters.Call(flags, 0, 2, uintptr(unsafe.Pointer(&buf[0])), uintptr(needed),
		uintptr(unsafe.Pointer(&needed)), uintptr(unsafe.Pointer(&count)))
	if r == 0 {
		return nil, khenthuong.Internal(fmt.Errorf("EnumPrinters: %w", err))
	}
	infos := unsafe.Slice((*printerInfo2)(unsafe.Pointer(&buf[0])), count)
	def := defaultPrinter()
	ps := make([]Printer, 0, count)
	for _, in := range infos {
		p := Printer{
			Name:     windows.UTF16PtrToString(in.printerName),
			Info:     windows.UTF16PtrToString(in.driverName),
			Location: windows.UTF16PtrToString(in.location),
			Status:   "idle",
		}
		switch {
		case in.status&printerStatusPaused != 0:
			p.Status = "stopped"
		case in.status&(printerStatusError|printerStatusOffline) != 0:
			p.Status = "offline"
		}
		p.Default = p.Name == def
		ps = append(ps, p)
	}
	sortPrinters(ps)
	return ps, nil
}

func defaultPrinter() string {
	var n uint32
	procGetDefaultPrinter.Call(0, uintptr(unsafe.Pointer(&n)))
	if n == 0 {
		return ""
	}
	buf := make([]uint16, n)
	if r, _, _ := procGetDefaultPrinter.Call(uintptr(unsafe.Pointer(&buf[0])), uintptr(unsafe.Pointer(&n))); r == 0 {
		return ""
	}
	return windows.UTF16ToString(buf)
}

// Trays returns the names of the printer's paper bins (DC_BINNAMES).
func Trays(printer string) ([]string, error) {
	name, err := syscall.UTF16PtrFromString(printer)
	if err != nil {
		return nil, khenthuong.Errorf(khenthuong.EINVALID, "Tên máy in “%s” không hợp lệ", printer)
	}
	n, _, _ := procDeviceCaps.Call(uintptr(unsafe.Pointer(name)), 0, dcBinNames, 0, 0)
	if int32(n) <= 0 {
		return nil, nil
	}
	const width = 24 // each bin name is 24 WCHARs
	buf := make([]uint16, int(n)*width)
	procDeviceCaps.Call(uintptr(unsafe.Pointer(name)), 0, dcBinNames, uintptr(unsafe.Pointer(&buf[0])), 0)
	trays := make([]string, 0, n)
	for i := 0; i < int(n); i++ {
		trays = append(trays, windows.UTF16ToString(buf[i*width:(i+1)*width]))
	}
	return trays, nil
}
