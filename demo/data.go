package demo

import "khenthuong"

const (
	caTinh = "Công an tỉnh Quảng Trị"
	ttCA   = "125/TTr-CAT-PV01"
	snv    = "Sở Nội vụ"
	ttSNV  = "86/TTr-SNV"
	mttq   = "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"
	ttMT   = "34/TTr-MTTQ-BTT"
)

type collectiveRow struct{ name, unit, class, form, proposer, submission string }

var collectives = []collectiveRow{
	{"Phòng Cảnh sát quản lý hành chính về trật tự xã hội", caTinh, "Cơ quan hành chính", "BKCT", caTinh, ttCA},
	{"Phòng An ninh nội địa", caTinh, "Cơ quan hành chính", "BKCT", caTinh, ttCA},
	{"Công an xã Triệu Phong", caTinh, "Cơ quan hành chính", "BKCT", caTinh, ttCA},
	{"Công an phường Đông Hà", caTinh, "Cơ quan hành chính", "BKCT", caTinh, ttCA},
	{"Công an xã Hướng Hóa", caTinh, "Cơ quan hành chính", "BKCT", caTinh, ttCA},
	{"Đồn Biên phòng Cửa khẩu quốc tế Lao Bảo", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh", "Cơ quan Trung ương đóng trên địa bàn", "BKCT", snv, ttSNV},
	{"Phòng Phổ biến, giáo dục pháp luật, Sở Tư pháp", "Sở Tư pháp", "Cơ quan hành chính", "BKCT", snv, ttSNV},
	{"Trường Trung học phổ thông Lê Lợi", "Sở Giáo dục và Đào tạo", "Đơn vị sự nghiệp", "BKCT", snv, ttSNV},
	{"Ban Công tác Mặt trận thôn An Lợi, xã Triệu Phong", "Ủy ban MTTQ Việt Nam xã Triệu Phong", "Đối tượng khác", "BKCT", mttq, ttMT},
	{"Tổ An ninh trật tự cơ sở khu phố 3, phường Đông Hà", "Công an phường Đông Hà", "Đối tượng khác", "BKCT", mttq, ttMT},
	{"Công ty Cổ phần Thương mại Quảng Trị", "Sở Công Thương", "Doanh nghiệp", "BKCT", snv, ttSNV},
	{"Hợp tác xã Nông nghiệp Triệu Thành", "Liên minh Hợp tác xã tỉnh", "Hợp tác xã", "BKCT", snv, ttSNV},
	{"Phòng Cảnh sát hình sự", caTinh, "Cơ quan hành chính", "CTDT", caTinh, ttCA},
}

type individualRow struct {
	title, name                string
	gender                     khenthuong.Gender
	birth                      string
	position, unit, class      string
	form, proposer, submission string
}

const (
	m = khenthuong.Male
	f = khenthuong.Female
)

var individuals = []individualRow{
	{"Ông", "Trương Quang Sáng", m, "1968", "Phó Giám đốc", "Sở Tư pháp", "Cơ quan hành chính", "BKCT", snv, ttSNV},
	{"Đại tá", "Lê Văn Tiến", m, "1970", "Chính ủy", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh", "Cơ quan Trung ương đóng trên địa bàn", "BKCT", snv, ttSNV},
	{"Thượng tá", "Nguyễn Văn Tình", m, "1975", "Trưởng phòng", "Phòng An ninh nội địa, Công an tỉnh", "Cơ quan hành chính", "BKCT", caTinh, ttCA},
	{"Trung tá", "Đặng Đại Bàng", m, "1979", "Phó Trưởng phòng", "Phòng Cảnh sát hình sự, Công an tỉnh", "Cơ quan hành chính", "BKCT", caTinh, ttCA},
	{"Thiếu tá", "Hoàng Thị Thủy", f, "1985", "Đội trưởng", "Phòng Cảnh sát quản lý hành chính về trật tự xã hội, Công an tỉnh", "Cơ quan hành chính", "BKCT", caTinh, ttCA},
	{"Đại úy", "Phan Thanh Hòa", m, "1988", "Trưởng Công an xã", "Công an xã Triệu Phong", "Cơ quan hành chính", "BKCT", caTinh, ttCA},
	{"Thượng úy", "Võ Thị Ngọc Ánh", f, "1992", "Cán bộ", "Công an phường Đông Hà", "Cơ quan hành chính", "BKCT", caTinh, ttCA},
	{"Trung úy", "Lê Quang Huy", m, "1995", "Cán bộ", "Công an xã Hướng Hóa", "Cơ quan hành chính", "BKCT", caTinh, ttCA},
	{"Ông", "Hồ Xuân Mãn", m, "1962", "Trưởng thôn", "thôn An Lợi, xã Triệu Phong", "Đối tượng khác", "BKCT", mttq, ttMT},
	{"Bà", "Nguyễn Thị Hoa", f, "1966", "Trưởng Ban Công tác Mặt trận", "khu phố 3, phường Đông Hà", "Đối tượng khác", "BKCT", mttq, ttMT},
	{"Ông", "Trần Văn Lực", m, "1958", "Tổ trưởng Tổ An ninh trật tự cơ sở", "khu phố 3, phường Đông Hà", "Đối tượng khác", "BKCT", mttq, ttMT},
	{"Bà", "Lê Thị Thu Hằng", f, "1979", "Chuyên viên", "Phòng Phổ biến, giáo dục pháp luật, Sở Tư pháp", "Cơ quan hành chính", "BKCT", snv, ttSNV},
	{"Ông", "Nguyễn Đức Thuận", m, "1972", "Hiệu trưởng", "Trường Trung học phổ thông Lê Lợi", "Đơn vị sự nghiệp", "BKCT", snv, ttSNV},
	{"Bà", "Phạm Thị Ý Nhi", f, "1983", "Giáo viên", "Trường Trung học phổ thông Lê Lợi", "Đơn vị sự nghiệp", "BKCT", snv, ttSNV},
	{"Ông", "Đoàn Minh Khôi", m, "1976", "Giám đốc", "Công ty Cổ phần Thương mại Quảng Trị", "Doanh nghiệp", "BKCT", snv, ttSNV},
	{"Ông", "Hồ Văn Kiên", m, "1969", "Giám đốc", "Hợp tác xã Nông nghiệp Triệu Thành", "Hợp tác xã", "BKCT", snv, ttSNV},
	{"Bà", "Trần Thị Thúy Vân", f, "1987", "Phó Chủ tịch", "Ủy ban nhân dân xã Hướng Hóa", "Cơ quan hành chính", "BKCT", snv, ttSNV},
	{"Ông", "Hồ Văn Bảy", m, "1971", "Già làng", "bản Tà Rùng, xã Hướng Hóa", "Đối tượng khác", "BKCT", mttq, ttMT},
	{"Ông", "Lê Văn Ánh", m, "1980", "Phó Bí thư Đảng ủy", "xã Triệu Phong", "Cơ quan Đảng", "BKCT", snv, ttSNV},
	{"Bà", "Ngô Thị Minh Nguyệt", f, "1990", "Chuyên viên", "Văn phòng Ủy ban nhân dân tỉnh", "Cơ quan hành chính", "BKCT", snv, ttSNV},
	{"Đại tá", "Nguyễn Hữu Quyết", m, "1967", "Phó Giám đốc", caTinh, "Cơ quan hành chính", "CSTDT", caTinh, ttCA},
	{"Thượng tá", "Trần Đình Khánh", m, "1974", "Trưởng phòng", "Phòng Cảnh sát hình sự, Công an tỉnh", "Cơ quan hành chính", "CSTDT", caTinh, ttCA},
	{"Ông", "Phan Văn Hưởng", m, "1964", "Trưởng ban bảo vệ dân phố", "phường Đông Hà", "Đối tượng khác", "BKMTTQ", mttq, ttMT},
	{"Bà", "Lê Thị Diệu Linh", f, "1986", "Cán bộ", "Ủy ban MTTQ Việt Nam xã Triệu Phong", "Đối tượng khác", "BKMTTQ", mttq, ttMT},
}

type householdRow struct{ name, address, proposer, submission string }

var households = []householdRow{
	{"Gia đình ông Nguyễn Văn Hùng", "thôn An Lợi, xã Triệu Phong, tỉnh Quảng Trị", mttq, ttMT},
	{"Gia đình bà Hồ Thị Lan", "bản Tà Rùng, xã Hướng Hóa, tỉnh Quảng Trị", mttq, ttMT},
}

// The review of the demo: one nomination rejected with its reason, one
// deferred, these left pending (with the households and Bằng khen of the Mặt
// trận); every other one approved.
const (
	rejected     = "Lê Văn Ánh"
	rejectReason = "Đã được tặng Bằng khen của Chủ tịch UBND tỉnh năm 2022, chưa đủ thời gian để xét khen thưởng lần tiếp theo"
	deferredName = "Ngô Thị Minh Nguyệt"
)

var pending = map[string]bool{
	"Trần Thị Thúy Vân":      true,
	"Hồ Văn Bảy":             true,
	"Phòng Cảnh sát hình sự": true,
	"Phan Văn Hưởng":         true,
	"Lê Thị Diệu Linh":       true,
}
