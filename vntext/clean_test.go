package vntext

import (
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestCleanLettersBecomeNFC(t *testing.T) {
	for _, l := range letterRows(t) {
		if got := Clean(l.nfd); got != l.nfc {
			t.Errorf("Clean(NFD %+q) = %+q, want %+q", l.nfd, got, l.nfc)
		}
		if got := Clean(l.nfc); got != l.nfc {
			t.Errorf("Clean(%+q) = %+q, want it unchanged", l.nfc, got)
		}
	}
}

func TestCleanRealStringsInEveryUnicodeForm(t *testing.T) {
	for _, r := range formRows(t) {
		for form, s := range map[string]string{"NFC": r.nfc, "NFD": r.nfd, "cp1258-style": r.cp1258Style} {
			if got := Clean(s); got != r.nfc {
				t.Errorf("Clean(%s of %q) = %+q", form, r.nfc, got)
			}
		}
	}
}

func TestClean(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"Empty", "", ""},
		{"ASCIIUnchanged", "Phong Nha", "Phong Nha"},
		{"TrimsAndCollapses", "  Nguyễn   Văn\tAn \n", "Nguyễn Văn An"},
		{"OnlySpace", " \t\u00a0\n", ""},
		{"NoBreakSpace", "Sở\u00a0Tư\u00a0pháp", "Sở Tư pháp"},
		{"ZeroWidthSeparates", "Trương\u200bQuang\u200c\u200dSáng\ufeff", "Trương Quang Sáng"},
		{"BOMAtStart", "\ufeffQuảng Trị", "Quảng Trị"},
		{"SoftHyphenDropped", "Thi\u00ad đua", "Thi đua"},
		{"SoftHyphenInsideWord", "Khen\u00adthưởng", "Khenthưởng"},
		{"DashesBecomeHyphen", "2014\u20132023 \u2014 Độc lập\u2010Tự do\u2212x\u2015y\u2011z\u2012w", "2014-2023 - Độc lập-Tự do-x-y-z-w"},
		{"ControlsRemoved", "Bằng\x00 khen\x07\x1f\x7f\u0080\u009f", "Bằng khen"},
		{"NextLineIsSpace", "a\u0085b", "a b"},
		{"BidiMarksRemoved", "\u200eLê\u202a Văn\u202c\u2066 Tiến\u2069", "Lê Văn Tiến"},
		{"TypographicQuotesKept", "“Toàn dân bảo vệ an ninh Tổ quốc” ‘x’", "“Toàn dân bảo vệ an ninh Tổ quốc” ‘x’"},
		{"NFDComposed", "Nguye\u0302\u0303n", "Nguyễn"},
		{"Windows1258Mix", "Nguy\u00ea\u0303n V\u0103n", "Nguyễn Văn"},
		{"DroppedCharBetweenBaseAndTone", "Hoa\u00ad\u0301", "Hoá"},
		{"OldTonePlacementKept", "Thuỷ Hoá", "Thuỷ Hoá"},
		{"InvalidUTF8Replaced", "a\xffb", "a\ufffdb"},
		{"IdeographicSpace", "a\u3000b", "a b"},
		{"EthIsD", "Ðức ðạt", "Đức đạt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Clean(tt.in); got != tt.want {
				t.Errorf("Clean(%+q) = %+q, want %+q", tt.in, got, tt.want)
			}
		})
	}
}

func TestCleanMultiline(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"Empty", "", ""},
		{"OneLine", "  Sở  Tư pháp ", "Sở Tư pháp"},
		{"CRLFAndCR", "Dòng 1\r\nDòng 2\rDòng 3", "Dòng 1\nDòng 2\nDòng 3"},
		{"BlankLinesAtEndsDropped", "\n \n\tĐiều 1.\n\n\n", "Điều 1."},
		{"BlankRunsCollapsed", "Điều 1.\n\n \n\t\nĐiều 2.\n\nĐiều 3.", "Điều 1.\n\nĐiều 2.\n\nĐiều 3."},
		{"LineSeparators", "a\u2028b\u2029c", "a\nb\nc"},
		{"EachLineCleaned", "  Nguye\u0302\u0303n  \n\u00a0Văn\u2013An", "Nguyễn\nVăn-An"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := CleanMultiline(tt.in); got != tt.want {
				t.Errorf("CleanMultiline(%+q) = %+q, want %+q", tt.in, got, tt.want)
			}
		})
	}
}

func TestCleanOutputIsNFC(t *testing.T) {
	for _, s := range []string{"e\u0302\u0301", "\u0301", "a\u0323\u0302", "ơ\u0300"} {
		if got := Clean(s); !norm.NFC.IsNormalString(got) {
			t.Errorf("Clean(%+q) = %+q, not NFC", s, got)
		}
	}
}

func TestNFCStarterBlocks(t *testing.T) {
	for r := rune(0); r <= 0x1EFF; r++ {
		if !isNFCStarter(r) || !utf8.ValidRune(r) {
			continue
		}
		p := norm.NFC.PropertiesString(string(r))
		if !norm.NFC.IsNormalString(string(r)) || !p.BoundaryBefore() || p.CCC() != 0 {
			t.Errorf("%U is not a stand-alone NFC starter", r)
		}
	}
}
