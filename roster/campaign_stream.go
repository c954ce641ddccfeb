package roster

import "khenthuong"

// CampaignSource is what CampaignRowStream reads: the query part of the
// services (khenthuong.QueryService has these methods).
type CampaignSource interface {
	DecisionSummaries(campaignID uint64) ([]khenthuong.DecisionSummary, error)
	EachRecipient(decisionID uint64, fn func(*khenthuong.Recipient) error) error
	EachNomination(f khenthuong.NominationFilter, fn func(*khenthuong.Nomination) error) error
}

// campaignAward is what an issued decision gave a nomination.
type campaignAward struct {
	decision   int // index in the campaign's decisions
	registryNo string
	amount     int64
}

// CampaignRowStream is CampaignRows read from the data: the roster rows of
// a campaign's nominations in list order, an awarded one carrying its
// issued decision's number and date, registry number and bonus, read first
// from the decisions' streams (a few dozen bytes a recipient: the rows
// themselves are not held). The CLI's export --campaign and the window's
// Xuất Excel both write it.
func CampaignRowStream(db CampaignSource, campaignID uint64) (RowStream, error) {
	ds, err := db.DecisionSummaries(campaignID)
	if err != nil {
		return nil, err
	}
	awards := map[uint64]campaignAward{}
	for i, d := range ds {
		if d.Status != khenthuong.DecisionIssued {
			continue
		}
		err := db.EachRecipient(d.ID, func(r *khenthuong.Recipient) error {
			awards[r.NominationID] = campaignAward{i, r.RegistryNo, r.Amount}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return func(fn func(*ExportRow) error) error {
		return db.EachNomination(khenthuong.NominationFilter{CampaignID: campaignID}, func(n *khenthuong.Nomination) error {
			row := ExportRow{Nomination: *n}
			if a, ok := awards[n.ID]; ok {
				d := &ds[a.decision]
				row.DecisionNo, row.DecisionDate = d.Number, d.Date
				row.RegistryNo, row.Amount = a.registryNo, a.amount
			}
			return fn(&row)
		})
	}, nil
}
