package khenthuong

import "testing"

func TestAuditChanges(t *testing.T) {
	record := `{"status":"submitted","nominee":{"name":"Nguyễn Văn An"}}`
	for _, tc := range []struct {
		name, before, after string
		want                string
	}{
		{"creation keeps no values", "", record, "null"},
		{"deletion keeps the old record as field \"\"", record, "", `[{"field":"","old":` + record + `}]`},
		{"update keeps the changed fields", record, `{"status":"approved","nominee":{"name":"Nguyễn Văn An"}}`,
			`[{"field":"status","old":"submitted","new":"approved"}]`},
		{"unchanged update keeps nothing", record, record, "null"},
	} {
		got, err := AuditChanges(raw(tc.before), raw(tc.after))
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if show(got) != tc.want {
			t.Errorf("%s: %s, want %s", tc.name, show(got), tc.want)
		}
	}
}
