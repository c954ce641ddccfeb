package certificates

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// docxParts opens a .docx and returns its parts, each checked to be
// well-formed XML.
func docxParts(t *testing.T, data []byte) map[string]string {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	parts := map[string]string{}
	for _, f := range z.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		dec := xml.NewDecoder(bytes.NewReader(b))
		for {
			_, err := dec.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%s: %v", f.Name, err)
			}
		}
		parts[f.Name] = string(b)
	}
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels",
		"word/styles.xml", "word/settings.xml", "word/header1.xml", "word/header2.xml"} {
		if _, ok := parts[name]; !ok {
			t.Errorf("no %s", name)
		}
	}
	return parts
}

// docxParagraphs is the text of each paragraph of document.xml, tabs as "\t".
func docxParagraphs(t *testing.T, doc string) []string {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(doc))
	var out []string
	var cur strings.Builder
	inText := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			switch e.Name.Local {
			case "p":
				cur.Reset()
			case "t":
				inText = true
			case "tab":
				if len(e.Attr) == 0 { // a tab in a run; tab stops (<w:tabs>) have attributes
					cur.WriteByte('\t')
				}
			}
		case xml.EndElement:
			switch e.Name.Local {
			case "p":
				out = append(out, cur.String())
			case "t":
				inText = false
			}
		case xml.CharData:
			if inText {
				cur.Write(e)
			}
		}
	}
	return out
}

func TestDecisionDOCX(t *testing.T) {
	d := mixDecision("BKCT", 61, 3, 5, 1, false)
	d.Number = "5/QĐ-UBND"
	doc := decisionDoc(d)
	var buf bytes.Buffer
	if err := WriteDecisionDOCX(&buf, doc, DecisionOptions{}); err != nil {
		t.Fatal(err)
	}
	parts := docxParts(t, buf.Bytes())
	paras := docxParagraphs(t, parts["word/document.xml"])
	text := strings.Join(paras, "\n")

	// The same words as the PDF: DecisionText is printed by both.
	dt, err := doc.Text(DecisionOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := append([]string{}, dt.Authority...)
	want = append(want, QuocHieu, TieuNgu, "Số: 05/QĐ-UBND", "Quảng Trị, ngày 05 tháng 01 năm 2025", QuyetDinh, dt.Subject, dt.AuthorityTitle)
	want = append(want, dt.Bases...)
	want = append(want, QuyetDinhColon)
	for _, a := range dt.Articles {
		want = append(want, a.Label+" "+a.Paras[0])
	}
	want = append(want, NoiNhan)
	want = append(want, dt.Recipients...)
	want = append(want, dt.SignerTitle...)
	want = append(want, dt.SignerName, DanhSach)
	// The list's title lines break where the PDF breaks them.
	st := AdminStyle()
	want = append(want, st.wrapCentred(dt.List.Subtitle, "B", st.Size, st.TextWidth())...)
	want = append(want, st.wrapCentred(dt.List.Attached, "I", st.Size, st.TextWidth())...)
	last := -1
	for _, w := range want {
		i := -1
		for k, p := range paras {
			if k > last && p == w {
				i = k
				break
			}
		}
		if i < 0 {
			t.Errorf("no paragraph %q after paragraph %d", w, last)
			continue
		}
		last = i
	}
	for _, w := range []string{"cho 03 tập thể, 05 cá nhân và 01 hộ gia đình (có danh sách kèm theo)", "Quyết định này./.", "- Lưu: VT, SNV."} {
		if !strings.Contains(text, w) {
			t.Errorf("document lacks %q", w)
		}
	}

	// The list: "\t1.\tentry;" paragraphs, numbered per section, punctuated.
	entry := regexp.MustCompile(`^\t(\d+)\.\t(.*)$`)
	var entries []listEntry
	section := ""
	for _, p := range paras {
		if m := sectionLine.FindStringSubmatch(p); m != nil {
			section = m[1] + ". " + m[2]
			continue
		}
		if m := entry.FindStringSubmatch(p); m != nil {
			entries = append(entries, listEntry{section: section, no: m[1], text: m[2]})
		}
	}
	checkListEntries(t, d, entries)

	doc1 := parts["word/document.xml"]
	for _, w := range []string{
		`<w:pgSz w:w="11906" w:h="16838"/>`,                                 // A4 portrait
		`<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"`, // 20, 15, 20, 30 mm
		`<w:titlePg/>`, `<w:type w:val="nextPage"/>`, `<w:pgNumType w:start="1"/>`, `<w:keepLines/>`, `<w:cantSplit/>`,
		`<w:headerReference w:type="default" r:id="rIdHeader"/>`, `<w:headerReference w:type="first" r:id="rIdHeaderFirst"/>`,
	} {
		if !strings.Contains(doc1, w) {
			t.Errorf("document.xml lacks %s", w)
		}
	}
	if h := parts["word/header1.xml"]; !strings.Contains(h, "> PAGE <") || !strings.Contains(h, `<w:jc w:val="center"/>`) {
		t.Errorf("the header does not centre the page number:\n%s", h)
	}
	if h := parts["word/header2.xml"]; strings.Contains(h, "PAGE") {
		t.Error("the first page's header has a page number")
	}
	if s := parts["word/styles.xml"]; !strings.Contains(s, `w:ascii="Times New Roman"`) || !strings.Contains(s, `<w:sz w:val="28"/>`) {
		t.Error("the default font is not Times New Roman 14 pt")
	}

	t.Run("SameInputSameFile", func(t *testing.T) {
		var again bytes.Buffer
		if err := WriteDecisionDOCX(&again, doc, DecisionOptions{}); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(again.Bytes(), buf.Bytes()) {
			t.Error("two writes of one decision differ")
		}
	})
	t.Run("Table", func(t *testing.T) {
		var tb bytes.Buffer
		if err := WriteDecisionDOCX(&tb, doc, DecisionOptions{ListTable: true}); err != nil {
			t.Fatal(err)
		}
		parts := docxParts(t, tb.Bytes())
		doc := parts["word/document.xml"]
		if strings.Count(doc, "<w:tblHeader/>") != 1 {
			t.Error("the list's table has no repeated header row")
		}
		paras := docxParagraphs(t, doc)
		joined := strings.Join(paras, "\n")
		for _, w := range []string{ColNo + "\n" + ColName + "\n" + ColPosition, "I. TẬP THỂ\n1\n", "III. HỘ GIA ĐÌNH\n1\n"} {
			if !strings.Contains(joined, w) {
				t.Errorf("table lacks %q", w)
			}
		}
	})
}

// TestDecisionDOCXLayout: the short rules stand clear of the letters above
// (an exact-height paragraph with a bottom border, as far below as in the
// PDF), the attached line breaks as the PDF's ("UBND tỉnh)" was left alone
// on a line), Nơi nhận starts on the margin (the table is moved left by the
// cell margin), the list is a section numbered on its own.
func TestDecisionDOCXLayout(t *testing.T) {
	d := mixDecision("BKCT", 62, 2, 3, 0, false)
	var buf bytes.Buffer
	if err := WriteDecisionDOCX(&buf, decisionDoc(d), DecisionOptions{}); err != nil {
		t.Fatal(err)
	}
	doc := docxParts(t, buf.Bytes())["word/document.xml"]
	if strings.Contains(doc, "<w:top w:val=\"single\"") {
		t.Error("a rule is a top border, drawn on the letters above")
	}
	rule := regexp.MustCompile(`<w:pBdr><w:bottom w:val="single"[^>]*/></w:pBdr><w:spacing w:before="0" w:after="0" w:line="(\d+)" w:lineRule="exact"/>`)
	rules := rule.FindAllStringSubmatch(doc, -1)
	if len(rules) < 4 {
		t.Fatalf("%d short rules, want those under the body, the motto, the subject and the list's title", len(rules))
	}
	for _, r := range rules {
		if r[1] != strconv.Itoa(twips(ruleGap)) {
			t.Errorf("a rule %s twips under the line above, want %d (%.1f mm)", r[1], twips(ruleGap), ruleGap)
		}
	}
	st := AdminStyle()
	dt, _ := decisionDoc(d).Text(DecisionOptions{})
	lines := st.wrapCentred(dt.List.Attached, "I", st.Size, st.TextWidth())
	if last := lines[len(lines)-1]; len(strings.Fields(last)) < 4 {
		t.Errorf("the attached line ends with %q alone", last)
	}
	paras := docxParagraphs(t, doc)
	for _, l := range lines {
		if !slices.Contains(paras, l) {
			t.Errorf("no paragraph %q: Word would break the line its own way", l)
		}
	}
	if !strings.Contains(doc, `<w:tblInd w:w="-108" w:type="dxa"/>`) {
		t.Error("the signature table is not moved left by the cell margin: Nơi nhận would sit 2 mm right of the margin")
	}
	if strings.Count(doc, "<w:sectPr>") != 2 || strings.Count(doc, `<w:pgNumType w:start="1"/>`) != 1 {
		t.Error("the list is not a section of its own numbered from 1")
	}
}
