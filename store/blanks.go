package store

import (
	bolt "go.etcd.io/bbolt"

	"khenthuong"
)

// checkBlanks refuses to issue d while a blank its wordings use is empty
// (signer's name, submission number and date, achievement): issuing is
// irreversible and the decision would go out with "…" in it. EINVALID
// naming every blank.
func checkBlanks(tx *bolt.Tx, d *khenthuong.Decision) error {
	s, err := getSettings(tx)
	if err != nil {
		return err
	}
	c, err := getCampaign(tx, d.CampaignID)
	if err != nil && khenthuong.ErrorCode(err) != khenthuong.ENOTFOUND {
		return err
	}
	return s.Texts.CheckIssuable(d, c)
}
