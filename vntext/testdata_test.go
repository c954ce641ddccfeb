package vntext

import (
	"encoding/csv"
	"encoding/hex"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

// readTSV reads a tab-separated table from testdata into maps keyed by the
// header. The files are copies of ../shared/data/unicode.
func readTSV(t testing.TB, name string) []map[string]string {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma = '\t'
	r.LazyQuotes = true
	records, err := r.ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	var rows []map[string]string
	for _, rec := range records[1:] {
		row := map[string]string{}
		for i, h := range records[0] {
			row[h] = rec[i]
		}
		rows = append(rows, row)
	}
	return rows
}

// letterRow is one of the 134 Vietnamese vowel letters (plus Đ/đ) of
// vietnamese_letters_legacy_encodings.tsv.
type letterRow struct {
	nfc, nfd, base, tone string
	tcvn3, vni           string // as Excel shows them (cp1252 text)
	cp1258               []byte // nil where the table has no bytes
}

func letterRows(t testing.TB) []letterRow {
	var rows []letterRow
	for _, r := range readTSV(t, "vietnamese_letters_legacy_encodings.tsv") {
		row := letterRow{
			nfc:   r["unicode_nfc"],
			nfd:   codepoints(t, r["nfd_codepoints"]),
			base:  r["base"],
			tone:  r["tone"],
			tcvn3: cp1252Text(t, r["tcvn_bytes_hex"]),
			vni:   r["vni_as_cp1252_text"],
		}
		// Trap: for bytes cp1252 shows as control characters the text
		// column holds a placeholder such as "<U+0001>", not the character.
		if shown := r["tcvn_as_cp1252_text"]; !strings.HasPrefix(shown, "<U+") && shown != row.tcvn3 {
			t.Fatalf("%s: TCVN3 text %q does not match bytes %s", row.nfc, shown, r["tcvn_bytes_hex"])
		}
		if vb := cp1252Text(t, r["vni_bytes_hex"]); vb != row.vni {
			t.Fatalf("%s: VNI text %q does not match bytes %s", row.nfc, row.vni, r["vni_bytes_hex"])
		}
		if h := r["cp1258_bytes_hex"]; h != "" {
			row.cp1258 = mustHex(t, h)
		}
		rows = append(rows, row)
	}
	if len(rows) != 146 {
		t.Fatalf("letters table has %d rows, want 146 (12 vowels x 6 tones x 2 cases, Đ, đ)", len(rows))
	}
	return rows
}

// codepoints turns "U+0061 U+0301" into the string it names.
func codepoints(t testing.TB, s string) string {
	var b strings.Builder
	for _, f := range strings.Fields(s) {
		n, err := strconv.ParseUint(strings.TrimPrefix(f, "U+"), 16, 32)
		if err != nil {
			t.Fatalf("bad code point %q", f)
		}
		b.WriteRune(rune(n))
	}
	return b.String()
}

func mustHex(t testing.TB, h string) []byte {
	b, err := hex.DecodeString(h)
	if err != nil {
		t.Fatalf("bad hex %q", h)
	}
	return b
}

// cp1252Text shows bytes the way Excel on Western Windows does: cp1252, with
// its five unassigned bytes as the C1 controls of the same value.
func cp1252Text(t testing.TB, h string) string {
	var b strings.Builder
	for _, c := range mustHex(t, h) {
		r := charmap.Windows1252.DecodeByte(c)
		if r == '\uFFFD' {
			r = rune(c)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// formRow is one of the 25 real strings of test_strings_forms.tsv, with its
// NFD and Windows-1258-style forms taken literally from
// test_strings_literal_nfc_nfd.tsv.
type formRow struct {
	kind, nfc, nfd, cp1258Style string
	tcvn3, tcvn3Caps, vni       string // "" where the table has none
	viqr                        string
}

func formRows(t testing.TB) []formRow {
	literal := map[string]map[string]string{} // NFC text -> form -> text
	var current string
	for _, r := range readTSV(t, "test_strings_literal_nfc_nfd.tsv") {
		if r["form"] == "NFC" {
			current = r["text"]
			literal[current] = map[string]string{}
		}
		literal[current][r["form"]] = r["text"]
	}
	var rows []formRow
	for _, r := range readTSV(t, "test_strings_forms.tsv") {
		row := formRow{
			kind:        r["kind"],
			nfc:         r["unicode_nfc"],
			nfd:         codepoints(t, r["nfd_codepoints"]),
			cp1258Style: codepoints(t, r["cp1258style_codepoints"]),
			tcvn3:       r["tcvn3_as_seen_in_excel(.VnTime)"],
			tcvn3Caps:   r["tcvn3_allcaps_as_stored(.VnTimeH)"],
			vni:         r["vni_as_seen_in_excel(VNI-Times)"],
			viqr:        r["viqr"],
		}
		lit, ok := literal[row.nfc]
		if !ok || lit["NFD"] != row.nfd || lit["CP1258STYLE"] != row.cp1258Style {
			t.Fatalf("%q: literal forms disagree with the code points", row.nfc)
		}
		rows = append(rows, row)
	}
	if len(rows) != 25 {
		t.Fatalf("got %d real strings, want 25", len(rows))
	}
	return rows
}
