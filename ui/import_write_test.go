package ui

import (
	"fmt"
	"path/filepath"
	"testing"

	"khenthuong"
	"khenthuong/store"
)

// TestImportListWrites: the wizard's rows reach the store whole and in
// order, through the store's batched import or, for services without one,
// CreateNominations.
func TestImportListWrites(t *testing.T) {
	db, err := store.Open(filepath.Join(t.TempDir(), "k.db"), store.Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, tc := range []struct {
		name string
		svc  khenthuong.Services
	}{{"Store", db}, {"WithoutImporter", newFake()}} {
		t.Run(tc.name, func(t *testing.T) {
			c := &khenthuong.Campaign{Name: "Đợt nhập"}
			if err := tc.svc.CreateCampaign(c); err != nil {
				t.Fatal(err)
			}
			ns := make([]khenthuong.Nomination, 2500)
			for i := range ns {
				ns[i] = khenthuong.Nomination{CampaignID: c.ID, FormCode: "BKCT", Status: khenthuong.StatusSubmitted,
					Nominee: khenthuong.Nominee{Kind: khenthuong.Collective, Name: fmt.Sprintf("Phòng số %d", i+1), Unit: "Sở Nội vụ"}}
			}
			if err := importList(tc.svc, ns); err != nil {
				t.Fatal(err)
			}
			got, err := tc.svc.Nominations(khenthuong.NominationFilter{CampaignID: c.ID})
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(ns) || got[0].Nominee.Name != "Phòng số 1" || got[len(got)-1].Nominee.Name != "Phòng số 2500" {
				t.Errorf("%d nominations stored", len(got))
			}
		})
	}
}
