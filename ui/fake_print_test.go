package ui

import (
	"cmp"
	"encoding/json"
	"slices"
	"strings"
	"sync"

	"khenthuong"
	"khenthuong/vntext"
)

// The fake's PrintService: certificate templates by form code and printer
// profiles by folded name, kept as the store keeps them (see store/print.go).
// fakeServices' own struct is left as it is: this state hangs off it in a
// side table, so the fake's files can grow independently.

type fakePrintState struct {
	templates map[string][]byte
	printers  map[string]khenthuong.PrinterProfile // folded name -> profile
}

var fakePrintStates sync.Map // *fakeServices -> *fakePrintState

// printState returns f's print data; f.mu must be held.
func (f *fakeServices) printState() *fakePrintState {
	st, _ := fakePrintStates.LoadOrStore(f, &fakePrintState{templates: map[string][]byte{}, printers: map[string]khenthuong.PrinterProfile{}})
	return st.(*fakePrintState)
}

// fakeCode is a form code as the catalogue keys it: upper case, no spaces.
func fakeCode(code string) string { return strings.ToUpper(strings.Join(strings.Fields(code), "")) }

func (f *fakeServices) Template(formCode string) ([]byte, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	code := fakeCode(formCode)
	data, ok := f.printState().templates[code]
	if !ok {
		return nil, khenthuong.Errorf(khenthuong.ENOTFOUND, "Hình thức %s dùng mẫu mặc định", code)
	}
	return slices.Clone(data), nil
}

func (f *fakeServices) SaveTemplate(formCode string, data []byte) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	formCode = fakeCode(formCode)
	if !json.Valid(data) {
		return khenthuong.Errorf(khenthuong.EINVALID, "Mẫu in của hình thức %s không phải JSON hợp lệ", formCode)
	}
	if f.formIndex(formCode) < 0 {
		return khenthuong.Errorf(khenthuong.ENOTFOUND, "Không có hình thức khen thưởng mã “%s”", formCode)
	}
	f.printState().templates[formCode] = slices.Clone(data)
	return nil
}

func (f *fakeServices) DeleteTemplate(formCode string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	delete(f.printState().templates, fakeCode(formCode))
	return nil
}

func (f *fakeServices) Printers() ([]khenthuong.PrinterProfile, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var ps []khenthuong.PrinterProfile
	for _, p := range f.printState().printers {
		ps = append(ps, p)
	}
	slices.SortFunc(ps, func(a, b khenthuong.PrinterProfile) int { return cmp.Compare(vntext.Fold(a.Name), vntext.Fold(b.Name)) })
	return ps, nil
}

func (f *fakeServices) Printer(name string) (*khenthuong.PrinterProfile, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	p, ok := f.printState().printers[vntext.Fold(name)]
	if !ok {
		return nil, khenthuong.Errorf(khenthuong.ENOTFOUND, "Chưa có máy in “%s”", vntext.Clean(name))
	}
	return &p, nil
}

func (f *fakeServices) SavePrinter(p *khenthuong.PrinterProfile) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	p.Normalize()
	if err := p.Validate(); err != nil {
		return err
	}
	f.printState().printers[vntext.Fold(p.Name)] = *p
	return nil
}

func (f *fakeServices) DeletePrinter(name string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	key := vntext.Fold(name)
	if _, ok := f.printState().printers[key]; !ok {
		return khenthuong.Errorf(khenthuong.ENOTFOUND, "Không có máy in “%s”", vntext.Clean(name))
	}
	delete(f.printState().printers, key)
	return nil
}
