package khenthuong

import "sort"

// SeriesWithDefaults is every registry series the office may set: the stored
// ones, and for each form whose series is not stored yet (it is stored on the
// form's first issue) the default series that issue would create, so that its
// numbering can be chosen before the first number is given. By code.
func SeriesWithDefaults(stored []RegistrySeries, forms []AwardForm) []RegistrySeries {
	out := append([]RegistrySeries(nil), stored...)
	have := map[string]bool{}
	for _, s := range stored {
		have[s.Code] = true
	}
	for _, f := range forms {
		code := f.Series
		if code == "" {
			code = f.Code
		}
		s := RegistrySeries{Code: code, Name: f.Name}
		s.Normalize()
		if s.Code == "" || have[s.Code] {
			continue
		}
		have[s.Code] = true
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out
}
