package storetest

import (
	"errors"
	"testing"

	"khenthuong"
)

func init() { register("DecisionSummaries", testDecisionSummaries) }

func testDecisionSummaries(t *testing.T, h Harness) {
	svc := open(t, h)
	c := createCampaign(t, svc, "Tổng kết phong trào 2014 - 2023")
	ns := named(t, svc, c, queryNames...)
	d := issuedDecision(t, svc, c, "2871/QĐ-UBND", ns[:4])

	t.Run("WithoutRecipients", func(t *testing.T) {
		ss, err := svc.DecisionSummaries(c.ID)
		mustNil(t, err)
		if len(ss) != 1 {
			t.Fatalf("summaries = %d, want 1", len(ss))
		}
		s := ss[0]
		if s.ID != d.ID || s.Number != "2871/QĐ-UBND" || s.Recipients != nil || s.RecipientCount != 4 ||
			s.ByKind[khenthuong.Individual] != 4 || s.TotalAmount != d.Total() || s.Status != khenthuong.DecisionIssued {
			t.Errorf("summary = %+v", s)
		}
		one, err := svc.DecisionSummary(d.ID)
		mustNil(t, err)
		if one.RecipientCount != 4 || one.TotalAmount != d.Total() || one.Recipients != nil {
			t.Errorf("one summary = %+v", one)
		}
		_, err = svc.DecisionSummary(987654)
		wantCode(t, err, khenthuong.ENOTFOUND)
		_, err = svc.DecisionSummaries(987654)
		wantCode(t, err, khenthuong.ENOTFOUND)
	})

	t.Run("RecipientsByPage", func(t *testing.T) {
		var all []string
		for off := 0; off < 4; off += 3 {
			rs, err := svc.Recipients(d.ID, khenthuong.Page{Offset: off, Limit: 3})
			mustNil(t, err)
			for _, r := range rs {
				all = append(all, r.RegistryNo)
			}
		}
		want := []string{d.Recipients[0].RegistryNo, d.Recipients[1].RegistryNo, d.Recipients[2].RegistryNo, d.Recipients[3].RegistryNo}
		if !sameStrings(all, want) {
			t.Errorf("pages = %v, want %v", all, want)
		}
		_, err := svc.Recipients(987654, khenthuong.Page{})
		wantCode(t, err, khenthuong.ENOTFOUND)
	})

	t.Run("EachRecipient", func(t *testing.T) {
		var got []string
		mustNil(t, svc.EachRecipient(d.ID, func(r *khenthuong.Recipient) error {
			got = append(got, r.Nominee.Name)
			return nil
		}))
		var want []string
		for _, r := range d.Recipients {
			want = append(want, r.Nominee.Name)
		}
		if !sameStrings(got, want) {
			t.Errorf("stream = %v, want %v", got, want)
		}
		stop := errors.New("dừng")
		if err := svc.EachRecipient(d.ID, func(*khenthuong.Recipient) error { return stop }); err != stop {
			t.Errorf("stopped stream = %v", err)
		}
		wantCode(t, svc.EachRecipient(987654, func(*khenthuong.Recipient) error { return nil }), khenthuong.ENOTFOUND)
	})

	t.Run("HistoryByPage", func(t *testing.T) {
		all, err := svc.History("van")
		mustNil(t, err)
		page, total, err := svc.QueryHistory("van", khenthuong.Page{Offset: 1, Limit: 2})
		mustNil(t, err)
		if total != len(all) || total != 3 || len(page) != 2 ||
			page[0].Nomination.ID != all[1].Nomination.ID || page[1].Nomination.ID != all[2].Nomination.ID {
			t.Fatalf("page = %d entries of %d, want entries 2-3 of %d", len(page), total, len(all))
		}
		if page[0].Award == nil && all[1].Award != nil {
			t.Errorf("the page lost the award of %s", page[0].Nomination.Nominee.Name)
		}
		none, total, err := svc.QueryHistory("   ", khenthuong.Page{})
		mustNil(t, err)
		if len(none) != 0 || total != 0 {
			t.Errorf("empty query = %d of %d", len(none), total)
		}
	})
}
