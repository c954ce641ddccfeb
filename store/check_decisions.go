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
	listedIn := map[uint64]uint64{} // nomination -> the decision listing it
	registry := map[string]uint64{} // registry number -> decision
	campaignKeys := map[string]bool{}
	recipientIdx := c.tx.Bucket(bucketRecipientIdx)
	campaignIdx := c.tx.Bucket(bucketCampaignDecisionIdx)
	_ = c.tx.Bucket(bucketDecisions).ForEach(func(k, v []byte) error {
		if len(k) != 8 {
			return nil // reported by checkDecisions
		}
		dp, err := getDecision(c.tx, btoi(k))
		if err != nil {
			return nil // reported by checkDecisions
		}
		d := *dp
		key := idKey(d.ID)
		ck := campaignDecisionKey(d.CampaignID, d.ID)
		campaignKeys[string(ck)] = true
		if campaignIdx.Get(ck) == nil {
			c.add(entityIndex, key, "Thiếu mục chỉ mục đợt khen thưởng của quyết định mã %d", d.ID)
		}
		issued := d.Status == khenthuong.DecisionIssued
		for i := range d.Recipients {
			r := &d.Recipients[i]
			if other, ok := listedIn[r.NominationID]; ok {
				c.add(entityDecision, key, "Đề nghị số %d có trong cả quyết định mã %d và mã %d", r.NominationID, other, d.ID)
			}
			listedIn[r.NominationID] = d.ID
			rv := recipientValueOf(&d, r)
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
				if other, ok := registry[r.RegistryNo]; ok {
					c.add(entityDecision, key, "Số sổ vàng %s đã cấp trong quyết định mã %d", r.RegistryNo, other)
				}
				registry[r.RegistryNo] = d.ID
			}
		}
		return nil
	})
	_ = recipientIdx.ForEach(func(k, v []byte) error {
		if _, ok := listedIn[btoi(k)]; !ok || len(k) != 8 {
			c.add(entityIndex, brief(k), "Chỉ mục quyết định trỏ tới đề nghị số %d mà không quyết định nào có", btoi(k))
		}
		return nil
	})
	_ = campaignIdx.ForEach(func(k, _ []byte) error {
		if !campaignKeys[string(k)] {
			c.add(entityIndex, brief(k), "Chỉ mục đợt khen thưởng trỏ tới quyết định mã %d không có (hoặc thuộc đợt khác)", btoi(k[min(8, len(k)):]))
		}
		return nil
	})
	_ = c.tx.Bucket(bucketCounters).ForEach(func(k, v []byte) error {
		if len(v) != 8 {
			c.add(entitySeries, string(k), "Bộ đếm số sổ vàng không hợp lệ")
		}
		return nil
	})
	_ = c.tx.Bucket(bucketDistinct).ForEach(func(k, _ []byte) error {
		if len(k) != 16 || btoi(k) >= btoi(k[8:]) {
			c.add(entityNominee, brief(k), "Cặp đối tượng khác nhau không hợp lệ")
		}
		return nil
	})
}
