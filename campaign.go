package khenthuong

import (
	"time"

	"khenthuong/vntext"
)

// CampaignType is the kind of đợt khen thưởng.
type CampaignType string

const (
	CampaignMovement CampaignType = "phongtrao" // theo phong trào / chuyên đề
	CampaignSudden   CampaignType = "dotxuat"   // đột xuất
	CampaignAnnual   CampaignType = "hangnam"   // hằng năm
	CampaignMerit    CampaignType = "congtrang" // công trạng / cống hiến
)

// CampaignTypes lists the types in the order they are offered.
var CampaignTypes = []CampaignType{CampaignMovement, CampaignSudden, CampaignAnnual, CampaignMerit}

func (t CampaignType) Label() string {
	switch t {
	case CampaignMovement:
		return "Theo phong trào, chuyên đề"
	case CampaignSudden:
		return "Đột xuất"
	case CampaignAnnual:
		return "Hằng năm"
	case CampaignMerit:
		return "Công trạng, cống hiến"
	}
	return string(t)
}

// Campaign is a đợt khen thưởng: the event nominations are made for.
type Campaign struct {
	ID            uint64         `json:"id"`
	Name          string         `json:"name"`
	Type          CampaignType   `json:"type"`
	From          Date           `json:"from"`
	To            Date           `json:"to"`
	CeremonyDate  Date           `json:"ceremony_date"`
	CeremonyPlace string         `json:"ceremony_place"`
	Notes         string         `json:"notes"`
	Quotas        map[string]int `json:"quotas,omitempty"` // award form code -> maximum awards (optional)
	CreatedAt     time.Time      `json:"created_at"`
	UpdatedAt     time.Time      `json:"updated_at"`
}

// Normalize cleans every text field (NFC, spaces) before validation and storage.
func (c *Campaign) Normalize() {
	c.Name = vntext.Clean(c.Name)
	c.CeremonyPlace = vntext.Clean(c.CeremonyPlace)
	c.Notes = vntext.CleanMultiline(c.Notes)
	if c.Type == "" {
		c.Type = CampaignMovement
	}
}

// Validate checks the campaign's rules; the error names the field.
func (c *Campaign) Validate() error {
	switch {
	case c.Name == "":
		return FieldErrorf("name", "Chưa nhập tên đợt khen thưởng")
	case len([]rune(c.Name)) > MaxNameLength*2:
		return FieldErrorf("name", "Tên đợt khen thưởng dài quá %d ký tự", MaxNameLength*2)
	case !validCampaignType(c.Type):
		return FieldErrorf("type", "Loại đợt khen thưởng “%s” không hợp lệ", c.Type)
	case !c.From.IsZero() && !c.To.IsZero() && c.To.Before(c.From):
		return FieldErrorf("to", "Ngày kết thúc (%s) trước ngày bắt đầu (%s)", c.To.Display(), c.From.Display())
	}
	for code, n := range c.Quotas {
		if n < 0 {
			return FieldErrorf("quotas", "Chỉ tiêu của hình thức %s không được âm", code)
		}
	}
	return nil
}

func validCampaignType(t CampaignType) bool {
	for _, v := range CampaignTypes {
		if v == t {
			return true
		}
	}
	return false
}
