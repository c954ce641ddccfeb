package storetest

import (
	"errors"
	"sync"
	"testing"
	"time"

	"khenthuong"
)

// Clock is a fixed clock that moves one second per reading, so records get
// distinct, predictable times on every store.
type Clock struct {
	mu sync.Mutex
	t  time.Time
}

// NewClock starts at a fixed moment in Vietnam's time zone.
func NewClock() *Clock {
	return &Clock{t: time.Date(2025, 3, 14, 9, 30, 0, 0, time.FixedZone("ICT", 7*3600))}
}

// Now returns the next second.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(time.Second)
	return c.t
}

// open opens a fresh store with the fixed clock and the user "canbo".
func open(t *testing.T, h Harness) khenthuong.Services {
	t.Helper()
	return h.Open(t, "canbo", NewClock().Now)
}

func mustNil(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// wantCode fails unless err is a *khenthuong.Error with the code.
func wantCode(t testing.TB, err error, code string) {
	t.Helper()
	var e *khenthuong.Error
	if !errors.As(err, &e) {
		t.Fatalf("error = %v, want code %s", err, code)
	}
	if e.Code != code {
		t.Fatalf("error code = %s (%s), want %s", e.Code, e.Message, code)
	}
}

func createCampaign(t testing.TB, svc khenthuong.Services, name string) *khenthuong.Campaign {
	t.Helper()
	c := &khenthuong.Campaign{Name: name}
	mustNil(t, svc.CreateCampaign(c))
	return c
}

func person(campaignID uint64, name, position, unit string) khenthuong.Nomination {
	return khenthuong.Nomination{
		CampaignID: campaignID, FormCode: "BKCT",
		Nominee: khenthuong.Nominee{Kind: khenthuong.Individual, Title: "Ông", Name: name,
			Gender: khenthuong.Male, Birth: khenthuong.MustDate("1975"), Position: position, Unit: unit},
		Achievement:   "Đã có thành tích xuất sắc trong phong trào Toàn dân bảo vệ an ninh Tổ quốc",
		ProposingUnit: "Công an tỉnh", SubmissionNo: "45/TTr-CAT", Status: khenthuong.StatusSubmitted,
	}
}
