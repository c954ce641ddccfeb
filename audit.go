package khenthuong

import (
	"bytes"
	"encoding/json"
	"sort"
	"strconv"
	"time"
)

// AuditRecord is written in the same transaction as every change.
//
// It keeps what changed, not whole copies: Changes lists each field that
// changed with its old and new value (FieldChanges). A created record has no
// values (they are the record's, less the changes audited since: a creation
// of 100,000 imported rows costs no second copy of them); a deleted one keeps
// the whole record as the Old value of field "". Before and After are the
// whole copies that files of earlier versions hold; they are read, never
// written.
type AuditRecord struct {
	ID      uint64          `json:"id"`
	At      time.Time       `json:"at"`
	User    string          `json:"user"`   // server login, or the OS user of a data file
	Entity  string          `json:"entity"` // "campaign", "nomination", "form", "settings", "decision"
	Key     string          `json:"key"`    // the record's ID or code
	Action  string          `json:"action"` // "create", "update", "delete", "approve", "issue"...
	Changes []FieldChange   `json:"changes,omitempty"`
	Before  json.RawMessage `json:"before,omitempty"`
	After   json.RawMessage `json:"after,omitempty"`
}

// FieldChange is one changed field: its JSON path ("nominee.name", "status")
// and its old and new JSON values (absent when there was none).
type FieldChange struct {
	Field string          `json:"field"`
	Old   json.RawMessage `json:"old,omitempty"`
	New   json.RawMessage `json:"new,omitempty"`
}

// FieldChanges lists what differs between two JSON objects, field by field:
// nested objects and arrays by their dotted paths ("nominee.name",
// "amendments.2"), a field present on one side only with that side's value.
// Equal documents give none. It is how every write keeps its audit small
// whatever the size of the record.
func FieldChanges(before, after []byte) ([]FieldChange, error) {
	var a, b any
	if err := decodeJSON(before, &a); err != nil {
		return nil, err
	}
	if err := decodeJSON(after, &b); err != nil {
		return nil, err
	}
	var out []FieldChange
	err := diffJSON("", a, b, &out)
	return out, err
}

func decodeJSON(data []byte, v *any) error {
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber() // amounts and IDs keep their digits
	return d.Decode(v)
}

// diffJSON appends the changes between a and b under path.
func diffJSON(path string, a, b any, out *[]FieldChange) error {
	join := func(k string) string {
		if path == "" {
			return k
		}
		return path + "." + k
	}
	switch x := a.(type) {
	case map[string]any:
		if y, ok := b.(map[string]any); ok {
			keys := make([]string, 0, len(x)+len(y))
			for k := range x {
				keys = append(keys, k)
			}
			for k := range y {
				if _, ok := x[k]; !ok {
					keys = append(keys, k)
				}
			}
			sort.Strings(keys)
			for _, k := range keys {
				if err := diffJSON(join(k), field(x, k), field(y, k), out); err != nil {
					return err
				}
			}
			return nil
		}
	case []any:
		if y, ok := b.([]any); ok {
			for i := range max(len(x), len(y)) {
				var xi, yi any = absent{}, absent{}
				if i < len(x) {
					xi = x[i]
				}
				if i < len(y) {
					yi = y[i]
				}
				if err := diffJSON(join(strconv.Itoa(i)), xi, yi, out); err != nil {
					return err
				}
			}
			return nil
		}
	}
	ra, err := rawJSON(a)
	if err != nil {
		return err
	}
	rb, err := rawJSON(b)
	if err != nil {
		return err
	}
	if !bytes.Equal(ra, rb) {
		*out = append(*out, FieldChange{Field: path, Old: ra, New: rb})
	}
	return nil
}

// absent stands for a field or element one side does not have (nil is JSON null).
type absent struct{}

func field(m map[string]any, k string) any {
	if v, ok := m[k]; ok {
		return v
	}
	return absent{}
}

// rawJSON encodes a decoded value again; absent gives nil.
func rawJSON(v any) (json.RawMessage, error) {
	if _, ok := v.(absent); ok {
		return nil, nil
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(buf.Bytes(), "\n"), nil
}

// AuditChanges is what an audit record keeps of a write, as AuditRecord
// says: nothing for a creation (no before), the whole old record as field ""
// for a deletion (no after), the changed fields (FieldChanges) otherwise.
// Both stores audit through it.
func AuditChanges(before, after json.RawMessage) ([]FieldChange, error) {
	switch {
	case len(before) == 0:
		return nil, nil
	case len(after) == 0:
		return []FieldChange{{Old: before}}, nil
	}
	return FieldChanges(before, after)
}
