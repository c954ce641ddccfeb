package printing

import "testing"

func TestPaperFor(t *testing.T) {
	for _, tc := range []struct {
		w, h   float64
		name   string
		custom bool
	}{
		{420, 297, "A3", false},
		{297, 420, "A3", false},
		{210, 297, "A4", false},
		{210.2, 296.8, "A4", false},
		{250, 180, "180×250 mm", true},
	} {
		p, ok := PaperFor(tc.w, tc.h)
		if p.Name != tc.name || ok == tc.custom {
			t.Errorf("PaperFor(%g, %g) = %q, %v; want %q", tc.w, tc.h, p.Name, ok, tc.name)
		}
	}
}
