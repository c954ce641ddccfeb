package khenthuong

import (
	"time"

	"khenthuong/vntext"
)

// DecisionStatus: a draft can be edited freely; an issued decision is locked.
type DecisionStatus string

const (
	DecisionDraft  DecisionStatus = "draft"
	DecisionIssued DecisionStatus = "issued"
)

// ListOrder is how the recipients of a decision are ordered.
type ListOrder string

const (
	OrderList   ListOrder = "list"   // the nominations' submitted order
	OrderAlpha  ListOrder = "alpha"  // Vietnamese alphabetical (people by given name)
	OrderUnit   ListOrder = "unit"   // grouped by unit, then list order
	OrderManual ListOrder = "manual" // as the clerk arranged it
)

// Decision is the Chairman's Quyết định for the approved nominations of one form.
type Decision struct {
	ID             uint64         `json:"id"`
	CampaignID     uint64         `json:"campaign_id"`
	FormCode       string         `json:"form"`
	Number         string         `json:"number"` // "2871/QĐ-UBND"
	Date           Date           `json:"date"`
	SignerTitle    string         `json:"signer_title"` // free text, may span lines
	SignerName     string         `json:"signer_name"`
	SubmissionNo   string         `json:"submission_no,omitempty"` // the Tờ trình it answers
	SubmissionDate Date           `json:"submission_date"`
	Achievement    string         `json:"achievement,omitempty"` // the sentence of Điều 1
	Order          ListOrder      `json:"order"`
	Status         DecisionStatus `json:"status"`
	Recipients     []Recipient    `json:"recipients"` // in list order
	IssuedAt       time.Time      `json:"issued_at,omitempty"`
	Amendments     []Amendment    `json:"amendments,omitempty"`
	CreatedAt      time.Time      `json:"created_at"`
	UpdatedAt      time.Time      `json:"updated_at"`
}

// Recipient is one nominee in a decision, with what is printed for them.
type Recipient struct {
	NominationID uint64  `json:"nomination_id"`
	NomineeID    uint64  `json:"nominee_id"`
	Nominee      Nominee `json:"nominee"`
	Achievement  string  `json:"achievement,omitempty"`
	RegistryNo   string  `json:"registry_no,omitempty"` // số sổ vàng, set when issued
	Amount       int64   `json:"amount"`                // bonus in đồng
	// ProposingUnit is the nomination's unit that proposed it (not printed):
	// the figures by unit count awards under it without reading nominations.
	ProposingUnit string `json:"proposing_unit,omitempty"`
}

// Amendment records a correction to an issued decision: who, when, why and the old values.
type Amendment struct {
	At     time.Time `json:"at"`
	User   string    `json:"user"`
	Reason string    `json:"reason"`
	Before string    `json:"before"` // JSON of the decision before the change
}

// Total is the sum of the recipients' bonuses.
func (d *Decision) Total() int64 {
	var t int64
	for _, r := range d.Recipients {
		t += r.Amount
	}
	return t
}

// CountByKind counts the recipients of each kind.
func (d *Decision) CountByKind() map[Kind]int {
	m := map[Kind]int{}
	for _, r := range d.Recipients {
		m[r.Nominee.Kind]++
	}
	return m
}

// Normalize cleans the text fields.
func (d *Decision) Normalize() {
	d.Number = vntext.Clean(d.Number)
	d.SignerTitle = vntext.CleanMultiline(d.SignerTitle)
	d.SignerName = vntext.Clean(d.SignerName)
	d.SubmissionNo = vntext.Clean(d.SubmissionNo)
	d.Achievement = vntext.CleanMultiline(d.Achievement)
	d.FormCode = (&AwardForm{Code: d.FormCode}).normalizedCode()
	if d.Order == "" {
		d.Order = OrderList
	}
	if d.Status == "" {
		d.Status = DecisionDraft
	}
}

// Validate checks the decision; the error names the field.
func (d *Decision) Validate() error {
	switch {
	case d.CampaignID == 0:
		return FieldErrorf("campaign", "Chưa chọn đợt khen thưởng")
	case d.FormCode == "":
		return FieldErrorf("form", "Chưa chọn hình thức khen thưởng")
	case d.Number == "":
		return FieldErrorf("number", "Chưa nhập số quyết định")
	case d.Date.IsZero() || d.Date.YearOnly():
		return FieldErrorf("date", "Chưa nhập ngày quyết định")
	case d.SignerTitle == "":
		return FieldErrorf("signer_title", "Chưa nhập chức vụ người ký")
	}
	return nil
}
