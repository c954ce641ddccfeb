package khenthuong

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

// A decision cites the laws in force on its date: the 2024 demo decision
// cited the local government law of 16/6/2025.
func TestBasesOnCiteTheLawsInForce(t *testing.T) {
	texts := DefaultDocumentTexts()
	cases := []struct {
		date      string
		want, not []string
	}{
		{"2024-06-02", []string{"19 tháng 6 năm 2015; Luật sửa đổi", "15 tháng 6 năm 2022", "98/2023/NĐ-CP"}, []string{"năm 2025", "26 tháng 11 năm 2003", "91/2017"}},
		{"2022-10-24", []string{"ngày 22 tháng 11 năm 2019", "16 tháng 11 năm 2013", "91/2017/NĐ-CP"}, []string{"15 tháng 6 năm 2022", "98/2023"}},
		{"2019-05-10", []string{"ngày 19 tháng 6 năm 2015", "16 tháng 11 năm 2013", "91/2017"}, []string{"22 tháng 11 năm 2019", "98/2023"}},
		{"2012-03-01", []string{"14 tháng 6 năm 2005"}, []string{"16 tháng 11 năm 2013", "Nghị định"}},
		{"2023-12-31", []string{"16 tháng 11 năm 2013", "91/2017"}, []string{"15 tháng 6 năm 2022"}},
		{"2024-01-01", []string{"15 tháng 6 năm 2022", "98/2023"}, []string{"năm 2013", "91/2017"}},
		{"2025-04-01", []string{"19 tháng 02 năm 2025"}, []string{"năm 2015", "16 tháng 6 năm 2025"}},
		{"2025-06-16", []string{"16 tháng 6 năm 2025"}, []string{"19 tháng 02 năm 2025"}},
		{"2025-06-30", []string{"16 tháng 6 năm 2025", "98/2023"}, []string{"152/2025"}},
		{"2026-01-05", []string{"16 tháng 6 năm 2025", "15 tháng 6 năm 2022", "152/2025/NĐ-CP ngày 14 tháng 6 năm 2025"}, []string{"2015", "2003", "98/2023"}},
	}
	for _, c := range cases {
		t.Run(c.date, func(t *testing.T) {
			got := strings.Join(texts.BasesOn(MustDate(c.date)), "\n")
			for _, w := range c.want {
				if !strings.Contains(got, w) {
					t.Errorf("bases on %s lack %q:\n%s", c.date, w, got)
				}
			}
			for _, w := range c.not {
				if strings.Contains(got, w) {
					t.Errorf("bases on %s cite %q:\n%s", c.date, w, got)
				}
			}
			if n := strings.Count("\n"+got, "\nCăn cứ Luật Tổ chức chính quyền địa phương"); n != 1 && c.date >= "2016" {
				t.Errorf("%d local government laws on %s", n, c.date)
			}
		})
	}
}

// Files written before bases had periods keep what the office typed.
func TestOldLegalBasesMigrate(t *testing.T) {
	cases := []struct {
		name  string
		bases []string
		check func(t *testing.T, got []LegalBasis)
	}{
		{"UntouchedDefaultsBecomeTheHistory", oldDefaultBases, func(t *testing.T, got []LegalBasis) {
			if len(got) != len(DefaultLegalBases()) {
				t.Errorf("got %d bases, want the %d defaults", len(got), len(DefaultLegalBases()))
			}
		}},
		{"EditedLinesKeptKnownLawsDated", []string{
			"Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025",
			"Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022",
			"Căn cứ Quyết định số 12/2024/QĐ-UBND của UBND tỉnh ban hành Quy chế thi đua",
		}, func(t *testing.T, got []LegalBasis) {
			var own *LegalBasis
			for i := range got {
				if strings.Contains(got[i].Text, "12/2024/QĐ-UBND") {
					own = &got[i]
				}
			}
			if own == nil || !own.From.IsZero() || !own.To.IsZero() {
				t.Fatalf("the office's own line was lost or dated: %+v", got)
			}
			d := DocumentTexts{LegalBases: got}
			on2024 := strings.Join(d.BasesOn(MustDate("2024-06-02")), "\n")
			if strings.Contains(on2024, "năm 2025") || !strings.Contains(on2024, "22 tháng 11 năm 2019") || !strings.Contains(on2024, "15 tháng 6 năm 2022") {
				t.Errorf("migrated bases on 2024-06-02:\n%s", on2024)
			}
			on2026 := d.BasesOn(MustDate("2026-01-05"))
			if !slices.Contains(on2026, "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025") {
				t.Errorf("migrated bases on 2026-01-05: %q", on2026)
			}
			// The decree was not in the list: the office's own rule stands in for no law's later text.
			if strings.Contains(strings.Join(on2026, "\n"), "Nghị định") {
				t.Errorf("a decree the list never cited: %q", on2026)
			}
		}},
		{"AnOldDecreeLineGetsItsSuccessor", []string{
			"Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022",
			"Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng.",
		}, func(t *testing.T, got []LegalBasis) {
			d := DocumentTexts{LegalBases: got}
			for date, want := range map[string]string{"2024-06-02": "98/2023", "2026-01-05": "152/2025", "2019-01-01": "91/2017"} {
				on := strings.Join(d.BasesOn(MustDate(date)), "\n")
				if !strings.Contains(on, want) || strings.Count(on, "Nghị định") != 1 {
					t.Errorf("on %s the migrated bases cite:\n%s", date, on)
				}
			}
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			old, _ := json.Marshal(map[string]any{"legal_bases": c.bases, "achievement": oldDefaultAchievement, "proposal": "Xét {submission_no}"})
			var d DocumentTexts
			if err := json.Unmarshal(old, &d); err != nil {
				t.Fatal(err)
			}
			c.check(t, d.LegalBases)
			if d.Achievement != DefaultDocumentTexts().Achievement || d.Proposal != "Xét {submission_no}" {
				t.Errorf("achievement %q, proposal %q", d.Achievement, d.Proposal)
			}
			// Saved again and read back: the periods stay as they are.
			again, _ := json.Marshal(d)
			var back DocumentTexts
			if err := json.Unmarshal(again, &back); err != nil || !slices.Equal(back.LegalBases, d.LegalBases) {
				t.Errorf("round trip changed the bases: %v\n%+v\n%+v", err, back.LegalBases, d.LegalBases)
			}
		})
	}
}

func TestFillReadsVietnameseAndOldNames(t *testing.T) {
	vars := map[string]string{"submission_no": "86/TTr-SNV", "form_name": "Bằng khen"}
	for _, c := range []struct{ in, want string }{
		{"Tờ trình số {số tờ trình}", "Tờ trình số 86/TTr-SNV"},
		{"Tờ trình số {so to trinh}", "Tờ trình số 86/TTr-SNV"},
		{"Tờ trình số {submission_no}", "Tờ trình số 86/TTr-SNV"},
		{"Tặng {Hình thức}", "Tặng Bằng khen"},
		{"Tặng {hinh thuc khac}", "Tặng {hinh thuc khac}"},
	} {
		if got := Fill(c.in, vars); got != c.want {
			t.Errorf("Fill(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// Issuing is irreversible: a blank the wording uses refuses it, named.
func TestMissingBlanks(t *testing.T) {
	full := Decision{Number: "2871/QĐ-UBND", Date: MustDate("2024-06-02"), SignerName: "Hoàng Nam",
		SubmissionNo: "86/TTr-SNV", SubmissionDate: MustDate("2024-05-20"), Achievement: "đã có thành tích"}
	camp := &Campaign{Name: "Tổng kết phong trào Toàn dân bảo vệ an ninh Tổ quốc"}
	cases := []struct {
		name string
		edit func(*Decision, *DocumentTexts) *Campaign
		want []string
	}{
		{"Complete", func(*Decision, *DocumentTexts) *Campaign { return camp }, nil},
		{"NoSignerName", func(d *Decision, _ *DocumentTexts) *Campaign { d.SignerName = ""; return camp }, []string{"signer_name"}},
		{"NoSubmission", func(d *Decision, _ *DocumentTexts) *Campaign {
			d.SubmissionNo, d.SubmissionDate = "", MustDate("2024")
			return camp
		}, []string{"submission_no", "submission_date"}},
		{"SubmissionNotInTheWording", func(d *Decision, t *DocumentTexts) *Campaign {
			d.SubmissionNo, d.SubmissionDate = "", Date{}
			t.Proposal = "Xét đề nghị của Giám đốc Sở Nội vụ"
			return camp
		}, nil},
		{"AchievementFromTheCampaign", func(d *Decision, _ *DocumentTexts) *Campaign { d.Achievement = ""; return camp }, nil},
		{"NoAchievementNoCampaign", func(d *Decision, _ *DocumentTexts) *Campaign { d.Achievement = ""; return nil }, []string{"achievement"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d, texts := full, DefaultDocumentTexts()
			cp := c.edit(&d, &texts)
			var got []string
			for _, b := range texts.MissingBlanks(&d, cp) {
				got = append(got, b.Field)
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("MissingBlanks = %v, want %v", got, c.want)
			}
			err := texts.CheckIssuable(&d, cp)
			if (err != nil) != (len(c.want) > 0) || (err != nil && ErrorCode(err) != EINVALID) {
				t.Errorf("CheckIssuable = %v", err)
			}
			if err != nil && !strings.Contains(ErrorMessage(err), "tên người ký") && c.want[0] == "signer_name" {
				t.Errorf("message does not name the blank: %v", err)
			}
		})
	}
}

func TestMovementOf(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Tổng kết phong trào Toàn dân bảo vệ an ninh Tổ quốc giai đoạn 2014 - 2023", "phong trào Toàn dân bảo vệ an ninh Tổ quốc giai đoạn 2014 - 2023"},
		{"Khen thưởng năm 2024", "thực hiện nhiệm vụ năm 2024"},
		{"Phong trào thi đua Dân vận khéo", "phong trào thi đua Dân vận khéo"},
		{"", ""},
	} {
		if got := MovementOf(c.in); got != c.want {
			t.Errorf("MovementOf(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// A post and its unit read as the office writes them.
func TestPositionAndUnitSeparatesTheBody(t *testing.T) {
	for _, c := range []struct{ pos, unit, want string }{
		{"Phó Giám đốc", "Sở Tư pháp", "Phó Giám đốc Sở Tư pháp"},
		{"Trưởng phòng", "Phòng Tổ chức cán bộ Sở Nội vụ", "Trưởng phòng Tổ chức cán bộ, Sở Nội vụ"},
		{"Trưởng phòng", "Phòng Tổ chức cán bộ, Sở Nội vụ", "Trưởng phòng Tổ chức cán bộ, Sở Nội vụ"},
		{"Phó Trưởng phòng", "Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ Công an tỉnh Quảng Trị",
			"Phó Trưởng phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ, Công an tỉnh Quảng Trị"},
		{"Chuyên viên", "Văn phòng Ủy ban nhân dân tỉnh", "Chuyên viên Văn phòng Ủy ban nhân dân tỉnh"},
		{"Tổ trưởng", "khu phố 3, phường Đông Hà", "Tổ trưởng khu phố 3, phường Đông Hà"},
		{"Trưởng thôn", "thôn An Lợi, xã Triệu Phong", "Trưởng thôn An Lợi, xã Triệu Phong"},
	} {
		n := Nominee{Position: c.pos, Unit: c.unit}
		if got := n.PositionAndUnit(); got != c.want {
			t.Errorf("%q + %q = %q, want %q", c.pos, c.unit, got, c.want)
		}
	}
}

// FuzzDocumentTexts reads stored wordings of any shape (old plain-line bases,
// dated bases, anything else) and fills them: no panic, and whatever reads
// back saves and reads again unchanged.
func FuzzDocumentTexts(f *testing.F) {
	f.Add([]byte(`{"legal_bases":["Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022"],"proposal":"Tờ trình số {submission_no}"}`))
	f.Add([]byte(`{"legal_bases":[{"text":"Căn cứ Luật","from":"2024-01-01","to":""}],"article1":"Tặng {hình thức} {"}`))
	f.Add([]byte(`{"legal_bases":null,"achievement":"{phong trào}}"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var d DocumentTexts
		if json.Unmarshal(data, &d) != nil {
			return
		}
		_ = d.Validate()
		_ = d.BasesOn(MustDate("2024-06-02"))
		for _, w := range []string{d.Proposal, d.Article1, d.Achievement} {
			_ = Fill(w, map[string]string{"submission_no": "86/TTr-SNV", "form_name": "Bằng khen"})
		}
		again, err := json.Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		var back DocumentTexts
		if err := json.Unmarshal(again, &back); err != nil {
			t.Fatalf("saved wordings do not read back: %v", err)
		}
		if !slices.Equal(back.LegalBases, d.LegalBases) {
			t.Fatalf("legal bases changed on a round trip:\n%+v\n%+v", d.LegalBases, back.LegalBases)
		}
	})
}

// A dash, hyphen or comma typed between a post, a part and its body reads
// as the office writes it (the QA unit "Phòng Tư pháp – UBND huyện" printed
// "Trưởng phòng Tư pháp -, UBND huyện").
func TestPositionAndUnitSeparators(t *testing.T) {
	for _, c := range []struct{ pos, unit, want string }{
		{"Trưởng phòng", "Phòng Tư pháp – UBND huyện", "Trưởng phòng Tư pháp, UBND huyện"},
		{"Trưởng phòng", "Phòng Tư pháp - UBND huyện", "Trưởng phòng Tư pháp, UBND huyện"},
		{"Trưởng phòng", "Phòng Tư pháp-UBND huyện Gio Linh", "Trưởng phòng Tư pháp, UBND huyện Gio Linh"},
		{"Trưởng phòng", "Phòng Tư pháp -UBND huyện", "Trưởng phòng Tư pháp, UBND huyện"},
		{"Trưởng phòng", "Phòng Tư pháp- UBND huyện", "Trưởng phòng Tư pháp, UBND huyện"},
		{"Phó Trưởng phòng", "Phòng Tổ chức cán bộ — Sở Nội vụ", "Phó Trưởng phòng Tổ chức cán bộ, Sở Nội vụ"},
		{"Chuyên viên", "Phòng Lao động - Thương binh và Xã hội huyện Hải Lăng",
			"Chuyên viên Phòng Lao động - Thương binh và Xã hội huyện Hải Lăng"},
		{"Trưởng phòng", "Phòng Văn hóa - Thông tin - UBND huyện Vĩnh Linh",
			"Trưởng phòng Văn hóa - Thông tin, UBND huyện Vĩnh Linh"},
		{"Kế toán", "Phòng Kinh tế-Hạ tầng UBND huyện Cam Lộ", "Kế toán Phòng Kinh tế-Hạ tầng, UBND huyện Cam Lộ"},
		{"Giám đốc", "Sở Lao động - Thương binh và Xã hội", "Giám đốc Sở Lao động - Thương binh và Xã hội"},
		{"Phó Giám đốc -", "Sở Tư pháp", "Phó Giám đốc Sở Tư pháp"},
		{"Phó Giám đốc", "– Sở Tư pháp", "Phó Giám đốc Sở Tư pháp"},
		{"Phó Trưởng phòng Phổ biến, giáo dục pháp luật,", "Sở Tư pháp",
			"Phó Trưởng phòng Phổ biến, giáo dục pháp luật, Sở Tư pháp"},
		{"Phó Trưởng phòng Phổ biến, giáo dục pháp luật", ", Sở Tư pháp",
			"Phó Trưởng phòng Phổ biến, giáo dục pháp luật, Sở Tư pháp"},
		{"Phó Trưởng phòng Phổ biến, giáo dục pháp luật -", "- , Sở Tư pháp",
			"Phó Trưởng phòng Phổ biến, giáo dục pháp luật, Sở Tư pháp"},
		{"", "- Sở Tư pháp", "Sở Tư pháp"},
		{"Đội trưởng", "Đội Cảnh sát giao thông - Công an huyện Triệu Phong",
			"Đội trưởng Đội Cảnh sát giao thông, Công an huyện Triệu Phong"},
		{"Trợ lý", "Phòng Tham mưu-Bộ Chỉ huy Quân sự tỉnh", "Trợ lý Phòng Tham mưu, Bộ Chỉ huy Quân sự tỉnh"},
		{"Trưởng phòng", "Phòng - Sở Nội vụ", "Trưởng phòng - Sở Nội vụ"}, // no name of its own: left as typed
	} {
		for _, raw := range []bool{true, false} {
			n := Nominee{Kind: Individual, Name: "Trần Văn Hùng", Position: c.pos, Unit: c.unit}
			if !raw {
				n.Normalize() // as stored: dashes become "-"
				c.want = strings.NewReplacer("–", "-", "—", "-").Replace(c.want)
			}
			if got := n.PositionAndUnit(); got != c.want {
				t.Errorf("%q + %q (raw %v) = %q, want %q", c.pos, c.unit, raw, got, c.want)
			}
		}
	}
}
