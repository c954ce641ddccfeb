package khenthuong

import "iter"

// The services below are what the screens and the command line use; package
// store implements them on a bbolt data file and package postgres on an office
// server, with the same behaviour (the conformance suite holds both to it).
// Every write is one transaction with its audit record naming who made it.
// Errors are *Error with the codes named on each method; on an office server
// any write may also fail with EFORBIDDEN (the login's role may not make it,
// see AccessService) and any call with EUNAVAILABLE (the server is out of
// reach; the change in flight was not made).
//
// Methods returning whole slices (Nominations, Decisions, Decision, History)
// are for bounded sets: one campaign's approved list, one decision. Lists
// that grow with the years go through QueryService: pages, counts, streams.

// CampaignService manages đợt khen thưởng.
type CampaignService interface {
	// Campaigns returns every campaign, newest first.
	Campaigns() ([]Campaign, error)
	// Campaign returns one campaign: ENOTFOUND.
	Campaign(id uint64) (*Campaign, error)
	// CreateCampaign normalises, validates and stores c, setting its ID and times: EINVALID.
	CreateCampaign(c *Campaign) error
	// UpdateCampaign replaces the stored campaign: EINVALID, ENOTFOUND.
	UpdateCampaign(c *Campaign) error
	// DeleteCampaign removes an empty campaign: ENOTFOUND, ECONFLICT when it still has nominations.
	DeleteCampaign(id uint64) error
}

// FormService manages the award-form catalogue.
type FormService interface {
	// Forms returns the catalogue, highest rank first.
	Forms() ([]AwardForm, error)
	// Form returns one form by code: ENOTFOUND.
	Form(code string) (*AwardForm, error)
	// SaveForm creates or replaces the form with f.Code: EINVALID.
	SaveForm(f *AwardForm) error
	// DeleteForm removes a form no nomination uses: ENOTFOUND, ECONFLICT.
	DeleteForm(code string) error
}

// NominationFilter selects nominations; zero fields match everything.
type NominationFilter struct {
	CampaignID uint64
	Kind       Kind
	FormCode   string
	Status     Status
	Query      string // matched on the folded name, unit and position
	NomineeID  uint64
}

// NominationService manages nominations.
type NominationService interface {
	// Nominations returns the nominations matching f, by campaign then list order.
	Nominations(f NominationFilter) ([]Nomination, error)
	// Nomination returns one nomination: ENOTFOUND.
	Nomination(id uint64) (*Nomination, error)
	// CreateNominations normalises, validates and stores all of ns in one
	// transaction (all or nothing), setting IDs, times, nominee IDs and, where
	// Order is 0, the next list position of the campaign: EINVALID, ENOTFOUND (campaign).
	CreateNominations(ns []Nomination) error
	// UpdateNomination replaces a stored nomination: EINVALID, ENOTFOUND, ECONFLICT
	// (in an issued decision; in a draft decision, a change of status, form or
	// campaign; n.Version not the stored version: someone saved it since it was
	// read, the message names who and when). A draft decision listing it
	// follows the edit (printed fields, amount). On success n carries the new
	// Version, UpdatedAt and UpdatedBy.
	UpdateNomination(n *Nomination) error
	// DeleteNomination removes a nomination: ENOTFOUND, ECONFLICT (in a decision).
	DeleteNomination(id uint64) error
	// MoveNominations moves the listed nominations to another campaign in one
	// transaction (all or nothing), each at the end of its list in the order
	// given and each move audited; those already there are left alone:
	// ENOTFOUND (a nomination, the campaign), ECONFLICT (in a decision, draft or issued).
	MoveNominations(ids []uint64, campaignID uint64) error
}

// SettingsService keeps the office settings.
type SettingsService interface {
	Settings() (Settings, error)
	// SaveSettings normalises, validates and stores s: EINVALID.
	SaveSettings(s *Settings) error
}

// ReviewService moves nominations through the review and computes the warnings shown beside them.
type ReviewService interface {
	// SetStatus changes the status of every listed nomination in one transaction
	// (all or nothing), each change audited: EINVALID (a rejection without a
	// reason, a change CanTransition refuses), ENOTFOUND, ECONFLICT (the
	// nomination is in a decision, draft or issued). A rejection keeps reason in
	// RejectReason; any other status clears it (the audit keeps the old value).
	// A nomination already in the target status is left as it is.
	SetStatus(ids []uint64, to Status, reason string) error
	// Warnings computes the review warnings of a campaign's nominations, by nomination ID: ENOTFOUND.
	Warnings(campaignID uint64) (map[uint64][]Warning, error)
	// WarningsOf computes the warnings of the listed nominations of a campaign
	// (the rows on screen) exactly as Warnings gives them, from their own
	// relations only (same nominee or folded name, the campaign's approvals by
	// form): its cost follows the rows, not the campaign: ENOTFOUND (campaign).
	WarningsOf(campaignID uint64, ids []uint64) (map[uint64][]Warning, error)
	// LinkNominees records that the nominees of two nominations are the same
	// person or collective: every nomination of B's nominee takes A's NomineeID,
	// and a mark of the two as different is dropped: ENOTFOUND, EINVALID (the
	// same nomination, nominees of different kinds).
	LinkNominees(nominationA, nominationB uint64) error
	// MarkDistinct records that the nominees of two nominations are different
	// people, so the warnings stop matching them; if they share a NomineeID, B
	// first gets a nominee of its own: ENOTFOUND, EINVALID (the same nomination).
	MarkDistinct(nominationA, nominationB uint64) error
}

// DecisionService manages decisions and the registry (số sổ vàng).
type DecisionService interface {
	// Decisions returns the decisions of a campaign (all campaigns for 0), newest
	// first (decision date, then creation): ENOTFOUND (campaign).
	Decisions(campaignID uint64) ([]Decision, error)
	// Decision returns one decision with its recipients: ENOTFOUND.
	Decision(id uint64) (*Decision, error)
	// CreateDecision stores a draft for the given approved nominations of d.FormCode,
	// filling its recipients (in d.Order: list order starts from the nominations'
	// order in the campaign, manual keeps the order of nominationIDs) and their
	// bonus amounts (Settings.Bonus on d.Date): EINVALID (also: no coefficient or
	// base salary for the date), ENOTFOUND (campaign, nomination), ECONFLICT (a
	// nomination not approved, of another campaign or form, or already in a decision).
	CreateDecision(d *Decision, nominationIDs []uint64) error
	// UpdateDecision replaces a draft: its fields and its recipients, which may be
	// reordered, removed or added (as CreateDecision accepts them); each
	// recipient's printed fields are kept as given (a recipient with no name takes
	// its nomination's), amounts are computed again: EINVALID, ENOTFOUND,
	// ECONFLICT when issued or for a nomination CreateDecision would refuse.
	UpdateDecision(d *Decision) error
	// DeleteDecision removes a draft: ENOTFOUND, ECONFLICT when issued.
	DeleteDecision(id uint64) error
	// IssueDecision computes the amounts again, gives every recipient the next
	// registry number of the form's series (created with defaults on first use)
	// in list order and locks the decision, in one audited transaction:
	// ENOTFOUND, EINVALID (no recipients, no coefficient or base salary),
	// ECONFLICT when already issued.
	IssueDecision(id uint64) (*Decision, error)
	// AmendDecision corrects an issued decision (number, date, signer,
	// submission, achievement, and the printed fields of its recipients: same
	// recipients, same order), appending an Amendment with who, when, why and the
	// old values; registry numbers and amounts never change: EINVALID (no reason,
	// nothing changed, recipients, campaign or form changed), ENOTFOUND,
	// ECONFLICT (not issued).
	AmendDecision(d *Decision, reason string) error
	// Series returns the stored registry series by code (a form's series is
	// stored on the first issue of the form).
	Series() ([]RegistrySeries, error)
	// SaveSeries creates or replaces a series: EINVALID, ECONFLICT when it would
	// switch a series that has given numbers between yearly and continuous numbering.
	SaveSeries(s *RegistrySeries) error
}

// HistoryEntry is one line of a nominee's award history.
type HistoryEntry struct {
	Nomination Nomination `json:"nomination"`
	Campaign   string     `json:"campaign"`
	Award      *Award     `json:"award,omitempty"` // nil until an issued decision gives it
}

// HistoryService searches every campaign and year.
type HistoryService interface {
	// History returns the nominations of every campaign matching the folded query
	// (name, unit, position) with their awards, newest first (the award's date,
	// else the campaign's); a query without words gives nothing.
	History(query string) ([]HistoryEntry, error)
	// ImportArchive records a decision from the office's archive: a campaign of
	// its own named after it, each recipient as an approved nomination, and the
	// decision issued as the document wrote it, marked Archive (registry numbers
	// only where given, never drawn; amounts as given), in one audited
	// transaction; d gets its IDs: EINVALID, ENOTFOUND (form), ECONFLICT (a
	// decision of the same number and date is stored).
	ImportArchive(d *Decision) error
}

// Services is everything a screen may need, implemented by the store.
type Services interface {
	CampaignService
	FormService
	NominationService
	SettingsService
	ReviewService
	DecisionService
	HistoryService
	PrintService
	QueryService
	AccessService
	ChangeService
}

// NominationImporter stores a long list of nominations (a unit's file of
// 100,000 rows) reading it as it goes, so that neither side holds the list.
type NominationImporter interface {
	// ImportNominations stores the nominations rows yields, in order, as
	// CreateNominations does (normalised, validated, each audited, all or
	// nothing: a row refused, an error from rows, a crash or the process
	// killed leaves the data as before, and nobody sees the rows before the
	// last is stored), and returns their IDs in order: EINVALID, ENOTFOUND
	// (campaign), the message naming the row. rows must not call the store.
	ImportNominations(rows iter.Seq2[*Nomination, error]) ([]uint64, error)
}
