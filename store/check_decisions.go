package store

import (
	"bytes"

	"khenthuong"
)

// checkDecisionIndexes checks the decision workflow's data: each decision's
// entries in idx_nomination_decision and idx_campaign_decisions, both ways;
// no nomination in two decisions; registry numbers present once issued and
// never given twice; counters and distinct pairs well formed.
func (c *checker) checkDecisionIndexes() {
	var listed []listing // every recipient line, sorted by nomination after the walk
	var registry givenNumbers
	campaignKeys := map[string]bool{} // one per decision
	recipientIdx := c.tx.Bucket(bucketRecipientIdx)
	campaignIdx := c.tx.Bucket(bucketCampaignDecisionIdx)
	c.each(c.tx.Bucket(bucketDecisions), func(k, v []byte) {
		if len(k) != 8 {
			return // reported by checkDecisions
		}
		s, err := getSummary(c.tx, btoi(k))
		if err != nil {
			return // reported by checkDecisions
		}
		// The recipients are read one at a time: a decision may list 100,000.
		d := &s.Decision
		key := idKey(d.ID)
		ck := campaignDecisionKey(d.CampaignID, d.ID)
		campaignKeys[string(ck)] = true
		if campaignIdx.Get(ck) == nil {
			c.add(entityIndex, key, "Thiếu mục chỉ mục đợt khen thưởng của quyết định mã %d", d.ID)
		}
		issued := d.Status == khenthuong.DecisionIssued
		_ = eachRecipient(c.tx, d.ID, khenthuong.Page{}, func(r *khenthuong.Recipient) error {
			listed = append(listed, listing{nomination: r.NominationID, decision: d.ID})
			rv := recipientValueOf(d, r)
			val := rv.MarshalBinary()
			if got := recipientIdx.Get(itob(r.NominationID)); got == nil {
				c.add(entityIndex, key, "Thiếu mục chỉ mục quyết định của đề nghị số %d", r.NominationID)
			} else if !bytes.Equal(got, val) {
				c.add(entityIndex, key, "Mục chỉ mục quyết định của đề nghị số %d không khớp với quyết định", r.NominationID)
			}
			switch {
			case issued && r.RegistryNo == "":
				if !d.Archive { // an archive decision has the numbers its document wrote, if any
					c.add(entityDecision, key, "Quyết định đã ban hành nhưng đề nghị số %d chưa có số sổ vàng", r.NominationID)
				}
			case issued:
				registry.add(r.RegistryNo, d.ID)
			}
			return nil
		}) // an unreadable list is reported by checkDecisions
	})
	byNomination(listed)
	for i := 1; i < len(listed); i++ {
		if prev, cur := listed[i-1], listed[i]; prev.nomination == cur.nomination {
			c.add(entityDecision, idKey(cur.decision), "Đề nghị số %d có trong cả quyết định mã %d và mã %d", cur.nomination, prev.decision, cur.decision)
		}
	}
	registry.repeated(func(no string, before, again uint64) {
		c.add(entityDecision, idKey(again), "Số sổ vàng %s đã cấp trong quyết định mã %d", no, before)
	})
	// Both in nomination order: the index is walked beside the sorted lines.
	i := 0
	c.each(recipientIdx, func(k, _ []byte) {
		id := btoi(k)
		for i < len(listed) && listed[i].nomination < id {
			i++
		}
		if len(k) != 8 || i == len(listed) || listed[i].nomination != id {
			c.add(entityIndex, brief(k), "Chỉ mục quyết định trỏ tới đề nghị số %d mà không quyết định nào có", id)
		}
	})
	listed = nil
	c.each(campaignIdx, func(k, _ []byte) {
		if !campaignKeys[string(k)] {
			c.add(entityIndex, brief(k), "Chỉ mục đợt khen thưởng trỏ tới quyết định mã %d không có (hoặc thuộc đợt khác)", btoi(k[min(8, len(k)):]))
		}
	})
	c.each(c.tx.Bucket(bucketCounters), func(k, v []byte) {
		if len(v) != 8 {
			c.add(entitySeries, string(k), "Bộ đếm số sổ vàng không hợp lệ")
		}
	})
	c.each(c.tx.Bucket(bucketDistinct), func(k, _ []byte) {
		if len(k) != 16 || btoi(k) >= btoi(k[8:]) {
			c.add(entityNominee, brief(k), "Cặp đối tượng khác nhau không hợp lệ")
		}
	})
}
