package store

import (
	"bytes"
	"fmt"
	"slices"

	bolt "go.etcd.io/bbolt"

	"khenthuong"
)

// A command that reads once (search, history, an export: a data file opened
// read-only) would build the search index, 85 MB for 300,000 nominations,
// to answer one query. scanHits answers it from idx_search directly, holding
// only the matches: the same entries find gives, in the same order.

// scanHits returns the entries of idx_search matching f, by campaign, list order, ID.
func (db *DB) scanHits(f khenthuong.NominationFilter) ([]hit, error) {
	words := queryWords(f.Query)
	form := ""
	if f.FormCode != "" {
		form = normalizeCode(f.FormCode)
	}
	var hits []hit
	err := db.view("scan search index", func(tx *bolt.Tx) error {
		drop := dropper(tx)
		return tx.Bucket(bucketSearchIdx).ForEach(func(k, v []byte) error {
			drop()
			name, id, ok := splitSearchKeyBytes(k)
			nums, strs, ok2 := splitSearchValue(v)
			if !ok || !ok2 {
				return &recordError{what: "mục chỉ mục tìm kiếm", reason: reasonDecode, err: fmt.Errorf("idx_search entry %s: malformed", brief(k))}
			}
			if (f.CampaignID != 0 && nums[0] != f.CampaignID) || (f.NomineeID != 0 && nums[1] != f.NomineeID) ||
				(f.Kind != "" && string(strs[0]) != string(f.Kind)) || (form != "" && string(strs[1]) != form) ||
				(f.Status != "" && string(strs[2]) != string(f.Status)) {
				return nil
			}
			// A word has no space nor separator: found in a field, as the index finds it in a token.
			for _, w := range words {
				if !bytes.Contains(name, w) && !bytes.Contains(strs[3], w) && !bytes.Contains(strs[4], w) {
					return nil
				}
			}
			hits = append(hits, hit{campaignID: nums[0], order: int(nums[2]), id: id})
			return nil
		})
	})
	if err != nil {
		return nil, err
	}
	slices.SortFunc(hits, compareHits)
	return hits, nil
}
