package roster

import (
	"fmt"
	"strings"

	"khenthuong"
	"khenthuong/vntext"
)

// dupRow is what the duplicate check keeps of a row: enough to match it
// and to name it in a warning, not the whole row (a twentieth of its size).
// The texts rows repeat (sheet, form, kind, title, position, unit) are
// numbers into the index's list of them.
type dupRow struct {
	name                                     string
	line, year                               int32
	sheet, form, kind, title, position, unit uint32
}

// dupIndex holds a dupRow per row read, the repeated texts shared.
type dupIndex struct {
	rows   []dupRow
	texts  []string
	shared map[string]uint32
}

func (d *dupIndex) add(r *Row) {
	if d.shared == nil {
		d.shared = map[string]uint32{}
	}
	// Copies: a cell's text may be part of a larger string the reader
	// allocated (a CSV line, a sheet), which a slice of it would keep.
	share := func(s string) uint32 {
		if v, ok := d.shared[s]; ok {
			return v
		}
		s = strings.Clone(s)
		d.shared[s] = uint32(len(d.texts))
		d.texts = append(d.texts, s)
		return uint32(len(d.texts) - 1)
	}
	n := &r.Nomination.Nominee
	d.rows = append(d.rows, dupRow{sheet: share(r.Sheet), line: int32(r.Line), form: share(r.Nomination.FormCode),
		kind: share(string(n.Kind)), title: share(n.Title), name: strings.Clone(n.Name),
		year: int32(n.Birth.Year), position: share(n.Position), unit: share(n.Unit)})
}

// nominee is the part of row i's nominee the check reads.
func (d *dupIndex) nominee(i int) khenthuong.Nominee {
	r := &d.rows[i]
	return khenthuong.Nominee{Kind: khenthuong.Kind(d.texts[r.kind]), Title: d.texts[r.title], Name: r.name,
		Birth: khenthuong.Date{Year: int(r.year)}, Position: d.texts[r.position], Unit: d.texts[r.unit]}
}

// dupRows is the index of the rows read, made from Rows for an Import
// built without Read.
func (im *Import) dupRows() *dupIndex {
	if im.read == 0 && len(im.dups.rows) == 0 {
		for i := range im.Rows {
			im.dups.add(&im.Rows[i])
		}
	}
	return &im.dups
}

// Names returns the folded names of the rows read, each once: the stored
// nominations the duplicate check needs are those sharing one.
func (im *Import) Names() []string {
	var names []string
	seen := map[string]bool{}
	for _, r := range im.dupRows().rows {
		if f := vntext.Fold(r.name); f != "" && !seen[f] {
			seen[f] = true
			names = append(names, f)
		}
	}
	return names
}

// CheckDuplicates adds a warning to every row that looks like an earlier row
// of the file or like a stored nomination: same kind and folded name, and for
// an individual also the same unit or the same birth year (or neither known
// on both sides). Each warning names the matching row or record (the first
// of existing to match). Call it once, after Read.
func (im *Import) CheckDuplicates(existing []khenthuong.Nomination) {
	stored := storedIndex(existing)
	im.checkDuplicates(func(_ int, nm *khenthuong.Nominee) (string, bool) {
		w := stored.match(nm)
		return w, w != ""
	})
}

// CheckDuplicatesBy is CheckDuplicates asking lookup for the stored
// nominations by chunks of at most chunk folded names (lookup gives every
// stored nomination with one of the names, in ID order): memory holds one
// chunk's nominations, not every look-alike of a long list.
func (im *Import) CheckDuplicatesBy(lookup func(foldedNames []string) ([]khenthuong.Nomination, error), chunk int) error {
	return im.CheckDuplicatesAwarded(lookup, nil, chunk)
}

// CheckDuplicatesAwarded is CheckDuplicatesBy asking awards, when not nil,
// for the awards of the approved stored nominations rows look like (by
// nomination ID, those an issued decision lists; once per chunk): the warning about one already awarded
// names the decision ("Quyết định số 1234/QĐ-UBND ngày 02/06/2024"), not
// only its campaign and status.
func (im *Import) CheckDuplicatesAwarded(lookup func(foldedNames []string) ([]khenthuong.Nomination, error),
	awards func(nominationIDs []uint64) (map[uint64]khenthuong.Award, error), chunk int) error {
	d := im.dupRows()
	byName := map[string][]int32{} // folded name -> rows
	var names []string
	for i := range d.rows {
		f := vntext.Fold(d.rows[i].name)
		if f == "" {
			continue
		}
		if _, ok := byName[f]; !ok {
			names = append(names, f)
		}
		byName[f] = append(byName[f], int32(i))
	}
	// The stored nominations rows look like, by chunks of names. When the
	// report keeps only its first warnings, a first pass only marks the rows
	// that match, and the second words the warnings of the first of them.
	found := make([]string, len(d.rows)) // row -> its warning about a stored nomination
	matched := make([]bool, len(d.rows))
	worded := im.keepWarnings == 0
	err := lookupChunks(names, chunk, lookup, func(part []string, stored storedMatches) error {
		var rows []int32
		for _, name := range part {
			rows = append(rows, byName[name]...)
		}
		return im.matchStored(rows, stored, matched, found, awards, worded)
	})
	if err != nil {
		return err
	}
	if !worded {
		var first []int32
		var firstNames []string
		for i := range matched {
			if len(first) == im.keepWarnings {
				break
			}
			if matched[i] {
				first = append(first, int32(i))
				firstNames = append(firstNames, vntext.Fold(d.rows[i].name))
			}
		}
		err := lookupChunks(firstNames, chunk, lookup, func(part []string, stored storedMatches) error {
			rows := first[:len(part)]
			first = first[len(part):]
			return im.matchStored(rows, stored, matched, found, awards, true)
		})
		if err != nil {
			return err
		}
	}
	im.checkDuplicates(func(i int, _ *khenthuong.Nominee) (string, bool) {
		w := found[i]
		found[i] = "" // the warning's own now
		return w, matched[i]
	})
	return nil
}

// lookupChunks asks lookup for the stored nominations of names, chunk
// names at a time, and gives each chunk's to match.
func lookupChunks(names []string, chunk int, lookup func([]string) ([]khenthuong.Nomination, error),
	match func(part []string, stored storedMatches) error) error {
	for start := 0; start < len(names); start += chunk {
		part := names[start:min(start+chunk, len(names))]
		ns, err := lookup(part)
		if err != nil {
			return err
		}
		if err := match(part, storedIndex(ns)); err != nil {
			return err
		}
	}
	return nil
}

// matchStored marks the rows that look like a stored nomination and, when
// worded, gives them their warning, naming the decision that awarded it.
func (im *Import) matchStored(rows []int32, stored storedMatches, matched []bool, found []string,
	awards func(nominationIDs []uint64) (map[uint64]khenthuong.Award, error), worded bool) error {
	d := &im.dups
	like := map[int32]*khenthuong.Nomination{} // row -> the stored nomination it looks like
	var approved []uint64
	for _, i := range rows {
		nm := d.nominee(int(i))
		if o := stored.find(&nm); o != nil {
			matched[i] = true
			like[i] = o
			if o.Status == khenthuong.StatusApproved { // only those can be in an issued decision
				approved = append(approved, o.ID)
			}
		}
	}
	if !worded {
		return nil
	}
	if awards != nil && len(approved) > 0 {
		var err error
		if stored.awards, err = awards(approved); err != nil {
			return err
		}
	}
	for i, o := range like {
		found[i] = stored.warning(o)
	}
	return nil
}

// storedMatches indexes stored nominations by dupKey.
type storedMatches struct {
	ns     []khenthuong.Nomination
	key    map[string][]int
	awards map[uint64]khenthuong.Award // of the nominations an issued decision lists
}

func storedIndex(ns []khenthuong.Nomination) storedMatches {
	m := storedMatches{ns: ns, key: map[string][]int{}}
	for i := range ns {
		k := dupKey(&ns[i].Nominee)
		m.key[k] = append(m.key[k], i)
	}
	return m
}

// match is the warning about the first stored nomination nm looks like, or "".
func (m storedMatches) match(nm *khenthuong.Nominee) string {
	if o := m.find(nm); o != nil {
		return m.warning(o)
	}
	return ""
}

// find is the first stored nomination nm looks like, or nil.
func (m storedMatches) find(nm *khenthuong.Nominee) *khenthuong.Nomination {
	for _, j := range m.key[dupKey(nm)] {
		if o := &m.ns[j]; sameNominee(nm, &o.Nominee) {
			return o
		}
	}
	return nil
}

// warning names stored nomination o to a row that looks like it.
func (m storedMatches) warning(o *khenthuong.Nomination) string {
	return fmt.Sprintf("Có thể trùng với đề nghị mã %d đã có (đợt %d, %s): %s", o.ID, o.CampaignID, m.state(o), describe(&o.Nominee, o.FormCode))
}

// state is where stored nomination o stands: the decision that awarded it
// ("đã được tặng theo Quyết định số 1234/QĐ-UBND ngày 02/06/2024"), else its status.
func (m storedMatches) state(o *khenthuong.Nomination) string {
	a, ok := m.awards[o.ID]
	if !ok {
		return o.Status.Label()
	}
	s := "đã được tặng theo Quyết định số " + a.DecisionNumber
	switch {
	case a.DecisionDate.YearOnly(): // an archive decision known by its year
		s += " năm " + a.DecisionDate.Display()
	case !a.DecisionDate.IsZero():
		s += " ngày " + a.DecisionDate.Display()
	}
	return s
}

// checkDuplicates warns of the rows like an earlier row, and of those
// stored gives a warning for (row index, nominee).
func (im *Import) checkDuplicates(stored func(i int, nm *khenthuong.Nominee) (string, bool)) {
	nameCols := map[string]string{}
	for _, s := range im.Sheets {
		for _, c := range s.Columns {
			if c.Field == FieldName {
				nameCols[s.Name] = c.Letter + " (" + c.Header + ")"
				break
			}
		}
	}
	d := im.dupRows()
	kept := 0 // warnings of the check kept
	// The rows of a key form a chain in file order, each row pointing to the
	// next: a few bytes a row rather than a list per key.
	chain := map[string][2]int32{} // key -> its first and last rows, +1
	next := make([]int32, len(d.rows))
	for i := range d.rows {
		r := &d.rows[i]
		nominee := d.nominee(i)
		nm := &nominee
		if nm.Name == "" {
			continue
		}
		sheet := d.texts[r.sheet]
		warn := func(msg func() string) {
			if im.keepWarnings > 0 && kept >= im.keepWarnings {
				im.droppedWarnings++ // counted, not worded: the report names the first ones
				return
			}
			kept++
			im.Problems = append(im.Problems, Problem{
				Sheet: sheet, Row: int(r.line), Column: nameCols[sheet], Value: nm.DisplayName(),
				Message: msg(), Severity: SeverityWarning,
			})
		}
		k := dupKey(nm)
		ends := chain[k]
		for j := int(ends[0]) - 1; j >= 0; j = int(next[j]) - 1 {
			if on := d.nominee(j); sameNominee(nm, &on) {
				warn(func() string {
					o := &d.rows[j]
					where := fmt.Sprintf("dòng %d", o.line)
					if o.sheet != r.sheet {
						where = fmt.Sprintf("trang “%s”, dòng %d", d.texts[o.sheet], o.line)
					}
					return fmt.Sprintf("Có thể trùng với %s của tệp: %s", where, describe(&on, d.texts[o.form]))
				})
				break
			}
		}
		if ends[0] == 0 {
			ends[0] = int32(i + 1)
		} else {
			next[ends[1]-1] = int32(i + 1)
		}
		ends[1] = int32(i + 1)
		chain[k] = ends
		if w, ok := stored(i, nm); ok {
			warn(func() string { return w })
		}
	}
	im.sortProblems()
	if im.keepWarnings > 0 {
		im.Problems = im.firstWarnings(im.keepWarnings)
	}
}

// KeepWarnings makes the duplicate check that follows keep in Problems only
// the first n warnings, in the report's order, and count the others
// (Warnings counts them all): for a report that names no more, a list of
// 100,000 rows with tens of thousands of likely duplicates costs the words
// of n. Errors are all kept.
func (im *Import) KeepWarnings(n int) { im.keepWarnings = max(n, 0) }

// firstWarnings is Problems with the warnings after the first n counted
// and let go.
func (im *Import) firstWarnings(n int) []Problem {
	var kept []Problem // a new array: the long one goes
	for _, p := range im.Problems {
		if p.Severity == SeverityWarning {
			if n == 0 {
				im.droppedWarnings++
				continue
			}
			n--
		}
		kept = append(kept, p)
	}
	return kept
}

// DropDuplicateIndex lets go of what Read kept of every row for the
// duplicate check (and Names), once the check is made: a long list's write
// has better use for the memory.
func (im *Import) DropDuplicateIndex() {
	if im.read > 0 {
		im.dups = dupIndex{}
	}
}

func dupKey(n *khenthuong.Nominee) string { return string(n.Kind) + "|" + vntext.Fold(n.Name) }

// sameNominee compares two nominees with the same kind and folded name.
func sameNominee(a, b *khenthuong.Nominee) bool {
	if a.Kind != khenthuong.Individual {
		return true
	}
	ua, ub := vntext.Fold(a.Unit), vntext.Fold(b.Unit)
	switch {
	case ua != "" && ua == ub:
		return true
	case a.Birth.Year != 0 && a.Birth.Year == b.Birth.Year:
		return true
	}
	return ua == "" && ub == "" && a.Birth.Year == 0 && b.Birth.Year == 0
}

// describe names a nomination in a warning: "Ông Nguyễn Văn An, Sở Tư pháp, 1975, BKCT".
func describe(n *khenthuong.Nominee, form string) string {
	parts := []string{n.DisplayName()}
	if pu := n.PositionAndUnit(); pu != "" {
		parts = append(parts, pu)
	}
	if n.Birth.Year != 0 {
		parts = append(parts, fmt.Sprint(n.Birth.Year))
	}
	if form != "" {
		parts = append(parts, form)
	}
	return strings.Join(parts, ", ")
}
