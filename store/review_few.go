package store

import (
	"slices"

	bolt "go.etcd.io/bbolt"

	"khenthuong"
	"khenthuong/vntext"
)

// fewWarnings is how many rows WarningsOf reads alone while the search index
// is not built: an approval on the command line warns about one or two, and
// building the index (a scan of 100,000 entries) and the award cache for
// them was most of the process's time and memory.
const fewWarnings = 50

// warningsByReads is WarningsOf for a few rows without the index: each row's
// record, every nomination sharing its nominee ID (idx_nominee_nominations)
// or its folded name (idx_search), their awards one look-up each, and the
// campaign's approvals by form for the quotas the rows' forms have. Those
// are all ReviewWarnings reads of the rows, so the warnings are the same.
func (db *DB) warningsByReads(c *khenthuong.Campaign, ids []uint64) (map[uint64][]khenthuong.Warning, error) {
	in := khenthuong.ReviewInput{Campaign: c, Awards: map[uint64]khenthuong.Award{},
		Distinct: map[khenthuong.NomineePair]bool{}, Forms: map[string]*khenthuong.AwardForm{}, Approved: map[string]int{}}
	err := db.view("warnings of a few", func(tx *bolt.Tx) error {
		seen := map[uint64]bool{}
		var related []uint64
		for _, id := range ids {
			if seen[id] {
				continue
			}
			seen[id] = true
			n, err := reviewNomination(tx, id)
			if err != nil || n == nil || n.CampaignID != c.ID {
				if err != nil {
					return err
				}
				continue // not a row of the campaign: WarningsOf leaves it out
			}
			in.Nominations = append(in.Nominations, *n)
			related = appendRelated(tx, related, n)
		}
		in.All = slices.Clone(in.Nominations)
		slices.Sort(related)
		for _, id := range slices.Compact(related) {
			if seen[id] {
				continue // a row, in All already
			}
			n, err := reviewNomination(tx, id)
			if err != nil {
				return err
			}
			if n == nil {
				continue // Check reports an index entry without its record
			}
			in.All = append(in.All, *n)
			rv, err := recipientEntry(tx, id)
			if err != nil {
				return err
			}
			if rv != nil && rv.Issued {
				in.Awards[id] = rv.Award
			}
		}
		if err := countApproved(tx, c, in.Nominations, in.Approved); err != nil {
			return err
		}
		return readFormsAndDistinct(tx, &in)
	})
	if err != nil {
		return nil, err
	}
	return khenthuong.ReviewWarnings(in), nil
}

// reviewNomination decodes what ReviewWarnings reads of nomination id; nil
// if there is none.
func reviewNomination(tx *bolt.Tx, id uint64) (*khenthuong.Nomination, error) {
	v := tx.Bucket(bucketNominations).Get(itob(id))
	if v == nil {
		return nil, nil
	}
	var r reviewRecord
	if err := decode(v, &r); err != nil {
		return nil, err
	}
	return r.nomination(), nil
}

// appendRelated adds the IDs of the nominations that share n's nominee ID
// or folded name: the only ones eachMatch relates to n.
func appendRelated(tx *bolt.Tx, ids []uint64, n *khenthuong.Nomination) []uint64 {
	scan := func(bucket, prefix []byte) {
		c := tx.Bucket(bucket).Cursor()
		for k, _ := c.Seek(prefix); hasPrefixKey(k, prefix); k, _ = c.Next() {
			if len(k) == len(prefix)+8 {
				ids = append(ids, btoi(k[len(prefix):]))
			}
		}
	}
	if n.NomineeID != 0 {
		scan(bucketNomineeIdx, itob(n.NomineeID))
	}
	scan(bucketSearchIdx, append([]byte(vntext.Fold(n.Nominee.Name)), 0))
	return ids
}

// countApproved counts into approved the campaign's approvals of the forms
// of rows that have a quota (no other count is read), from the values of
// idx_search, which hold campaign, form and status: ~10 ms for 100,000,
// where decoding the campaign's 10,000 records took 50 ms and more. Nothing
// is read when the rows' forms have no quota.
func countApproved(tx *bolt.Tx, c *khenthuong.Campaign, rows []khenthuong.Nomination, approved map[string]int) error {
	quota := map[string]bool{}
	for _, n := range rows {
		if _, ok := c.Quotas[n.FormCode]; ok {
			quota[n.FormCode] = true
		}
	}
	if len(quota) == 0 {
		return nil
	}
	drop := dropper(tx)
	return tx.Bucket(bucketSearchIdx).ForEach(func(_, v []byte) error {
		drop()
		nums, strs, ok := splitSearchValue(v)
		if !ok {
			return nil // Check reports it
		}
		if nums[0] == c.ID && khenthuong.Status(strs[2]) == khenthuong.StatusApproved && quota[string(strs[1])] {
			approved[string(strs[1])]++
		}
		return nil
	})
}
