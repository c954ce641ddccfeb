package store

import (
	"path/filepath"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"khenthuong"
)

// TestCheckFindsPlantedDecisionProblems plants, beneath the API, each
// inconsistency the checks of the decisions and of the nomination indexes
// look for, in a file with two issued decisions of two recipients (1 and 2)
// and a draft of one (3), and wants it named.
func TestCheckFindsPlantedDecisionProblems(t *testing.T) {
	// editRecipient rewrites line pos of decision id.
	editRecipient := func(tx *bolt.Tx, id uint64, pos int, fn func(*khenthuong.Recipient)) error {
		b := tx.Bucket(bucketRecipients)
		var r khenthuong.Recipient
		if err := decode(b.Get(recipientKey(id, pos)), &r); err != nil {
			return err
		}
		fn(&r)
		v, err := encode(&r)
		if err != nil {
			return err
		}
		return b.Put(recipientKey(id, pos), v)
	}
	recipient := func(tx *bolt.Tx, id uint64, pos int) khenthuong.Recipient {
		var r khenthuong.Recipient
		_ = decode(tx.Bucket(bucketRecipients).Get(recipientKey(id, pos)), &r)
		return r
	}
	for _, tc := range []struct {
		name          string
		plant         func(tx *bolt.Tx) error
		entity, key   string
		messageSubstr string
	}{
		{"Clean", func(*bolt.Tx) error { return nil }, "", "", ""},
		{"NominationInTwoDecisions", func(tx *bolt.Tx) error {
			first := recipient(tx, 1, 0).NominationID
			return editRecipient(tx, 2, 1, func(r *khenthuong.Recipient) { r.NominationID = first })
		}, entityDecision, "2", "có trong cả quyết định mã 1 và mã 2"},
		{"RegistryNumberTwice", func(tx *bolt.Tx) error {
			no := recipient(tx, 1, 1).RegistryNo
			return editRecipient(tx, 2, 0, func(r *khenthuong.Recipient) { r.RegistryNo = no })
		}, entityDecision, "2", "đã cấp trong quyết định mã 1"},
		{"IssuedWithoutRegistryNumber", func(tx *bolt.Tx) error {
			return editRecipient(tx, 1, 1, func(r *khenthuong.Recipient) { r.RegistryNo = "" })
		}, entityDecision, "1", "chưa có số sổ vàng"},
		{"RecipientIndexOrphan", func(tx *bolt.Tx) error {
			return tx.Bucket(bucketRecipientIdx).Put(itob(999), tx.Bucket(bucketRecipientIdx).Get(itob(1)))
		}, entityIndex, "", "đề nghị số 999 mà không quyết định nào có"},
		{"RecipientIndexMissing", func(tx *bolt.Tx) error {
			return tx.Bucket(bucketRecipientIdx).Delete(itob(recipient(tx, 3, 0).NominationID))
		}, entityIndex, "3", "Thiếu mục chỉ mục quyết định"},
		{"RecipientIndexOutOfDate", func(tx *bolt.Tx) error {
			return editRecipient(tx, 2, 0, func(r *khenthuong.Recipient) { r.RegistryNo += "9" })
		}, entityIndex, "2", "không khớp với quyết định"},
		{"CampaignDecisionIndexMissing", func(tx *bolt.Tx) error {
			return tx.Bucket(bucketCampaignDecisionIdx).Delete(campaignDecisionKey(1, 2))
		}, entityIndex, "2", "Thiếu mục chỉ mục đợt khen thưởng của quyết định"},
		{"CampaignDecisionIndexStray", func(tx *bolt.Tx) error {
			return tx.Bucket(bucketCampaignDecisionIdx).Put(campaignDecisionKey(1, 77), nil)
		}, entityIndex, "", "quyết định mã 77 không có"},
		{"RecipientsWithoutDecision", func(tx *bolt.Tx) error {
			return tx.Bucket(bucketRecipients).Put(recipientKey(55, 0), tx.Bucket(bucketRecipients).Get(recipientKey(1, 0)))
		}, entityDecision, "55", "không có quyết định"},
		{"MissingLine", func(tx *bolt.Tx) error {
			return tx.Bucket(bucketRecipients).Delete(recipientKey(2, 0))
		}, entityDecision, "2", "thiếu dòng 1"},
		{"NomineeIndexOtherNominee", func(tx *bolt.Tx) error {
			return tx.Bucket(bucketNomineeIdx).Put(nomineeKey(2, 1), nil)
		}, entityIndex, "1", "thuộc đối tượng 2, đề nghị ghi 1"},
		{"SearchIndexOtherName", func(tx *bolt.Tx) error {
			return tx.Bucket(bucketSearchIdx).Put(searchKey("ten khac", 1), (&searchValue{}).MarshalBinary())
		}, entityIndex, "1", "ghi tên khác"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "khenthuong.db")
			db, err := Open(path, testOptions())
			mustNil(t, err)
			c := createCampaign(t, db, "Đợt")
			issueOne(t, db, c, "1/QĐ-UBND", "2024-06-02", 2)
			issueOne(t, db, c, "2/QĐ-UBND", "2024-06-03", 2)
			makeDraft(t, db, c, "3/QĐ-UBND", "2024-06-04", 1)
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
