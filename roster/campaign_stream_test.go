package roster

import (
	"reflect"
	"testing"

	"khenthuong"
)

// heldCampaign is a CampaignSource over nominations and decisions in memory.
type heldCampaign struct {
	ns []khenthuong.Nomination
	ds []khenthuong.Decision
}

func (h heldCampaign) DecisionSummaries(uint64) ([]khenthuong.DecisionSummary, error) {
	out := make([]khenthuong.DecisionSummary, len(h.ds))
	for i, d := range h.ds {
		d.Recipients = nil
		out[i] = khenthuong.DecisionSummary{Decision: d}
	}
	return out, nil
}

func (h heldCampaign) EachRecipient(id uint64, fn func(*khenthuong.Recipient) error) error {
	for _, d := range h.ds {
		if d.ID == id {
			return khenthuong.HeldRecipients(d.Recipients)(fn)
		}
	}
	return khenthuong.Errorf(khenthuong.ENOTFOUND, "no decision %d", id)
}

func (h heldCampaign) EachNomination(_ khenthuong.NominationFilter, fn func(*khenthuong.Nomination) error) error {
	for i := range h.ns {
		if err := fn(&h.ns[i]); err != nil {
			return err
		}
	}
	return nil
}

// The streamed rows of a campaign are CampaignRows' of the same data: the
// issued decision's number, date, registry number and bonus on its
// recipients' rows, nothing from a draft.
func TestCampaignRowStreamIsCampaignRows(t *testing.T) {
	ns := []khenthuong.Nomination{
		{ID: 1, CampaignID: 7, Status: khenthuong.StatusApproved, Nominee: khenthuong.Nominee{Name: "Nguyễn Văn An"}},
		{ID: 2, CampaignID: 7, Status: khenthuong.StatusApproved, Nominee: khenthuong.Nominee{Name: "Trần Thị Bình"}},
		{ID: 3, CampaignID: 7, Status: khenthuong.StatusRejected, RejectReason: "Thiếu hồ sơ", Nominee: khenthuong.Nominee{Name: "Lê Văn Cường"}},
	}
	ds := []khenthuong.Decision{
		{ID: 10, Number: "12/QĐ-UBND", Date: khenthuong.Date{Year: 2024, Month: 3, Day: 2}, Status: khenthuong.DecisionIssued,
			Recipients: []khenthuong.Recipient{{NominationID: 1, RegistryNo: "501", Amount: 1_490_000}}},
		{ID: 11, Number: "13/QĐ-UBND", Status: khenthuong.DecisionDraft,
			Recipients: []khenthuong.Recipient{{NominationID: 2, RegistryNo: "502", Amount: 900_000}}},
	}
	rows, err := CampaignRowStream(heldCampaign{ns, ds}, 7)
	if err != nil {
		t.Fatal(err)
	}
	var got []ExportRow
	if err := rows(func(r *ExportRow) error { got = append(got, *r); return nil }); err != nil {
		t.Fatal(err)
	}
	want := CampaignRows(ns, ds...)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("streamed rows\n%+v\nwant\n%+v", got, want)
	}
	if got[0].DecisionNo != "12/QĐ-UBND" || got[0].Amount != 1_490_000 || got[1].DecisionNo != "" {
		t.Errorf("awards carried: %+v", got)
	}
}
