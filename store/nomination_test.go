package store

import (
	"testing"

	bolt "go.etcd.io/bbolt"

	"khenthuong"
)

func TestNominations(t *testing.T) {
	db := openTest(t)
	c := createCampaign(t, db, "Tổng kết 10 năm")

	// Creating, ordering, updating, deleting and NFC are held by storetest's
	// Nominations area on both stores; an issued decision written under the
	// API is the data file's own case.
	t.Run("InDecisionConflicts", func(t *testing.T) {
		ns := []khenthuong.Nomination{person(c.ID, "Võ Văn Quyết", "", "")}
		mustNil(t, db.CreateNominations(ns))
		d := khenthuong.Decision{ID: 1, CampaignID: c.ID, FormCode: "BKCT", Number: "2871/QĐ-UBND",
			Status: khenthuong.DecisionIssued, Recipients: []khenthuong.Recipient{{NominationID: ns[0].ID}}}
		mustNil(t, db.bolt.Update(func(tx *bolt.Tx) error {
			if _, err := putDecision(tx, &d); err != nil {
				return err
			}
			return db.indexDecision(tx, &d)
		}))
		n := ns[0]
		n.Notes = "sửa"
		wantCode(t, db.UpdateNomination(&n), khenthuong.ECONFLICT, "")
		wantCode(t, db.DeleteNomination(n.ID), khenthuong.ECONFLICT, "")
		mustNil(t, db.bolt.Update(func(tx *bolt.Tx) error {
			if err := db.unindexDecision(tx, &d); err != nil {
				return err
			}
			return deleteDecision(tx, d.ID)
		}))
	})
}

func TestNominationValidationNamesField(t *testing.T) {
	db := openTest(t)
	c := createCampaign(t, db, "Đợt")
	for _, tc := range []struct {
		name  string
		edit  func(n *khenthuong.Nomination)
		code  string
		field string
	}{
		{"NoName", func(n *khenthuong.Nomination) { n.Nominee.Name = "" }, khenthuong.EINVALID, "name"},
		{"BadKind", func(n *khenthuong.Nomination) { n.Nominee.Kind = "nhom" }, khenthuong.EINVALID, "kind"},
		{"BadGender", func(n *khenthuong.Nomination) { n.Nominee.Gender = "x" }, khenthuong.EINVALID, "gender"},
		{"NoCampaign", func(n *khenthuong.Nomination) { n.CampaignID = 0 }, khenthuong.EINVALID, "campaign"},
		{"NoForm", func(n *khenthuong.Nomination) { n.FormCode = "" }, khenthuong.EINVALID, "form"},
		{"UnknownForm", func(n *khenthuong.Nomination) { n.FormCode = "XYZ" }, khenthuong.EINVALID, "form"},
		{"FormNotForKind", func(n *khenthuong.Nomination) { n.FormCode = "CTDT" }, khenthuong.EINVALID, "form"},
		{"BadStatus", func(n *khenthuong.Nomination) { n.Status = "ok" }, khenthuong.EINVALID, "status"},
		{"NegativeOrder", func(n *khenthuong.Nomination) { n.Order = -1 }, khenthuong.EINVALID, "order"},
		{"MissingCampaign", func(n *khenthuong.Nomination) { n.CampaignID = 999 }, khenthuong.ENOTFOUND, "campaign"},
		{"MissingNominee", func(n *khenthuong.Nomination) { n.NomineeID = 999 }, khenthuong.EINVALID, "nominee_id"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n := person(c.ID, "Trần Văn Bình", "", "")
			tc.edit(&n)
			wantCode(t, db.CreateNominations([]khenthuong.Nomination{n}), tc.code, tc.field)
		})
	}
}
