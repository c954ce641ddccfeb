package scale

import (
	"fmt"

	"khenthuong"
	"khenthuong/store"
	"khenthuong/synth"
)

// DecisionFile returns the path of the cached data file of n nominations of
// one campaign, every one approved and awarded by one issued decision of n
// recipients (the issue's 100,000-recipient decision), generating it first if
// needed. Callers must not write to it.
func DecisionFile(n int) (string, error) {
	return cached(fmt.Sprintf("decision-%d-v%d.db", n, version), func(tmp string) error { return generateDecision(tmp, n) })
}

// CopyDecision copies the cached file of DecisionFile(n) into dir and returns the copy's path.
func CopyDecision(n int, dir string) (string, error) {
	src, err := DecisionFile(n)
	if err != nil {
		return "", err
	}
	return copyInto(src, dir)
}

// DecisionForm is the form of the big decision: one that awards every kind,
// so the decision's list has its three sections.
const DecisionForm = "GK01"

func generateDecision(path string, n int) error {
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
	c := synth.Campaigns(2025, 1)[0]
	if err := db.CreateCampaign(&c); err != nil {
		return err
	}
	g := synth.New(3)
	ids := make([]uint64, 0, n)
	for done := 0; done < n; done += batch {
		ns := make([]khenthuong.Nomination, min(batch, n-done))
		for i := range ns {
			ns[i] = g.Nomination(c.ID, Forms)
			ns[i].FormCode = DecisionForm
			ns[i].SubmissionDate = khenthuong.Date{Year: 2025, Month: 10, Day: 1 + i%28}
		}
		if err := db.CreateNominations(ns); err != nil {
			return err
		}
		approve := make([]uint64, len(ns))
		for i := range ns {
			approve[i] = ns[i].ID
		}
		if err := db.SetStatus(approve, khenthuong.StatusApproved, ""); err != nil {
			return err
		}
		ids = append(ids, approve...)
	}
	d := &khenthuong.Decision{CampaignID: c.ID, FormCode: DecisionForm, Number: "2871/QĐ-UBND",
		Date: khenthuong.Date{Year: 2025, Month: 12, Day: 20}, SignerTitle: "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH",
		SignerName: "Hoàng Nam", SubmissionNo: "86/TTr-SNV", SubmissionDate: khenthuong.Date{Year: 2025, Month: 12, Day: 1},
		Achievement: "đã có thành tích xuất sắc trong phong trào thi đua năm 2025"}
	if err := db.CreateDecision(d, ids); err != nil {
		return fmt.Errorf("decision: %w", err)
	}
	if _, err := db.IssueDecision(d.ID); err != nil {
		return fmt.Errorf("issue: %w", err)
	}
	return nil
}
