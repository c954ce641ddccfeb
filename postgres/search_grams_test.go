package postgres

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"khenthuong"
)

// khenthuong_grams lists the runs of 2 to 4 letters inside each word, the
// fields' "|" separating words as a space does; letters are characters.
func TestSearchLetterRuns(t *testing.T) {
	o := newOffice(t, 1)
	conn, err := pgx.Connect(context.Background(), o.admin)
	mustNil(t, err)
	defer conn.Close(context.Background())
	for _, tc := range []struct{ text, want string }{
		{"", ""},
		{"a b|c", ""},
		{"tu", "tu"},
		{"thi", "hi th thi"},
		{"ngoc", "go ngo ngoc oc goc ng"},
		{"nguyen", "en guy guye gu ng ngu nguy uy uye uyen ye yen"},
		{"le|ha tu", "ha le tu"},
		{"đa", "đa"},
		{"a||bc  de", "bc de"},
	} {
		var got []string
		mustNil(t, conn.QueryRow(context.Background(), `SELECT khenthuong_grams($1)`, tc.text).Scan(&got))
		want := strings.Fields(tc.want)
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(slices.Compact(got), want) {
			t.Errorf("khenthuong_grams(%q) = %v, want %v", tc.text, got, want)
		}
	}
}

// `server init` upgrades a database of schema version 2: the letter-run
// index is built over the rows already there and replaces the trigram one;
// rows written since are found with them.
func TestSearchUpgradeFromVersionTwo(t *testing.T) {
	ctx := context.Background()
	o := newOffice(t, 3)
	conn, err := pgx.Connect(ctx, o.admin)
	mustNil(t, err)
	defer conn.Close(ctx)
	// Rows already there when the index is built.
	c := &khenthuong.Campaign{Name: "Đợt ghi ở phiên bản 2"}
	mustNil(t, o.clerk.CreateCampaign(c))
	mustNil(t, o.clerk.CreateNominations([]khenthuong.Nomination{
		{CampaignID: c.ID, FormCode: "BKCT", Status: khenthuong.StatusSubmitted,
			Nominee: khenthuong.Nominee{Kind: khenthuong.Individual, Title: "Bà", Name: "Nguyễn Thị Ngọc Tú", Gender: khenthuong.Female, Unit: "Sở Tư pháp"}},
	}))
	// Back to version 2: what migration 3 changed goes, migration 2 is applied again.
	_, err = conn.Exec(ctx, `DROP FUNCTION khenthuong_search; DROP FUNCTION khenthuong_search_sync CASCADE;
		DROP TABLE nomination_search; DROP FUNCTION khenthuong_grams; DELETE FROM schema_version WHERE version = 3`)
	mustNil(t, err)
	_, err = conn.Exec(ctx, migrations[1])
	mustNil(t, err)
	if _, err := Open(ctx, o.clerkAddr, Options{}); khenthuong.ErrorCode(err) != khenthuong.EINVALID {
		t.Fatalf("open of a version 2 database: %v, want EINVALID asking for server init", err)
	}
	from, to, err := Init(ctx, o.admin)
	mustNil(t, err)
	if from != 2 || to != len(migrations) {
		t.Fatalf("upgrade %d→%d, want 2→%d", from, to, len(migrations))
	}
	var indexes []string
	mustNil(t, conn.QueryRow(ctx, `SELECT array_agg(indexname::text ORDER BY indexname) FROM pg_indexes WHERE tablename = 'nomination_search'`).Scan(&indexes))
	if want := []string{"nomination_search_grams", "nomination_search_list", "nomination_search_name", "nomination_search_pkey"}; !slices.Equal(indexes, want) {
		t.Errorf("indexes of nomination_search after the upgrade: %v, want %v", indexes, want)
	}
	clerk := openStore(t, o.clerkAddr, Options{})
	mustNil(t, clerk.CreateNominations([]khenthuong.Nomination{
		{CampaignID: c.ID, FormCode: "BKCT", Status: khenthuong.StatusDraft,
			Nominee: khenthuong.Nominee{Kind: khenthuong.Individual, Title: "Bà", Name: "Nguyễn Thị Ngọc Tú", Gender: khenthuong.Female, Unit: "Sở Y tế"}},
	}))
	for _, tc := range []struct {
		query string
		want  int
	}{{"Trương Quang Sáng", 3}, {"Nguyễn Thị Ngọc Tú", 2}, {"ngoc tu tu phap", 1}, {"tu", 5}, {"y te", 1}} {
		p, err := clerk.QueryNominations(khenthuong.NominationQuery{Filter: khenthuong.NominationFilter{Query: tc.query},
			Page: khenthuong.Page{Limit: 2}, CountLimit: 1000})
		mustNil(t, err)
		if p.Total != tc.want || len(p.Nominations) != min(2, tc.want) {
			t.Errorf("search %q after the upgrade: %d rows of %d, want %d", tc.query, len(p.Nominations), p.Total, tc.want)
		}
	}
}
