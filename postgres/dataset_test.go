package postgres

import (
	"context"
	"encoding/json"
	"path/filepath"
	"testing"
	"time"

	"khenthuong"
	"khenthuong/store"
	"khenthuong/storetest"
)

// migrate carries everything: a data file's data set loaded onto a server
// comes back from the server the same, decisions with their recipients,
// nominations with their version and editor, the audit with its changes.
func TestLoadCarriesTheDataset(t *testing.T) {
	clock := storetest.NewClock()
	db, err := store.Open(filepath.Join(t.TempDir(), "khenthuong.db"), store.Options{Now: clock.Now, User: "canbo", Timeout: 2 * time.Second})
	mustNil(t, err)
	defer db.Close()
	c := &khenthuong.Campaign{Name: "Tổng kết phong trào 2014 - 2023", Type: khenthuong.CampaignMovement,
		From: khenthuong.MustDate("2014-01-01"), To: khenthuong.MustDate("2023-12-31")}
	mustNil(t, db.CreateCampaign(c))
	ns := []khenthuong.Nomination{{CampaignID: c.ID, FormCode: "BKCT", Status: khenthuong.StatusSubmitted,
		Nominee:       khenthuong.Nominee{Kind: khenthuong.Collective, Name: "Công an xã Tân Lập", Unit: "Công an huyện Đan Phượng"},
		ProposingUnit: "Công an tỉnh"}}
	mustNil(t, db.CreateNominations(ns))
	ns[0].Nominee.Unit = "Công an huyện Hoài Đức"
	mustNil(t, db.UpdateNomination(&ns[0]))
	mustNil(t, db.SetStatus([]uint64{ns[0].ID}, khenthuong.StatusApproved, ""))
	d := &khenthuong.Decision{CampaignID: c.ID, FormCode: "BKCT", Number: "2872/QĐ-UBND", Date: khenthuong.MustDate("2024-06-03"),
		SignerTitle: "CHỦ TỊCH", SignerName: "Hoàng Nam"}
	mustNil(t, db.CreateDecision(d, []uint64{ns[0].ID}))
	ds, err := db.Dataset()
	mustNil(t, err)

	addr := initDatabase(t)
	mustNil(t, Load(context.Background(), addr, ds, false))
	back, err := openStore(t, addr, Options{}).Dataset()
	mustNil(t, err)
	// The server keeps an audit time as an instant (timestamptz), not its zone.
	for _, set := range []*khenthuong.Dataset{ds, back} {
		for i := range set.Audit {
			set.Audit[i].At = set.Audit[i].At.UTC()
		}
	}
	if len(back.Decisions) != 1 || len(back.Decisions[0].Recipients) != 1 || len(back.Audit) == 0 {
		t.Fatalf("the server holds %d decisions and %d audit records", len(back.Decisions), len(back.Audit))
	}
	want, err := json.MarshalIndent(ds, "", " ")
	mustNil(t, err)
	got, err := json.MarshalIndent(back, "", " ")
	mustNil(t, err)
	if string(got) != string(want) {
		t.Errorf("the server's data set differs from the file's:\ngot  %s\nwant %s", got, want)
	}
}
