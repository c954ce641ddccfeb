package khenthuong

import "khenthuong/vntext"

// PrinterProfile is how one printer feeds the office's blanks: the shift to
// apply (mm; positive x moves the print right, positive y moves it down) and
// an optional scale. Package certificates draws with it.
type PrinterProfile struct {
	Name    string  `json:"name"`
	OffsetX float64 `json:"offset_x"`
	OffsetY float64 `json:"offset_y"`
	Scale   float64 `json:"scale,omitempty"`
}

// Normalize cleans the name; a zero scale means 1.
func (p *PrinterProfile) Normalize() {
	p.Name = vntext.Clean(p.Name)
	if p.Scale == 0 {
		p.Scale = 1
	}
}

// Validate refuses values that can only be typing mistakes.
func (p *PrinterProfile) Validate() error {
	switch {
	case p.Name == "":
		return FieldErrorf("name", "Chưa nhập tên máy in")
	case len([]rune(p.Name)) > 100:
		return FieldErrorf("name", "Tên máy in dài quá 100 ký tự")
	case p.OffsetX < -50 || p.OffsetX > 50:
		return FieldErrorf("offset_x", "Độ lệch ngang %.1f mm vượt quá ±50 mm", p.OffsetX)
	case p.OffsetY < -50 || p.OffsetY > 50:
		return FieldErrorf("offset_y", "Độ lệch dọc %.1f mm vượt quá ±50 mm", p.OffsetY)
	case p.Scale < 0.5 || p.Scale > 2:
		return FieldErrorf("scale", "Tỷ lệ %.3f phải từ 0,5 đến 2", p.Scale)
	}
	return nil
}

// PrintService keeps what printing needs besides the decisions: the office's
// certificate templates (JSON, as package certificates reads and writes them)
// and the printer profiles.
type PrintService interface {
	// Template returns the office's template for a form: ENOTFOUND when the form uses the default.
	Template(formCode string) ([]byte, error)
	// SaveTemplate stores a template already validated by package certificates: ENOTFOUND (form).
	SaveTemplate(formCode string, data []byte) error
	// DeleteTemplate returns the form to the default template.
	DeleteTemplate(formCode string) error
	// Printers returns the profiles by name; Printer one of them: ENOTFOUND.
	Printers() ([]PrinterProfile, error)
	Printer(name string) (*PrinterProfile, error)
	// SavePrinter creates or updates a profile: EINVALID.
	SavePrinter(p *PrinterProfile) error
	DeletePrinter(name string) error
}
