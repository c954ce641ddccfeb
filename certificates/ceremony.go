package certificates

import (
	"sort"

	"khenthuong"
)

// ceremonyGroup is the recipients of one kind in one decision. The ceremony
// order (khenthuong.CeremonyOrder) calls each group whole, in the
// decision's list order, so a ceremony of 100,000 is known by a handful of
// groups and each is read from the decision's stream when it is printed.
type ceremonyGroup struct {
	decision int // index in the ceremony's decisions
	rank     int // kindRank of its recipients
	first    int // tray number of its first recipient, from 1
	n        int
}

// ceremonyGroups orders the groups as khenthuong.CeremonyOrder orders
// recipients; counts[d][rank] are decision d's recipients by kind rank.
func ceremonyGroups(decisions []khenthuong.Decision, counts [][]int, forms map[string]*khenthuong.AwardForm) []ceremonyGroup {
	var gs []ceremonyGroup
	for d := range decisions {
		for rk, n := range counts[d] {
			if n > 0 {
				gs = append(gs, ceremonyGroup{decision: d, rank: rk, n: n})
			}
		}
	}
	formRank := func(code string) int {
		if f := forms[code]; f != nil {
			return f.Rank
		}
		return 0
	}
	sort.SliceStable(gs, func(a, b int) bool {
		da, db := &decisions[gs[a].decision], &decisions[gs[b].decision]
		if ra, rb := formRank(da.FormCode), formRank(db.FormCode); ra != rb {
			return ra > rb
		}
		if gs[a].rank != gs[b].rank {
			return gs[a].rank < gs[b].rank
		}
		return da.Date.Before(db.Date) || (da.Date == db.Date && da.ID < db.ID)
	})
	tray := 1
	for i := range gs {
		gs[i].first = tray
		tray += gs[i].n
	}
	return gs
}

// rankCounts counts a stream's recipients by kind rank.
func rankCounts(each RecipientStream) ([]int, error) {
	counts := make([]int, len(khenthuong.Kinds)+1)
	err := each(func(r *khenthuong.Recipient) error {
		counts[kindRank(r.Nominee.Kind)]++
		return nil
	})
	return counts, err
}

// eachInGroup reads group g from its decision's stream, handing fn each
// recipient with its index in the decision's list and its slot. A group
// that is not as counted is refused: the list changed while printing.
func eachInGroup(g ceremonyGroup, d *khenthuong.Decision, each RecipientStream, batchSize int, fn func(sl khenthuong.CeremonySlot, r *khenthuong.Recipient) error) error {
	i, n := -1, 0
	err := each(func(r *khenthuong.Recipient) error {
		i++
		if kindRank(r.Nominee.Kind) != g.rank {
			return nil
		}
		if n == g.n {
			return errChanged(d)
		}
		tray := g.first + n
		n++
		sl := khenthuong.CeremonySlot{DecisionID: d.ID, Decision: g.decision, Recipient: i, Tray: tray,
			Batch: (tray-1)/batchSize + 1, InBatch: (tray-1)%batchSize + 1}
		return fn(sl, r)
	})
	if err != nil {
		return err
	}
	if n != g.n {
		return errChanged(d)
	}
	return nil
}

// PrintRunOf is the PrintOrder run of decisions[i], the ceremony's
// recipients read from each(d), decision d's stream, rather than held.
func PrintRunOf(decisions []khenthuong.Decision, forms map[string]*khenthuong.AwardForm, batchSize, i int, each func(d int) RecipientStream) (PrintRun, error) {
	batchSize = max(batchSize, 1)
	counts := make([][]int, len(decisions))
	for d := range decisions {
		var err error
		if counts[d], err = rankCounts(each(d)); err != nil {
			return PrintRun{}, err
		}
	}
	run := PrintRun{DecisionID: decisions[i].ID}
	for _, g := range ceremonyGroups(decisions, counts, forms) {
		if g.decision != i {
			continue
		}
		err := eachInGroup(g, &decisions[i], each(i), batchSize, func(sl khenthuong.CeremonySlot, r *khenthuong.Recipient) error {
			run.Recipients = append(run.Recipients, r.NominationID)
			run.Trays = append(run.Trays, sl.Tray)
			return nil
		})
		if err != nil {
			return PrintRun{}, err
		}
	}
	return run, nil
}
