package store

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"
	"golang.org/x/text/unicode/norm"

	"khenthuong"
)

func TestCheckFindsPlantedProblems(t *testing.T) {
	// fill makes campaign 1 with nominations 1-3 (nominees 1-3) and form BKBCA.
	for _, tc := range []struct {
		name          string
		plant         func(tx *bolt.Tx) error
		entity, key   string
		messageSubstr string
	}{
		{"Clean", func(*bolt.Tx) error { return nil }, "", "", ""},
		{"NominationWithoutCampaign", func(tx *bolt.Tx) error {
			return tx.Bucket(bucketCampaigns).Delete(itob(1))
		}, entityNomination, "2", "Đợt khen thưởng số 1 không tồn tại"},
		{"NominationWithoutForm", func(tx *bolt.Tx) error {
			return tx.Bucket(bucketForms).Delete([]byte("BKCT"))
		}, entityNomination, "1", "Hình thức “BKCT” không có trong danh mục"},
		{"NominationWithoutNominee", func(tx *bolt.Tx) error {
			return tx.Bucket(bucketNominees).Delete(itob(3))
		}, entityNomination, "3", "Đối tượng số 3 không tồn tại"},
		{"MissingCampaignIndexEntry", func(tx *bolt.Tx) error {
			return tx.Bucket(bucketCampaignIdx).Delete(campaignKey(1, 2, 2))
		}, entityIndex, "2", "Thiếu mục chỉ mục đợt khen thưởng"},
		{"StrayCampaignIndexEntry", func(tx *bolt.Tx) error {
			return tx.Bucket(bucketCampaignIdx).Put(campaignKey(1, 9, 2), nil)
		}, entityIndex, "2", "thứ tự 9"},
		{"NomineeIndexToMissingRecords", func(tx *bolt.Tx) error {
			return tx.Bucket(bucketNomineeIdx).Put(nomineeKey(77, 88), nil)
		}, entityIndex, "88", "đối tượng số 77 không tồn tại"},
		{"SearchIndexOutOfDate", func(tx *bolt.Tx) error {
			b := tx.Bucket(bucketNominations)
			var n khenthuong.Nomination
			if err := json.Unmarshal(b.Get(itob(1)), &n); err != nil {
				return err
			}
			n.Status = khenthuong.StatusApproved
			v, _ := json.Marshal(&n)
			return b.Put(itob(1), v)
		}, entityIndex, "1", "không khớp"},
		{"SearchIndexOrphan", func(tx *bolt.Tx) error {
			return tx.Bucket(bucketSearchIdx).Put(searchKey("ai do", 99), (&searchValue{}).MarshalBinary())
		}, entityIndex, "99", "không tồn tại"},
		{"NFDText", func(tx *bolt.Tx) error {
			b := tx.Bucket(bucketCampaigns)
			var c khenthuong.Campaign
			if err := json.Unmarshal(b.Get(itob(1)), &c); err != nil {
				return err
			}
			c.Name = norm.NFD.String(c.Name)
			v, _ := json.Marshal(&c)
			return b.Put(itob(1), v)
		}, entityCampaign, "1", "NFC"},
		{"EscapedNFDText", func(tx *bolt.Tx) error {
			return tx.Bucket(bucketForms).Put([]byte("BKBCA"),
				[]byte(`{"code":"BKBCA","name":"Ba\u0300ng khen","kinds":["canhan"]}`))
		}, entityForm, "BKBCA", "NFC"},
		{"SequenceBelowMaxID", func(tx *bolt.Tx) error {
			return tx.Bucket(bucketNominations).SetSequence(1)
		}, entityNomination, "", "Bộ đếm"},
		{"UndecodableRecord", func(tx *bolt.Tx) error {
			return tx.Bucket(bucketCampaigns).Put(itob(1), []byte("{không phải JSON"))
		}, entityCampaign, "1", "Không đọc được"},
		{"RecordUnderWrongKey", func(tx *bolt.Tx) error {
			b := tx.Bucket(bucketNominees)
			return b.Put(itob(3), b.Get(itob(2)))
		}, entityNominee, "3", "nằm ở khóa 3"},
		{"MissingBucket", func(tx *bolt.Tx) error {
			return tx.DeleteBucket(bucketSearchIdx)
		}, entityFile, string(bucketSearchIdx), "Thiếu nhóm"},
		{"DanglingAuditIndex", func(tx *bolt.Tx) error {
			return tx.Bucket(bucketAuditIdx).Put(auditKey("campaign", "1", 5000), nil)
		}, entityAudit, "", "không tồn tại"},
		{"DecisionForMissingNomination", func(tx *bolt.Tx) error {
			if err := tx.Bucket(bucketDecisions).SetSequence(1); err != nil {
				return err
			}
			_, err := putDecision(tx, &khenthuong.Decision{ID: 1, CampaignID: 1, Recipients: []khenthuong.Recipient{{NominationID: 42}}})
			return err
		}, entityDecision, "1", "đề nghị số 42"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "khenthuong.db")
			db, err := Open(path, testOptions())
			mustNil(t, err)
			fill(t, db)
			mustNil(t, db.Close())
			plant(t, path, tc.plant)

			problems, err := CheckFile(path)
			mustNil(t, err)
			if tc.entity == "" {
				if len(problems) > 0 {
					t.Fatalf("clean file: %v", problems)
				}
				return
			}
			for _, p := range problems {
				if p.Entity == tc.entity && (tc.key == "" || p.Key == tc.key) && strings.Contains(p.Message, tc.messageSubstr) {
					return
				}
			}
			t.Fatalf("no %s %s problem with %q in %v", tc.entity, tc.key, tc.messageSubstr, problems)
		})
	}
}

func TestCheckOpenStore(t *testing.T) {
	db := openTest(t)
	fill(t, db)
	c := createCampaign(t, db, "Đợt 2")
	ns := []khenthuong.Nomination{person(c.ID, "Phạm Thị Thu", "", "")}
	mustNil(t, db.CreateNominations(ns))
	ns[0].CampaignID = 1 // move between campaigns: every index follows
	ns[0].Order = 0
	mustNil(t, db.UpdateNomination(&ns[0]))
	mustNil(t, db.DeleteNomination(2))
	problems, err := db.Check()
	mustNil(t, err)
	if len(problems) > 0 {
		t.Fatalf("after normal use: %v", problems)
	}
}
