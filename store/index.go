package store

import (
	bolt "go.etcd.io/bbolt"

	"khenthuong"
	"khenthuong/vntext"
)

// The index buckets are derived data: each nomination has exactly one entry
// in each of idx_nominee_nominations, idx_campaign_nominations and idx_search,
// written and removed in the same transaction as the nomination (Check
// verifies it both ways).

// indexNomination writes n's index entries.
func indexNomination(tx *bolt.Tx, n *khenthuong.Nomination) error {
	if err := tx.Bucket(bucketNomineeIdx).Put(nomineeKey(n.NomineeID, n.ID), nil); err != nil {
		return err
	}
	if err := tx.Bucket(bucketCampaignIdx).Put(campaignKey(n.CampaignID, n.Order, n.ID), nil); err != nil {
		return err
	}
	sv := searchValueOf(n)
	return tx.Bucket(bucketSearchIdx).Put(searchKey(vntext.Fold(n.Nominee.Name), n.ID), sv.MarshalBinary())
}

// unindexNomination removes the entries indexNomination wrote for n (n as stored).
func unindexNomination(tx *bolt.Tx, n *khenthuong.Nomination) error {
	if err := tx.Bucket(bucketNomineeIdx).Delete(nomineeKey(n.NomineeID, n.ID)); err != nil {
		return err
	}
	if err := tx.Bucket(bucketCampaignIdx).Delete(campaignKey(n.CampaignID, n.Order, n.ID)); err != nil {
		return err
	}
	return tx.Bucket(bucketSearchIdx).Delete(searchKey(vntext.Fold(n.Nominee.Name), n.ID))
}

// searchValueOf is what idx_search stores for n.
func searchValueOf(n *khenthuong.Nomination) searchValue {
	return searchValue{
		CampaignID: n.CampaignID, NomineeID: n.NomineeID, Order: n.Order,
		Kind: n.Nominee.Kind, FormCode: n.FormCode, Status: n.Status,
		Unit: vntext.Fold(n.Nominee.Unit), Position: vntext.Fold(n.Nominee.Position),
	}
}

// nextOrder is the list position after the last nomination of the campaign.
func nextOrder(tx *bolt.Tx, campaignID uint64) int {
	prefix := itob(campaignID)
	c := tx.Bucket(bucketCampaignIdx).Cursor()
	// Seek to the first key after the campaign's range, then step back.
	k, _ := c.Seek(itob(campaignID + 1))
	if k == nil {
		k, _ = c.Last()
	} else {
		k, _ = c.Prev()
	}
	if !hasPrefixKey(k, prefix) || len(k) != 24 {
		return 1
	}
	return int(btoi(k[8:16])) + 1
}

// countCampaignNominations counts the campaign's entries in idx_campaign_nominations.
func countCampaignNominations(tx *bolt.Tx, campaignID uint64) int {
	prefix := itob(campaignID)
	n := 0
	c := tx.Bucket(bucketCampaignIdx).Cursor()
	for k, _ := c.Seek(prefix); hasPrefixKey(k, prefix); k, _ = c.Next() {
		n++
	}
	return n
}

// countFormNominations counts the nominations for a form, reading the small
// idx_search values rather than decoding every nomination.
func countFormNominations(tx *bolt.Tx, code string) (int, error) {
	n := 0
	err := tx.Bucket(bucketSearchIdx).ForEach(func(_, v []byte) error {
		var sv searchValue
		if err := sv.UnmarshalBinary(v); err != nil {
			return err
		}
		if sv.FormCode == code {
			n++
		}
		return nil
	})
	return n, err
}
