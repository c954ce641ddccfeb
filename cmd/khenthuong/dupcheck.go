package main

import (
	"cmp"
	"slices"
	"strconv"

	"khenthuong"
	"khenthuong/roster"
	"khenthuong/vntext"
)

// nameChunk is how many distinct names one look-up asks the store for.
const nameChunk = 256

// storedLookalikes returns what the import's duplicate check needs of the
// stored nominations sharing a name with a row of im: read by chunks of
// names, each kept only if no earlier one of the same kind, name, unit and
// birth year was (the check reports the first stored nomination that looks
// like a row, and which one that is depends on nothing else), and without
// the fields the check does not read. With names repeating across years, a
// 10,000-row list matches a third of a 300,000-nomination file: memory holds
// one chunk and the distinct look-alikes, not the matches.
func storedLookalikes(svc khenthuong.QueryService, im *roster.Import) ([]khenthuong.Nomination, error) {
	names := im.Names()
	var out []khenthuong.Nomination
	kept := map[string]bool{}
	for start := 0; start < len(names); start += nameChunk {
		ns, err := svc.NominationsByName(names[start:min(start+nameChunk, len(names))])
		if err != nil {
			return nil, err
		}
		for i := range ns {
			n := &ns[i]
			k := string(n.Nominee.Kind) + "|" + vntext.Fold(n.Nominee.Name)
			if n.Nominee.Kind == khenthuong.Individual {
				k += "|" + vntext.Fold(n.Nominee.Unit) + "|" + strconv.Itoa(n.Nominee.Birth.Year)
			}
			if kept[k] {
				continue
			}
			kept[k] = true
			out = append(out, khenthuong.Nomination{ID: n.ID, CampaignID: n.CampaignID, NomineeID: n.NomineeID,
				Nominee: n.Nominee, FormCode: n.FormCode, Status: n.Status})
		}
	}
	// The check reports the first look-alike in ID order, as one look-up lists them.
	slices.SortFunc(out, func(a, b khenthuong.Nomination) int { return cmp.Compare(a.ID, b.ID) })
	return out, nil
}
