package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"khenthuong"
)

// The Người ký choice starts on the signer the decision will have: the
// clerk does not pick it each time.
func TestDecisionSignerPreselected(t *testing.T) {
	const deputy = "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" // the second signer of Cài đặt, as offered
	draft := func(t *testing.T, f *fakeServices, c khenthuong.Campaign, title, name string) khenthuong.Decision {
		t.Helper()
		ns, _ := f.Nominations(khenthuong.NominationFilter{CampaignID: c.ID})
		d := khenthuong.Decision{CampaignID: c.ID, FormCode: "BKCT", Number: "5/QĐ-UBND", Date: khenthuong.MustDate("2025-10-24"),
			SignerTitle: title, SignerName: name}
		if err := f.CreateDecision(&d, []uint64{ns[0].ID}); err != nil {
			t.Fatal(err)
		}
		return d
	}
	for _, tc := range []struct {
		name                  string
		earlier               [2]string // signer of a decision already made, if any
		wantSelected          string
		wantTitle, wantSigner string
	}{
		{"FirstSignerOfSettings", [2]string{}, "CHỦ TỊCH", "CHỦ TỊCH", ""},
		{"LastSignerUsed", [2]string{"KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", "Hoàng Nam"}, deputy, "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", "Hoàng Nam"},
		{"LastSignerNotInSettings", [2]string{"TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH", "Võ Văn Hưng"}, "", "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH", "Võ Văn Hưng"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, m, s, c := openDecisions(t)
			if tc.earlier[0] != "" {
				draft(t, f, c, tc.earlier[0], tc.earlier[1])
				s.reload()
				waitAll(m)
			}
			test.Tap(s.newButton)
			waitAll(m)
			e := s.editor
			if e == nil {
				t.Fatal("no dialog for a new decision")
			}
			if e.signer.Selected != tc.wantSelected || e.signerTitle.Text != tc.wantTitle || e.signerName.Text != tc.wantSigner {
				t.Errorf("signer %q: %q, %q; want %q: %q, %q", e.signer.Selected, e.signerTitle.Text, e.signerName.Text,
					tc.wantSelected, tc.wantTitle, tc.wantSigner)
			}
		})
	}

	t.Run("AmendmentKeepsTheDecisionsSigner", func(t *testing.T) {
		f, m, s, c := openDecisions(t)
		issuedDecision(t, f, c) // signed KT. CHỦ TỊCH / PHÓ CHỦ TỊCH, Hoàng Nam
		s.reload()
		waitAll(m)
		tapCell(t, s.table, 0, decColNumber)
		waitAll(m)
		test.Tap(s.amendButton)
		e := s.editor
		if e == nil {
			t.Fatal("no amendment dialog")
		}
		if e.signer.Selected != deputy || e.signerName.Text != "Hoàng Nam" {
			t.Errorf("amending: signer %q, name %q", e.signer.Selected, e.signerName.Text)
		}
	})
}
