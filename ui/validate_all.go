package ui

import (
	"errors"

	"khenthuong"
)

// allFaults lists every rule v breaks, not only the first one its Validate
// reports: each field found at fault is set, on a copy, to a value the rules
// accept (fixes, by Error.Field), and the copy is checked again. The
// messages are the domain's own; the service still checks what it stores.
func allFaults[T any](v T, validate func(*T) error, fixes map[string]func(*T)) error {
	var errs []error
	seen := map[string]bool{}
	for range len(fixes) + 1 {
		err := validate(&v)
		var e *khenthuong.Error
		if err == nil || !errors.As(err, &e) || seen[e.Field] {
			if err != nil && e == nil {
				errs = append(errs, err)
			}
			break
		}
		errs = append(errs, err)
		seen[e.Field] = true
		fix, ok := fixes[e.Field]
		if !ok {
			break
		}
		fix(&v)
	}
	return errors.Join(errs...)
}

// validateAll is every fault of a nomination, cleaned as the service will.
func validateAll(n khenthuong.Nomination) error {
	n.Normalize()
	return allFaults(n, (*khenthuong.Nomination).Validate, nominationFieldFixes)
}

// nominationFieldFixes give, per Error.Field, a value the rules accept.
var nominationFieldFixes = map[string]func(*khenthuong.Nomination){
	"kind":           func(n *khenthuong.Nomination) { n.Nominee.Kind = khenthuong.Individual },
	"name":           func(n *khenthuong.Nomination) { n.Nominee.Name = "-" },
	"title":          func(n *khenthuong.Nomination) { n.Nominee.Title = "" },
	"gender":         func(n *khenthuong.Nomination) { n.Nominee.Gender = khenthuong.GenderUnknown },
	"birth":          func(n *khenthuong.Nomination) { n.Nominee.Birth = khenthuong.Date{} },
	"position":       func(n *khenthuong.Nomination) { n.Nominee.Position = "" },
	"unit":           func(n *khenthuong.Nomination) { n.Nominee.Unit = "" },
	"address":        func(n *khenthuong.Nomination) { n.Nominee.Address = "" },
	"classification": func(n *khenthuong.Nomination) { n.Nominee.Classification = "" },
	"field":          func(n *khenthuong.Nomination) { n.Nominee.Field = "" },
	"campaign":       func(n *khenthuong.Nomination) { n.CampaignID = 1 },
	"form":           func(n *khenthuong.Nomination) { n.FormCode = "-" },
	"status":         func(n *khenthuong.Nomination) { n.Status = khenthuong.StatusSubmitted },
	"reject_reason":  func(n *khenthuong.Nomination) { n.RejectReason = "-" },
	"achievement":    func(n *khenthuong.Nomination) { n.Achievement = "" },
	"proposing_unit": func(n *khenthuong.Nomination) { n.ProposingUnit = "" },
	"submission_no":  func(n *khenthuong.Nomination) { n.SubmissionNo = "" },
	"notes":          func(n *khenthuong.Nomination) { n.Notes = "" },
	"order":          func(n *khenthuong.Nomination) { n.Order = 0 },
}

// validateCampaign is every fault of a campaign, cleaned as the service will.
func validateCampaign(c khenthuong.Campaign) error {
	c.Normalize()
	return allFaults(c, (*khenthuong.Campaign).Validate, map[string]func(*khenthuong.Campaign){
		"name":   func(c *khenthuong.Campaign) { c.Name = "-" },
		"type":   func(c *khenthuong.Campaign) { c.Type = khenthuong.CampaignMovement },
		"to":     func(c *khenthuong.Campaign) { c.To = khenthuong.Date{} },
		"quotas": func(c *khenthuong.Campaign) { c.Quotas = nil },
	})
}

// validateForm is every fault of an award form, cleaned as the service will.
func validateForm(f khenthuong.AwardForm) error {
	f.Normalize()
	return allFaults(f, (*khenthuong.AwardForm).Validate, map[string]func(*khenthuong.AwardForm){
		"code":         func(f *khenthuong.AwardForm) { f.Code = "X" },
		"name":         func(f *khenthuong.AwardForm) { f.Name = "-" },
		"kinds":        func(f *khenthuong.AwardForm) { f.Kinds = []khenthuong.Kind{khenthuong.Individual} },
		"coefficients": func(f *khenthuong.AwardForm) { f.Coefficients = nil },
	})
}
