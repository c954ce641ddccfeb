package khenthuong

import "encoding/json"

// Dataset is the whole content of a data set, store-neutral: what moves a
// data file onto an office server (migrate) and an office server into a
// portable data file (backup on a server). IDs, times, registry counters and
// the audit trail are kept as they are.
type Dataset struct {
	Settings    Settings                   `json:"settings"`
	Forms       []AwardForm                `json:"forms"`
	Campaigns   []Campaign                 `json:"campaigns"`
	Nominees    []NomineeRecord            `json:"nominees"`
	Nominations []Nomination               `json:"nominations"`
	Decisions   []Decision                 `json:"decisions"` // with their recipients
	Series      []RegistrySeries           `json:"series"`
	Counters    map[string]uint64          `json:"counters"` // RegistrySeries.CounterKey -> last number drawn
	Distinct    []NomineePair              `json:"distinct"`
	Templates   map[string]json.RawMessage `json:"templates"` // form code -> certificate template
	Printers    []PrinterProfile           `json:"printers"`
	Audit       []AuditRecord              `json:"audit"`
}

// NomineeRecord is the latest snapshot of a nominee under the ID its nominations share.
type NomineeRecord struct {
	ID uint64 `json:"id"`
	Nominee
}

// Empty reports whether the data set holds no work of an office: no
// campaign, nomination or decision (a seeded catalogue and settings do not count).
func (d *Dataset) Empty() bool {
	return len(d.Campaigns) == 0 && len(d.Nominations) == 0 && len(d.Decisions) == 0
}
