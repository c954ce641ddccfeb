package khenthuong

import (
	"encoding/json"
	"testing"
)

func TestFieldChanges(t *testing.T) {
	for _, tc := range []struct {
		name, before, after string
		want                []FieldChange
	}{
		{"equal", `{"a":1,"b":{"c":"x"}}`, `{"b":{"c":"x"},"a":1}`, nil},
		{"nested field", `{"status":"submitted","nominee":{"name":"Nguyễn Văn An","unit":"Công an xã"}}`,
			`{"status":"approved","nominee":{"name":"Nguyễn Văn Ân","unit":"Công an xã"}}`,
			[]FieldChange{{"nominee.name", raw(`"Nguyễn Văn An"`), raw(`"Nguyễn Văn Ân"`)}, {"status", raw(`"submitted"`), raw(`"approved"`)}}},
		{"added and removed", `{"reject_reason":"Thiếu hồ sơ"}`, `{"notes":"<b>"}`,
			[]FieldChange{{"notes", nil, raw(`"<b>"`)}, {"reject_reason", raw(`"Thiếu hồ sơ"`), nil}}},
		{"array appended", `{"amendments":[{"reason":"a"}]}`, `{"amendments":[{"reason":"a"},{"reason":"b"}]}`,
			[]FieldChange{{"amendments.1", nil, raw(`{"reason":"b"}`)}}},
		{"big numbers keep their digits", `{"amount":9007199254740993}`, `{"amount":9007199254740995}`,
			[]FieldChange{{"amount", raw(`9007199254740993`), raw(`9007199254740995`)}}},
		{"object to value", `{"x":{"y":1}}`, `{"x":null}`, []FieldChange{{"x", raw(`{"y":1}`), raw(`null`)}}},
	} {
		got, err := FieldChanges([]byte(tc.before), []byte(tc.after))
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if len(got) != len(tc.want) {
			t.Errorf("%s: %d changes %s, want %d", tc.name, len(got), show(got), len(tc.want))
			continue
		}
		for i := range got {
			if got[i].Field != tc.want[i].Field || string(got[i].Old) != string(tc.want[i].Old) || string(got[i].New) != string(tc.want[i].New) {
				t.Errorf("%s: change %d = %s, want %s", tc.name, i, show(got[i:i+1]), show(tc.want[i:i+1]))
			}
		}
	}
	if _, err := FieldChanges([]byte(`{`), []byte(`{}`)); err == nil {
		t.Error("broken JSON gave no error")
	}
}

func raw(s string) json.RawMessage { return json.RawMessage(s) }

func show(cs []FieldChange) string {
	b, _ := json.Marshal(cs)
	return string(b)
}
