//go:build !windows

package printing_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"khenthuong"
	"khenthuong/page"
	"khenthuong/printing"
	"khenthuong/printing/cupstest"
)

// stream hands pages one at a time, as a long document's layout does.
func stream(pages []page.Page) func(yield func(page.Page) error) error {
	return func(yield func(page.Page) error) error {
		for _, p := range pages {
			if err := yield(p); err != nil {
				return err
			}
		}
		return nil
	}
}

// A streamed job reaches the printer as the same pages as the job of a
// slice: same count, every word in the same place, the first page's paper.
func TestStreamedJobPrintsTheSamePagesAsTheSlice(t *testing.T) {
	s := cupstest.Start(t)
	out := s.FilePrinter("Phong_TD")
	pages := sheets(t, [2]float64{420, 297}, [2]float64{210, 297}, [2]float64{210, 297})
	printed := map[string][]byte{}
	for _, tc := range []struct {
		name string
		job  printing.Job
	}{
		{"slice", printing.Job{Printer: "Phong_TD", Title: "Danh sách", Pages: pages}},
		{"stream", printing.Job{Printer: "Phong_TD", Title: "Danh sách", Stream: stream(pages)}},
	} {
		res, err := printing.Print(context.Background(), tc.job)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if res.Pages != len(pages) || res.Copies != 1 {
			t.Fatalf("%s: result %+v", tc.name, res)
		}
		printed[tc.name] = s.WaitJob(res.JobID, out)
		if attrs := s.JobAttributes(res.JobID); attrs["media"] != "A3" {
			t.Errorf("%s: media %q, want A3 (the first page's)", tc.name, attrs["media"])
		}
	}
	compare(t, printed["slice"], printed["stream"])
	w, err := cupstest.Words(printed["stream"])
	if err != nil {
		t.Fatal(err)
	}
	if len(w) != len(pages) {
		t.Fatalf("the streamed job printed %d pages, want %d", len(w), len(pages))
	}
}

// A stream's bad page, error or emptiness stops the job before the spooler
// gets anything.
func TestStreamedJobRefusesBadPages(t *testing.T) {
	s := cupstest.Start(t)
	s.FilePrinter("Phong_TD")
	good := sheets(t, [2]float64{210, 297})
	broken := errors.New("layout broke")
	for _, tc := range []struct {
		name   string
		stream func(yield func(page.Page) error) error
		check  func(err error) bool
	}{
		{"empty", stream(nil), func(err error) bool {
			return khenthuong.ErrorCode(err) == khenthuong.EINVALID && strings.Contains(khenthuong.ErrorMessage(err), "Không có trang nào")
		}},
		{"bad size on page 2", stream(append(good, page.Page{Width: 1, Height: 1})), func(err error) bool {
			return khenthuong.ErrorCode(err) == khenthuong.EINVALID && strings.Contains(khenthuong.ErrorMessage(err), "Trang 2: khổ giấy 1 × 1 mm")
		}},
		{"layout error", func(yield func(page.Page) error) error {
			if err := yield(good[0]); err != nil {
				return err
			}
			return broken
		}, func(err error) bool { return errors.Is(err, broken) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := printing.Print(context.Background(), printing.Job{Printer: "Phong_TD", Stream: tc.stream})
			if !tc.check(err) {
				t.Fatalf("err = %v", err)
			}
		})
	}
	// The spooler numbers jobs from 1: a good job after them is its first.
	res, err := printing.Print(context.Background(), printing.Job{Printer: "Phong_TD", Stream: stream(good)})
	if err != nil {
		t.Fatal(err)
	}
	if res.JobID != "Phong_TD-1" {
		t.Fatalf("the good job is %s: a refused one reached the spooler", res.JobID)
	}
}
