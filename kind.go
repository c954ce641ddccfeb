package khenthuong

// Kind is who receives an award: a collective, an individual or a household.
type Kind string

const (
	Collective Kind = "tapthe"
	Individual Kind = "canhan"
	Household  Kind = "hogiadinh"
)

// Kinds lists every kind in the order lists print them (I. TẬP THỂ, II. CÁ NHÂN, III. HỘ GIA ĐÌNH).
var Kinds = []Kind{Collective, Individual, Household}

// Label is the kind as clerks write it.
func (k Kind) Label() string {
	switch k {
	case Collective:
		return "Tập thể"
	case Individual:
		return "Cá nhân"
	case Household:
		return "Hộ gia đình"
	}
	return string(k)
}

// Valid reports whether k is one of the three kinds.
func (k Kind) Valid() bool { return k == Collective || k == Individual || k == Household }

// IsPerson reports whether the nominee is a person (so has gender, birth date, danh xưng).
func (k Kind) IsPerson() bool { return k == Individual }

// Gender is stored, never guessed from the given name ("Anh" is both).
type Gender string

const (
	GenderUnknown Gender = ""
	Male          Gender = "nam"
	Female        Gender = "nu"
)

func (g Gender) Label() string {
	switch g {
	case Male:
		return "Nam"
	case Female:
		return "Nữ"
	}
	return ""
}

// Classifications is the list of phân loại đối tượng offered by default; the field stays free text.
var Classifications = []string{
	"Cơ quan Đảng",
	"Cơ quan hành chính",
	"Đơn vị sự nghiệp",
	"Doanh nghiệp",
	"Hợp tác xã",
	"Cơ quan Trung ương đóng trên địa bàn",
	"Đối tượng khác",
}
