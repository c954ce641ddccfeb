package storetest

import (
	"errors"
	"strconv"
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

// named makes one person nomination per name, in that list order, in campaign c.
func named(t testing.TB, svc khenthuong.Services, c *khenthuong.Campaign, names ...string) []khenthuong.Nomination {
	t.Helper()
	ns := make([]khenthuong.Nomination, len(names))
	for i, name := range names {
		ns[i] = person(c.ID, name, "Trưởng Công an xã", "Công an xã Gio Linh")
	}
	mustNil(t, svc.CreateNominations(ns))
	return ns
}

// names lists the nominees' names of ns.
func names(ns []khenthuong.Nomination) []string {
	out := make([]string, len(ns))
	for i, n := range ns {
		out[i] = n.Nominee.Name
	}
	return out
}

func ids(ns []khenthuong.Nomination) []uint64 {
	out := make([]uint64, len(ns))
	for i, n := range ns {
		out[i] = n.ID
	}
	return out
}

// issuedDecision approves ns and issues a BKCT decision listing them.
func issuedDecision(t testing.TB, svc khenthuong.Services, c *khenthuong.Campaign, number string, ns []khenthuong.Nomination) *khenthuong.Decision {
	t.Helper()
	mustNil(t, svc.SetStatus(ids(ns), khenthuong.StatusApproved, ""))
	d := &khenthuong.Decision{
		CampaignID: c.ID, FormCode: "BKCT", Number: number, Date: khenthuong.MustDate("2024-06-02"),
		SignerTitle: "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", SignerName: "Hoàng Nam",
		SubmissionNo: "86/TTr-SNV", SubmissionDate: khenthuong.MustDate("2024-05-20"),
		Achievement: "đã có thành tích xuất sắc trong phong trào Toàn dân bảo vệ an ninh Tổ quốc",
	}
	mustNil(t, svc.CreateDecision(d, ids(ns)))
	issued, err := svc.IssueDecision(d.ID)
	mustNil(t, err)
	return issued
}

func sameStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func idString(id uint64) string { return strconv.FormatUint(id, 10) }
