// Package synth makes large, realistic, reproducible data sets for benchmarks
// and stress tests: Vietnamese names by real frequencies, units built from the
// province's communes, the three kinds and many forms across ten years.
package synth

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"

	"khenthuong"
	"khenthuong/vntext"
)

var (
	//go:embed names/boy.txt
	boyTxt []byte
	//go:embed names/girl.txt
	girlTxt []byte
	//go:embed names/family_name_freq.tsv
	familyTSV []byte
	//go:embed names/communes_quangtri.txt
	communesTxt []byte
)

// Generator draws nominees and nominations from a seeded source, so that the
// same seed always gives the same data.
type Generator struct {
	rnd      *rand.Rand
	boys     []string
	girls    []string
	families []string
	cumFreq  []int
	units    []string
}

// New returns a generator for the seed.
func New(seed uint64) *Generator {
	g := &Generator{rnd: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
	g.boys, g.girls = lines(boyTxt), lines(girlTxt)
	total := 0
	for i, l := range lines(familyTSV) {
		name, count, ok := strings.Cut(l, "\t")
		n, err := strconv.Atoi(count)
		if i == 0 || !ok || err != nil {
			continue // header
		}
		total += n
		g.families = append(g.families, name)
		g.cumFreq = append(g.cumFreq, total)
	}
	g.units = Units()
	return g
}

// lines reads a name list; the shared lists hold some VNI mojibake and ETH
// (Ð) for Đ, so every field is converted and cleaned as an import would.
func lines(b []byte) []string {
	var out []string
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		fields := strings.Split(sc.Text(), "\t")
		for i, f := range fields {
			f, _ = vntext.ToUnicode(f, "")
			fields[i] = vntext.Clean(f)
		}
		if l := strings.Join(fields, "\t"); strings.TrimSpace(l) != "" {
			out = append(out, l)
		}
	}
	return out
}

var unitPatterns = []string{
	"Công an %s", "Ủy ban nhân dân %s", "Trường Tiểu học %s", "Trường Trung học cơ sở %s", "Trạm Y tế %s",
	"Hội Liên hiệp Phụ nữ %s", "Đoàn Thanh niên %s", "Hội Nông dân %s", "Ủy ban MTTQ Việt Nam %s", "Hội Cựu chiến binh %s",
	"Trường Mầm non %s", "Hợp tác xã Nông nghiệp %s", "Ban Chỉ huy Quân sự %s", "Đảng ủy %s", "Văn phòng HĐND và UBND %s",
	"Phòng Kinh tế %s", "Phòng Văn hóa - Xã hội %s", "Trung tâm Phục vụ hành chính công %s", "Chi hội Khuyến học %s",
	"Tổ An ninh trật tự cơ sở %s", "Hội Người cao tuổi %s", "Thư viện %s", "Nhà Văn hóa %s", "Ban Bảo vệ dân phố %s",
	"Công ty TNHH %s", "Trường Trung học phổ thông %s",
}

// Units returns about 2,000 unit names built from the province's communes.
func Units() []string {
	communes := lines(communesTxt)
	out := make([]string, 0, len(communes)*len(unitPatterns))
	for _, c := range communes {
		place := strings.ToLower(c[:strings.Index(c, " ")]) + c[strings.Index(c, " "):]
		for _, p := range unitPatterns {
			out = append(out, fmt.Sprintf(p, place))
		}
	}
	return out
}

// Person returns a full name and gender drawn by the real frequencies.
func (g *Generator) Person() (string, khenthuong.Gender) {
	i := g.rnd.IntN(g.cumFreq[len(g.cumFreq)-1])
	lo, hi := 0, len(g.cumFreq)-1
	for lo < hi {
		mid := (lo + hi) / 2
		if g.cumFreq[mid] > i {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	family := g.families[lo]
	if g.rnd.IntN(2) == 0 {
		return family + " " + g.boys[g.rnd.IntN(len(g.boys))], khenthuong.Male
	}
	return family + " Thị " + g.girls[g.rnd.IntN(len(g.girls))], khenthuong.Female
}

var positions = []string{"Chủ tịch", "Phó Chủ tịch", "Trưởng Công an", "Giáo viên", "Hiệu trưởng", "Cán bộ", "Chuyên viên",
	"Trưởng thôn", "Bí thư Chi bộ", "Kế toán", "Bác sĩ", "Đội trưởng", "Phó Trưởng phòng", "Trưởng phòng", "Nhân viên"}

// Nomination returns one nomination of the campaign: collectives, individuals
// and households in a 25/70/5 mix, spread over the given forms.
func (g *Generator) Nomination(campaignID uint64, forms []khenthuong.AwardForm) khenthuong.Nomination {
	unit := g.units[g.rnd.IntN(len(g.units))]
	var n khenthuong.Nominee
	switch r := g.rnd.IntN(100); {
	case r < 25:
		n = khenthuong.Nominee{Kind: khenthuong.Collective, Name: unit, Unit: "tỉnh Quảng Trị", Classification: khenthuong.Classifications[g.rnd.IntN(len(khenthuong.Classifications))]}
	case r < 95:
		name, gender := g.Person()
		title := "Ông"
		if gender == khenthuong.Female {
			title = "Bà"
		}
		n = khenthuong.Nominee{Kind: khenthuong.Individual, Title: title, Name: name, Gender: gender,
			Birth: khenthuong.Date{Year: 1955 + g.rnd.IntN(45)}, Position: positions[g.rnd.IntN(len(positions))], Unit: unit}
	default:
		name, _ := g.Person()
		n = khenthuong.Nominee{Kind: khenthuong.Household, Name: "Gia đình ông " + name, Address: unit}
	}
	form := g.formFor(n.Kind, forms)
	return khenthuong.Nomination{
		CampaignID:    campaignID,
		Nominee:       n,
		FormCode:      form,
		Achievement:   "Đã có thành tích xuất sắc trong phong trào thi đua",
		ProposingUnit: unit,
		SubmissionNo:  fmt.Sprintf("%d/TTr-UBND", 1+g.rnd.IntN(300)),
		Status:        khenthuong.StatusSubmitted,
	}
}

func (g *Generator) formFor(k khenthuong.Kind, forms []khenthuong.AwardForm) string {
	for range 50 {
		f := &forms[g.rnd.IntN(len(forms))]
		if f.AppliesTo(k) {
			return f.Code
		}
	}
	return "BKCT"
}

// Forms returns the default catalogue widened to n forms (the benchmarks use 20).
func Forms(n int) []khenthuong.AwardForm {
	forms := khenthuong.DefaultForms()
	for i := 0; len(forms) < n; i++ {
		forms = append(forms, khenthuong.AwardForm{
			Code: fmt.Sprintf("GK%02d", i+1), Name: fmt.Sprintf("Giấy khen của Giám đốc Sở số %d", i+1), Title: "GIẤY KHEN",
			Issuer: "Giám đốc Sở", Level: khenthuong.LevelSector, Rank: 30,
			Kinds:        []khenthuong.Kind{khenthuong.Collective, khenthuong.Individual, khenthuong.Household},
			Coefficients: []khenthuong.Coefficient{{From: khenthuong.MustDate("2017-08-01"), Individual: 0.3, Collective: 0.6, Household: 0.3}},
		})
	}
	return forms[:n]
}

// Campaigns returns one campaign a year for the years given, newest last.
func Campaigns(fromYear, years int) []khenthuong.Campaign {
	out := make([]khenthuong.Campaign, years)
	for i := range out {
		y := fromYear + i
		out[i] = khenthuong.Campaign{Name: fmt.Sprintf("Khen thưởng tổng kết năm %d", y), Type: khenthuong.CampaignAnnual,
			From: khenthuong.Date{Year: y, Month: 1, Day: 1}, To: khenthuong.Date{Year: y, Month: 12, Day: 31}}
	}
	return out
}
