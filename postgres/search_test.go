package postgres

import (
	"context"
	"fmt"
	"os/exec"
	"slices"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"khenthuong"
	"khenthuong/synth"
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
			// Words the window never sends (its words are folded, without
			// punctuation) are searched as LIKE would: a wildcard, a word
			// across the fields' separator.
			for _, words := range []string{"", "truong", "sang", "tu phap", "thi sang", "khong co ai", "s_ng", "phap|pho", "sang%", "g a|so"} {
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
			{"CallLetterRuns", `SELECT khenthuong_grams('nguyen thi')`, "permission denied"},
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
			(SELECT id, campaign_id, ord, kind, form_code, status, nominee_id, search_text, name_key FROM nominations
			 EXCEPT ALL SELECT * FROM nomination_search)
			UNION ALL
			(SELECT * FROM nomination_search
			 EXCEPT ALL SELECT id, campaign_id, ord, kind, form_code, status, nominee_id, search_text, name_key FROM nominations)) d`).Scan(&differ)
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

// QueryNominations through khenthuong_search gives what the single statement
// it replaced gave (the filter's WHERE, ORDER BY, OFFSET/LIMIT and a count
// bounded by LIMIT, as the owner) for every sort, direction, page and bound.
func TestSearchSameAsTheStatement(t *testing.T) {
	o := newOffice(t, 2)
	forms := khenthuong.DefaultForms()
	g := synth.New(7)
	var campaigns []uint64
	for i := range 3 {
		c := &khenthuong.Campaign{Name: fmt.Sprintf("Đợt %d", i+1)}
		mustNil(t, o.clerk.CreateCampaign(c))
		ns := make([]khenthuong.Nomination, 120)
		for j := range ns {
			ns[j] = g.Nomination(c.ID, forms)
		}
		mustNil(t, o.clerk.CreateNominations(ns))
		campaigns = append(campaigns, c.ID)
	}
	conn, err := pgx.Connect(context.Background(), o.admin)
	mustNil(t, err)
	defer conn.Close(context.Background())
	orderBy := map[khenthuong.NominationSort]string{
		khenthuong.SortByList: "campaign_id", khenthuong.SortByName: "name_key", khenthuong.SortByUnit: "unit_key",
		khenthuong.SortByForm: "form_code", khenthuong.SortByCreated: "created_at", khenthuong.SortByProposer: "proposer",
		khenthuong.SortByStatus:   "array_position(ARRAY['draft','submitted','approved','rejected','deferred'], status)",
		khenthuong.SortByKind:     "array_position(ARRAY['tapthe','canhan','hogiadinh'], kind)",
		khenthuong.SortByTitle:    `coalesce(data->'nominee'->>'title', '') COLLATE "vi-x-icu"`,
		khenthuong.SortByGender:   "array_position(ARRAY['nam','nu'], data->'nominee'->>'gender')",
		khenthuong.SortByBirth:    `nullif(data->'nominee'->>'birth', '') COLLATE "C"`,
		khenthuong.SortByPosition: `coalesce(data->'nominee'->>'position', '') COLLATE "vi-x-icu"`,
	}
	statement := func(q khenthuong.NominationQuery) (ids []uint64, total int, atLeast bool) {
		var args []any
		where := filterSQL(q.Filter, &args)
		order := orderBy[q.Sort] + ", campaign_id, ord, id"
		switch {
		case q.Descending && q.Sort == khenthuong.SortByList:
			order = "campaign_id DESC, ord DESC, id DESC"
		case q.Descending:
			order = orderBy[q.Sort] + " DESC, campaign_id, ord, id"
		}
		limit := "ALL"
		if q.Page.Limit > 0 {
			limit = fmt.Sprint(q.Page.Limit)
		}
		rows, err := conn.Query(context.Background(), `SELECT id FROM nominations WHERE `+where+` ORDER BY `+order+
			fmt.Sprintf(` OFFSET %d LIMIT %s`, q.Page.Offset, limit), args...)
		mustNil(t, err)
		ids, err = pgx.CollectRows(rows, pgx.RowTo[uint64])
		mustNil(t, err)
		bound := "ALL"
		if q.CountLimit > 0 {
			bound = fmt.Sprint(q.CountLimit + 1)
		}
		var n int
		mustNil(t, conn.QueryRow(context.Background(), `SELECT count(*) FROM (SELECT 1 FROM nominations WHERE `+where+` LIMIT `+bound+`) b`, args...).Scan(&n))
		total, atLeast = q.Bounded(n)
		return ids, total, atLeast
	}
	filters := []khenthuong.NominationFilter{{}, {CampaignID: campaigns[1]},
		{Status: khenthuong.StatusSubmitted, Kind: khenthuong.Individual}, {CampaignID: campaigns[2], FormCode: "bkct"}}
	for _, f := range filters {
		if _, total, _ := statement(khenthuong.NominationQuery{Filter: f}); total == 0 {
			t.Fatalf("no nomination matches %+v: the comparison would prove nothing", f)
		}
	}
	// One letter, two to four (the letter runs alone), five and more (runs and
	// LIKE), common words together; without the statistics of the letter runs
	// (every run rare: the index) and with them (the walk for common words),
	// so that each way the function chooses is compared.
	for _, analyzed := range []bool{false, true} {
		if analyzed {
			_, err := conn.Exec(context.Background(), `ANALYZE nomination_search`)
			mustNil(t, err)
		}
		compareSearches(t, o.clerk, filters, statement)
	}
}

// compareSearches compares QueryNominations with statement for words, filters, sorts, pages and bounds.
func compareSearches(t *testing.T, clerk *Store, filters []khenthuong.NominationFilter,
	statement func(khenthuong.NominationQuery) ([]uint64, int, bool)) {
	t.Helper()
	for _, words := range []string{"", "t", "Trần", "thi", "Nguyễn Văn", "van an", "tran thi thu", "quýtz",
		"lê hà", "nguyen thi ngoc"} {
		for _, filter := range filters {
			for _, sort := range sorts {
				for _, desc := range []bool{false, true} {
					for _, page := range []khenthuong.Page{{}, {Limit: 10}, {Offset: 5, Limit: 10}, {Offset: 30, Limit: 50}} {
						for _, bound := range []int{0, 3, 40} {
							filter.Query = words
							q := khenthuong.NominationQuery{Filter: filter,
								Sort: sort, Descending: desc, Page: page, CountLimit: bound}
							p, err := clerk.QueryNominations(q)
							mustNil(t, err)
							var got []uint64
							for _, n := range p.Nominations {
								got = append(got, n.ID)
							}
							want, total, atLeast := statement(q)
							if !slices.Equal(got, want) || p.Total != total || p.TotalAtLeast != atLeast {
								t.Errorf("%+v: search gives %v, %d (%v); the statement %v, %d (%v)", q, got, p.Total, p.TotalAtLeast, want, total, atLeast)
							}
						}
					}
				}
			}
		}
	}
}

// `server init` upgrades a database of schema version 1, data and all: the
// search table is filled from the nominations already there.
func TestSearchUpgradeFromVersionOne(t *testing.T) {
	ctx := context.Background()
	o := newOffice(t, 3)
	conn, err := pgx.Connect(ctx, o.admin)
	mustNil(t, err)
	defer conn.Close(ctx)
	// Back to version 1: what migrations 2 and 3 added goes.
	_, err = conn.Exec(ctx, `DROP FUNCTION khenthuong_search; DROP FUNCTION khenthuong_search_sync CASCADE;
		DROP TABLE nomination_search; DROP FUNCTION khenthuong_grams; DROP INDEX IF EXISTS nominations_name;
		DELETE FROM schema_version WHERE version >= 2`)
	mustNil(t, err)
	if _, err := Open(ctx, o.clerkAddr, Options{}); khenthuong.ErrorCode(err) != khenthuong.EINVALID {
		t.Fatalf("open of a version 1 database: %v, want EINVALID asking for server init", err)
	}
	from, to, err := Init(ctx, o.admin)
	mustNil(t, err)
	if from != 1 || to != len(migrations) {
		t.Fatalf("upgrade %d→%d, want 1→%d", from, to, len(migrations))
	}
	clerk := openStore(t, o.clerkAddr, Options{})
	p, err := clerk.QueryNominations(khenthuong.NominationQuery{Filter: khenthuong.NominationFilter{Query: "Trương Quang Sáng"},
		Page: khenthuong.Page{Limit: 2}, CountLimit: 1000})
	mustNil(t, err)
	if p.Total != 3 || len(p.Nominations) != 2 {
		t.Errorf("search after the upgrade: %d rows of %d, want 2 of 3", len(p.Nominations), p.Total)
	}
}
