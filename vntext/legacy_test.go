package vntext

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

func TestDecodeTCVN3EveryByte(t *testing.T) {
	// Every byte glibc's TCVN5712-1 table decodes, fed as Excel shows it.
	for _, r := range readTSV(t, "tcvn5712-1_bytes_glibc.tsv") {
		shown := cp1252Text(t, r["byte_hex"])
		want := norm.NFC.String(codepoints(t, r["tcvn_codepoints"]))
		if got := DecodeTCVN3(shown); got != want {
			t.Errorf("byte %s: DecodeTCVN3(%+q) = %+q, want %+q", r["byte_hex"], shown, got, want)
		}
	}
}

func TestDecodeLegacyLetters(t *testing.T) {
	for _, l := range letterRows(t) {
		if got := DecodeTCVN3(l.tcvn3); got != l.nfc {
			t.Errorf("DecodeTCVN3(%+q) = %+q, want %q", l.tcvn3, got, l.nfc)
		}
		if got := DecodeVNI(l.vni); got != l.nfc {
			t.Errorf("DecodeVNI(%+q) = %+q, want %q", l.vni, got, l.nfc)
		}
		if got := DecodeTCVN3Caps(l.tcvn3); got != strings.ToUpper(l.nfc) {
			t.Errorf("DecodeTCVN3Caps(%+q) = %+q, want %q", l.tcvn3, got, strings.ToUpper(l.nfc))
		}
	}
}

func TestDecodeLegacyLettersReadAsLatin1(t *testing.T) {
	// Some readers turn bytes 0x80–0x9F into C1 controls instead of the
	// cp1252 characters: the TCVN3 capitals there must survive.
	for _, l := range letterRows(t) {
		var latin1 strings.Builder
		for _, r := range l.tcvn3 {
			if b, ok := legacyByte(r); ok {
				r = rune(b)
			}
			latin1.WriteRune(r)
		}
		if got := DecodeTCVN3(latin1.String()); got != l.nfc {
			t.Errorf("DecodeTCVN3(%+q) = %+q, want %q", latin1.String(), got, l.nfc)
		}
	}
}

func TestDecodeRealStrings(t *testing.T) {
	for _, r := range formRows(t) {
		if got := DecodeTCVN3(r.tcvn3); got != r.nfc {
			t.Errorf("DecodeTCVN3(%+q) = %+q, want %q", r.tcvn3, got, r.nfc)
		}
		if got := DecodeVNI(r.vni); got != r.nfc {
			t.Errorf("DecodeVNI(%+q) = %+q, want %q", r.vni, got, r.nfc)
		}
		if r.tcvn3Caps != "" {
			if got := DecodeTCVN3Caps(r.tcvn3Caps); got != r.nfc {
				t.Errorf("DecodeTCVN3Caps(%+q) = %+q, want %q", r.tcvn3Caps, got, r.nfc)
			}
		}
	}
}

func TestDecodeKeepsGenuineUnicode(t *testing.T) {
	for _, s := range []string{"Nguyễn", "Trương", "ư ạ ộ", "Ω"} {
		if got := DecodeTCVN3(s); got != s {
			t.Errorf("DecodeTCVN3(%q) = %q, want it unchanged", s, got)
		}
	}
	for _, s := range []string{"café", "Nguyễn Văn Tình", "résumé", "Tình"} {
		if got := DecodeVNI(s); got != s {
			t.Errorf("DecodeVNI(%q) = %q, want it unchanged", s, got)
		}
	}
}

func TestDecodeVNI(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Nguyeãn Vaên Tình", "Nguyễn Văn Tình"},
		{"Tröôøng", "Trường"},
		{"COÂNG AN TÆNH", "CÔNG AN TỈNH"},
		{"Coâng an tænh", "Công an tỉnh"},
		{"Ñaïi uùy", "Đại úy"},
		{"ÑAÏI UÙY", "ĐẠI ÚY"},
		{"Quaûng Trò", "Quảng Trị"},
		{"aâù", "ấ"},  // shape and tone as two bytes: longest match still composes
		{"aùâ", "áâ"}, // a shape after a tone is not VNI: left as it is
		{"ôù", "ớ"},
		{"kyõ", "kỹ"},
		{"îù", "ỵù"}, // ỵ already has its tone
	}
	for _, tt := range tests {
		if got := DecodeVNI(tt.in); got != tt.want {
			t.Errorf("DecodeVNI(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDetectEncodingUnicode(t *testing.T) {
	var inputs []string
	for _, r := range formRows(t) {
		inputs = append(inputs, r.nfc, r.nfd, r.cp1258Style, strings.ToUpper(r.nfc), strings.ToLower(r.nfc))
	}
	for _, l := range letterRows(t) {
		inputs = append(inputs, l.nfc, l.nfd)
	}
	inputs = append(inputs,
		"", "Nguyen Van Tinh", "Số 12", "2.340.000", "1,5", "Tình", "Bình", "Lê", "Hà", "Hòa", "Châu",
		"Tâm", "Ông Tâm", "Bà Hà", "Tình Bình", "Bình – Tân", "“Hà”", "â", "Â",
		"café", "Café Tình", "naïve", "résumé", "Müller", "Straße", "São Paulo", "Noël", "Señor Núñez", "Zoë", "Hôtel",
		"Crème brûlée", "Ça va", "Đ/c", "— x —", "Thi đua – Khen thưởng", "©2024", "25°C", "½", "N° 5",
		"Ðình", "Ðoàn Tụ", "Ðức Anh", // ETH for Đ, as in the shared name lists: Clean repairs it
	)
	for _, s := range inputs {
		if got := DetectEncoding(s, ""); got != Unicode {
			t.Errorf("DetectEncoding(%+q) = %v, want Unicode", s, got)
		}
		if got := DetectEncoding(s, "Times New Roman"); got != Unicode {
			t.Errorf("DetectEncoding(%+q, Times New Roman) = %v, want Unicode", s, got)
		}
		if out, enc := ToUnicode(s, ""); enc != Unicode || out != norm.NFC.String(s) {
			t.Errorf("ToUnicode(%+q) = %+q, %v; want it as NFC", s, out, enc)
		}
	}
}

func TestDetectEncodingLegacy(t *testing.T) {
	for _, r := range formRows(t) {
		if got := DetectEncoding(r.tcvn3, ""); got != TCVN3 {
			t.Errorf("DetectEncoding(TCVN3 %+q) = %v", r.tcvn3, got)
		}
		if got := DetectEncoding(r.vni, ""); got != VNI {
			t.Errorf("DetectEncoding(VNI %+q) = %v", r.vni, got)
		}
		if out, enc := ToUnicode(r.tcvn3, ""); enc != TCVN3 || out != r.nfc {
			t.Errorf("ToUnicode(%+q) = %q, %v", r.tcvn3, out, enc)
		}
		if out, enc := ToUnicode(r.vni, ""); enc != VNI || out != r.nfc {
			t.Errorf("ToUnicode(%+q) = %q, %v", r.vni, out, enc)
		}
		if r.tcvn3Caps != "" {
			if out, enc := ToUnicode(r.tcvn3Caps, ".VnTimeH"); enc != TCVN3 || out != r.nfc {
				t.Errorf("ToUnicode(%+q, .VnTimeH) = %q, %v", r.tcvn3Caps, out, enc)
			}
		}
	}
}

func TestDetectEncodingFontHint(t *testing.T) {
	tests := []struct {
		in, font string
		want     Encoding
		out      string
	}{
		{"T×nh", ".VnTime", TCVN3, "Tình"},
		{"Tình", ".VnTime", TCVN3, "Tỡnh"}, // what the clerk saw in that font
		{"Tình", "VNI-Times", VNI, "Tình"},
		{"Hà", " .VnArial ", TCVN3, "HỔ"},
		{"b»ng khen", ".VnTimeH", TCVN3, "BẰNG KHEN"},
		{"quyet dinh", ".VnArialH", TCVN3, "QUYET DINH"},
		{"¸", ".VnTime", TCVN3, "á"},
		{"aù", "VNI-Helve", VNI, "á"},
		{"Nguyễn", ".VnTime", Unicode, "Nguyễn"}, // no cp1252 byte makes "ễ": Unicode typed in an old font
		{"T×nh", "Arial", TCVN3, "Tình"},         // another font: decided by the text
		{"plain", ".VnTime", TCVN3, "plain"},     // nothing to convert
	}
	for _, tt := range tests {
		if got := DetectEncoding(tt.in, tt.font); got != tt.want {
			t.Errorf("DetectEncoding(%q, %q) = %v, want %v", tt.in, tt.font, got, tt.want)
		}
		out, _ := ToUnicode(tt.in, tt.font)
		if out != tt.out {
			t.Errorf("ToUnicode(%q, %q) = %q, want %q", tt.in, tt.font, out, tt.out)
		}
	}
	if _, enc := ToUnicode("plain", ".VnTime"); enc != Unicode {
		t.Errorf("ToUnicode of unchanged text reports %v, want Unicode", enc)
	}
}

func TestEncodingString(t *testing.T) {
	for enc, want := range map[Encoding]string{Unicode: "Unicode", TCVN3: "TCVN3 (ABC)", VNI: "VNI", 7: "Encoding(7)"} {
		if got := enc.String(); got != want {
			t.Errorf("%d.String() = %q, want %q", int(enc), got, want)
		}
	}
}

func TestDecodeWindows1258(t *testing.T) {
	for _, l := range letterRows(t) {
		if l.cp1258 == nil {
			continue
		}
		if got := DecodeWindows1258(l.cp1258); got != l.nfc {
			t.Errorf("DecodeWindows1258(% X) = %+q, want %q", l.cp1258, got, l.nfc)
		}
	}
	// The table has no bytes for the letters with a dot below and a
	// circumflex or breve (ặ ậ ệ ộ); Windows-1258 writes them as the shaped
	// letter plus the dot-below byte 0xF2.
	for in, want := range map[string]string{"\xe3\xf2": "ặ", "\xe2\xf2": "ậ", "\xea\xf2": "ệ", "\xf4\xf2": "ộ", "\xc3\xf2": "Ặ"} {
		if got := DecodeWindows1258([]byte(in)); got != want {
			t.Errorf("DecodeWindows1258(% X) = %q, want %q", in, got, want)
		}
	}
	line := []byte("Nguy\xea\xden V\xe3n Ti\xccnh")
	if got := DecodeWindows1258(line); got != "Nguyễn Văn Tình" {
		t.Errorf("DecodeWindows1258(% X) = %q", line, got)
	}
}

func TestLooksLikeUTF8(t *testing.T) {
	tests := []struct {
		in   []byte
		want bool
	}{
		{[]byte("plain ASCII"), true},
		{[]byte("Nguyễn Văn Tình"), true},
		{[]byte("Nguy\xeaÞn"), false},
		{[]byte("\xc2\x81"), false}, // valid UTF-8, but U+0081 never occurs in text
		{nil, true},
	}
	for _, tt := range tests {
		if got := LooksLikeUTF8(tt.in); got != tt.want {
			t.Errorf("LooksLikeUTF8(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
	if !bytes.Equal([]byte(DecodeWindows1258([]byte("abc"))), []byte("abc")) {
		t.Error("ASCII changes through Windows-1258")
	}
}

func TestLegacyByteInvertsCP1252(t *testing.T) {
	for b := 0; b < 256; b++ {
		r := charmap.Windows1252.DecodeByte(byte(b))
		if r == '\uFFFD' {
			r = rune(b) // the five unassigned bytes arrive as C1 controls
		}
		if got, ok := legacyByte(r); !ok || got != byte(b) {
			t.Errorf("legacyByte(%U) = %#x, %v; want %#x", r, got, ok, b)
		}
	}
	if _, ok := legacyByte('ư'); ok {
		t.Error("ư has no cp1252 byte")
	}
}
