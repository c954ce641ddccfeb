// Package scale makes the data file a clerk reaches after years, for the
// benchmarks of every package: ten yearly campaigns of nominations drawn by
// package synth, reviewed (nine in ten approved, the rest rejected with a
// reason) and issued (one decision per campaign and form, registry numbers
// drawn). A file is generated once per size and schema and kept in the
// system's temporary folder, so later runs start at once.
package scale

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"

	"khenthuong"
	"khenthuong/store"
	"khenthuong/synth"
)

// version changes when the generated content or the schema changes, so stale caches are not used.
const version = 2

// Forms is the catalogue of the generated files: the defaults widened to 20.
var Forms = synth.Forms(20)

// batch is how many nominations one write creates or reviews, as a clerk's
// imports and reviews do.
const batch = 5000

// File returns the path of the cached data file of n nominations (a
// multiple of 10), generating it first if needed. Callers must not write to
// it: Copy gives a file of their own.
func File(n int) (string, error) {
	return cached(fmt.Sprintf("years-%d-v%d.db", n, version), func(tmp string) error { return generate(tmp, n) })
}

// cached returns the path of the cached data file name, made by gen first
// if needed. It is generated under a name of its own and renamed:
// benchmarks of several packages may run at once, and none may see half a
// file.
func cached(name string, gen func(tmp string) error) (string, error) {
	dir := filepath.Join(os.TempDir(), "khenthuong-scale")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	path := filepath.Join(dir, name)
	if _, err := os.Stat(path); err == nil {
		return path, nil
	}
	tmp := path + "." + strconv.Itoa(os.Getpid()) + ".tmp"
	defer os.Remove(tmp)
	if err := gen(tmp); err != nil {
		return "", fmt.Errorf("generate %s: %w", path, err)
	}
	return path, os.Rename(tmp, path)
}

// Copy copies the cached file of n nominations into dir and returns the copy's path.
func Copy(n int, dir string) (string, error) {
	src, err := File(n)
	if err != nil {
		return "", err
	}
	return copyInto(src, dir)
}

// copyInto copies the file src into dir as khenthuong.db.
func copyInto(src, dir string) (string, error) {
	in, err := os.Open(src)
	if err != nil {
		return "", err
	}
	defer in.Close()
	dst := filepath.Join(dir, "khenthuong.db")
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o600)
	if err != nil {
		return "", err
	}
	if _, err := io.Copy(out, in); err != nil { // streamed: the copy costs the benchmark no memory
		out.Close()
		return "", err
	}
	// On disk before it is used: else the first write's sync would flush the
	// whole copy and be timed as if a write cost that.
	if err := out.Sync(); err != nil {
		out.Close()
		return "", err
	}
	return dst, out.Close()
}

func generate(path string, n int) error {
	db, err := store.Open(path, store.Options{NoBackup: true, User: "canbo"})
	if err != nil {
		return err
	}
	defer db.Close()
	for i := range Forms {
		if err := db.SaveForm(&Forms[i]); err != nil {
			return err
		}
	}
	g := synth.New(1)
	for y, c := range synth.Campaigns(2020, 10) {
		if err := db.CreateCampaign(&c); err != nil {
			return err
		}
		byForm := map[string][]uint64{}
		var forms []string
		for done := 0; done < n/10; done += batch {
			ns := make([]khenthuong.Nomination, min(batch, n/10-done))
			for i := range ns {
				ns[i] = g.Nomination(c.ID, Forms)
				ns[i].SubmissionDate = khenthuong.Date{Year: 2020 + y, Month: 10, Day: 1 + i%28}
			}
			if err := db.CreateNominations(ns); err != nil {
				return err
			}
			var approve, reject []uint64
			for i, nm := range ns {
				if i%10 == 9 {
					reject = append(reject, nm.ID)
					continue
				}
				approve = append(approve, nm.ID)
				if byForm[nm.FormCode] == nil {
					forms = append(forms, nm.FormCode)
				}
				byForm[nm.FormCode] = append(byForm[nm.FormCode], nm.ID)
			}
			if err := db.SetStatus(approve, khenthuong.StatusApproved, ""); err != nil {
				return err
			}
			if err := db.SetStatus(reject, khenthuong.StatusRejected, "Chưa đủ thời gian công tác theo quy định"); err != nil {
				return err
			}
		}
		for i, code := range forms {
			d := &khenthuong.Decision{CampaignID: c.ID, FormCode: code, Number: fmt.Sprintf("%d/QĐ-UBND", 100+i),
				Date: khenthuong.Date{Year: 2020 + y, Month: 12, Day: 20}, SignerTitle: "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH",
				SignerName: "Hoàng Nam", SubmissionNo: "86/TTr-SNV", SubmissionDate: khenthuong.Date{Year: 2020 + y, Month: 12, Day: 1},
				Achievement: "đã có thành tích xuất sắc trong phong trào thi đua năm " + strconv.Itoa(2020+y)}
			if err := db.CreateDecision(d, byForm[code]); err != nil {
				return fmt.Errorf("decision of %s: %w", code, err)
			}
			if _, err := db.IssueDecision(d.ID); err != nil {
				return fmt.Errorf("issue %s: %w", code, err)
			}
		}
	}
	return nil
}

// Nominations draws n nominations of campaign id as a unit's list brings
// them (a seed of their own: other names than the file's).
func Nominations(campaignID uint64, n int) ([]khenthuong.Nomination, error) {
	g := synth.New(7)
	ns := make([]khenthuong.Nomination, n)
	for i := range ns {
		ns[i] = g.Nomination(campaignID, Forms)
	}
	return ns, nil
}
