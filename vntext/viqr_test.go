package vntext

import "testing"

func TestDecodeVIQR(t *testing.T) {
	for in, want := range map[string]string{
		"Nguye^~n Va(n Ti`nh":                    "Nguyễn Văn Tình",
		"Tru+o+ng Quang Sa'ng":                   "Trương Quang Sáng",
		"DDa(.ng DDa.i Ba`ng":                    "Đặng Đại Bàng",
		"Ha` No^.i.":                             "Hà Nội.",
		"Ho. va` te^n":                           "Họ và tên",
		"Sa'ng\\.":                               "Sáng.",
		"Tra^`n Thi. Tuye^'t Nhung":              "Trần Thị Tuyết Nhung",
		"Pho' Gia'm ddo^'c So+? Tu+ pha'p":       "Phó Giám đốc Sở Tư pháp",
		"Ba(`ng khen cu?a Chu? ti.ch UBND ti?nh": "Bằng khen của Chủ tịch UBND tỉnh",
	} {
		if got := DecodeVIQR(in); got != want {
			t.Errorf("DecodeVIQR(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLooksLikeVIQR(t *testing.T) {
	for in, want := range map[string]bool{
		"Nguye^~n Va(n Ti`nh":  true,
		"Tru+o+ng Quang Sa'ng": true,
		"Ho. va` te^n":         true,
		"DDo+n vi.":            true,
		"Eddie":                false,
		"Nguyen Van Tinh":      false, // unaccented: left as typed
		"BKCT":                 false,
		"e.g. John's list":     false,
		"nva@example.com":      false,
		"STT":                  false,
		"1.5":                  false,
		"Is it done? Yes.":     false,
	} {
		if got := LooksLikeVIQR(in); got != want {
			t.Errorf("LooksLikeVIQR(%q) = %v, want %v", in, got, want)
		}
	}
}

// TestDecodeVIQRRealStrings: the VIQR column of the shared test strings
// (names, units, places, headings from real decisions) reads back as the
// Unicode text, and each has at least one mark to be told by.
func TestDecodeVIQRRealStrings(t *testing.T) {
	for _, r := range formRows(t) {
		if r.viqr == "" {
			continue
		}
		if got := DecodeVIQR(r.viqr); got != r.nfc {
			t.Errorf("DecodeVIQR(%q) = %q, want %q", r.viqr, got, r.nfc)
		}
		if VIQRMarks(r.viqr) == 0 {
			t.Errorf("%q has no VIQR mark", r.viqr)
		}
	}
}
