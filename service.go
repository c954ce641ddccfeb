package khenthuong

// The services below are what the screens and the command line use; package
// store implements them on bbolt. Every write is one transaction with its audit
// record. Errors are *Error with the codes named on each method.

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
	// UpdateNomination replaces a stored nomination: EINVALID, ENOTFOUND, ECONFLICT (in an issued decision).
	UpdateNomination(n *Nomination) error
	// DeleteNomination removes a nomination: ENOTFOUND, ECONFLICT (in a decision).
	DeleteNomination(id uint64) error
}

// SettingsService keeps the office settings.
type SettingsService interface {
	Settings() (Settings, error)
	// SaveSettings normalises, validates and stores s: EINVALID.
	SaveSettings(s *Settings) error
}

// Services is everything a screen may need, implemented by the store.
type Services interface {
	CampaignService
	FormService
	NominationService
	SettingsService
}
