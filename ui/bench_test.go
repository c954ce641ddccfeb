package ui

import (
	"math/rand/v2"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"khenthuong"
)

// Small pools of real Vietnamese name parts and units: enough variety for
// realistic keys, sorting and search without reading files.
var (
	benchFamilies = []string{"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Trương", "Đinh"}
	benchMiddles  = []string{"Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Ngọc", "Quang", "Xuân", "Thu", "Hoài", "Công"}
	benchGivens   = []string{"An", "Anh", "Ánh", "Bình", "Cường", "Dũng", "Đức", "Giang", "Hà", "Hải", "Hằng", "Hoa", "Hùng", "Hương", "Khánh", "Lan", "Linh", "Long", "Mai", "Minh", "Nam", "Nga", "Ngọc", "Phong", "Phương", "Quân", "Sáng", "Sơn", "Tâm", "Thảo", "Thủy", "Tiến", "Trang", "Trung", "Tuấn", "Vân", "Việt", "Yến"}
	benchUnits    = []string{"Sở Tư pháp", "Sở Nội vụ", "Công an tỉnh", "Sở Giáo dục và Đào tạo", "Bộ Chỉ huy Quân sự tỉnh", "Ủy ban MTTQ Việt Nam tỉnh", "Công an xã Gio Linh", "Trường THPT Đông Hà", "Sở Y tế", "Bệnh viện Đa khoa tỉnh"}
	benchPosts    = []string{"Chuyên viên", "Trưởng phòng", "Phó Giám đốc", "Giáo viên", "Trưởng Công an xã", "Bác sĩ", "Cán bộ", ""}
)

// benchNominations makes n nominations of campaign id in list order.
func benchNominations(id uint64, n int) []khenthuong.Nomination {
	r := rand.New(rand.NewPCG(1, 2))
	pick := func(s []string) string { return s[r.IntN(len(s))] }
	ns := make([]khenthuong.Nomination, n)
	for i := range ns {
		unit := pick(benchUnits)
		ns[i] = khenthuong.Nomination{
			ID: uint64(i + 1), CampaignID: id, NomineeID: uint64(i + 1), Order: i + 1,
			Nominee: khenthuong.Nominee{Kind: khenthuong.Individual, Title: "Ông",
				Name:   pick(benchFamilies) + " " + pick(benchMiddles) + " " + pick(benchGivens),
				Gender: khenthuong.Male, Birth: khenthuong.Date{Year: 1960 + r.IntN(40)},
				Position: pick(benchPosts), Unit: unit},
			FormCode: "BKCT", ProposingUnit: unit, Status: khenthuong.StatusSubmitted,
		}
	}
	return ns
}

// bigFake is a fake holding 100,000 nominations in one campaign, stored
// directly: they are already clean.
func bigFake(b *testing.B, n int) (*fakeServices, uint64) {
	f := newFake()
	c := seedCampaign(b, f, "Đợt lớn")
	f.noms = benchNominations(c.ID, n)
	return f, c.ID
}

// BenchmarkNominationsTable100k measures Đề nghị on 100,000 nominations of
// the fake (which filters and sorts its whole slice on every query): the
// first fill (a page query, the table drawn), scrolling through the list
// (windows asked for as rows show), a keystroke of search and a sort by name.
func BenchmarkNominationsTable100k(b *testing.B) {
	const n = 100_000
	f, id := bigFake(b, n)
	a := test.NewTempApp(b)
	w := a.NewWindow("bench")
	w.Resize(fyne.NewSize(1280, 800))
	b.Cleanup(w.Close)

	open := func() *nominationsScreen {
		s := newNominationsScreen(f, w)
		w.SetContent(s.content())
		s.shown()
		s.setCampaign(id)
		s.loading.Wait()
		drainUI()
		return s
	}

	b.Run("FirstFill", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			s := open()
			if s.model.len() != n {
				b.Fatalf("%d rows", s.model.len())
			}
		}
	})

	s := open()
	b.Run("ScrollPage", func(b *testing.B) {
		b.ReportAllocs()
		row := 0
		for b.Loop() {
			row = (row + 37) % n // a page and a bit: every visible cell is refilled
			s.table.ScrollTo(widget.TableCellID{Row: row, Col: 0})
		}
	})
	b.Run("ScrollToEnds", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			if i%2 == 0 {
				s.table.ScrollToBottom()
			} else {
				s.table.ScrollToTop()
			}
		}
	})
	b.Run("SearchKeystroke", func(b *testing.B) {
		b.ReportAllocs()
		queries := []string{"n", "ng", "nguyen", "nguyen v", "nguyen van", "nguyen van a", "tu phap", ""}
		for i := 0; b.Loop(); i++ {
			s.search.SetText(queries[i%len(queries)])
			s.loading.Wait()
			drainUI()
		}
	})
	s.search.SetText("")
	b.Run("SortByName", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			s.sortBy(colName) // a page query, in the background
			s.loading.Wait()
			drainUI()
		}
	})
	b.Run("SortToggle", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			s.sortBy(colName) // the other way round
			s.loading.Wait()
			drainUI()
		}
	})
}
