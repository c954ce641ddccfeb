package certificates

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"khenthuong"
	"khenthuong/page"
)

// The decision as a Word document (.docx), for clerks who edit and sign it
// in their document system. It is written directly as WordprocessingML with
// archive/zip: the Go libraries for .docx either lack what an
// administrative document needs (margins, a different first page, page
// numbers in the header, borderless layout tables, rows kept whole, tab
// stops) or carry licences that do not fit (AGPL, commercial). The content
// is DecisionText, the same the PDF prints; the page follows AdminStyle.

// WriteDecisionDOCX writes the decision followed by its attached list as a
// .docx: A4 portrait with the Decree 30/2020 margins, Times New Roman, page
// numbers centred in the header from page 2. The list is read from the
// doc's recipients (Stream when set) as it is written, straight into the
// compressed document: a decision of 100,000 holds the compressed file, not
// its text. Errors: EINVALID, the stream's, ECONFLICT, EINTERNAL.
func WriteDecisionDOCX(w io.Writer, doc DecisionDoc, opts DecisionOptions) error {
	t, counts, err := doc.text(opts)
	if err != nil {
		return err
	}
	st := AdminStyle()
	var listErr error
	body := func(out io.Writer) error {
		b := bufio.NewWriter(out)
		x := &docxBody{st: st, b: b}
		x.decision(t)
		if listErr = x.list(&doc, &t.List, counts, opts.ListTable); listErr != nil {
			return listErr
		}
		x.sectPr()
		return b.Flush()
	}
	err = writeDocxPackage(w, body, "Quyết định "+DecisionNumber(doc.Decision.Number, doc.Settings.AuthorityAbbr), st)
	switch {
	case listErr != nil:
		return listErr
	case err != nil:
		return khenthuong.Internal(fmt.Errorf("docx: %w", err))
	}
	return nil
}

// twips converts millimetres to twentieths of a point.
func twips(mmv float64) int { return int(math.Round(mmv * 72 / 25.4 * 20)) }

type drun struct {
	text  string
	style string  // "", "B", "I", "BI"
	size  float64 // pt; 0 = the paragraph's
	tab   bool    // a tab before the text
}

type dtab struct {
	align string // "left", "right", "center"
	pos   int    // twips
}

type dpara struct {
	runs                []drun
	size                float64 // pt
	align               string  // "left", "center", "right", "both"
	first, left, right  int     // twips: first-line indent, left and right indents
	hanging             int     // twips
	before              int     // twips of space before
	lineExact           int     // twips; 0 = single
	keepNext, keepLines bool
	pageBreak           bool
	ruleBottom          bool // a line along the bottom: the short rules of the layout
	tabs                []dtab
}

type docxBody struct {
	st DocStyle
	b  interface {
		io.Writer
		io.StringWriter
	}
	sections int // section properties written so far
}

func (x *docxBody) w(s string) { x.b.WriteString(s) }

func esc(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

func (x *docxBody) rpr(style string, size float64) string {
	var b strings.Builder
	b.WriteString("<w:rPr>")
	if strings.Contains(style, "B") {
		b.WriteString("<w:b/><w:bCs/>")
	}
	if strings.Contains(style, "I") {
		b.WriteString("<w:i/><w:iCs/>")
	}
	if size > 0 {
		hp := strconv.Itoa(int(math.Round(size * 2)))
		b.WriteString(`<w:sz w:val="` + hp + `"/><w:szCs w:val="` + hp + `"/>`)
	}
	b.WriteString("</w:rPr>")
	return b.String()
}

func (x *docxBody) para(p dpara) {
	x.w("<w:p><w:pPr>")
	if p.keepNext {
		x.w("<w:keepNext/>")
	}
	if p.keepLines {
		x.w("<w:keepLines/>")
	}
	if p.pageBreak {
		x.w("<w:pageBreakBefore/>")
	}
	if p.ruleBottom {
		x.w(`<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="0" w:color="000000"/></w:pBdr>`)
	}
	if len(p.tabs) > 0 {
		x.w("<w:tabs>")
		for _, t := range p.tabs {
			fmt.Fprintf(x.b, `<w:tab w:val="%s" w:pos="%d"/>`, t.align, t.pos)
		}
		x.w("</w:tabs>")
	}
	if p.lineExact > 0 {
		fmt.Fprintf(x.b, `<w:spacing w:before="%d" w:after="0" w:line="%d" w:lineRule="exact"/>`, p.before, p.lineExact)
	} else {
		fmt.Fprintf(x.b, `<w:spacing w:before="%d" w:after="0" w:line="240" w:lineRule="auto"/>`, p.before)
	}
	if p.first != 0 || p.left != 0 || p.right != 0 || p.hanging != 0 {
		x.w("<w:ind")
		if p.left != 0 {
			fmt.Fprintf(x.b, ` w:left="%d"`, p.left)
		}
		if p.right != 0 {
			fmt.Fprintf(x.b, ` w:right="%d"`, p.right)
		}
		if p.hanging != 0 {
			fmt.Fprintf(x.b, ` w:hanging="%d"`, p.hanging)
		} else if p.first != 0 {
			fmt.Fprintf(x.b, ` w:firstLine="%d"`, p.first)
		}
		x.w("/>")
	}
	if p.align != "" {
		x.w(`<w:jc w:val="` + p.align + `"/>`)
	}
	x.w(x.rpr("", p.size))
	x.w("</w:pPr>")
	for _, r := range p.runs {
		size := r.size
		if size == 0 {
			size = p.size
		}
		x.w("<w:r>" + x.rpr(r.style, size))
		if r.tab {
			x.w("<w:tab/>")
		}
		if r.text != "" {
			x.w(`<w:t xml:space="preserve">` + esc(r.text) + "</w:t>")
		}
		x.w("</w:r>")
	}
	x.w("</w:p>")
}

// lines writes each line as a paragraph of one style, centred.
func (x *docxBody) centredLines(lines []string, style string, size float64, before int, keepNext bool) {
	for i, l := range lines {
		b := 0
		if i == 0 {
			b = before
		}
		x.para(dpara{runs: []drun{{text: l, style: style}}, size: size, align: "center", before: b, keepNext: keepNext})
	}
}

// shortRule is an empty paragraph whose bottom border, between its
// indents, is a rule of length l (mm) centred in a column of width colW
// (mm). The paragraph's exact height is the gap between the letters above
// and the rule, as in the PDF (ruleGap under the descent): a top border
// would sit on the letters above.
func (x *docxBody) shortRule(l, colW float64) {
	ind := twips(max((colW-l)/2, 0))
	x.para(dpara{size: 2, ruleBottom: true, left: ind, right: ind, lineExact: twips(ruleGap)})
}

// wrapped writes text centred on the lines the PDF breaks it into, each its
// own paragraph, so that Word does not leave a word or two alone on the last
// line ("UBND tỉnh)").
func (x *docxBody) wrapped(text, style string, size, width float64, keepNext bool) []string {
	lines := x.st.wrapCentred(text, style, size, width)
	x.centredLines(lines, style, size, 0, keepNext)
	return lines
}

const cellMargin = 1.9 // mm: Word's default left and right cell margins (108 twips)

func (x *docxBody) tableStart(widths []float64, borders bool) { x.tableStartAt(widths, borders, 0) }

// tableStartAt starts a table indented ind mm from the margin.
func (x *docxBody) tableStartAt(widths []float64, borders bool, ind float64) {
	x.w("<w:tbl><w:tblPr>")
	total := 0.0
	for _, w := range widths {
		total += w
	}
	fmt.Fprintf(x.b, `<w:tblW w:w="%d" w:type="dxa"/>`, twips(total))
	if ind != 0 {
		fmt.Fprintf(x.b, `<w:tblInd w:w="%d" w:type="dxa"/>`, twips(ind))
	}
	if borders {
		x.w(`<w:tblBorders>`)
		for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
			x.w(`<w:` + side + ` w:val="single" w:sz="4" w:space="0" w:color="000000"/>`)
		}
		x.w(`</w:tblBorders>`)
	} else {
		x.w(`<w:tblBorders>`)
		for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
			x.w(`<w:` + side + ` w:val="nil"/>`)
		}
		x.w(`</w:tblBorders>`)
	}
	x.w(`<w:tblLayout w:type="fixed"/><w:tblLook w:val="0000"/></w:tblPr><w:tblGrid>`)
	for _, w := range widths {
		fmt.Fprintf(x.b, `<w:gridCol w:w="%d"/>`, twips(w))
	}
	x.w("</w:tblGrid>")
}

func (x *docxBody) rowStart(header bool) {
	x.w("<w:tr><w:trPr><w:cantSplit/>")
	if header {
		x.w("<w:tblHeader/>")
	}
	x.w("</w:trPr>")
}

func (x *docxBody) cell(w float64, span int, content func()) {
	fmt.Fprintf(x.b, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/>`, twips(w))
	if span > 1 {
		fmt.Fprintf(x.b, `<w:gridSpan w:val="%d"/>`, span)
	}
	x.w("</w:tcPr>")
	content()
	x.w("</w:tc>")
}

// decision writes the decision itself, as decisionBoxes lays it out.
func (x *docxBody) decision(t *DecisionText) {
	st := x.st
	hs := st.HeadSize
	hw := st.headWidth(t.Authority)
	lw, rw := hw, st.TextWidth()-hw
	bold := st.face("B")

	// Header: a borderless table of two rows, so that the number and the
	// place-date line share a baseline whatever the issuing body's length.
	x.tableStart([]float64{lw, rw}, false)
	x.rowStart(false)
	x.cell(lw, 1, func() {
		x.centredLines(t.Authority, "B", hs, 0, false)
		widest := 0.0
		for _, l := range t.Authority {
			widest = max(widest, bold.Width(l, hs))
		}
		x.shortRule(ruleLength(widest), lw-2*cellMargin)
	})
	qs := hs
	for qs > 11 && bold.Width(QuocHieu, qs) > rw {
		qs -= 0.5
	}
	x.cell(rw, 1, func() {
		x.centredLines([]string{QuocHieu}, "B", qs, 0, false)
		x.centredLines([]string{TieuNgu}, "B", st.Size, 0, false)
		x.shortRule(bold.Width(TieuNgu, st.Size), rw-2*cellMargin)
	})
	x.w("</w:tr>")
	x.rowStart(false)
	x.cell(lw, 1, func() { x.centredLines([]string{t.Number}, "", hs, 80, false) })
	x.cell(rw, 1, func() { x.centredLines([]string{t.PlaceDate}, "I", st.Size, 80, false) })
	x.w("</w:tr></w:tbl>")

	// Title, subject with its rule, the deciding authority.
	x.centredLines([]string{QuyetDinh}, "B", st.Size, twips(9), true)
	widest := 0.0
	for _, l := range x.wrapped(t.Subject, "B", st.Size, st.TextWidth(), true) {
		widest = max(widest, bold.Width(l, st.Size))
	}
	x.shortRule(ruleLength(widest), st.TextWidth())
	x.centredLines([]string{t.AuthorityTitle}, "B", st.Size, twips(4), false)

	ind := twips(st.Indent)
	for i, b := range t.Bases {
		before := twips(st.ParaSpace)
		if i == 0 {
			before = twips(2 * st.ParaSpace)
		}
		x.para(dpara{runs: []drun{{text: b, style: "I"}}, size: st.Size, align: "both", first: ind, before: before})
	}
	x.centredLines([]string{QuyetDinhColon}, "B", st.Size, twips(2*st.ParaSpace), true)
	for ai, a := range t.Articles {
		for pi, p := range a.Paras {
			runs := []drun{{text: p}}
			if pi == 0 {
				runs = []drun{{text: a.Label, style: "B"}, {text: " " + p}}
			}
			last := ai == len(t.Articles)-1 && pi == len(a.Paras)-1
			x.para(dpara{runs: runs, size: st.Size, align: "both", first: ind, before: twips(st.ParaSpace), keepNext: last, keepLines: last})
		}
	}

	// Nơi nhận and the signature: a borderless row that never splits.
	// The table starts a cell margin left of the page's margin, so that
	// Nơi nhận starts on the margin, as in the PDF.
	lw, rw = headColumn, st.TextWidth()-headColumn
	x.para(dpara{size: st.Size, lineExact: twips(2 * st.ParaSpace), keepNext: true})
	x.tableStartAt([]float64{lw + cellMargin, rw}, false, -cellMargin)
	x.rowStart(false)
	x.cell(lw, 1, func() {
		x.para(dpara{runs: []drun{{text: NoiNhan, style: "BI"}}, size: 12, keepNext: true})
		dash := twips(st.face("").Width("- ", st.SmallSize))
		for _, r := range t.Recipients {
			x.para(dpara{runs: []drun{{text: r}}, size: st.SmallSize, left: dash, hanging: dash, keepNext: true})
		}
	})
	x.cell(rw, 1, func() {
		x.centredLines(t.SignerTitle, "B", st.Size, 0, true)
		x.para(dpara{size: st.Size, lineExact: twips(SignatureSpace), keepNext: true})
		if t.SignerName != "" {
			x.centredLines([]string{t.SignerName}, "B", st.Size, 0, false)
		}
	})
	x.w("</w:tr></w:tbl>")
}

// list writes the attached list on a new page.
func (x *docxBody) list(doc *DecisionDoc, l *ListText, counts map[khenthuong.Kind]int, table bool) error {
	st := x.st
	// The list is an appendix: a section of its own on a new page, its
	// pages numbered from 1 (no number on its first page).
	x.w("<w:p><w:pPr>")
	x.sectPrXML(false)
	x.w("</w:pPr></w:p>")
	x.para(dpara{runs: []drun{{text: l.Title, style: "B"}}, size: st.Size, align: "center", keepNext: true})
	x.wrapped(l.Subtitle, "B", st.Size, st.TextWidth(), true)
	widest := 0.0
	for _, line := range x.wrapped(l.Attached, "I", st.Size, st.TextWidth(), true) {
		widest = max(widest, st.face("I").Width(line, st.Size))
	}
	x.shortRule(min(ruleLength(widest), 50), st.TextWidth())
	entries := func(fn func(sec *ListSection, e *ListEntry) error) error {
		return eachListEntry(doc.Decision, doc.stream(), counts, fn)
	}
	if table {
		return x.listTable(entries)
	}
	reg := st.face("")
	widestNo := 0.0
	for _, n := range counts {
		if n > 0 {
			widestNo = max(widestNo, reg.Width(strconv.Itoa(n)+".", st.Size))
		}
	}
	const gap = 1.8
	hang := max(st.Indent, widestNo+gap)
	tabs := []dtab{{"right", twips(hang - gap)}, {"left", twips(hang)}}
	var cur *ListSection
	before := 0
	return entries(func(sec *ListSection, e *ListEntry) error {
		if sec != cur { // a section starts
			before = twips(st.ParaSpace)
			if cur == nil {
				before = twips(2 * st.ParaSpace)
			}
			cur = sec
			if sec.Heading != "" {
				x.para(dpara{runs: []drun{{text: sec.Heading, style: "B"}}, size: st.Size, before: before, keepNext: true})
				before = twips(st.ParaSpace / 2)
			}
		}
		x.para(dpara{runs: []drun{{text: strconv.Itoa(e.No) + ".", tab: true}, {text: e.Text, tab: true}},
			size: st.Size, align: "both", left: twips(hang), hanging: twips(hang), before: before,
			keepLines: true, tabs: tabs})
		before = twips(st.ParaSpace / 2)
		return nil
	})
}

// listTable writes the list as a table, reading the entries twice: once to
// share the width between the name and detail columns, once to write them.
func (x *docxBody) listTable(entries func(fn func(sec *ListSection, e *ListEntry) error) error) error {
	st := x.st
	size := st.Size - 1
	var share nameShare
	err := entries(func(_ *ListSection, e *ListEntry) error {
		share.add(e.Name, e.Detail)
		return nil
	})
	if err != nil {
		return err
	}
	nameW, detailW := share.widths(st.TextWidth() - 14)
	widths := []float64{14, nameW, detailW}
	x.para(dpara{size: st.Size, lineExact: twips(2 * st.ParaSpace), keepNext: true})
	x.tableStart(widths, true)
	x.rowStart(true)
	for i, title := range []string{ColNo, ColName, ColPosition} {
		x.cell(widths[i], 1, func() {
			x.para(dpara{runs: []drun{{text: title, style: "B"}}, size: size, align: "center"})
		})
	}
	x.w("</w:tr>")
	var cur *ListSection
	err = entries(func(sec *ListSection, e *ListEntry) error {
		if sec != cur {
			cur = sec
			if sec.Heading != "" {
				x.rowStart(false)
				x.cell(st.TextWidth(), 3, func() {
					x.para(dpara{runs: []drun{{text: sec.Heading, style: "B"}}, size: size, keepNext: true})
				})
				x.w("</w:tr>")
			}
		}
		x.rowStart(false)
		x.cell(widths[0], 1, func() {
			x.para(dpara{runs: []drun{{text: strconv.Itoa(e.No)}}, size: size, align: "center"})
		})
		if e.Detail == "" { // the name takes both columns, as in the PDF
			x.cell(widths[1]+widths[2], 2, func() { x.para(dpara{runs: []drun{{text: e.Name}}, size: size, align: "left"}) })
		} else {
			x.cell(widths[1], 1, func() { x.para(dpara{runs: []drun{{text: e.Name}}, size: size, align: "left"}) })
			x.cell(widths[2], 1, func() { x.para(dpara{runs: []drun{{text: e.Detail}}, size: size, align: "left"}) })
		}
		x.w("</w:tr>")
		return nil
	})
	x.w("</w:tbl>")
	return err
}

// sectPr is the page: A4 portrait, the margins, the header with the page
// number from page 2 (the first page has its own, empty, header).
func (x *docxBody) sectPr() { x.sectPrXML(true) }

// sectPrXML writes a section's properties; every section after the first
// (last: the attached list) starts on a new page numbered from 1.
func (x *docxBody) sectPrXML(last bool) {
	st := x.st
	restart := ""
	if last && x.sections > 0 {
		restart = `<w:pgNumType w:start="1"/>`
	}
	x.sections++
	fmt.Fprintf(x.b, `<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/><w:headerReference w:type="first" r:id="rIdHeaderFirst"/>`+
		`<w:type w:val="nextPage"/><w:pgSz w:w="%d" w:h="%d"/><w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="%d" w:footer="%d" w:gutter="0"/>`+
		`%s<w:cols w:space="720"/><w:titlePg/></w:sectPr>`,
		twips(st.Width), twips(st.Height), twips(st.Top), twips(st.Right), twips(st.Bottom), twips(st.Left),
		twips(st.PageNumberBaseline-st.PageNumberSize*page.MMPerPt), twips(st.Bottom/2), restart)
}

const wNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`

// writeDocxPackage writes the package; body writes the document's body
// into its compressed part. The file goes to w once whole.
func writeDocxPackage(w io.Writer, body func(io.Writer) error, title string, st DocStyle) error {
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	now := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC) // a fixed time: the same input gives the same file
	add := func(name, content string) error {
		f, err := z.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: now})
		if err != nil {
			return err
		}
		_, err = io.WriteString(f, content)
		return err
	}
	const head = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	pageNo := fmt.Sprintf(`<w:hdr %s><w:p><w:pPr><w:jc w:val="center"/><w:rPr><w:sz w:val="%[2]d"/><w:szCs w:val="%[2]d"/></w:rPr></w:pPr>`+
		`<w:r><w:rPr><w:sz w:val="%[2]d"/><w:szCs w:val="%[2]d"/></w:rPr><w:fldChar w:fldCharType="begin"/></w:r>`+
		`<w:r><w:rPr><w:sz w:val="%[2]d"/><w:szCs w:val="%[2]d"/></w:rPr><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>`+
		`<w:r><w:rPr><w:sz w:val="%[2]d"/><w:szCs w:val="%[2]d"/></w:rPr><w:fldChar w:fldCharType="separate"/></w:r>`+
		`<w:r><w:rPr><w:sz w:val="%[2]d"/><w:szCs w:val="%[2]d"/></w:rPr><w:t>2</w:t></w:r>`+
		`<w:r><w:rPr><w:sz w:val="%[2]d"/><w:szCs w:val="%[2]d"/></w:rPr><w:fldChar w:fldCharType="end"/></w:r></w:p></w:hdr>`,
		wNS, int(st.PageNumberSize*2))
	files := []struct{ name, content string }{
		{"[Content_Types].xml", `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
			`<Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
			`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
			`<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>` +
			`<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>` +
			`<Override PartName="/word/header2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>` +
			`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
			`</Types>`},
		{"_rels/.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
			`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
			`</Relationships>`},
		{"docProps/core.xml", `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
			`xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>` + esc(title) + `</dc:title><dc:creator>Khen thưởng</dc:creator>` +
			`<dc:language>vi-VN</dc:language></cp:coreProperties>`},
		{"word/_rels/document.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
			`<Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>` +
			`<Relationship Id="rIdHeader" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>` +
			`<Relationship Id="rIdHeaderFirst" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header2.xml"/>` +
			`</Relationships>`},
		{"word/styles.xml", `<w:styles ` + wNS + `><w:docDefaults><w:rPrDefault><w:rPr>` +
			`<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/>` +
			fmt.Sprintf(`<w:sz w:val="%[1]d"/><w:szCs w:val="%[1]d"/>`, int(st.Size*2)) +
			`<w:lang w:val="vi-VN" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>` +
			`<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>` +
			`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>` +
			`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/>` +
			`<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>` +
			`<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style></w:styles>`},
		{"word/settings.xml", `<w:settings ` + wNS + `><w:zoom w:percent="100"/><w:defaultTabStop w:val="720"/>` +
			`<w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" ` +
			`w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>`},
		{"word/header1.xml", pageNo},
		{"word/header2.xml", `<w:hdr ` + wNS + `><w:p/></w:hdr>`},
	}
	for _, f := range files {
		if err := add(f.name, head+f.content); err != nil {
			return err
		}
	}
	doc, err := z.CreateHeader(&zip.FileHeader{Name: "word/document.xml", Method: zip.Deflate, Modified: now})
	if err != nil {
		return err
	}
	if _, err := io.WriteString(doc, head+`<w:document `+wNS+`><w:body>`); err != nil {
		return err
	}
	if err := body(doc); err != nil {
		return err
	}
	if _, err := io.WriteString(doc, `</w:body></w:document>`); err != nil {
		return err
	}
	if err := z.Close(); err != nil {
		return err
	}
	_, err = w.Write(buf.Bytes())
	return err
}
