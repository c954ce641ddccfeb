package ui

import (
	"context"
	"errors"
	"slices"

	"khenthuong/certificates"
	"khenthuong/page"
	"khenthuong/printing"
)

// runStream sends a streamed document: a first pass, which keeps no page,
// counts the pages (the first half of the bar) so that the range can be
// read; the printer then gets only the pages of that range, laid out again
// as they are sent.
func (p *printDialog) runStream(ctx context.Context, job printing.Job, prof *certificates.PrinterProfile, pageSpec string, bar func(float64) func(int, int)) (printing.Result, error) {
	stream := func(yield func(page.Page) error) error {
		return p.req.stream(ctx, prof, func(pg page.Page) error {
			if err := ctx.Err(); err != nil {
				return err
			}
			return yield(pg)
		})
	}
	n, counted := 0, bar(0)
	err := stream(func(page.Page) error {
		n++
		if n <= p.req.total { // a count gone stale shows no more
			counted(n, p.req.total)
		}
		return nil
	})
	if err != nil {
		return printing.Result{}, err
	}
	counted(n, n)
	which, err := printing.ParsePages(pageSpec, n)
	if err != nil {
		return printing.Result{}, err
	}
	job.Stream = pickPages(stream, which)
	job.Progress = bar(0.5)
	return p.sys.print(ctx, job)
}

// errPicked stops a stream once every chosen page has been handed on.
var errPicked = errors.New("the chosen pages are all sent")

// pickPages streams the pages of stream at the indexes which, in which's
// order. Indexes in ascending order (the usual "1-3, 7") pass each page on
// as it is laid out and stop after the last; any other order holds only
// the chosen pages, to hand them in the order asked.
func pickPages(stream func(yield func(page.Page) error) error, which []int) func(yield func(page.Page) error) error {
	if slices.IsSorted(which) {
		return func(yield func(page.Page) error) error {
			if len(which) == 0 {
				return nil
			}
			i, k := 0, 0
			err := stream(func(pg page.Page) error {
				for ; i < len(which) && which[i] == k; i++ {
					if err := yield(pg); err != nil {
						return err
					}
				}
				if k++; i == len(which) {
					return errPicked
				}
				return nil
			})
			if errors.Is(err, errPicked) {
				return nil
			}
			return err
		}
	}
	return func(yield func(page.Page) error) error {
		held := make(map[int]page.Page, len(which))
		for _, k := range which {
			held[k] = page.Page{}
		}
		k := 0
		err := stream(func(pg page.Page) error {
			if _, ok := held[k]; ok {
				held[k] = pg
			}
			k++
			return nil
		})
		if err != nil {
			return err
		}
		for _, k := range which {
			if err := yield(held[k]); err != nil {
				return err
			}
		}
		return nil
	}
}
