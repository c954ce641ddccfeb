package storetest

import (
	"testing"
	"time"

	"khenthuong"
)

func init() {
	register("Identity", testIdentity)
	register("Changes", testChanges)
}

func testIdentity(t *testing.T, h Harness) {
	svc := open(t, h)
	id := svc.Identity()
	if id.Login != "canbo" || !id.Can(khenthuong.RightEditNominations) || !id.Can(khenthuong.RightDraftDecisions) {
		t.Errorf("identity = %+v, want canbo who may edit nominations and draft decisions", id)
	}
}

func testChanges(t *testing.T, h Harness) {
	svc := open(t, h)
	got := make(chan khenthuong.Change, 100)
	cancel := svc.Subscribe(func(c khenthuong.Change) { got <- c })
	c := createCampaign(t, svc, "Đợt mới")
	select {
	case ch := <-got:
		if ch.Entity != "campaign" || ch.Key != idString(c.ID) || ch.User != "canbo" || ch.At.IsZero() {
			t.Errorf("change = %+v, want the campaign %d by canbo", ch, c.ID)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("no change within 2 s of a committed write")
	}

	// A refused write tells nobody.
	_ = svc.CreateCampaign(&khenthuong.Campaign{Name: " "})
	cancel()
	createCampaign(t, svc, "Sau khi hủy")
	select {
	case ch := <-got:
		t.Errorf("change %+v after a refused write or after cancel", ch)
	case <-time.After(300 * time.Millisecond):
	}
}
