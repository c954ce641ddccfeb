package main

import (
	"fmt"
	"io"
	"os"
	"runtime/debug"
)

// maxReviewWarnings bounds the warnings printed after an approval; the rest
// are counted.
const maxReviewWarnings = 30

// warningsPart is how many approved nominations have their warnings
// computed at a time: all-submitted may approve 100,000, with hundreds of
// thousands of warnings, of which only the first maxReviewWarnings are
// printed and the rest counted.
var warningsPart = 5000 // a variable for the tests

// printApprovalWarnings tells, after an approval, the warnings the window
// shows beside the nominations just approved (the same person twice, an
// earlier award, a quota exceeded): they never block, but a clerk on the
// command line must hear them too. They are computed by parts
// (WarningsOf gives a part's warnings as Warnings gives them), so memory
// holds one part's and the lines printed.
func printApprovalWarnings(w io.Writer, db dataStore, campaign uint64, ids []uint64) error {
	ids = uniqueIDs(ids)
	// A part keeps little, but the search index and the award cache are
	// there (82 MB in the 200,000 file, 235 MB in the 400,000 one): at Go's
	// default pace the heap of the 100,000 campaign's parts grew to twice
	// that. A soft limit under what is kept made the collector run without
	// end (42 s instead of 10 in the 400,000 file); collecting at a quarter
	// more than is kept costs a little time (6.8 s instead of 5.0 in the
	// 200,000 file, whose peak went from 272 to 191 MB).
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(25)
	}
	var lines []string
	warned, total := 0, 0
	for start := 0; start < len(ids); start += warningsPart {
		part := ids[start:min(start+warningsPart, len(ids))]
		ws, err := db.WarningsOf(campaign, part)
		if err != nil {
			return err
		}
		for _, id := range part {
			if len(ws[id]) > 0 {
				warned++
			}
			for _, x := range ws[id] {
				if total < maxReviewWarnings {
					lines = append(lines, fmt.Sprintf("  đề nghị %d: %s", id, x.Message))
				}
				total++
			}
		}
	}
	if warned == 0 {
		return nil
	}
	fmt.Fprintf(w, "Cảnh báo ở %d trong %d đề nghị vừa duyệt (không chặn việc duyệt; xem lại, rồi dùng --defer hoặc --reject nếu cần):\n", warned, len(ids))
	for _, l := range lines {
		fmt.Fprintln(w, l)
	}
	if total > len(lines) {
		fmt.Fprintf(w, "  … và %d cảnh báo khác (xem trong cửa sổ, trang Đề nghị)\n", total-len(lines))
	}
	return nil
}

// uniqueIDs is ids without repeats, in their order.
func uniqueIDs(ids []uint64) []uint64 {
	seen := make(map[uint64]bool, len(ids))
	out := make([]uint64, 0, len(ids))
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}
