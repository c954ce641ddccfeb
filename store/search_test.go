package store

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"

	"khenthuong"
)

func TestSearch(t *testing.T) {
	db := openTest(t)
	c1 := createCampaign(t, db, "Đợt 1")
	c2 := createCampaign(t, db, "Đợt 2")
	rows := []khenthuong.Nomination{
		person(c1.ID, "Nguyễn Văn Tình", "Trưởng Công an xã", "Công an xã Gio Linh"),    // 1
		person(c1.ID, "Nguyễn Thị Hóa", "Chủ tịch Hội Phụ nữ", "xã Gio Mỹ"),             // 2
		person(c1.ID, "Lê Văn Tiến", "Chính ủy", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh"),   // 3
		collective(c1.ID, "Phòng Phổ biến, giáo dục pháp luật", "Sở Tư pháp"),           // 4
		person(c2.ID, "Hồ Thị Thuỷ", "Kế toán", "Sở Tài chính"),                         // 5
		person(c2.ID, "Trần Văn Tính", "Phó Trưởng phòng", "Phòng Cảnh sát giao thông"), // 6
	}
	rows[5].FormCode = "CSTDT"
	rows[5].Status = khenthuong.StatusApproved
	mustNil(t, db.CreateNominations(rows[:4]))
	mustNil(t, db.CreateNominations(rows[4:]))

	for _, tc := range []struct {
		name   string
		filter khenthuong.NominationFilter
		want   string
	}{
		{"Everything", khenthuong.NominationFilter{}, "1,2,3,4,5,6"},
		{"Toneless", khenthuong.NominationFilter{Query: "nguyen van tinh"}, "1"},
		{"WithTones", khenthuong.NominationFilter{Query: "Nguyễn Văn Tình"}, "1"},
		{"OldTonePlacement", khenthuong.NominationFilter{Query: "Hoá"}, "2"},
		{"NewTonePlacement", khenthuong.NominationFilter{Query: "Thủy"}, "5"},
		{"UpperCase", khenthuong.NominationFilter{Query: "NGUYỄN"}, "1,2"},
		{"Substring", khenthuong.NominationFilter{Query: "guye"}, "1,2"},
		{"WordsAcrossFields", khenthuong.NominationFilter{Query: "tien bien phong"}, "3"},
		{"Position", khenthuong.NominationFilter{Query: "kế toán"}, "5"},
		{"WordsMatchInsideOtherWords", khenthuong.NominationFilter{Query: "chinh uy"}, "3,5"}, // "tài chính", "Thuỷ"
		{"Unit", khenthuong.NominationFilter{Query: "so tu phap"}, "4"},
		{"EveryWordMustMatch", khenthuong.NominationFilter{Query: "nguyen quang"}, ""},
		{"WordOrderFree", khenthuong.NominationFilter{Query: "linh gio"}, "1"},
		{"Punctuation", khenthuong.NominationFilter{Query: "  phổ-biến, giáo "}, "4"},
		{"TinhAlsoMatchesTinh", khenthuong.NominationFilter{Query: "tinh"}, "1,3,6"},
		{"Campaign", khenthuong.NominationFilter{CampaignID: c2.ID}, "5,6"},
		{"Kind", khenthuong.NominationFilter{Kind: khenthuong.Collective}, "4"},
		{"Form", khenthuong.NominationFilter{FormCode: "cstdt"}, "6"},
		{"Status", khenthuong.NominationFilter{Status: khenthuong.StatusApproved}, "6"},
		{"QueryAndCampaign", khenthuong.NominationFilter{Query: "van", CampaignID: c1.ID}, "1,3"},
		{"Nominee", khenthuong.NominationFilter{NomineeID: rows[2].NomineeID}, "3"},
		{"NoSuchCampaign", khenthuong.NominationFilter{CampaignID: 99}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ns, err := db.Nominations(tc.filter)
			mustNil(t, err)
			if got := ids(ns); got != tc.want {
				t.Fatalf("Nominations(%+v) = [%s], want [%s]", tc.filter, got, tc.want)
			}
		})
	}

	t.Run("ListOrderWithinCampaign", func(t *testing.T) {
		n := rows[0]
		n.Order = 50 // first becomes last
		mustNil(t, db.UpdateNomination(&n))
		ns, _ := db.Nominations(khenthuong.NominationFilter{CampaignID: c1.ID})
		if got := ids(ns); got != "2,3,4,1" {
			t.Fatalf("order %s", got)
		}
	})

	t.Run("ResultsAreCopies", func(t *testing.T) {
		ns, _ := db.Nominations(khenthuong.NominationFilter{Query: "tien"})
		ns[0].Nominee.Name = "Đã đổi"
		ns[0].Status = khenthuong.StatusDraft
		again, _ := db.Nominations(khenthuong.NominationFilter{Query: "tien"})
		if again[0].Nominee.Name != "Lê Văn Tiến" || again[0].Status != khenthuong.StatusSubmitted {
			t.Fatalf("the caller changed the cache: %+v", again[0])
		}
	})

	t.Run("FollowsWrites", func(t *testing.T) {
		n := rows[1]
		n.Nominee.Name = "Nguyễn Thị Hoa Mai"
		mustNil(t, db.UpdateNomination(&n))
		if ns, _ := db.Nominations(khenthuong.NominationFilter{Query: "hoa mai"}); ids(ns) != "2" || ns[0].Nominee.Name != "Nguyễn Thị Hoa Mai" {
			t.Fatalf("after rename: %s %+v", ids(ns), ns)
		}
		if ns, _ := db.Nominations(khenthuong.NominationFilter{Query: "hoa"}); ids(ns) != "2" {
			t.Fatalf("old entry still live: %s", ids(ns))
		}
		mustNil(t, db.DeleteNomination(2))
		if ns, _ := db.Nominations(khenthuong.NominationFilter{Query: "hoa"}); len(ns) != 0 {
			t.Fatalf("after delete: %s", ids(ns))
		}
		more := []khenthuong.Nomination{person(c1.ID, "Đặng Thị Hoà", "", "")}
		mustNil(t, db.CreateNominations(more))
		if ns, _ := db.Nominations(khenthuong.NominationFilter{Query: "hoa"}); ids(ns) != ids(more) {
			t.Fatalf("after create: %s", ids(ns))
		}
	})
}

func TestSearchConcurrentWithWrites(t *testing.T) {
	db := openTest(t)
	c := createCampaign(t, db, "Đợt")
	var wg sync.WaitGroup
	errs := make(chan error, 100)
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < 20; i++ {
				ns := []khenthuong.Nomination{person(c.ID, fmt.Sprintf("Nguyễn Văn %c%d", 'A'+w, i), "", "")}
				if err := db.CreateNominations(ns); err != nil {
					errs <- err
				}
			}
		}(w)
	}
	for r := 0; r < 4; r++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 50; i++ {
				if _, err := db.Nominations(khenthuong.NominationFilter{Query: "nguyen van"}); err != nil {
					errs <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	ns, err := db.Nominations(khenthuong.NominationFilter{Query: "nguyen van"})
	mustNil(t, err)
	if len(ns) != 40 {
		t.Fatalf("%d found, want 40", len(ns))
	}
	for i := 1; i < len(ns); i++ {
		if ns[i].Order <= ns[i-1].Order {
			t.Fatalf("order not increasing at %d: %d, %d", i, ns[i-1].Order, ns[i].Order)
		}
	}
}

func TestSearchIndexCompacts(t *testing.T) {
	var s searchIndex
	s.mu.Lock()
	s.reset(0)
	s.built = true
	s.mu.Unlock()
	for id := uint64(1); id <= 10; id++ {
		s.put(newEntry{indexEntry: indexEntry{id: id, campaignID: 1, order: int(id)}, name: fmt.Sprintf("nguoi %d", id)})
	}
	for i := 0; i < 3000; i++ {
		id := uint64(i%10 + 1)
		s.put(newEntry{indexEntry: indexEntry{id: id, campaignID: 1, order: int(id)}, name: fmt.Sprintf("nguoi %d lan %d", id, i)})
	}
	if len(s.entries) > 2100 || s.dead > 1100 {
		t.Fatalf("not compacted: %d entries, %d dead", len(s.entries), s.dead)
	}
	if got := s.find(khenthuong.NominationFilter{Query: "lan 2999"}); len(got) != 1 || got[0].id != 10 {
		t.Fatalf("latest entry: %v", got)
	}
	if got := s.find(khenthuong.NominationFilter{Query: "nguoi"}); len(got) != 10 {
		t.Fatalf("%d live entries, want 10", len(got))
	}
	s.remove(3, 4)
	if got := s.find(khenthuong.NominationFilter{}); len(got) != 8 {
		t.Fatalf("%d after remove, want 8", len(got))
	}
}

// TestSearchIndexMatchesBruteForce checks the token table against the plain
// definition (every query word is a substring of the folded name, unit or
// position) over random entries, updates, deletions and compactions.
func TestSearchIndexMatchesBruteForce(t *testing.T) {
	rnd := rand.New(rand.NewPCG(1, 2))
	words := []string{"nguyen", "van", "tinh", "thi", "hoa", "an", "so", "tu", "phap", "cong", "gio", "linh", "a", "phong"}
	phrase := func() string {
		n := 1 + rnd.IntN(4)
		ws := make([]string, n)
		for i := range ws {
			ws[i] = words[rnd.IntN(len(words))]
		}
		return strings.Join(ws, " ")
	}
	type row struct{ name, unit, position string }
	ref := map[uint64]row{}
	var s searchIndex
	s.mu.Lock()
	s.reset(0)
	s.built = true
	s.mu.Unlock()
	for step := 0; step < 6000; step++ {
		id := uint64(1 + rnd.IntN(800))
		if rnd.IntN(10) == 0 {
			s.remove(id)
			delete(ref, id)
			continue
		}
		r := row{phrase(), phrase(), phrase()}
		ref[id] = r
		s.put(newEntry{indexEntry: indexEntry{id: id, campaignID: id % 3, order: int(id)}, name: r.name, unit: r.unit, position: r.position})
	}
	for q := 0; q < 300; q++ {
		query := phrase()
		if q%3 == 0 {
			query = query[:1+rnd.IntN(len(query))] // partial words too
		}
		var want []uint64
		for id, r := range ref {
			ok := true
			for _, w := range strings.Fields(query) {
				if !strings.Contains(r.name, w) && !strings.Contains(r.unit, w) && !strings.Contains(r.position, w) {
					ok = false
				}
			}
			if ok {
				want = append(want, id)
			}
		}
		slices.SortFunc(want, func(a, b uint64) int {
			return cmp.Or(cmp.Compare(a%3, b%3), cmp.Compare(a, b))
		})
		var got []uint64
		for _, h := range s.find(khenthuong.NominationFilter{Query: query}) {
			got = append(got, h.id)
		}
		if !slices.Equal(got, want) {
			t.Fatalf("query %q: got %v, want %v", query, got, want)
		}
	}
}
