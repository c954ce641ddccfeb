package page

import (
	"bufio"
	"math"
	"os"
	"strings"
	"testing"

	"codeberg.org/go-pdf/fpdf"
	"golang.org/x/text/unicode/norm"

	"khenthuong/assets/fonts"
)

// vietnameseLetters reads testdata/vietnamese_letters_legacy_encodings.tsv:
// every Vietnamese vowel letter with each tone, upper and lower case, and Đ/đ.
func vietnameseLetters(t testing.TB) []string {
	t.Helper()
	f, err := os.Open("testdata/vietnamese_letters_legacy_encodings.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var letters []string
	sc := bufio.NewScanner(f)
	sc.Scan() // header
	for sc.Scan() {
		if cols := strings.Split(sc.Text(), "\t"); cols[0] != "" {
			letters = append(letters, cols[0])
		}
	}
	// 12 vowels × 6 tones × 2 cases + Đ, đ.
	if len(letters) != 146 {
		t.Fatalf("testdata has %d letters, want 146", len(letters))
	}
	return letters
}

func TestFontsCoverEveryVietnameseLetter(t *testing.T) {
	letters := vietnameseLetters(t)
	faces := AllFaces()
	if len(faces) != 5 {
		t.Fatalf("%d faces, want Liberation Serif ×4 + Vollkorn", len(faces))
	}
	for _, face := range faces {
		t.Run(face.File, func(t *testing.T) {
			var missing []string
			for _, l := range letters {
				if !norm.NFC.IsNormalString(l) {
					t.Fatalf("testdata letter %q is not NFC", l)
				}
				for _, r := range l {
					if !face.Has(r) {
						missing = append(missing, l)
					}
				}
			}
			if len(missing) > 0 {
				t.Errorf("%s lacks %d letters: %s", face.File, len(missing), strings.Join(missing, " "))
			}
			// Punctuation and digits the certificates use.
			for _, r := range "0123456789 ,.:;-–/()“”\"'?" {
				if !face.Has(r) {
					t.Errorf("%s lacks %q", face.File, r)
				}
			}
		})
	}
	t.Run("EveryFontFileIsBundledWithItsLicence", func(t *testing.T) {
		if got := len(fonts.Names()); got != len(faces) {
			t.Errorf("assets/fonts has %d .ttf files, %d used", got, len(faces))
		}
		for _, lic := range []string{"LICENSE-Liberation.txt", "LICENSE-Vollkorn.txt"} {
			if _, err := os.Stat("../assets/fonts/" + lic); err != nil {
				t.Error(err)
			}
		}
	})
}

// The layout measures with its own reading of the fonts; it must agree with
// what fpdf prints, or centred text is off and boxes overflow.
func TestFaceWidthsMatchFpdf(t *testing.T) {
	samples := []string{
		"Bà Nguyễn Thị Ngọc Ánh", "ĐẶNG ĐẠI BÀNG", "Trương Quang Sáng", "Đại tá Lê Văn Tiến",
		"Quyết định số 2871/QĐ-UBND ngày 24 tháng 10 năm 2022", "Số sổ vàng: BK-2022-0001",
		strings.Join(vietnameseLetters(t), ""),
	}
	pdf := fpdf.New("L", "mm", "A4", "")
	for _, face := range AllFaces() {
		pdf.AddUTF8FontFromBytes(face.Family, face.Style, face.Data())
		for _, size := range []float64{9, 16.5, 36} {
			pdf.SetFont(face.Family, face.Style, size)
			for _, s := range samples {
				want, got := pdf.GetStringWidth(s), face.Width(s, size)
				if math.Abs(want-got) > 1e-9 {
					t.Errorf("%s %gpt %q: width %.6f mm, fpdf %.6f mm", face.File, size, s, got, want)
				}
			}
		}
	}
	if err := pdf.Error(); err != nil {
		t.Fatal(err)
	}
}

func TestParseFaceRejectsGarbage(t *testing.T) {
	for _, data := range [][]byte{nil, []byte("OTTO"), []byte(strings.Repeat("\x00", 64)), []byte("\x00\x01\x00\x00\x00\x09" + strings.Repeat("\xff", 40))} {
		if _, err := parseFace(data); err == nil {
			t.Errorf("parseFace(%q) accepted garbage", data)
		}
	}
}
