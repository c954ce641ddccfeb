package store

import (
	"cmp"
	"slices"

	bolt "go.etcd.io/bbolt"

	"khenthuong"
)

// History returns the nominations of every campaign and year whose folded
// name, unit or position contain every word of the query (the search index
// of Nominations), each with its campaign's name and, when an issued decision
// lists it, its award. Newest first: by the award's decision date, else the
// campaign's ceremony date, end or start; then the latest nomination. A
// query without words gives nothing.
func (db *DB) History(query string) ([]khenthuong.HistoryEntry, error) {
	if len(queryWords(query)) == 0 {
		return nil, nil
	}
	hits, err := db.searchHits(khenthuong.NominationFilter{Query: query})
	if err != nil || len(hits) == 0 {
		return nil, err
	}
	var missing []int
	for i, h := range hits {
		if h.rec == nil {
			missing = append(missing, i)
		}
	}
	if len(missing) > 0 {
		if err := db.loadHits(hits, missing); err != nil {
			return nil, err
		}
	}
	awards, err := db.awards()
	if err != nil {
		return nil, err
	}
	campaigns := map[uint64]*khenthuong.Campaign{}
	err = db.view("history", func(tx *bolt.Tx) error {
		for _, h := range hits {
			if _, ok := campaigns[h.campaignID]; !ok {
				c, err := getCampaign(tx, h.campaignID)
				if khenthuong.ErrorCode(err) == khenthuong.ENOTFOUND {
					c, err = &khenthuong.Campaign{ID: h.campaignID}, nil // Check reports it
				}
				if err != nil {
					return err
				}
				campaigns[h.campaignID] = c
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	type item struct {
		n     *khenthuong.Nomination
		c     *khenthuong.Campaign
		award *khenthuong.Award
		date  int // dateKey
	}
	items := make([]item, 0, len(hits))
	for _, h := range hits {
		if h.rec == nil {
			continue // deleted since the index was read
		}
		it := item{n: h.rec, c: campaigns[h.campaignID]}
		it.date = dateKey(campaignDate(it.c))
		if a, ok := awards[h.id]; ok {
			it.award, it.date = &a, dateKey(a.DecisionDate)
		}
		items = append(items, it)
	}
	slices.SortFunc(items, func(a, b item) int {
		if a.date != b.date {
			return cmp.Compare(b.date, a.date)
		}
		return cmp.Compare(b.n.ID, a.n.ID)
	})
	out := make([]khenthuong.HistoryEntry, len(items))
	for i, it := range items {
		out[i] = khenthuong.HistoryEntry{Nomination: *it.n, Campaign: it.c.Name, Award: it.award}
	}
	return out, nil
}

// campaignDate is when a campaign's awards are given, for ordering a history:
// its ceremony, else the end or start of its period (zero if none is known).
func campaignDate(c *khenthuong.Campaign) khenthuong.Date {
	for _, d := range []khenthuong.Date{c.CeremonyDate, c.To, c.From} {
		if !d.IsZero() {
			return d
		}
	}
	return khenthuong.Date{}
}

// dateKey orders dates as Date.Before does (a year alone counts as 1
// January), cheaply: yyyymmdd.
func dateKey(d khenthuong.Date) int {
	return d.Year*10000 + max(d.Month, 1)*100 + max(d.Day, 1)
}
