package khenthuong

import (
	"errors"
	"strings"
	"testing"
)

func asError(err error, e **Error) bool { return errors.As(err, e) }

func validNomination() Nomination {
	return Nomination{
		CampaignID: 1,
		FormCode:   "bkct",
		Nominee: Nominee{Kind: Individual, Name: "  Ông   Trương Quang Sáng ", Gender: Male,
			Birth: Date{Year: 1968}, Position: "Phó Giám đốc", Unit: "Sở Tư pháp"},
		Status: StatusSubmitted,
	}
}

func TestNominationNormalize(t *testing.T) {
	n := validNomination()
	n.Nominee.Unit = "So\u031b\u0309 Tu\u031b pha\u0301p" // NFD
	n.Normalize()
	if n.Nominee.Title != "Ông" || n.Nominee.Name != "Trương Quang Sáng" {
		t.Errorf("honorific not split: title %q name %q", n.Nominee.Title, n.Nominee.Name)
	}
	if n.Nominee.Unit != "Sở Tư pháp" {
		t.Errorf("unit not NFC: %q", n.Nominee.Unit)
	}
	if n.FormCode != "BKCT" {
		t.Errorf("form code = %q", n.FormCode)
	}
	if got := n.Nominee.DisplayName() + ", " + n.Nominee.PositionAndUnit(); got != "Ông Trương Quang Sáng, Phó Giám đốc Sở Tư pháp" {
		t.Errorf("list entry = %q", got)
	}
	if err := n.Validate(); err != nil {
		t.Errorf("Validate: %v", err)
	}
}

func TestNominationValidateNamesField(t *testing.T) {
	long := make([]rune, MaxAchievementLength+1)
	for i := range long {
		long[i] = 'a'
	}
	cases := []struct {
		name  string
		edit  func(*Nomination)
		field string
	}{
		{"NoName", func(n *Nomination) { n.Nominee.Name = " " }, "name"},
		{"BadKind", func(n *Nomination) { n.Nominee.Kind = "robot" }, "kind"},
		{"NoCampaign", func(n *Nomination) { n.CampaignID = 0 }, "campaign"},
		{"NoForm", func(n *Nomination) { n.FormCode = "" }, "form"},
		{"RejectedWithoutReason", func(n *Nomination) { n.Status = StatusRejected }, "reject_reason"},
		{"AchievementTooLong", func(n *Nomination) { n.Achievement = string(long) }, "achievement"},
		{"BadGender", func(n *Nomination) { n.Nominee.Gender = "x" }, "gender"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			n := validNomination()
			c.edit(&n)
			n.Normalize()
			err := n.Validate()
			var e *Error
			if err == nil || !asError(err, &e) || e.Field != c.field || e.Code != EINVALID {
				t.Errorf("Validate() = %v, want an invalid error naming %q", err, c.field)
			}
		})
	}
}

func TestValidateAgainstForm(t *testing.T) {
	forms := map[string]AwardForm{}
	for _, f := range DefaultForms() {
		forms[f.Code] = f
	}
	n := validNomination()
	n.Normalize()
	cto := forms["CTDT"]
	if err := n.ValidateAgainst(&cto); err == nil {
		t.Error("an individual was accepted for the collective-only Cờ thi đua")
	}
	bk := forms["BKCT"]
	if err := n.ValidateAgainst(&bk); err != nil {
		t.Errorf("Bằng khen refused for an individual: %v", err)
	}
	if err := n.ValidateAgainst(nil); err == nil {
		t.Error("unknown form accepted")
	}
}

func TestCanTransition(t *testing.T) {
	cases := []struct {
		from, to Status
		want     bool
	}{
		{StatusSubmitted, StatusApproved, true},
		{StatusSubmitted, StatusRejected, true},
		{StatusSubmitted, StatusDeferred, true},
		{StatusApproved, StatusSubmitted, true},
		{StatusRejected, StatusSubmitted, true},
		{StatusDeferred, StatusApproved, true},
		{StatusDraft, StatusApproved, false},
		{StatusDraft, StatusSubmitted, true},
		{StatusApproved, StatusApproved, false},
		{StatusApproved, StatusDraft, false},
	}
	for _, c := range cases {
		if got := CanTransition(c.from, c.to); got != c.want {
			t.Errorf("CanTransition(%s, %s) = %v, want %v", c.from, c.to, got, c.want)
		}
	}
}

func TestDefaultFormsAreValid(t *testing.T) {
	seen := map[string]bool{}
	for _, f := range DefaultForms() {
		f.Normalize()
		if err := f.Validate(); err != nil {
			t.Errorf("%s: %v", f.Code, err)
		}
		if seen[f.Code] {
			t.Errorf("code %s twice", f.Code)
		}
		seen[f.Code] = true
	}
}

func TestErrorMessages(t *testing.T) {
	if got := ErrorMessage(errors.New("bolt: disk I/O")); got != InternalMessage {
		t.Errorf("raw error shown: %q", got)
	}
	if got := ErrorMessage(Internal(errors.New("x"))); got != InternalMessage {
		t.Errorf("internal error shown: %q", got)
	}
	wrapped := errors.Join(errors.New("ctx"), Errorf(ENOTFOUND, "Không tìm thấy đợt %d", 7))
	if ErrorCode(wrapped) != ENOTFOUND || ErrorMessage(wrapped) != "Không tìm thấy đợt 7" {
		t.Errorf("wrapped error: %q %q", ErrorCode(wrapped), ErrorMessage(wrapped))
	}
}

func TestFillAndEndWith(t *testing.T) {
	got := Fill("Tặng {form_name} cho {counts}, {unknown}", map[string]string{"form_name": "Bằng khen", "counts": "05 tập thể"})
	if got != "Tặng Bằng khen cho 05 tập thể, {unknown}" {
		t.Errorf("Fill = %q", got)
	}
	cases := []struct{ in, end, want string }{
		{"Căn cứ Luật X;", ".", "Căn cứ Luật X."},
		{"Căn cứ Luật X", ";", "Căn cứ Luật X;"},
		{"Phó Giám đốc Sở Tư pháp. ", "./.", "Phó Giám đốc Sở Tư pháp./."},
		{"Lưu: VT, SNV./.", ".", "Lưu: VT, SNV."},
	}
	for _, c := range cases {
		if got := EndWith(c.in, c.end); got != c.want {
			t.Errorf("EndWith(%q, %q) = %q, want %q", c.in, c.end, got, c.want)
		}
	}
}

func TestPrefixed(t *testing.T) {
	err := Prefixed(FieldErrorf("w", "Chiều rộng không hợp lệ"), "mẫu.json")
	var e *Error
	if !asError(err, &e) || e.Message != "mẫu.json: Chiều rộng không hợp lệ" || e.Field != "w" || e.Code != EINVALID {
		t.Errorf("Prefixed = %+v", err)
	}
	if ErrorMessage(Prefixed(errors.New("disk"), "x")) != InternalMessage {
		t.Error("an internal error became visible")
	}
}

func TestPositionAndUnit(t *testing.T) {
	cases := []struct{ position, unit, want string }{
		{"Phó Giám đốc", "Sở Tư pháp", "Phó Giám đốc Sở Tư pháp"},
		{"Trưởng phòng", "Phòng An ninh nội địa, Công an tỉnh", "Trưởng phòng An ninh nội địa, Công an tỉnh"},
		{"Trưởng thôn", "thôn An Lợi, xã Triệu Phong", "Trưởng thôn An Lợi, xã Triệu Phong"},
		{"Trưởng Công an xã", "Công an xã Triệu Phong", "Trưởng Công an xã Triệu Phong"},
		{"Hiệu trưởng", "Trường THPT Lê Lợi", "Hiệu trưởng Trường THPT Lê Lợi"},
		{"Đội trưởng", "Đội Cảnh sát giao thông", "Đội trưởng Đội Cảnh sát giao thông"},
		{"", "Sở Y tế", "Sở Y tế"},
		{"Chuyên viên", "", "Chuyên viên"},
		{"Phòng", "Phòng", "Phòng Phòng"}, // never drops the whole unit
	}
	for _, c := range cases {
		n := Nominee{Position: c.position, Unit: c.unit}
		if got := n.PositionAndUnit(); got != c.want {
			t.Errorf("PositionAndUnit(%q, %q) = %q, want %q", c.position, c.unit, got, c.want)
		}
	}
}

// Documents print a missing danh xưng from the stored gender; what the clerk
// typed is printed as typed, and the stored title is never filled in.
func TestPrintTitle(t *testing.T) {
	cases := []struct {
		kind         Kind
		title        string
		gender       Gender
		want, wantNm string
	}{
		{Individual, "", Male, "Ông", "Ông Phạm Văn Anh"},
		{Individual, "", Female, "Bà", "Bà Phạm Văn Anh"},
		{Individual, "", GenderUnknown, "", "Phạm Văn Anh"},
		{Individual, "Đại tá", Male, "Đại tá", "Đại tá Phạm Văn Anh"},
		{Individual, "Thượng úy", Female, "Thượng úy", "Thượng úy Phạm Văn Anh"},
		{Individual, "Đồng chí", Male, "Đồng chí", "Đồng chí Phạm Văn Anh"},
		{Individual, "Bà", Male, "Bà", "Bà Phạm Văn Anh"}, // typed: the clerk knows better than a stored field
		{Individual, "ông", Male, "ông", "ông Phạm Văn Anh"},
		{Individual, "Nhà giáo ưu tú", Female, "Nhà giáo ưu tú", "Nhà giáo ưu tú Phạm Văn Anh"},
		{Collective, "", Male, "", "Phạm Văn Anh"},
		{Household, "", Female, "", "Phạm Văn Anh"},
	}
	for _, c := range cases {
		n := Nominee{Kind: c.kind, Title: c.title, Name: "Phạm Văn Anh", Gender: c.gender}
		if got := n.PrintTitle(); got != c.want {
			t.Errorf("%s %q %s: PrintTitle = %q, want %q", c.kind, c.title, c.gender, got, c.want)
		}
		if got := n.PrintName(); got != c.wantNm {
			t.Errorf("%s %q %s: PrintName = %q, want %q", c.kind, c.title, c.gender, got, c.wantNm)
		}
		if name, _ := n.EntryParts(); name != c.wantNm {
			t.Errorf("%s %q %s: EntryParts name = %q, want %q", c.kind, c.title, c.gender, name, c.wantNm)
		}
		if n.Title != c.title || n.DisplayName() != strings.TrimSpace(c.title+" Phạm Văn Anh") {
			t.Errorf("%s %q %s: the typed title changed to %q (DisplayName %q)", c.kind, c.title, c.gender, n.Title, n.DisplayName())
		}
	}
}
