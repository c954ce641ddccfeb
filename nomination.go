package khenthuong

import (
	"time"

	"khenthuong/vntext"
)

// Status is where a nomination stands in the review.
type Status string

const (
	StatusDraft     Status = "draft"
	StatusSubmitted Status = "submitted"
	StatusApproved  Status = "approved"
	StatusRejected  Status = "rejected"
	StatusDeferred  Status = "deferred"
)

var Statuses = []Status{StatusDraft, StatusSubmitted, StatusApproved, StatusRejected, StatusDeferred}

func (s Status) Label() string {
	switch s {
	case StatusDraft:
		return "Nháp"
	case StatusSubmitted:
		return "Đã đề nghị"
	case StatusApproved:
		return "Được duyệt"
	case StatusRejected:
		return "Không duyệt"
	case StatusDeferred:
		return "Hoãn xét"
	}
	return string(s)
}

func (s Status) Valid() bool {
	for _, v := range Statuses {
		if v == s {
			return true
		}
	}
	return false
}

// Nomination is one nominee proposed for one award form in one campaign.
type Nomination struct {
	ID             uint64    `json:"id"`
	CampaignID     uint64    `json:"campaign_id"`
	NomineeID      uint64    `json:"nominee_id"` // shared by every nomination of the same nominee
	Nominee        Nominee   `json:"nominee"`
	FormCode       string    `json:"form"`
	Achievement    string    `json:"achievement,omitempty"`
	ProposingUnit  string    `json:"proposing_unit,omitempty"`
	SubmissionNo   string    `json:"submission_no,omitempty"` // Tờ trình số: "45/TTr-SNV"
	SubmissionDate Date      `json:"submission_date"`
	Order          int       `json:"order"` // position in the submitted list: lists print in this order
	Status         Status    `json:"status"`
	RejectReason   string    `json:"reject_reason,omitempty"`
	Notes          string    `json:"notes,omitempty"`
	CreatedAt      time.Time `json:"created_at"`
	UpdatedAt      time.Time `json:"updated_at"`
	// Version counts the saves of this nomination; UpdatedBy made the last.
	// A save carrying an older Version than the stored one is refused
	// (ECONFLICT naming UpdatedBy and UpdatedAt): nothing is overwritten
	// silently when two clerks edit the same nomination.
	Version   int64  `json:"version,omitempty"`
	UpdatedBy string `json:"updated_by,omitempty"`
}

// Normalize cleans every text field.
func (n *Nomination) Normalize() {
	n.Nominee.Normalize()
	n.FormCode = (&AwardForm{Code: n.FormCode}).normalizedCode()
	n.Achievement = vntext.CleanMultiline(n.Achievement)
	n.ProposingUnit = vntext.Clean(n.ProposingUnit)
	n.SubmissionNo = vntext.Clean(n.SubmissionNo)
	n.RejectReason = vntext.CleanMultiline(n.RejectReason)
	n.Notes = vntext.CleanMultiline(n.Notes)
	if n.Status == "" {
		n.Status = StatusDraft
	}
}

// Validate checks the nomination; the error names the field.
func (n *Nomination) Validate() error {
	if err := n.Nominee.Validate(); err != nil {
		return err
	}
	switch {
	case n.CampaignID == 0:
		return FieldErrorf("campaign", "Chưa chọn đợt khen thưởng")
	case n.FormCode == "":
		return FieldErrorf("form", "Chưa chọn hình thức khen thưởng")
	case !n.Status.Valid():
		return FieldErrorf("status", "Trạng thái “%s” không hợp lệ", n.Status)
	case n.Status == StatusRejected && n.RejectReason == "":
		return FieldErrorf("reject_reason", "Không duyệt phải ghi rõ lý do")
	case len([]rune(n.Achievement)) > MaxAchievementLength:
		return FieldErrorf("achievement", "Thành tích dài quá %d ký tự", MaxAchievementLength)
	case len([]rune(n.ProposingUnit)) > MaxNameLength:
		return FieldErrorf("proposing_unit", "Đơn vị đề nghị dài quá %d ký tự", MaxNameLength)
	case len([]rune(n.SubmissionNo)) > 100:
		return FieldErrorf("submission_no", "Số tờ trình dài quá 100 ký tự")
	case len([]rune(n.Notes)) > MaxNotesLength:
		return FieldErrorf("notes", "Ghi chú dài quá %d ký tự", MaxNotesLength)
	case n.Order < 0:
		return FieldErrorf("order", "Số thứ tự không được âm")
	}
	return nil
}

// ValidateAgainst checks the rules that need the catalogue: the form exists and applies to the kind.
func (n *Nomination) ValidateAgainst(form *AwardForm) error {
	if form == nil {
		return FieldErrorf("form", "Không có hình thức khen thưởng mã “%s” trong danh mục", n.FormCode)
	}
	if !form.AppliesTo(n.Nominee.Kind) {
		return FieldErrorf("form", "Hình thức “%s” không áp dụng cho %s", form.Name, lowerFirst(n.Nominee.Kind.Label()))
	}
	return nil
}

// CanTransition reports whether a review may move a nomination from one status to another.
// Approved nominations that are in an issued decision are guarded by the store, not here.
func CanTransition(from, to Status) bool {
	if from == to {
		return false
	}
	switch to {
	case StatusSubmitted:
		return true // back to submitted from any state
	case StatusApproved, StatusRejected, StatusDeferred:
		return from != StatusDraft
	case StatusDraft:
		return from == StatusSubmitted
	}
	return false
}
