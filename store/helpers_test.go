package store

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"khenthuong"
)

// clock is a fixed clock that moves one second per reading, so records and
// backups get distinct, predictable times.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock() *clock {
	return &clock{t: time.Date(2025, 3, 14, 9, 30, 0, 0, time.FixedZone("ICT", 7*3600))}
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(time.Second)
	return c.t
}

// testOptions are the options of a test store: fixed clock and user.
func testOptions() Options {
	return Options{Now: newClock().Now, User: "canbo", Timeout: 2 * time.Second}
}

// openTest opens a new data file in a fresh temporary folder.
func openTest(t testing.TB) *DB {
	t.Helper()
	return openAt(t, filepath.Join(t.TempDir(), "khenthuong.db"), testOptions())
}

func openAt(t testing.TB, path string, opts Options) *DB {
	t.Helper()
	db, err := Open(path, opts)
	if err != nil {
		t.Fatalf("Open(%s): %v", path, err)
	}
	t.Cleanup(func() { _ = db.Close() })
	return db
}

// wantCode fails unless err is a *khenthuong.Error with the code (and field, if given).
func wantCode(t testing.TB, err error, code, field string) *khenthuong.Error {
	t.Helper()
	var e *khenthuong.Error
	if !errors.As(err, &e) {
		t.Fatalf("err = %v (%T), want *khenthuong.Error %s", err, err, code)
	}
	if e.Code != code {
		t.Fatalf("code = %s (%q), want %s", e.Code, e.Message, code)
	}
	if field != "" && e.Field != field {
		t.Fatalf("field = %q (%q), want %q", e.Field, e.Message, field)
	}
	return e
}

func mustNil(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func campaign(name string) *khenthuong.Campaign {
	return &khenthuong.Campaign{
		Name: name, Type: khenthuong.CampaignMovement,
		From: khenthuong.MustDate("2014-01-01"), To: khenthuong.MustDate("2023-12-31"),
		CeremonyDate: khenthuong.MustDate("2024-06-02"), CeremonyPlace: "Hội trường UBND tỉnh",
	}
}

func createCampaign(t testing.TB, db *DB, name string) *khenthuong.Campaign {
	t.Helper()
	c := campaign(name)
	mustNil(t, db.CreateCampaign(c))
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

func collective(campaignID uint64, name, unit string) khenthuong.Nomination {
	return khenthuong.Nomination{
		CampaignID: campaignID, FormCode: "BKCT",
		Nominee: khenthuong.Nominee{Kind: khenthuong.Collective, Name: name, Unit: unit},
		Status:  khenthuong.StatusSubmitted,
	}
}

// export is the file's content as ExportJSON writes it.
func export(t testing.TB, db *DB) string {
	t.Helper()
	var b bytes.Buffer
	mustNil(t, db.ExportJSON(&b))
	return b.String()
}

// plant writes directly into the file with bbolt, as a damaged or foreign
// program would; db must be closed. It returns the reopened bolt handle's work.
func plant(t testing.TB, path string, fn func(tx *bolt.Tx) error) {
	t.Helper()
	bdb, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	mustNil(t, err)
	defer bdb.Close()
	mustNil(t, bdb.Update(fn))
}

// ids lists the IDs of nominations, for compact comparisons.
func ids(ns []khenthuong.Nomination) string {
	var parts []string
	for _, n := range ns {
		parts = append(parts, fmt.Sprint(n.ID))
	}
	return strings.Join(parts, ",")
}
