package postgres

import (
	"context"
	"os/exec"
	"slices"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"khenthuong"
)

// khenthuong_search reads nominations as their owner, past row security:
// these tests hold it to what row security lets each login read, and keep
// the search table and its upkeep out of every login's reach.
func TestSearchFunctionRights(t *testing.T) {
	o := newOffice(t, 4)
	if _, err := o.head.IssueDecision(o.decision.ID); err != nil {
		t.Fatal(err)
	}
	// A second campaign with drafts and other names, so the filters have something to leave out.
	c := &khenthuong.Campaign{Name: "Đợt thi đua chuyên đề"}
	mustNil(t, o.clerk.CreateCampaign(c))
	mustNil(t, o.clerk.CreateNominations([]khenthuong.Nomination{
		{CampaignID: c.ID, FormCode: "BKCT", Status: khenthuong.StatusDraft,
			Nominee: khenthuong.Nominee{Kind: khenthuong.Individual, Title: "Bà", Name: "Trương Thị Sáng", Gender: khenthuong.Female, Unit: "Sở Y tế"}},
		{CampaignID: c.ID, FormCode: "BKCT", Status: khenthuong.StatusSubmitted,
			Nominee: khenthuong.Nominee{Kind: khenthuong.Collective, Name: "Phòng Tư pháp", Unit: "UBND huyện"}},
	}))
	psql, err := exec.LookPath("psql")
	if err != nil {
		t.Fatal("psql not found: the Debian package postgresql (make setup) provides it")
	}
	run := func(addr, sql string) (string, error) {
		out, err := exec.Command(psql, "-X", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", addr, "-c", sql).CombinedOutput()
		return strings.TrimSpace(string(out)), err
	}

	// What the function finds for a login is what that login reads through row security.
	t.Run("SameRowsAsRowSecurity", func(t *testing.T) {
		for _, login := range []struct{ name, addr string }{{"ChuyenVien", o.clerkAddr}, {"LanhDao", o.headAddr}} {
			for _, words := range []string{"", "truong", "sang", "tu phap", "thi sang", "khong co ai"} {
				w := "NULL"
				if words != "" {
					w = "string_to_array('" + words + "', ' ')"
				}
				got, err := run(login.addr, `SELECT array_to_string(ids, ',') || ' ' || total FROM khenthuong_search(NULL, NULL, NULL, NULL, NULL, `+w+`, '', false, 0, NULL, 0)`)
				if err != nil {
					t.Fatalf("%s: %v: %s", login.name, err, got)
				}
				cond := "true"
				for _, x := range strings.Fields(words) {
					cond += " AND search_text LIKE '%" + x + "%'"
				}
				want, err := run(login.addr, `SELECT coalesce(string_agg(id::text, ',' ORDER BY campaign_id, ord, id), '') || ' ' || count(*) FROM nominations WHERE `+cond)
				if err != nil {
					t.Fatalf("%s: %v: %s", login.name, err, want)
				}
				if got != want {
					t.Errorf("%s, %q: search gives %q, row security shows %q", login.name, words, got, want)
				}
			}
		}
	})

	// The function spells out the read policy (searchVisible): a policy that
	// narrows what a login reads must narrow the function with it.
	t.Run("ReadPolicyIsTheFunctions", func(t *testing.T) {
		conn, err := pgx.Connect(context.Background(), o.admin)
		mustNil(t, err)
		defer conn.Close(context.Background())
		for _, role := range []string{roleClerk, roleHead} {
			var quals []string
			var restrictive int
			err := conn.QueryRow(context.Background(), `SELECT coalesce(array_agg(DISTINCT qual) FILTER (WHERE permissive = 'PERMISSIVE'), '{}'),
				count(*) FILTER (WHERE permissive = 'RESTRICTIVE')
				FROM pg_policies WHERE schemaname = 'public' AND tablename = 'nominations' AND cmd IN ('SELECT', 'ALL')
				AND (roles && ARRAY['public', $1]::name[])`, role).Scan(&quals, &restrictive)
			mustNil(t, err)
			if restrictive != 0 || !slices.Contains(quals, searchVisible) {
				t.Errorf("%s reads nominations under %v (%d restrictive): khenthuong_search applies %q; change searchVisible with the policy",
					role, quals, restrictive, searchVisible)
			}
		}
	})

	// Neither the search table nor its upkeep is any login's to read or write;
	// the function takes values, not SQL.
	t.Run("PsqlUnderClerkLogin", func(t *testing.T) {
		for _, tc := range []struct{ name, sql, refusal string }{
			{"ReadSearchTable", `SELECT count(*) FROM nomination_search`, "permission denied"},
			{"WriteSearchTable", `UPDATE nomination_search SET search_text = 'x'`, "permission denied"},
			{"DeleteFromSearchTable", `DELETE FROM nomination_search`, "permission denied"},
			{"CallUpkeep", `SELECT khenthuong_search_sync()`, "permission denied"},
			{"SortAsSQL", `SELECT * FROM khenthuong_search(NULL, NULL, NULL, NULL, NULL, NULL, 'id; DELETE FROM audit', false, 0, 1, 0)`, "unknown sort"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				out, err := run(o.clerkAddr, tc.sql)
				if err == nil || !strings.Contains(out, tc.refusal) {
					t.Errorf("psql as the chuyên viên: %q gave %v: %s; want refused (%s)", tc.sql, err, out, tc.refusal)
				}
			})
		}
		// A quote in a word is a character to search for, not the end of a literal.
		out, err := run(o.clerkAddr, `SELECT total FROM khenthuong_search(NULL, NULL, NULL, NULL, NULL, ARRAY[$$x' OR true OR '$$], '', false, 0, 1, 0)`)
		if err != nil || out != "0" {
			t.Errorf("a word with a quote: %v: %s, want 0 matches", err, out)
		}
		var audits int
		mustNil(t, o.head.EachAudit(khenthuong.AuditFilter{}, func(*khenthuong.AuditRecord) error { audits++; return nil }))
		if audits == 0 {
			t.Error("the audit is empty after the refused statements")
		}
	})

	// A login of neither office role may not search (nor read nominations).
	t.Run("OutsiderMayNotSearch", func(t *testing.T) {
		name, pw := randomName("x"), randomName("p")
		conn, err := pgx.Connect(context.Background(), o.admin)
		mustNil(t, err)
		defer conn.Close(context.Background())
		_, err = conn.Exec(context.Background(), `CREATE ROLE `+name+` LOGIN PASSWORD '`+pw+`'`)
		mustNil(t, err)
		t.Cleanup(func() { conn.Exec(context.Background(), `DROP ROLE `+name) })
		addr := withDatabase(t, o.admin, dbName(t, o.admin), name, pw)
		out, err := run(addr, `SELECT total FROM khenthuong_search(NULL, NULL, NULL, NULL, NULL, ARRAY['sang'], '', false, 0, 10, 0)`)
		if err == nil || !strings.Contains(out, "permission denied") {
			t.Errorf("search by a login outside the office: %v: %s", err, out)
		}
	})
}

// The search table follows every write to nominations, whoever makes it
// (the application, COPY, psql), including an emptied table.
func TestSearchTableFollowsWrites(t *testing.T) {
	o := newOffice(t, 3)
	conn, err := pgx.Connect(context.Background(), o.admin)
	mustNil(t, err)
	defer conn.Close(context.Background())
	same := func(step string) {
		t.Helper()
		var differ int
		err := conn.QueryRow(context.Background(), `SELECT count(*) FROM (
			(SELECT id, campaign_id, ord, kind, form_code, status, nominee_id, search_text FROM nominations
			 EXCEPT ALL SELECT * FROM nomination_search)
			UNION ALL
			(SELECT * FROM nomination_search
			 EXCEPT ALL SELECT id, campaign_id, ord, kind, form_code, status, nominee_id, search_text FROM nominations)) d`).Scan(&differ)
		mustNil(t, err)
		if differ != 0 {
			t.Errorf("after %s: %d rows differ between nominations and nomination_search", step, differ)
		}
	}
	same("creating")
	d, err := o.clerk.Decision(o.decision.ID)
	mustNil(t, err)
	n, err := o.clerk.Nomination(d.Recipients[0].NominationID)
	mustNil(t, err)
	n.Nominee.Name = "Lưu Thị Hằng Nga"
	n.Nominee.Unit = "Trường THCS Lê Lợi"
	mustNil(t, o.clerk.UpdateNomination(n))
	same("renaming")
	mustNil(t, o.clerk.DeleteDecision(o.decision.ID))
	mustNil(t, o.clerk.SetStatus([]uint64{n.ID}, khenthuong.StatusDeferred, "Bổ sung hồ sơ"))
	same("a status")
	p, err := o.clerk.QueryNominations(khenthuong.NominationQuery{Filter: khenthuong.NominationFilter{Query: "hang nga le loi"}})
	mustNil(t, err)
	if p.Total != 1 || p.Nominations[0].ID != n.ID {
		t.Errorf("search after the rename: %d found", p.Total)
	}
	mustNil(t, o.clerk.DeleteNomination(n.ID))
	same("deleting")
	_, err = conn.Exec(context.Background(), `TRUNCATE recipients, decisions, nominations, nominee_distinct`)
	mustNil(t, err)
	same("emptying")
}
