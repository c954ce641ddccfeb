package khenthuong

import (
	"encoding/json"
	"time"
)

// AuditRecord is written in the same transaction as every change.
//
// It keeps what changed, not whole copies: Changes lists each field that
// changed with its old and new value (a created record has only new values, a
// deleted one only old ones). Before and After are the whole copies that files
// of earlier versions hold; they are read, never written.
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
