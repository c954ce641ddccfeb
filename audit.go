package khenthuong

import (
	"encoding/json"
	"time"
)

// AuditRecord is written in the same transaction as every change.
type AuditRecord struct {
	ID     uint64          `json:"id"`
	At     time.Time       `json:"at"`
	User   string          `json:"user"`   // OS user
	Entity string          `json:"entity"` // "campaign", "nomination", "form", "settings", "decision"
	Key    string          `json:"key"`    // the record's ID or code
	Action string          `json:"action"` // "create", "update", "delete", "approve", "issue"...
	Before json.RawMessage `json:"before,omitempty"`
	After  json.RawMessage `json:"after,omitempty"`
}
