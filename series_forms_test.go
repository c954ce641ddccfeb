package khenthuong

import "testing"

func TestSeriesWithDefaults(t *testing.T) {
	stored := []RegistrySeries{{Code: "BKCT", Name: "Bằng khen", Prefix: "BK", Format: "{prefix}/{n}", Digits: 3, YearlyReset: false}}
	forms := []AwardForm{
		{Code: "BKCT", Name: "Bằng khen của Chủ tịch UBND tỉnh"},
		{Code: "CSTDT", Name: "Chiến sĩ thi đua cấp tỉnh"},
		{Code: "GKSO", Name: "Giấy khen của Giám đốc Sở", Series: "gk"},
		{Code: "GKCA", Name: "Giấy khen của Giám đốc Công an tỉnh", Series: "GK"},
	}
	got := SeriesWithDefaults(stored, forms)
	want := []struct {
		code, prefix, format string
	}{{"BKCT", "BK", "{prefix}/{n}"}, {"CSTDT", "CSTDT", DefaultSeriesFormat}, {"GK", "GK", DefaultSeriesFormat}}
	if len(got) != len(want) {
		t.Fatalf("got %d series: %+v", len(got), got)
	}
	for i, w := range want {
		if got[i].Code != w.code || got[i].Prefix != w.prefix || got[i].Format != w.format || got[i].YearlyReset {
			t.Errorf("series %d: %+v, want %+v", i, got[i], w)
		}
	}
}
