package roster

import (
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"khenthuong"
	"khenthuong/vntext"
)

// templateColumns are the columns of the blank import template, with the
// field each maps to and an example value per kind (tập thể, cá nhân, hộ gia đình).
var templateColumns = []struct {
	header   string
	width    float64
	examples [3]string
}{
	{"STT", 8, [3]string{"Ví dụ", "Ví dụ", "Ví dụ"}},
	{"Loại", 12, [3]string{"Tập thể", "Cá nhân", "Hộ gia đình"}},
	{"Danh xưng", 12, [3]string{"", "Ông", ""}},
	{"Họ và tên / Tên tập thể", 40, [3]string{"Phòng Phổ biến, giáo dục pháp luật", "Trương Quang Sáng", "Hộ ông Nguyễn Văn Tình"}},
	{"Giới tính", 10, [3]string{"", "Nam", ""}},
	{"Ngày sinh", 14, [3]string{"", "05/01/1975", ""}},
	{"Chức vụ", 22, [3]string{"", "Phó Giám đốc", ""}},
	{"Đơn vị", 28, [3]string{"Sở Tư pháp", "Sở Tư pháp", ""}},
	{"Địa chỉ", 26, [3]string{"", "", "Thôn Tân Lịch, xã Ngư Hóa"}},
	{"Phân loại đối tượng", 22, [3]string{"Cơ quan hành chính", "Cơ quan hành chính", "Đối tượng khác"}},
	{"Lĩnh vực", 16, [3]string{"Tư pháp", "Tư pháp", ""}},
	{"Hình thức khen thưởng", 34, [3]string{}},
	{"Thành tích", 44, [3]string{
		"Đã có thành tích xuất sắc trong phong trào Toàn dân bảo vệ an ninh Tổ quốc",
		"Đã có thành tích xuất sắc trong phong trào Toàn dân bảo vệ an ninh Tổ quốc",
		"Đã có thành tích tiêu biểu trong xây dựng khu dân cư an toàn về an ninh, trật tự",
	}},
	{"Đơn vị đề nghị", 24, [3]string{"Sở Tư pháp", "Sở Tư pháp", "UBND xã Ngư Hóa"}},
	{"Số tờ trình", 14, [3]string{"45/TTr-STP", "45/TTr-STP", "12/TTr-UBND"}},
	{"Ngày tờ trình", 14, [3]string{"02/06/2024", "02/06/2024", "03/06/2024"}},
}

const (
	templateHeaderRow = 4
	templateLastRow   = 2000 // drop-downs reach this row
	listsSheet        = "Danh mục"
)

// WriteTemplate writes the blank import template: the expected columns, an
// example row per kind (marked "Ví dụ" in STT, which the import skips) and
// drop-down lists for kind, danh xưng, gender, classification and award form
// taken from the catalogue.
func WriteTemplate(w io.Writer, forms []khenthuong.AwardForm) error {
	if err := writeTemplate(w, forms); err != nil {
		return fmt.Errorf("roster: template: %w", err)
	}
	return nil
}

func writeTemplate(w io.Writer, forms []khenthuong.AwardForm) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetDefaultFont("Times New Roman"); err != nil {
		return err
	}
	const sheet = "Danh sách"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	st, err := newExportStyles(f)
	if err != nil {
		return err
	}
	example, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Italic: true, Color: "808080", Size: 12}})
	if err != nil {
		return err
	}
	lastCol, _ := excelize.ColumnNumberToName(len(templateColumns))
	setIn := func(sheet, cell string, v any) {
		if err == nil {
			err = f.SetCellValue(sheet, cell, v)
		}
	}
	set := func(cell string, v any) { setIn(sheet, cell, v) }
	set("A1", "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG")
	set("A2", "(Kèm theo Tờ trình số ....../TTr-...... ngày ...... của ......)")
	if err != nil {
		return err
	}
	for _, m := range [][2]string{{"A1", lastCol + "1"}, {"A2", lastCol + "2"}} {
		if err := f.MergeCell(sheet, m[0], m[1]); err != nil {
			return err
		}
	}
	if err := f.SetCellStyle(sheet, "A1", "A1", st.title); err != nil {
		return err
	}
	if err := f.SetCellStyle(sheet, "A2", "A2", st.subtitle); err != nil {
		return err
	}

	formNames := make([]string, 0, len(forms))
	byKind := map[khenthuong.Kind]string{}
	for _, fm := range forms {
		if fm.Archived {
			continue
		}
		formNames = append(formNames, fm.Name)
		for _, k := range fm.Kinds {
			if _, ok := byKind[k]; !ok {
				byKind[k] = fm.Name
			}
		}
	}
	kinds := []khenthuong.Kind{khenthuong.Collective, khenthuong.Individual, khenthuong.Household}
	for c, col := range templateColumns {
		name, _ := excelize.ColumnNumberToName(c + 1)
		set(fmt.Sprintf("%s%d", name, templateHeaderRow), col.header)
		for k := range kinds {
			v := col.examples[k]
			if col.header == "Hình thức khen thưởng" {
				v = byKind[kinds[k]]
			}
			if v != "" {
				set(fmt.Sprintf("%s%d", name, templateHeaderRow+1+k), v)
			}
		}
		if err == nil {
			err = f.SetColWidth(sheet, name, name, col.width)
		}
	}
	if err != nil {
		return err
	}
	if err := f.SetCellStyle(sheet, fmt.Sprintf("A%d", templateHeaderRow), fmt.Sprintf("%s%d", lastCol, templateHeaderRow), st.header); err != nil {
		return err
	}
	if err := f.SetRowHeight(sheet, templateHeaderRow, 32); err != nil {
		return err
	}
	if err := f.SetCellStyle(sheet, fmt.Sprintf("A%d", templateHeaderRow+1), fmt.Sprintf("%s%d", lastCol, templateHeaderRow+3), example); err != nil {
		return err
	}
	if err := f.SetPanes(sheet, &excelize.Panes{
		Freeze: true, YSplit: templateHeaderRow, TopLeftCell: fmt.Sprintf("A%d", templateHeaderRow+1), ActivePane: "bottomLeft",
	}); err != nil {
		return err
	}
	if err := setPrint(f, sheet, sheetPrint{landscape: true, titleFirst: templateHeaderRow, titleLast: templateHeaderRow}); err != nil {
		return err
	}

	// The lists live on a hidden sheet: a list typed into the validation
	// itself is limited to 255 characters, too few for the catalogue.
	if _, err := f.NewSheet(listsSheet); err != nil {
		return err
	}
	kindLabels := []string{}
	for _, k := range kinds {
		kindLabels = append(kindLabels, k.Label())
	}
	lists := []struct {
		header string
		items  []string
	}{
		{"Loại", kindLabels},
		{"Danh xưng", vntext.Honorifics()},
		{"Giới tính", []string{khenthuong.Male.Label(), khenthuong.Female.Label()}},
		{"Phân loại đối tượng", khenthuong.Classifications},
		{"Hình thức khen thưởng", formNames},
	}
	for li, l := range lists {
		colName, _ := excelize.ColumnNumberToName(li + 1)
		setIn(listsSheet, colName+"1", l.header)
		for i, item := range l.items {
			setIn(listsSheet, fmt.Sprintf("%s%d", colName, i+2), item)
		}
		if err != nil {
			return err
		}
		if len(l.items) == 0 {
			continue
		}
		target := -1
		for c, col := range templateColumns {
			if col.header == l.header {
				target = c
			}
		}
		targetName, _ := excelize.ColumnNumberToName(target + 1)
		dv := excelize.NewDataValidation(true)
		dv.Sqref = fmt.Sprintf("%s%d:%s%d", targetName, templateHeaderRow+1, targetName, templateLastRow)
		dv.SetSqrefDropList(fmt.Sprintf("'%s'!$%s$2:$%s$%d", listsSheet, colName, colName, len(l.items)+1))
		dv.SetError(excelize.DataValidationErrorStyleWarning, "Giá trị ngoài danh sách",
			"Hãy chọn trong danh sách "+strings.ToLower(l.header)+".")
		if err := f.AddDataValidation(sheet, dv); err != nil {
			return err
		}
	}
	if err := f.SetSheetVisible(listsSheet, false); err != nil {
		return err
	}
	f.SetActiveSheet(0)
	return f.Write(w)
}
