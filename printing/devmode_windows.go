package printing

import "unsafe"

const dcCollate = 22

// deviceCap is one of the driver's capabilities (DeviceCapabilities), −1
// when it does not say.
func deviceCap(name *uint16, index int) int {
	r, _, _ := procDeviceCaps.Call(uintptr(unsafe.Pointer(name)), 0, uintptr(index), 0, 0)
	return int(int32(r))
}

// driverMakesCopies tells whether the job's copies are left to the driver
// (dmCopies): it must make that many, and collate them when a copy has more
// than one page; otherwise the pages are drawn once per copy, in order, so
// the copies come out collated whatever the driver (Wine's PostScript
// driver, for one, says it cannot collate).
func driverMakesCopies(name *uint16, copies, pages int) bool {
	if copies <= 1 || deviceCap(name, dcCopies) < copies {
		return false
	}
	return pages == 1 || deviceCap(name, dcCollate) > 0
}
