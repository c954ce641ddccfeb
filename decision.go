package khenthuong

import (
	"strings"
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

	// Archive marks a decision entered from the office's archive (history):
	// issued outside the application, its registry numbers and amounts only
	// those the document wrote.
	Archive bool `json:"archive,omitempty"`
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

// Blank is a value a decision's wording uses that is still empty: the
// decision is not issued with it, and its draft shows it marked.
type Blank struct {
	Field string // the decision's field: "signer_name", "submission_no", "submission_date", "achievement"
	Label string // what the clerk reads: "tên người ký"
}

// MissingBlanks lists, in the order the form shows them, the blanks of d
// its wordings use and that are still empty: the signer's name (always
// printed under the signature), the submission's number and date when the
// wordings cite them, and the achievement when Điều 1 uses it and neither
// the decision nor the campaign says what it was. c may be nil.
func (t DocumentTexts) MissingBlanks(d *Decision, c *Campaign) []Blank {
	t = t.OrDefault()
	uses := func(key string) bool {
		for _, w := range append([]string{t.Proposal, t.Article1, t.Article2, t.Article3}, t.Recipients...) {
			if Uses(w, key) {
				return true
			}
		}
		for _, b := range t.LegalBases {
			if b.InForceOn(d.Date) && Uses(b.Text, key) {
				return true
			}
		}
		return false
	}
	var out []Blank
	if d.SignerName == "" {
		out = append(out, Blank{"signer_name", "tên người ký"})
	}
	if uses("submission_no") && d.SubmissionNo == "" {
		out = append(out, Blank{"submission_no", "số tờ trình"})
	}
	if uses("submission_date") && (d.SubmissionDate.IsZero() || d.SubmissionDate.YearOnly()) {
		out = append(out, Blank{"submission_date", "ngày tờ trình"})
	}
	if uses("achievement") && d.Achievement == "" && !t.achievementFilled(c) {
		out = append(out, Blank{"achievement", "thành tích"})
	}
	return out
}

// achievementFilled reports whether the default achievement has all it needs.
func (t DocumentTexts) achievementFilled(c *Campaign) bool {
	if strings.TrimSpace(t.Achievement) == "" {
		return false
	}
	name := ""
	if c != nil {
		name = c.Name
	}
	return name != "" || (!Uses(t.Achievement, "movement") && !Uses(t.Achievement, "campaign"))
}

// CheckIssuable refuses to issue d while a blank its wordings use is empty,
// naming every such blank: EINVALID on the first blank's field.
func (t DocumentTexts) CheckIssuable(d *Decision, c *Campaign) error {
	blanks := t.MissingBlanks(d, c)
	if len(blanks) == 0 {
		return nil
	}
	labels := make([]string, len(blanks))
	for i, b := range blanks {
		labels[i] = b.Label
	}
	return FieldErrorf(blanks[0].Field, "Chưa ban hành được quyết định số %s: còn để trống %s", d.Number, strings.Join(labels, ", "))
}

// MovementOf says what a campaign's work was, as Điều 1 continues "đã có
// thành tích xuất sắc trong ...": "Tổng kết phong trào Toàn dân bảo vệ an
// ninh Tổ quốc giai đoạn 2014 - 2023" → "phong trào Toàn dân bảo vệ an ninh
// Tổ quốc giai đoạn 2014 - 2023"; "Khen thưởng năm 2024" → "thực hiện nhiệm
// vụ năm 2024".
func MovementOf(name string) string {
	name = strings.Join(strings.Fields(name), " ")
	for _, prefix := range []string{"hội nghị tổng kết", "hội nghị sơ kết", "tổng kết", "sơ kết", "khen thưởng"} {
		if f := vntext.Fold(name); strings.HasPrefix(f, vntext.Fold(prefix)+" ") {
			name = string([]rune(name)[len([]rune(prefix))+1:])
		}
	}
	if name == "" {
		return ""
	}
	first, _, _ := strings.Cut(vntext.Fold(name), " ")
	switch first {
	case "phong", "cuoc", "cong", "chuong", "thuc", "viec", "nhiem", "hoat", "cac":
		return lowerFirst(name)
	case "nam", "giai", "dot", "ky":
		return "thực hiện nhiệm vụ " + lowerFirst(name)
	}
	if r := []rune(name)[0]; r >= '0' && r <= '9' {
		return "thực hiện nhiệm vụ năm " + name
	}
	return name
}
