package certificates

import "khenthuong"

// ceremonyPlan is what the run-sheet holds of a ceremony: the recipients
// counted by decision and kind and the groups they are called in; names are
// read again from the streams a batch at a time.
type ceremonyPlan struct {
	doc    *RunSheetDoc
	byKind []map[khenthuong.Kind]int // by decision
	groups []ceremonyGroup
	total  int
}

// stream is where decision i's recipients come from: Recipients when set,
// else the decision's own.
func (doc *RunSheetDoc) stream(i int) RecipientStream {
	if doc.Recipients != nil {
		return doc.Recipients(i)
	}
	return SliceStream(doc.Decisions[i].Recipients)
}

// plan counts the ceremony's recipients and orders their groups.
// Errors: EINVALID (no recipient at all).
func (doc *RunSheetDoc) plan() (*ceremonyPlan, error) {
	c := &ceremonyPlan{doc: doc, byKind: make([]map[khenthuong.Kind]int, len(doc.Decisions))}
	counts := make([][]int, len(doc.Decisions))
	for i := range doc.Decisions {
		m, err := countKinds(doc.stream(i))
		if err != nil {
			return nil, err
		}
		c.byKind[i] = m
		counts[i] = make([]int, len(khenthuong.Kinds)+1)
		for k, n := range m {
			counts[i][kindRank(k)] += n
			c.total += n
		}
	}
	if c.total == 0 {
		return nil, khenthuong.Errorf(khenthuong.EINVALID, "Các quyết định đã chọn chưa có người được khen")
	}
	c.groups = ceremonyGroups(doc.Decisions, counts, doc.Forms)
	return c, nil
}

// batches is how many batches go on stage.
func (c *ceremonyPlan) batches() int {
	bs := c.doc.batchSize()
	return (c.total + bs - 1) / bs
}

// eachBatch reads the ceremony's entries in calling order and hands fn one
// batch at a time (b from 0).
func (c *ceremonyPlan) eachBatch(fn func(b int, batch []CeremonyEntry) error) error {
	bs := c.doc.batchSize()
	var batch []CeremonyEntry
	for _, g := range c.groups {
		err := eachInGroup(g, &c.doc.Decisions[g.decision], c.doc.stream(g.decision), bs, func(sl khenthuong.CeremonySlot, r *khenthuong.Recipient) error {
			name, detail := r.Nominee.EntryParts()
			batch = append(batch, CeremonyEntry{CeremonySlot: sl, Name: name, Detail: detail, Kind: r.Nominee.Kind, Nomination: r.NominationID})
			if len(batch) < bs {
				return nil
			}
			err := fn(sl.Batch-1, batch)
			batch = nil
			return err
		})
		if err != nil {
			return err
		}
	}
	if len(batch) > 0 {
		return fn(batch[0].Batch-1, batch)
	}
	return nil
}

// readingOrder lists the decisions in the order they are first called (the
// highest form first), then any with no recipient.
func (c *ceremonyPlan) readingOrder(n int) []int {
	seen := make([]bool, n)
	var out []int
	for _, g := range c.groups {
		if !seen[g.decision] {
			seen[g.decision] = true
			out = append(out, g.decision)
		}
	}
	for i := range n {
		if !seen[i] {
			out = append(out, i)
		}
	}
	return out
}
