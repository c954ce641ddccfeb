package store

import (
	"errors"
	"io/fs"
	"os"
	"time"
)

// Rotation keeps generations, as restic's forget --keep-daily 7
// --keep-weekly 4 --keep-monthly 12 does: the newest backup of each of the
// last 7 days that have one, of each of the last 4 weeks, and of each of the
// last 12 months. Everything of the last day is kept as well, so the copy
// taken before a restore never pushes out the morning's.

const (
	keepDaily   = 7
	keepWeekly  = 4
	keepMonthly = 12
	keepAllFor  = 24 * time.Hour
)

// backupsToKeep marks which of bs (oldest first) the rotation keeps at now.
func backupsToKeep(bs []backupFile, now time.Time) []bool {
	keep := make([]bool, len(bs))
	periods := []struct {
		n   int
		key func(time.Time) int
	}{
		{keepDaily, func(t time.Time) int { return t.Year()*1000 + t.YearDay() }},
		{keepWeekly, func(t time.Time) int { y, w := t.ISOWeek(); return y*100 + w }},
		{keepMonthly, func(t time.Time) int { return t.Year()*100 + int(t.Month()) }},
	}
	for _, p := range periods {
		seen := map[int]bool{}
		for i := len(bs) - 1; i >= 0 && len(seen) < p.n; i-- {
			k := p.key(bs[i].time())
			if !seen[k] {
				seen[k] = true
				keep[i] = true
			}
		}
	}
	for i, b := range bs {
		if now.Sub(b.time()) < keepAllFor {
			keep[i] = true
		}
	}
	return keep
}

// rotateBackups deletes the backups of dataPath in dir that the rotation drops.
func rotateBackups(dir, dataPath string, now time.Time) error {
	bs, err := listBackups(dir, dataPath)
	if err != nil {
		return err
	}
	// An empty name is a backup that did not finish: it counts for nothing,
	// and goes once it is old enough not to be one being written now.
	var full []backupFile
	for _, b := range bs {
		if b.size > 0 {
			full = append(full, b)
		} else if now.Sub(b.time()) > staleAfter {
			_ = os.Remove(b.path)
		}
	}
	bs = full
	for i, keep := range backupsToKeep(bs, now) {
		if keep {
			continue
		}
		if err := os.Remove(bs[i].path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	return nil
}
