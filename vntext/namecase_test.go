package vntext

import "testing"

func TestPersonNameCase(t *testing.T) {
	for in, want := range map[string]string{
		"NGUYỄN VĂN AN":                  "Nguyễn Văn An",
		"trần thị hoa":                   "Trần Thị Hoa",
		"LÊ văn  bình":                   "Lê Văn Bình",
		"Nguyễn Văn An":                  "Nguyễn Văn An",
		"H'HEN NIÊ":                      "H'Hen Niê",
		"ksor y phun":                    "Ksor Y Phun",
		"ĐINH THỊ KIM NGÂN":              "Đinh Thị Kim Ngân",
		"nguye\u0302\u0303n va\u0306n a": "Nguyễn Văn A", // NFD in, NFC out
		"Hoàng Thị Ngọc-ánh":             "Hoàng Thị Ngọc-Ánh",
	} {
		if got := PersonNameCase(in); got != want {
			t.Errorf("PersonNameCase(%q) = %q, want %q", in, got, want)
		}
	}
}
