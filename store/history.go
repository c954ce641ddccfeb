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
	hs, _, err := db.QueryHistory(query, khenthuong.Page{})
	return hs, err
}

// QueryHistory is History by the page, with the number of entries in all.
// The order is worked out from the index, the award cache and the campaigns;
// only the page's records are decoded.
func (db *DB) QueryHistory(query string, p khenthuong.Page) ([]khenthuong.HistoryEntry, int, error) {
	if err := checkPage(p); err != nil {
		return nil, 0, err
	}
	if len(queryWords(query)) == 0 {
		return nil, 0, nil
	}
	hits, err := db.searchHits(khenthuong.NominationFilter{Query: query})
	if err != nil || len(hits) == 0 {
		return nil, 0, err
	}
	// The awards of the hits only, from idx_nomination_decision: the whole
	// award cache (every award of the file) is for the review's warnings.
	awards := map[uint64]khenthuong.Award{}
	campaigns := map[uint64]*khenthuong.Campaign{}
	err = db.view("history", func(tx *bolt.Tx) error {
		drop := dropper(tx)
		for _, h := range hits {
			drop()
			rv, err := recipientEntry(tx, h.id)
			if err != nil {
				return err
			}
			if rv != nil && rv.Issued {
				awards[h.id] = rv.Award
			}
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
		return nil, 0, err
	}
	dates := make(map[uint64]int, len(hits))
	for _, h := range hits {
		d := dateKey(campaignDate(campaigns[h.campaignID]))
		if a, ok := awards[h.id]; ok {
			d = dateKey(a.DecisionDate)
		}
		dates[h.id] = d
	}
	slices.SortFunc(hits, func(a, b hit) int {
		if x, y := dates[a.id], dates[b.id]; x != y {
			return cmp.Compare(y, x)
		}
		return cmp.Compare(b.id, a.id)
	})
	page := pageOf(hits, p)
	if err := db.loadMissing(page); err != nil {
		return nil, 0, err
	}
	out := make([]khenthuong.HistoryEntry, 0, len(page))
	for _, h := range page {
		if h.rec == nil {
			continue // deleted since the index was read
		}
		e := khenthuong.HistoryEntry{Nomination: *h.rec, Campaign: campaigns[h.campaignID].Name}
		if a, ok := awards[h.id]; ok {
			e.Award = &a
		}
		out = append(out, e)
	}
	return out, len(hits), nil
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
