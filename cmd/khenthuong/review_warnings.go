package main

import (
	"fmt"
	"io"
)

// maxReviewWarnings bounds the warnings printed after an approval; the rest
// are counted.
const maxReviewWarnings = 30

// printApprovalWarnings tells, after an approval, the warnings the window
// shows beside the nominations just approved (the same person twice, an
// earlier award, a quota exceeded): they never block, but a clerk on the
// command line must hear them too.
func printApprovalWarnings(w io.Writer, db dataStore, campaign uint64, ids []uint64) error {
	all, err := db.Warnings(campaign)
	if err != nil {
		return err
	}
	var lines []string
	warned := 0
	for _, id := range uniqueIDs(ids) {
		ws := all[id]
		if len(ws) == 0 {
			continue
		}
		warned++
		for _, x := range ws {
			lines = append(lines, fmt.Sprintf("  đề nghị %d: %s", id, x.Message))
		}
	}
	if warned == 0 {
		return nil
	}
	fmt.Fprintf(w, "Cảnh báo ở %d trong %d đề nghị vừa duyệt (không chặn việc duyệt; xem lại, rồi dùng --defer hoặc --reject nếu cần):\n", warned, len(uniqueIDs(ids)))
	for i, l := range lines {
		if i == maxReviewWarnings {
			fmt.Fprintf(w, "  … và %d cảnh báo khác (xem trong cửa sổ, trang Đề nghị)\n", len(lines)-i)
			break
		}
		fmt.Fprintln(w, l)
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
