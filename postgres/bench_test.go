package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"khenthuong"
	"khenthuong/synth"
)

// Benchmarks on the local cluster of scripts/pg-test.sh (make bench), in the
// state an office reaches: KHENTHUONG_BENCH_NOMINATIONS nominations (default
// 1,000,000) in campaigns of 10,000, written with COPY once per run into a
// database the benchmarks share. They work as an office's logins do: a
// chuyên viên searches, opens, approves and imports, a lãnh đạo issues.

const benchCampaignSize = 10_000

type benchOffice struct {
	admin       string
	clerk, head *Store
	campaigns   []uint64
	nominations int
}

var (
	benchOnce sync.Once
	benchSet  *benchOffice
	benchErr  error
)

func benchSize() int {
	if n, err := strconv.Atoi(os.Getenv("KHENTHUONG_BENCH_NOMINATIONS")); err == nil && n >= benchCampaignSize {
		return n
	}
	return 1_000_000
}

func office(b *testing.B) *benchOffice {
	b.Helper()
	cluster := os.Getenv(testEnv)
	if cluster == "" {
		b.Skip(testEnv + " is not set: run with scripts/pg-test.sh (make bench does)")
	}
	benchOnce.Do(func() { benchSet, benchErr = buildOffice(cluster, benchSize()) })
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchSet
}

func buildOffice(cluster string, size int) (*benchOffice, error) {
	ctx := context.Background()
	start := time.Now()
	name := fmt.Sprintf("kt_bench_%d_%d", size, os.Getpid())
	conn, err := pgx.Connect(ctx, cluster)
	if err != nil {
		return nil, err
	}
	defer conn.Close(ctx)
	reuse := os.Getenv("KHENTHUONG_BENCH_DB") // a database of an earlier run, to measure again without rebuilding it
	if reuse != "" {
		name = reuse
	} else if _, err := conn.Exec(ctx, "CREATE DATABASE "+name); err != nil {
		return nil, err
	}
	o := &benchOffice{admin: withDatabase(nil, cluster, name, "", "")}
	if _, _, err := Init(ctx, o.admin); err != nil {
		return nil, err
	}
	db, err := pgx.Connect(ctx, o.admin)
	if err != nil {
		return nil, err
	}
	defer db.Close(ctx)
	if reuse != "" {
		if err := o.reuse(ctx, db); err != nil {
			return nil, err
		}
		return o, o.openLogins(ctx, cluster, name)
	}
	forms := synth.Forms(20)
	for i := range forms {
		f := &forms[i]
		f.Normalize()
		if _, err := db.Exec(ctx, `INSERT INTO forms (code, rank, data) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, f.Code, f.Rank, f); err != nil {
			return nil, err
		}
	}
	g := synth.New(1)
	now := time.Now().Truncate(time.Microsecond)
	years := size / benchCampaignSize
	var nominationID, nomineeID uint64
	for y := range years {
		c := khenthuong.Campaign{Name: fmt.Sprintf("Khen thưởng tổng kết đợt %d", y+1), Type: khenthuong.CampaignAnnual, CreatedAt: now, UpdatedAt: now}
		if err := db.QueryRow(ctx, `INSERT INTO campaigns (data, created_at) VALUES ('{}', $1) RETURNING id`, now).Scan(&c.ID); err != nil {
			return nil, err
		}
		if _, err := db.Exec(ctx, `UPDATE campaigns SET data = $2 WHERE id = $1`, c.ID, &c); err != nil {
			return nil, err
		}
		o.campaigns = append(o.campaigns, c.ID)
		nominees := make([][]any, benchCampaignSize)
		rows := make([][]any, benchCampaignSize)
		for i := range rows {
			n := g.Nomination(c.ID, forms)
			n.Normalize()
			nominationID++
			nomineeID++
			n.ID, n.NomineeID, n.Order, n.CreatedAt, n.UpdatedAt, n.UpdatedBy, n.Version = nominationID, nomineeID, i+1, now, now, "canbo", 1
			data, err := json.Marshal(&n.Nominee)
			if err != nil {
				return nil, err
			}
			nominees[i] = []any{int64(nomineeID), data}
			if rows[i], err = rowOf(&n); err != nil {
				return nil, err
			}
		}
		if _, err := db.CopyFrom(ctx, pgx.Identifier{"nominees"}, []string{"id", "data"}, pgx.CopyFromRows(nominees)); err != nil {
			return nil, err
		}
		if _, err := db.CopyFrom(ctx, pgx.Identifier{"nominations"}, nominationColumns, pgx.CopyFromRows(rows)); err != nil {
			return nil, err
		}
	}
	o.nominations = int(nominationID)
	for _, seq := range []string{"nominees", "nominations"} {
		if _, err := db.Exec(ctx, fmt.Sprintf(`SELECT setval(pg_get_serial_sequence('%[1]s', 'id'), (SELECT max(id) FROM %[1]s))`, seq)); err != nil {
			return nil, err
		}
	}
	if _, err := db.Exec(ctx, `VACUUM ANALYZE`); err != nil {
		return nil, err
	}
	fmt.Fprintf(os.Stderr, "bench: %d nominations in %d campaigns written in %v\n", o.nominations, len(o.campaigns), time.Since(start).Round(time.Second))
	return o, o.openLogins(ctx, cluster, name)
}

// openLogins adds a chuyên viên and a lãnh đạo for this run and opens their stores.
func (o *benchOffice) openLogins(ctx context.Context, cluster, name string) error {
	users := map[khenthuong.Role]**Store{khenthuong.RoleClerk: &o.clerk, khenthuong.RoleHead: &o.head}
	for role, dst := range users {
		login := fmt.Sprintf("bench_%s_%d", role, os.Getpid())
		if err := AddUser(ctx, o.admin, login, role, "mat-khau-bench"); err != nil {
			return err
		}
		s, err := Open(ctx, withDatabase(nil, cluster, name, login, "mat-khau-bench"), Options{})
		if err != nil {
			return err
		}
		*dst = s
	}
	return nil
}

// reuse reads back the campaigns of a database an earlier run built
// (KHENTHUONG_BENCH_DB), after `server init` upgraded its schema.
func (o *benchOffice) reuse(ctx context.Context, db *pgx.Conn) error {
	rows, err := db.Query(ctx, `SELECT c.id, max(n.id) FROM campaigns c JOIN nominations n ON n.campaign_id = c.id
		WHERE c.data->>'name' LIKE 'Khen thưởng tổng kết đợt %' GROUP BY c.id HAVING count(*) = $1 ORDER BY c.id`, benchCampaignSize)
	if err != nil {
		return err
	}
	var id, last int64
	_, err = pgx.ForEachRow(rows, []any{&id, &last}, func() error {
		o.campaigns = append(o.campaigns, uint64(id))
		o.nominations = int(last)
		return nil
	})
	if err == nil && len(o.campaigns) == 0 {
		err = fmt.Errorf("no benchmark campaigns in %s", os.Getenv("KHENTHUONG_BENCH_DB"))
	}
	return err
}

// peakHeap reports the largest live heap seen while fn ran, sampled every millisecond.
func peakHeap(b *testing.B, fn func()) {
	b.Helper()
	var peak uint64
	done := make(chan struct{})
	go func() {
		var m runtime.MemStats
		for {
			select {
			case <-done:
				return
			case <-time.After(time.Millisecond):
				runtime.ReadMemStats(&m)
				peak = max(peak, m.HeapInuse)
			}
		}
	}()
	fn()
	close(done)
	b.ReportMetric(float64(peak)/(1<<20), "peak-MB")
}

// Typing a name into the search box: each keystroke is one query of the first page and the total.
// The window counts at most searchCountLimit matches ("hơn 1.000"); Exact is
// the unbounded count, for comparison.
func BenchmarkServerSearchAsYouType(b *testing.B) {
	o := office(b)
	typed := []string{"tran", "tran thi", "tran thi thu", "tran thi thu ha"}
	for _, bc := range []struct {
		name  string
		limit int
	}{{"CountLimit1000", searchCountLimit}, {"Exact", 0}} {
		b.Run(bc.name, func(b *testing.B) {
			peakHeap(b, func() {
				for i := 0; i < b.N; i++ {
					q := khenthuong.NominationQuery{Filter: khenthuong.NominationFilter{Query: typed[i%len(typed)]},
						Page: khenthuong.Page{Limit: 50}, CountLimit: bc.limit}
					if _, err := o.clerk.QueryNominations(q); err != nil {
						b.Fatal(err)
					}
				}
			})
		})
	}
}

const searchCountLimit = 1000

// The searches a clerk types, one keystroke's query each (first page of 50,
// count bounded as the window bounds it): short and long words, tones,
// a whole name, a name nobody has, within a campaign, sorted by name.
func BenchmarkServerSearchKeystroke(b *testing.B) {
	o := office(b)
	campaign := o.campaigns[len(o.campaigns)/2]
	for _, bc := range []struct {
		name     string
		query    string
		campaign uint64
		sort     khenthuong.NominationSort
	}{
		{"1Letter", "t", 0, ""},
		{"2Letters", "tr", 0, ""},
		{"3Letters", "trầ", 0, ""},
		{"4Letters", "trần", 0, ""},
		{"TwoWords", "Trần Thị", 0, ""},
		{"ThreeWords", "Trần Thị Thu", 0, ""},
		{"FourWords", "Trần Thị Thu Hà", 0, ""},
		{"FullName", "Đỗ Thị Ngọc Hằng", 0, ""},
		{"CommonWords", "Nguyễn Thị Ngọc Tú", 0, ""},
		{"WithoutTones", "do thi ngoc hang", 0, ""},
		{"NoMatch", "Trần Văn Quýtz", 0, ""},
		{"Campaign", "Trần Thị", campaign, ""},
		{"CampaignFullName", "Đỗ Thị Ngọc Hằng", campaign, ""},
		{"ByName", "Trần Thị", 0, khenthuong.SortByName},
		{"ByNameFullName", "Đỗ Thị Ngọc Hằng", 0, khenthuong.SortByName},
		{"ByNameCommonWords", "Nguyễn Thị Ngọc Tú", 0, khenthuong.SortByName},
		{"CampaignByName", "Trần Thị", campaign, khenthuong.SortByName},
		// several common words together: each in a large share of the names
		{"CommonTranThiThu", "Trần Thị Thu", 0, ""},
		{"CommonNguyenVan", "Nguyễn Văn", 0, ""},
		{"CommonLeThiHong", "Lê Thị Hồng", 0, ""},
		{"CommonNguyenThiThu", "Nguyễn Thị Thu", 0, ""},
		{"CommonCampaignTranThiThu", "Trần Thị Thu", campaign, ""},
		{"CommonCampaignNguyenVan", "Nguyễn Văn", campaign, ""},
		{"CommonCampaignLeThiHong", "Lê Thị Hồng", campaign, ""},
		{"CommonByNameTranThiThu", "Trần Thị Thu", 0, khenthuong.SortByName},
		{"CommonByNameNguyenVan", "Nguyễn Văn", 0, khenthuong.SortByName},
		{"CommonByNameLeThiHong", "Lê Thị Hồng", 0, khenthuong.SortByName},
		{"CommonCampaignByNameLeThiHong", "Lê Thị Hồng", campaign, khenthuong.SortByName},
	} {
		b.Run(bc.name, func(b *testing.B) {
			q := khenthuong.NominationQuery{Filter: khenthuong.NominationFilter{Query: bc.query, CampaignID: bc.campaign},
				Sort: bc.sort, Page: khenthuong.Page{Limit: 50}, CountLimit: searchCountLimit}
			p, err := o.clerk.QueryNominations(q)
			if err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, err := o.clerk.QueryNominations(q); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(p.Total), "matches")
		})
	}
}

// Opening a 10,000-nomination campaign: its first page in list order, its total and its counts.
func BenchmarkServerOpenCampaign10k(b *testing.B) {
	o := office(b)
	b.ResetTimer()
	peakHeap(b, func() {
		for i := 0; i < b.N; i++ {
			f := khenthuong.NominationFilter{CampaignID: o.campaigns[len(o.campaigns)-1-i%len(o.campaigns)]}
			p, err := o.clerk.QueryNominations(khenthuong.NominationQuery{Filter: f, Page: khenthuong.Page{Limit: 100}})
			if err != nil || p.Total != benchCampaignSize {
				b.Fatalf("page of %d: %v", p.Total, err)
			}
			if _, err := o.clerk.CountNominations(f); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// Approving one nomination (and putting it back, alternately).
func BenchmarkServerApproveOne(b *testing.B) {
	o := office(b)
	id := uint64(o.nominations) // the last campaign's last nomination, submitted
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		to := khenthuong.StatusApproved
		if i%2 == 1 {
			to = khenthuong.StatusSubmitted
		}
		if err := o.clerk.SetStatus([]uint64{id}, to, ""); err != nil {
			b.Fatal(err)
		}
	}
}

// Importing a unit's list of 10,000 rows into a campaign, one transaction.
func BenchmarkServerImport10k(b *testing.B) {
	o := office(b)
	g := synth.New(uint64(3))
	forms := synth.Forms(20)
	b.ResetTimer()
	peakHeap(b, func() {
		for i := 0; i < b.N; i++ {
			b.StopTimer()
			c := &khenthuong.Campaign{Name: fmt.Sprintf("Đợt nhập %d", i)}
			if err := o.clerk.CreateCampaign(c); err != nil {
				b.Fatal(err)
			}
			ns := make([]khenthuong.Nomination, 10_000)
			for j := range ns {
				ns[j] = g.Nomination(c.ID, forms)
			}
			b.StartTimer()
			if err := o.clerk.CreateNominations(ns); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// Issuing a 2,000-recipient decision: amounts, registry numbers, lock, audit.
func BenchmarkServerIssue2000(b *testing.B) {
	o := office(b)
	g := synth.New(4)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		ns := make([]khenthuong.Nomination, 2000)
		for j := range ns {
			name, gender := g.Person()
			ns[j] = khenthuong.Nomination{CampaignID: o.campaigns[0], FormCode: "BKCT", Status: khenthuong.StatusApproved,
				Nominee: khenthuong.Nominee{Kind: khenthuong.Individual, Title: "Ông", Name: name, Gender: gender, Unit: "Sở Nội vụ"}}
		}
		if err := o.clerk.CreateNominations(ns); err != nil {
			b.Fatal(err)
		}
		ids := make([]uint64, len(ns))
		for j := range ns {
			ids[j] = ns[j].ID
		}
		d := &khenthuong.Decision{CampaignID: o.campaigns[0], FormCode: "BKCT", Number: fmt.Sprintf("%d/QĐ-UBND", 9000+i),
			Date: khenthuong.MustDate("2024-06-02"), SignerTitle: "CHỦ TỊCH", SignerName: "Hoàng Nam"}
		if err := o.clerk.CreateDecision(d, ids); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if _, err := o.head.IssueDecision(d.ID); err != nil {
			b.Fatal(err)
		}
	}
}
