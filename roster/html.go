package roster

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Many web systems' "Xuất Excel" buttons send a web page with an .xls name;
// Excel opens it with a warning and the clerk never knows. readHTML reads
// its tables as sheets: one per top-level <table>, with rowspan and colspan
// as merged cells, <br> and paragraphs as line breaks, and the fonts a
// <font face> or a style names (".VnTime" marks TCVN3 text).

// looksLikeHTML reports whether data is a web page holding a table.
func looksLikeHTML(data []byte) bool {
	head := bytes.ToLower(data[:min(len(data), 64<<10)])
	head = bytes.TrimLeft(bytes.TrimPrefix(head, utf8BOM), " \t\r\n")
	return bytes.HasPrefix(head, []byte("<")) && bytes.Contains(head, []byte("<table"))
}

func readHTML(data []byte, name string, opts ReadOptions) (*Import, error) {
	text, _ := decodeCSV(data) // the same guesses: BOM, UTF-16, UTF-8, Windows-1258, TCVN3/VNI bytes
	doc, err := html.Parse(strings.NewReader(text))
	if err != nil && strings.Contains(err.Error(), "open stack of elements exceeds") {
		// x/net/html's own bound on nesting (512 open elements).
		return nil, limitErr(name, "trang web", "các thẻ lồng nhau sâu quá 512 tầng")
	} else if err != nil {
		return nil, errXLSDamaged(name, err)
	}
	var tables []*html.Node
	var find func(n *html.Node)
	find = func(n *html.Node) {
		if n.Type == html.ElementNode && n.DataAtom == atom.Table {
			tables = append(tables, n) // its own nested tables are cells' content
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			find(c)
		}
	}
	find(doc)
	rd := newReader(name, opts)
	for i, t := range tables {
		sheet := name
		if len(tables) > 1 {
			sheet = fmt.Sprintf("%s, bảng %d", name, i+1)
		}
		rd.addGrid(htmlGrid(t, sheet, rd))
	}
	if len(tables) == 0 {
		rd.im.Sheets = append(rd.im.Sheets, Sheet{Name: name, Skipped: "trang web không có bảng"})
	}
	return rd.finish(), nil
}

// Bounds on the spans a cell may declare: a hostile page cannot make the
// grid grow beyond what the reader keeps anyway.
const (
	maxHTMLRowSpan  = 1000
	maxHTMLOccupied = 1 << 20 // cells covered by spans from above, in all
)

// htmlGrid lays a table's rows out as a grid, cells spanning rows occupying
// the rows below.
func htmlGrid(table *html.Node, name string, rd *reader) *grid {
	g := &grid{name: name}
	maxLines := rd.opts.MaxRows + headerScanRows + 1000
	occupied := map[[2]int]bool{} // cells covered by a rowspan from above
	fonts := map[[2]int]string{}
	legacy := false
	line := 0
	var rows func(n *html.Node)
	rows = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch c.DataAtom {
			case atom.Thead, atom.Tbody, atom.Tfoot:
				rows(c)
			case atom.Tr:
				if line >= maxLines {
					continue
				}
				var row []string
				col := 0
				for td := c.FirstChild; td != nil; td = td.NextSibling {
					if td.Type != html.ElementNode || td.DataAtom != atom.Td && td.DataAtom != atom.Th {
						continue
					}
					for occupied[[2]int{line, col}] {
						col++
					}
					if col >= maxColumns {
						break
					}
					text, font := htmlCellText(td)
					if raw := htmlRawNumber(td); raw != "" {
						text = raw
					}
					for len(row) <= col {
						row = append(row, "")
					}
					row[col] = text
					if font != "" {
						fonts[[2]int{line, col}] = font
						legacy = legacy || legacyFontName(font)
					}
					span := min(spanAttr(td, "colspan"), maxColumns-col)
					down := min(spanAttr(td, "rowspan"), maxHTMLRowSpan)
					for r := 1; r < down && len(occupied) < maxHTMLOccupied; r++ {
						for k := 0; k < span; k++ {
							occupied[[2]int{line + r, col + k}] = true
						}
					}
					if down > 1 && len(g.merges) < maxMergesToFill {
						g.merges = append(g.merges, cellRange{top: line, left: col, bottom: line + down - 1, right: col + span - 1})
					}
					col += span
				}
				g.lines = append(g.lines, trimRow(row))
				line++
			}
		}
	}
	rows(table)
	if legacy {
		g.font = func(line, col int) string { return fonts[[2]int{line - 1, col}] }
	}
	return g
}

// htmlRawNumber is the value behind a number or date cell of a page that
// Excel (x:num) or LibreOffice (sdval) saved: what the .xlsx reader reads,
// whatever the display format ("5/12/1968" in an American one) shows.
func htmlRawNumber(td *html.Node) string {
	for _, a := range td.Attr {
		if a.Key == "sdval" || a.Key == "x:num" {
			if _, err := strconv.ParseFloat(a.Val, 64); err == nil {
				return a.Val
			}
		}
	}
	return ""
}

func spanAttr(n *html.Node, key string) int {
	for _, a := range n.Attr {
		if a.Key == key {
			if v, err := strconv.Atoi(strings.TrimSpace(a.Val)); err == nil && v > 1 {
				return v
			}
		}
	}
	return 1
}

// htmlCellText is a cell's text, white space collapsed as a browser does,
// with <br> and paragraphs as line breaks, and the font it names if any.
func htmlCellText(td *html.Node) (string, string) {
	var b strings.Builder
	font := htmlFont(td)
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			// Runs of white space are one space, at the edges too: "<b>Lê</b> Văn".
			s := n.Data
			words := strings.Join(strings.Fields(s), " ")
			if s != "" && strings.ContainsAny(s[:1], " \t\r\n") {
				b.WriteByte(' ')
			}
			b.WriteString(words)
			if words != "" && strings.ContainsAny(s[len(s)-1:], " \t\r\n") {
				b.WriteByte(' ')
			}
			return
		case n.Type != html.ElementNode:
			return
		case n.DataAtom == atom.Br:
			b.WriteByte('\n')
			return
		case n.DataAtom == atom.Script || n.DataAtom == atom.Style:
			return
		}
		if font == "" {
			font = htmlFont(n)
		}
		block := n.DataAtom == atom.P || n.DataAtom == atom.Div || n.DataAtom == atom.Li
		if block && b.Len() > 0 {
			b.WriteByte('\n')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	for c := td.FirstChild; c != nil; c = c.NextSibling {
		walk(c)
	}
	lines := strings.Split(b.String(), "\n")
	for i := range lines {
		lines[i] = strings.TrimSpace(lines[i])
	}
	return strings.TrimSpace(strings.Join(lines, "\n")), font
}

// htmlFont is the font an element names: <font face="…"> or a style's
// font-family (the first family listed).
func htmlFont(n *html.Node) string {
	for _, a := range n.Attr {
		switch {
		case a.Key == "face" && n.DataAtom == atom.Font:
			return firstFamily(a.Val)
		case a.Key == "style":
			for _, decl := range strings.Split(a.Val, ";") {
				k, v, ok := strings.Cut(decl, ":")
				if ok && strings.EqualFold(strings.TrimSpace(k), "font-family") {
					return firstFamily(v)
				}
			}
		}
	}
	return ""
}

func firstFamily(list string) string {
	first, _, _ := strings.Cut(list, ",")
	return strings.Trim(strings.TrimSpace(first), `'"`)
}
