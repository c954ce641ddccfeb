package khenthuong

import (
	"encoding/binary"
	"slices"
	"time"

	"khenthuong/vntext"
)

// The query-shaped part of the services contract. A data file holds ten years
// of a province (100,000–300,000 nominations) and an office server more: no
// screen or command may load the whole of it. Lists come a page at a time with
// their total, figures are counted where the data is, and whole-data jobs
// (exports, prints, reports, checks, backups) stream. The bbolt store and the
// PostgreSQL store implement the same methods with the same results for the
// same data; the conformance suite holds them to it.

// Page selects a window of an ordered result. Limit 0 means every row from Offset.
type Page struct {
	Offset int `json:"offset"`
	Limit  int `json:"limit"`
}

// NominationSort is the order of a nomination query. Ties are broken by list
// order, then ID, so that pages never overlap or skip. Descending reverses
// the sort key only: ties stay in list order (SortByList descending is list
// order reversed).
type NominationSort string

const (
	SortByList     NominationSort = ""        // campaign, then the submitted list order
	SortByName     NominationSort = "name"    // Vietnamese collation; people by given, middle, family name
	SortByUnit     NominationSort = "unit"    // unit (đơn vị công tác), Vietnamese collation
	SortByForm     NominationSort = "form"    // award form code
	SortByStatus   NominationSort = "status"  // review status, in Statuses order
	SortByCreated  NominationSort = "created" // the day it was recorded
	SortByProposer NominationSort = "proposer"
	SortByKind     NominationSort = "kind"     // in Kinds order: tập thể, cá nhân, hộ gia đình
	SortByTitle    NominationSort = "title"    // danh xưng, Vietnamese collation
	SortByGender   NominationSort = "gender"   // nam, nữ, then unknown
	SortByBirth    NominationSort = "birth"    // date of birth; a year alone before the dates of that year, unknown last
	SortByPosition NominationSort = "position" // chức vụ, Vietnamese collation
)

// NominationQuery is a filter, an order, a page and a bound on the count.
type NominationQuery struct {
	Filter     NominationFilter `json:"filter"`
	Sort       NominationSort   `json:"sort,omitempty"`
	Descending bool             `json:"descending,omitempty"`
	Page       Page             `json:"page"`
	// CountLimit bounds the Total of the page: 0 counts every match exactly;
	// N > 0 counts at most N and says "more than N" beyond (TotalAtLeast).
	// Search as the clerk types passes a limit: on an office server the exact
	// count of a common syllable ("tran") reads a large part of the table,
	// while the page itself stops at its last row.
	CountLimit int `json:"count_limit,omitempty"`
	// WithWarnings keeps only the nominations that have review warnings
	// (those ReviewService.Warnings of Filter.CampaignID gives): Đề nghị's
	// "Chỉ đề nghị có cảnh báo". It needs Filter.CampaignID: EINVALID.
	WithWarnings bool `json:"with_warnings,omitempty"`
}

// NominationPage is one page of a query and how many nominations match the filter in all.
type NominationPage struct {
	Nominations []Nomination `json:"nominations"`
	// Total is the number matching in all, or the query's CountLimit when more
	// match than that; both stores give the same Total and TotalAtLeast.
	Total int `json:"total"`
	// TotalAtLeast is true when more than CountLimit nominations match: Total
	// is then CountLimit, shown as "hơn N". Never true without a CountLimit.
	TotalAtLeast bool `json:"total_at_least,omitempty"`
}

// Bounded returns the Total and TotalAtLeast of n matches under the count
// limit: what a store that counts exactly reports to a bounded query.
func (q NominationQuery) Bounded(n int) (total int, atLeast bool) {
	if q.CountLimit > 0 && n > q.CountLimit {
		return q.CountLimit, true
	}
	return n, false
}

// NominationCounts are the figures of a filter without its rows.
type NominationCounts struct {
	Total    int            `json:"total"`
	ByStatus map[Status]int `json:"by_status"`
	ByKind   map[Kind]int   `json:"by_kind"`
	ByForm   map[string]int `json:"by_form"`
}

// DecisionSummary is a decision without its recipients: what lists of
// decisions show. A decision may have 100,000 recipients; they are read with
// EachRecipient or a page of Recipients.
type DecisionSummary struct {
	Decision                    // Recipients is always nil here
	RecipientCount int          `json:"recipient_count"`
	ByKind         map[Kind]int `json:"by_kind"`
	TotalAmount    int64        `json:"total_amount"`
}

// AuditFilter selects audit records; zero fields match everything.
type AuditFilter struct {
	Since  time.Time `json:"since"`
	Until  time.Time `json:"until"`
	User   string    `json:"user,omitempty"`   // the login (server) or OS user (data file)
	Entity string    `json:"entity,omitempty"` // "nomination", "decision", ...
	Key    string    `json:"key,omitempty"`    // one record's ID or code; needs Entity
}

// QueryService answers lists by the page, counts and streams. Every method
// reads one consistent state of the data (one read transaction, one snapshot).
// Stream callbacks may not call back into the services; an error returned by
// fn stops the stream and is returned as it is.
type QueryService interface {
	// QueryNominations returns the page q.Page of the nominations matching
	// q.Filter in q.Sort order, with the number matching in all (bounded by
	// q.CountLimit): EINVALID (an unknown sort, a negative offset, limit or
	// count limit, WithWarnings without a campaign), ENOTFOUND (the campaign
	// of WithWarnings).
	QueryNominations(q NominationQuery) (NominationPage, error)
	// CountNominations counts the nominations matching f, without reading them into memory.
	CountNominations(f NominationFilter) (NominationCounts, error)
	// EachNomination streams the nominations matching f in campaign, then list order.
	EachNomination(f NominationFilter, fn func(*Nomination) error) error
	// NominationsByName returns the nominations whose folded name (vntext.Fold of
	// Nominee.Name) is one of the given folded names: the duplicate and earlier-award
	// checks of an import, without the whole table.
	NominationsByName(foldedNames []string) ([]Nomination, error)

	// DecisionSummaries returns the decisions of a campaign (every campaign for 0)
	// without their recipients, newest first as Decisions: ENOTFOUND (campaign).
	DecisionSummaries(campaignID uint64) ([]DecisionSummary, error)
	// DecisionSummary returns one decision without its recipients: ENOTFOUND.
	DecisionSummary(id uint64) (*DecisionSummary, error)
	// Recipients returns a page of a decision's recipients in list order: ENOTFOUND.
	Recipients(decisionID uint64, p Page) ([]Recipient, error)
	// EachRecipient streams a decision's recipients in list order: ENOTFOUND.
	EachRecipient(decisionID uint64, fn func(*Recipient) error) error

	// QueryHistory is History by the page, with the number of entries in all.
	QueryHistory(query string, p Page) ([]HistoryEntry, int, error)

	// EachAudit streams the audit records matching f, oldest first.
	EachAudit(f AuditFilter, fn func(*AuditRecord) error) error
}

// Change tells a subscriber that a record was written, by whom and when: the
// window refreshes what it shows (within 2 s on an office server, where the
// change may come from another clerk's machine). Key is empty when one
// write changed many records of the entity (an import, an issued decision):
// the subscriber refreshes the whole of that entity once.
type Change struct {
	Entity string    `json:"entity"`
	Key    string    `json:"key"`
	User   string    `json:"user"`
	At     time.Time `json:"at"`
}

// ChangeService tells the window about writes, its own and other clerks'.
type ChangeService interface {
	// Subscribe calls fn, from a background goroutine, after each committed
	// write; cancel stops the calls. fn must return quickly.
	Subscribe(fn func(Change)) (cancel func())
}

// Valid reports whether s is one of the sorts above.
func (s NominationSort) Valid() bool {
	switch s {
	case SortByList, SortByName, SortByUnit, SortByForm, SortByStatus, SortByCreated, SortByProposer,
		SortByKind, SortByTitle, SortByGender, SortByBirth, SortByPosition:
		return true
	}
	return false
}

// Key is n's byte-comparable key in sort s (nil for SortByList, whose order
// is the campaign and list position): what the data file sorts by, and what
// a test compares a store's order with.
func (s NominationSort) Key(n *Nomination) []byte {
	switch s {
	case SortByName:
		if n.Nominee.Kind == Individual {
			return vntext.NameSortKey(n.Nominee.Name)
		}
		return vntext.SortKey(n.Nominee.Name)
	case SortByUnit:
		return vntext.SortKey(n.Nominee.Unit)
	case SortByProposer:
		return vntext.SortKey(n.ProposingUnit)
	case SortByForm:
		return []byte(n.FormCode)
	case SortByStatus:
		return []byte{byte(slices.Index(Statuses, n.Status) + 1)}
	case SortByCreated:
		b := make([]byte, 8)
		binary.BigEndian.PutUint64(b, uint64(n.CreatedAt.UnixNano()))
		return b
	case SortByKind:
		return []byte{byte(slices.Index(Kinds, n.Nominee.Kind) + 1)}
	case SortByTitle:
		return vntext.SortKey(n.Nominee.Title)
	case SortByPosition:
		return vntext.SortKey(n.Nominee.Position)
	case SortByGender:
		return []byte{genderRank(n.Nominee.Gender)}
	case SortByBirth:
		return birthKey(n.Nominee.Birth)
	}
	return nil
}

// genderRank puts nam before nữ and an unknown gender after both.
func genderRank(g Gender) byte {
	switch g {
	case Male:
		return 1
	case Female:
		return 2
	}
	return 3
}

// birthKey is the ISO form of a birth date ("1975" sorts before
// "1975-03-02", the dates of that year), an unknown one after every date:
// the office server compares the same text.
func birthKey(d Date) []byte {
	if d.IsZero() {
		return []byte{0xFF}
	}
	return []byte(d.String())
}
