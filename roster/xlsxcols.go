package roster

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"path"
	"strconv"
	"strings"
)

// hiddenXLSXColumns lists, by sheet name, the columns (0-based) an .xlsx
// hides: read from each worksheet's <cols>, which comes before its cells,
// so only the head of each part is read. Sheets are found through the
// workbook and its relationships, as Excel names its parts freely.
func hiddenXLSXColumns(data []byte) map[string][]int {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil
	}
	parts := map[string]*zip.File{}
	for _, f := range zr.File {
		parts[strings.TrimPrefix(strings.ReplaceAll(f.Name, "\\", "/"), "/")] = f
	}
	targets := map[string]string{} // relationship ID → part
	walkXML(parts["xl/_rels/workbook.xml.rels"], func(e xml.StartElement) bool {
		if e.Name.Local == "Relationship" {
			id, target := xmlAttr(e, "Id"), xmlAttr(e, "Target")
			if strings.HasPrefix(target, "/") {
				targets[id] = strings.TrimPrefix(target, "/")
			} else {
				targets[id] = path.Join("xl", target)
			}
		}
		return true
	})
	out := map[string][]int{}
	walkXML(parts["xl/workbook.xml"], func(e xml.StartElement) bool {
		if e.Name.Local != "sheet" {
			return true
		}
		name, id := xmlAttr(e, "name"), xmlAttr(e, "id")
		var cols []int
		walkXML(parts[targets[id]], func(c xml.StartElement) bool {
			switch c.Name.Local {
			case "sheetData":
				return false // the cells: <cols> is behind
			case "col":
				if h := xmlAttr(c, "hidden"); h == "1" || h == "true" {
					lo, _ := strconv.Atoi(xmlAttr(c, "min"))
					hi, _ := strconv.Atoi(xmlAttr(c, "max"))
					for k := max(lo, 1); k <= min(hi, maxColumns); k++ {
						cols = append(cols, k-1)
					}
				}
			}
			return true
		})
		if len(cols) > 0 {
			out[name] = cols
		}
		return true
	})
	return out
}

// walkXML calls visit with each start element of a part until visit says stop.
func walkXML(f *zip.File, visit func(xml.StartElement) bool) {
	if f == nil {
		return
	}
	rc, err := f.Open()
	if err != nil {
		return
	}
	defer rc.Close()
	d := xml.NewDecoder(io.LimitReader(rc, zipLimits.total))
	d.Strict = false
	for {
		tok, err := d.Token()
		if err != nil {
			return
		}
		if e, ok := tok.(xml.StartElement); ok && !visit(e) {
			return
		}
	}
}

// xmlAttr is an attribute by local name, whatever its namespace.
func xmlAttr(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}
