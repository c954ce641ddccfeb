package khenthuong

// DefaultForms is the catalogue a new data file is seeded with: the provincial
// forms of the domain notes. It is data, fully editable afterwards; the
// coefficients marked (?) in the domain notes are starting values an office checks.
func DefaultForms() []AwardForm {
	before := MustDate("2017-08-01") // Decree 91/2017 coefficients (?)
	from2025 := MustDate("2025-07-01")
	all := []Kind{Collective, Individual, Household}
	chair := "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ"
	return []AwardForm{
		{Code: "CTDT", Name: "Cờ thi đua của Ủy ban nhân dân tỉnh", Title: "CỜ THI ĐUA", Issuer: "Chủ tịch UBND tỉnh",
			IssuerTitle: "ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ", Level: LevelProvince, Kinds: []Kind{Collective}, Rank: 100,
			Coefficients: []Coefficient{{From: before, Collective: 8.0}}},
		{Code: "CSTDT", Name: "Chiến sĩ thi đua cấp tỉnh", Title: "CHIẾN SĨ THI ĐUA CẤP TỈNH", Issuer: "Chủ tịch UBND tỉnh",
			IssuerTitle: chair, Level: LevelProvince, Kinds: []Kind{Individual}, Rank: 95,
			Coefficients: []Coefficient{{From: before, Individual: 3.0}}},
		{Code: "BKCT", Name: "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", Title: "BẰNG KHEN", Issuer: "Chủ tịch UBND tỉnh",
			IssuerTitle: chair, Level: LevelProvince, Kinds: all, Rank: 90,
			Coefficients: []Coefficient{
				{From: before, Individual: 1.0, Collective: 2.0, Household: 1.0},
				{From: from2025, Individual: 1.5, Collective: 3.0, Household: 1.5},
			}},
		{Code: "TTLDXS", Name: "Tập thể lao động xuất sắc", Title: "TẬP THỂ LAO ĐỘNG XUẤT SẮC", Issuer: "Chủ tịch UBND tỉnh",
			IssuerTitle: chair, Level: LevelProvince, Kinds: []Kind{Collective}, Rank: 85,
			Coefficients: []Coefficient{{From: before, Collective: 1.5}}},
		{Code: "BKMTTQ", Name: "Bằng khen của Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", Title: "BẰNG KHEN", Issuer: "Ủy ban MTTQ Việt Nam tỉnh",
			IssuerTitle: "ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM TỈNH QUẢNG TRỊ", Level: LevelSector, Kinds: all, Rank: 60,
			Coefficients: []Coefficient{{From: before, Individual: 1.0, Collective: 2.0, Household: 1.0}}},
		{Code: "CSTDCS", Name: "Chiến sĩ thi đua cơ sở", Title: "CHIẾN SĨ THI ĐUA CƠ SỞ", Issuer: "Thủ trưởng đơn vị",
			IssuerTitle: "", Level: LevelUnit, Kinds: []Kind{Individual}, Rank: 50,
			Coefficients: []Coefficient{{From: before, Individual: 1.0}}},
		{Code: "TTLDTT", Name: "Tập thể lao động tiên tiến", Title: "TẬP THỂ LAO ĐỘNG TIÊN TIẾN", Issuer: "Thủ trưởng đơn vị",
			IssuerTitle: "", Level: LevelUnit, Kinds: []Kind{Collective}, Rank: 45,
			Coefficients: []Coefficient{{From: before, Collective: 0.8}}},
		{Code: "GKCA", Name: "Giấy khen của Giám đốc Công an tỉnh", Title: "GIẤY KHEN", Issuer: "Giám đốc Công an tỉnh",
			IssuerTitle: "GIÁM ĐỐC CÔNG AN TỈNH QUẢNG TRỊ", Level: LevelSector, Kinds: all, Rank: 40,
			Coefficients: []Coefficient{{From: before, Individual: 0.3, Collective: 0.6, Household: 0.3}}},
		{Code: "GKSO", Name: "Giấy khen của Giám đốc Sở", Title: "GIẤY KHEN", Issuer: "Giám đốc Sở",
			IssuerTitle: "GIÁM ĐỐC SỞ", Level: LevelSector, Kinds: all, Rank: 35,
			Coefficients: []Coefficient{{From: before, Individual: 0.3, Collective: 0.6, Household: 0.3}}},
		{Code: "GKXA", Name: "Giấy khen của Chủ tịch Ủy ban nhân dân xã", Title: "GIẤY KHEN", Issuer: "Chủ tịch UBND xã",
			IssuerTitle: "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ", Level: LevelCommune, Kinds: all, Rank: 30,
			Coefficients: []Coefficient{
				{From: before, Individual: 0.15, Collective: 0.3, Household: 0.15},
				{From: from2025, Individual: 0.3, Collective: 0.6, Household: 0.3},
			}},
		{Code: "LDTT", Name: "Lao động tiên tiến", Title: "LAO ĐỘNG TIÊN TIẾN", Issuer: "Thủ trưởng đơn vị",
			IssuerTitle: "", Level: LevelUnit, Kinds: []Kind{Individual}, Rank: 20,
			Coefficients: []Coefficient{{From: before, Individual: 0.3}}},
		{Code: "CSTT", Name: "Chiến sĩ tiên tiến", Title: "CHIẾN SĨ TIÊN TIẾN", Issuer: "Thủ trưởng đơn vị",
			IssuerTitle: "", Level: LevelUnit, Kinds: []Kind{Individual}, Rank: 20,
			Coefficients: []Coefficient{{From: before, Individual: 0.3}}},
	}
}
