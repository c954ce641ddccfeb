package ui

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"khenthuong"
	"khenthuong/certificates"
)

// In ấn offers a draft decision for a proof: the proof it saves says on
// every page that the decision is not issued, so it is never handed out;
// an issued decision's certificates carry no such mark.
func TestPrintingDraftDecisionIsMarked(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Fatal("pdftotext is missing: install poppler-utils (make setup does)")
	}
	for _, c := range []struct {
		name  string
		issue bool
	}{
		{"issued", true},
		{"draft", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			f := newFake()
			if c.issue {
				seedIssued(t, f)
			} else {
				seedDraft(t, f)
			}
			m := newTestUI(t, f)
			showPage(t, m, pagePrinting)
			settle(m)
			s := m.printing
			if s.decision == nil || (s.decision.Status == khenthuong.DecisionIssued) != c.issue {
				t.Fatalf("decision shown: %+v", s.decision)
			}
			job := s.job()
			path := filepath.Join(t.TempDir(), "bk.pdf")
			out, err := os.Create(path)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := certificates.Print(out, job); err != nil {
				t.Fatal(err)
			}
			out.Close()
			text, err := exec.Command("pdftotext", path, "-").Output()
			if err != nil {
				t.Fatal(err)
			}
			pages := strings.Split(string(text), "\f")
			pages = pages[:len(pages)-1]
			if len(pages) == 0 {
				t.Fatal("no page")
			}
			for i, p := range pages {
				if has := strings.Contains(p, "BẢN NHÁP"); has == c.issue {
					t.Errorf("page %d: BẢN NHÁP printed %v", i+1, has)
				}
			}
		})
	}
}

// seedDraft is seedIssued without the issue: a decision still a draft.
func seedDraft(tb testing.TB, f *fakeServices) *khenthuong.Decision {
	tb.Helper()
	c := seedCampaign(tb, f, "Tổng kết phong trào", sampleNominations()...)
	ns, _ := f.Nominations(khenthuong.NominationFilter{CampaignID: c.ID})
	ids := make([]uint64, len(ns))
	for i, n := range ns {
		ids[i] = n.ID
	}
	if err := f.SetStatus(ids, khenthuong.StatusApproved, ""); err != nil {
		tb.Fatal(err)
	}
	d := &khenthuong.Decision{CampaignID: c.ID, FormCode: "BKCT", Number: "2871/QĐ-UBND", Date: khenthuong.MustDate("2024-06-15"),
		SignerTitle: "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"}
	if err := f.CreateDecision(d, ids); err != nil {
		tb.Fatal(err)
	}
	return d
}
