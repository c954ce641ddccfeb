package postgres

import (
	"os/exec"
	"strings"
	"testing"

	"khenthuong"
)

// officeSetup is an initialised database with a campaign, approved
// nominations and a draft decision, prepared by a chuyên viên.
type officeSetup struct {
	admin, clerkAddr, headAddr string
	clerk, head                *Store
	decision                   *khenthuong.Decision
}

func newOffice(t *testing.T, nominations int) *officeSetup {
	t.Helper()
	o := &officeSetup{admin: initDatabase(t)}
	db := dbName(t, o.admin)
	clerk, cpw := addUser(t, o.admin, "chuyenvien")
	head, hpw := addUser(t, o.admin, "lanhdao")
	o.clerkAddr = withDatabase(t, o.admin, db, clerk, cpw)
	o.headAddr = withDatabase(t, o.admin, db, head, hpw)
	o.clerk = openStore(t, o.clerkAddr, Options{})
	o.head = openStore(t, o.headAddr, Options{})
	o.decision = draftDecision(t, o.clerk, nominations)
	return o
}

// draftDecision prepares a campaign of n approved nominations and their draft decision.
func draftDecision(t testing.TB, s *Store, n int) *khenthuong.Decision {
	t.Helper()
	c := &khenthuong.Campaign{Name: "Tổng kết 10 năm phong trào Toàn dân bảo vệ an ninh Tổ quốc"}
	mustNil(t, s.CreateCampaign(c))
	ns := make([]khenthuong.Nomination, n)
	for i := range ns {
		ns[i] = khenthuong.Nomination{CampaignID: c.ID, FormCode: "BKCT", Status: khenthuong.StatusSubmitted,
			Nominee: khenthuong.Nominee{Kind: khenthuong.Individual, Title: "Ông", Name: "Trương Quang Sáng " + strings.Repeat("A", i%5),
				Gender: khenthuong.Male, Position: "Phó Giám đốc", Unit: "Sở Tư pháp"}}
	}
	mustNil(t, s.CreateNominations(ns))
	ids := make([]uint64, n)
	for i := range ns {
		ids[i] = ns[i].ID
	}
	mustNil(t, s.SetStatus(ids, khenthuong.StatusApproved, ""))
	d := &khenthuong.Decision{CampaignID: c.ID, FormCode: "BKCT", Number: "2871/QĐ-UBND", Date: khenthuong.MustDate("2024-06-02"),
		SignerTitle: "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", SignerName: "Hoàng Nam"}
	mustNil(t, s.CreateDecision(d, ids))
	return d
}

func TestRights(t *testing.T) {
	o := newOffice(t, 3)

	t.Run("ClerkMayNotIssue", func(t *testing.T) {
		_, err := o.clerk.IssueDecision(o.decision.ID)
		if khenthuong.ErrorCode(err) != khenthuong.EFORBIDDEN || !strings.Contains(khenthuong.ErrorMessage(err), "lãnh đạo") {
			t.Fatalf("clerk's issue = %v, want EFORBIDDEN saying a lãnh đạo does it", err)
		}
	})

	t.Run("ServerRefusesClerkEvenPastTheApplication", func(t *testing.T) {
		// The application's own check skipped: the server itself refuses.
		o.clerk.id.Role = khenthuong.RoleHead
		defer func() { o.clerk.id.Role = khenthuong.RoleClerk }()
		_, err := o.clerk.IssueDecision(o.decision.ID)
		if khenthuong.ErrorCode(err) != khenthuong.EFORBIDDEN {
			t.Fatalf("issue past the application check = %v, want the server's refusal", err)
		}
		f := khenthuong.DefaultForms()[0]
		f.Name += " (sửa)"
		if err := o.clerk.SaveForm(&f); khenthuong.ErrorCode(err) != khenthuong.EFORBIDDEN {
			t.Errorf("catalogue change past the application check = %v, want EFORBIDDEN", err)
		}
	})

	t.Run("PsqlUnderClerkLoginFails", func(t *testing.T) {
		psql, err := exec.LookPath("psql")
		if err != nil {
			t.Fatal("psql not found: the Debian package postgresql (make setup) provides it")
		}
		for _, tc := range []struct{ name, sql string }{
			{"IssueDecision", `UPDATE decisions SET status = 'issued' WHERE id = ` + idKey(o.decision.ID)},
			{"GiveRegistryNumber", `UPDATE recipients SET registry_no = 'BKCT-2024-0001' WHERE decision_id = ` + idKey(o.decision.ID)},
			{"MoveCounter", `INSERT INTO registry_counters (key, last) VALUES ('BKCT', 100)`},
			{"ChangeCatalogue", `UPDATE forms SET rank = 0`},
			{"ChangeSettings", `UPDATE settings SET data = '{}'`},
			{"ForgeAudit", `INSERT INTO audit (at, login, entity, key, action) VALUES (now(), 'lanhdao', 'decision', '1', 'issue')`},
			{"RewriteAudit", `DELETE FROM audit`},
		} {
			t.Run(tc.name, func(t *testing.T) {
				out, err := exec.Command(psql, "-X", "-v", "ON_ERROR_STOP=1", "-d", o.clerkAddr, "-c", tc.sql).CombinedOutput()
				if err == nil {
					t.Fatalf("psql as the chuyên viên ran %q: %s", tc.sql, out)
				}
				if !strings.Contains(string(out), "permission denied") && !strings.Contains(string(out), "row-level security") {
					t.Errorf("psql refused for another reason: %s", out)
				}
			})
		}
		d, err := o.head.Decision(o.decision.ID)
		mustNil(t, err)
		if d.Status != khenthuong.DecisionDraft || d.Recipients[0].RegistryNo != "" {
			t.Errorf("after the refused changes: %s, registry %q", d.Status, d.Recipients[0].RegistryNo)
		}
	})

	t.Run("HeadIssuesAndAuditNamesLogins", func(t *testing.T) {
		d, err := o.head.IssueDecision(o.decision.ID)
		mustNil(t, err)
		for i, r := range d.Recipients {
			if want := (&khenthuong.RegistrySeries{Code: "BKCT", Prefix: "BKCT", Format: khenthuong.DefaultSeriesFormat, Digits: 4}).Number(2024, i+1); r.RegistryNo != want {
				t.Errorf("recipient %d: registry %q, want %q", i, r.RegistryNo, want)
			}
		}
		users := map[string]bool{}
		mustNil(t, o.head.EachAudit(khenthuong.AuditFilter{Entity: "decision"}, func(r *khenthuong.AuditRecord) error {
			users[r.User+" "+r.Action] = true
			return nil
		}))
		if !users[o.clerk.Identity().Login+" create"] || !users[o.head.Identity().Login+" issue"] {
			t.Errorf("decision audit = %v, want the clerk's create and the head's issue", users)
		}
	})
}

// A chuyên viên's change of what an issued decision awards is refused with
// its reason, as on a data file, not reported as missing (row security hides
// those rows from the chuyên viên's locks).
func TestClerkRefusalsKeepTheirReason(t *testing.T) {
	o := newOffice(t, 2)
	issued, err := o.head.IssueDecision(o.decision.ID)
	mustNil(t, err)
	n, err := o.clerk.Nomination(issued.Recipients[0].NominationID)
	mustNil(t, err)
	n.Notes = "sửa sau khi ban hành"
	for _, tc := range []struct {
		name string
		err  error
		code string
	}{
		{"UpdateNomination", o.clerk.UpdateNomination(n), khenthuong.ECONFLICT},
		{"DeleteNomination", o.clerk.DeleteNomination(n.ID), khenthuong.ECONFLICT},
		{"SetStatus", o.clerk.SetStatus([]uint64{n.ID}, khenthuong.StatusDeferred, ""), khenthuong.ECONFLICT},
		{"DraftWithIt", o.clerk.CreateDecision(&khenthuong.Decision{CampaignID: n.CampaignID, FormCode: "BKCT", Number: "5/QĐ-UBND",
			Date: khenthuong.MustDate("2024-06-02"), SignerTitle: "CHỦ TỊCH"}, []uint64{n.ID}), khenthuong.ECONFLICT},
		{"UpdateIssuedDecision", o.clerk.UpdateDecision(issued), khenthuong.ECONFLICT},
		{"DeleteIssuedDecision", o.clerk.DeleteDecision(issued.ID), khenthuong.ECONFLICT},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if khenthuong.ErrorCode(tc.err) != tc.code || !strings.Contains(khenthuong.ErrorMessage(tc.err), issued.Number) {
				t.Errorf("%v (%s), want %s naming decision %s", tc.err, khenthuong.ErrorCode(tc.err), tc.code, issued.Number)
			}
		})
	}
}
