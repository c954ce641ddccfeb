package printing

import (
	"context"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"

	"khenthuong"
	"khenthuong/page"
	"khenthuong/vntext"
)

// Printer is one of the system's printers.
type Printer struct {
	Name     string `json:"name"`               // the system's name, which profiles are named after
	Default  bool   `json:"default"`            // the system's default printer
	Info     string `json:"info,omitempty"`     // description, model
	Location string `json:"location,omitempty"` // where it stands
	Status   string `json:"status,omitempty"`   // e.g. "idle", "stopped"
}

// Job is what is printed: pages in millimetres, the job's name in the
// spooler's queue (the decision's number), copies and the paper tray.
type Job struct {
	Printer string
	Title   string
	Copies  int    // 0 means 1
	Tray    string // one of Trays(printer); "" is the printer's own choice
	Paper   string // one of Papers' names; "" is the paper of the first page
	Pages   []page.Page
	// Stream, instead of Pages, hands the pages one at a time, from the
	// first each time it is called: a long document (a 100,000-recipient
	// list runs to ~3,100 pages) is printed without its pages held.
	Stream func(yield func(page.Page) error) error
	// Progress, when set, is told how many pages are done, from any goroutine.
	Progress func(done, total int)
}

// Result tells where the job went.
type Result struct {
	Printer string
	JobID   string // the spooler's id (CUPS: "Printer-12"; Windows: the job number)
	Pages   int
	Copies  int
}

// MaxCopies bounds the copies of one job: more is surely a typing mistake.
const MaxCopies = 999

// Print sends the job to its printer. Cancelling ctx stops it before the
// next page; pages already in the spooler are withdrawn where the system lets.
func Print(ctx context.Context, j Job) (Result, error) {
	if err := j.check(); err != nil {
		return Result{}, err
	}
	ps, err := List()
	if err != nil {
		return Result{}, err
	}
	if _, ok := Find(ps, j.Printer); !ok {
		return Result{}, khenthuong.Errorf(khenthuong.ENOTFOUND, "Không có máy in “%s” trên máy này (xem khenthuong printers)", j.Printer)
	}
	if j.Copies == 0 {
		j.Copies = 1
	}
	if j.Tray != "" {
		if err := checkTray(j.Printer, j.Tray); err != nil {
			return Result{}, err
		}
	}
	return submit(ctx, j)
}

// checkTray refuses a tray the printer's driver does not offer, naming the
// ones it does: a driver given an unknown tray would print from its default
// one without a word.
func checkTray(printer, tray string) error {
	trays, err := Trays(printer)
	if err != nil {
		return err
	}
	if slices.Contains(trays, tray) {
		return nil
	}
	if len(trays) == 0 {
		return khenthuong.Errorf(khenthuong.EINVALID, "Máy in “%s” không cho chọn khay giấy", printer)
	}
	return khenthuong.Errorf(khenthuong.EINVALID, "Máy in “%s” không có khay “%s” (các khay: %s)", printer, tray, strings.Join(trays, ", "))
}

func (j *Job) check() error {
	switch {
	case strings.TrimSpace(j.Printer) == "":
		return khenthuong.Errorf(khenthuong.EINVALID, "Chưa chọn máy in")
	case j.Copies < 0 || j.Copies > MaxCopies:
		return khenthuong.Errorf(khenthuong.EINVALID, "Số bản in %d không hợp lệ (từ 1 đến %d)", j.Copies, MaxCopies)
	case len(j.Pages) == 0 && j.Stream == nil:
		return khenthuong.Errorf(khenthuong.EINVALID, "Không có trang nào để in")
	}
	for i, p := range j.Pages {
		if !page.ValidSize(p.Width, p.Height) {
			return khenthuong.Errorf(khenthuong.EINVALID, "Trang %d: khổ giấy %g × %g mm không hợp lệ", i+1, p.Width, p.Height)
		}
	}
	return nil
}

// Find returns the printer of that name; the spooler's names are compared
// exactly, then case-insensitively (Windows names ignore case).
func Find(ps []Printer, name string) (Printer, bool) {
	for _, p := range ps {
		if p.Name == name {
			return p, true
		}
	}
	for _, p := range ps {
		if strings.EqualFold(p.Name, name) {
			return p, true
		}
	}
	return Printer{}, false
}

// sortPrinters puts the default first, then the others by name.
func sortPrinters(ps []Printer) {
	sort.SliceStable(ps, func(i, k int) bool {
		if ps[i].Default != ps[k].Default {
			return ps[i].Default
		}
		return vntext.Compare(ps[i].Name, ps[k].Name) < 0
	})
}

// Paper is a named sheet size, portrait (Width ≤ Height), in millimetres.
type Paper struct {
	Name          string // as CUPS and Windows call it: "A3", "A4"...
	Width, Height float64
}

// Papers are the sizes offices print on; any other page size is sent as a
// custom size.
var Papers = []Paper{
	{"A3", 297, 420},
	{"A4", 210, 297},
	{"A5", 148, 210},
	{"B4", 250, 353},
	{"B5", 176, 250},
	{"Letter", 215.9, 279.4},
	{"Legal", 215.9, 355.6},
}

// PaperFor names the paper a page of w × h mm prints on (either
// orientation); ok is false for a custom size.
func PaperFor(w, h float64) (p Paper, ok bool) {
	short, long := math.Min(w, h), math.Max(w, h)
	for _, p := range Papers {
		if math.Abs(p.Width-short) < 1 && math.Abs(p.Height-long) < 1 {
			return p, true
		}
	}
	return Paper{Name: fmt.Sprintf("%g×%g mm", round1(short), round1(long)), Width: short, Height: long}, false
}

func round1(v float64) float64 { return math.Round(v*10) / 10 }

// each hands the job's pages in order, from Pages or Stream, refusing a
// page no printer takes (a streamed page is checked as it comes).
func (j *Job) each(fn func(p *page.Page) error) error {
	n := 0
	visit := func(p *page.Page) error {
		n++
		if !page.ValidSize(p.Width, p.Height) {
			return khenthuong.Errorf(khenthuong.EINVALID, "Trang %d: khổ giấy %g × %g mm không hợp lệ", n, p.Width, p.Height)
		}
		return fn(p)
	}
	if j.Stream == nil {
		for i := range j.Pages {
			if err := visit(&j.Pages[i]); err != nil {
				return err
			}
		}
		return nil
	}
	return j.Stream(func(p page.Page) error { return visit(&p) })
}
