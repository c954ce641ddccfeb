package store

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"

	"khenthuong"
)

// Records are JSON: readable in a hex dump, tolerant of added fields, and the
// domain types already carry their JSON tags. Binary encodings are kept for
// keys and for the search index values, which are read 100,000 at a time.

// itob is the 8-byte big-endian key of an ID, so keys sort in ID order.
func itob(id uint64) []byte {
	b := make([]byte, 8)
	binary.BigEndian.PutUint64(b, id)
	return b
}

// btoi reads an 8-byte big-endian ID; short input gives 0.
func btoi(b []byte) uint64 {
	if len(b) < 8 {
		return 0
	}
	return binary.BigEndian.Uint64(b)
}

// encode is the stored form of a record: its JSON and a checksum trailer
// (see checksum.go), which keeps it valid JSON.
func encode(v any) ([]byte, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("encode %T: %w", v, err)
	}
	// The trailer goes into a copy of exactly its size: appended to
	// Marshal's buffer it would reallocate to half as much again, and a
	// transaction keeps every value it writes until it commits.
	out := make([]byte, len(b), len(b)+sumLen)
	copy(out, b)
	return appendSum(out), nil
}

// decode reads a record written by encode (or, without checksum, by an
// earlier version); a failed checksum or undecodable JSON is a *recordError.
func decode(b []byte, v any) error {
	body, _, ok := splitSum(b)
	if !ok {
		return damagedRecord(b, v, reasonSum, nil)
	}
	if err := json.Unmarshal(body, v); err != nil {
		return damagedRecord(b, v, reasonDecode, fmt.Errorf("decode %T: %w", v, err))
	}
	return nil
}

// nomineeRecord is what bucket nominees holds: the latest snapshot of a
// nominee under the ID its nominations share.
type nomineeRecord struct {
	ID uint64 `json:"id"`
	khenthuong.Nominee
}

// nomineeKey is nomineeID|nominationID in index bucket idx_nominee_nominations.
func nomineeKey(nomineeID, nominationID uint64) []byte {
	k := make([]byte, 16)
	binary.BigEndian.PutUint64(k, nomineeID)
	binary.BigEndian.PutUint64(k[8:], nominationID)
	return k
}

// campaignKey is campaignID|order|nominationID in idx_campaign_nominations:
// a prefix scan on campaignID lists a campaign in list order, and the last key
// gives the next free position.
func campaignKey(campaignID uint64, order int, nominationID uint64) []byte {
	k := make([]byte, 24)
	binary.BigEndian.PutUint64(k, campaignID)
	binary.BigEndian.PutUint64(k[8:], uint64(order))
	binary.BigEndian.PutUint64(k[16:], nominationID)
	return k
}

// searchKey is Fold(name) "\x00" nominationID in idx_search.
func searchKey(foldedName string, nominationID uint64) []byte {
	k := make([]byte, 0, len(foldedName)+9)
	k = append(k, foldedName...)
	k = append(k, 0)
	return append(k, itob(nominationID)...)
}

// splitSearchKey undoes searchKey.
func splitSearchKey(k []byte) (foldedName string, nominationID uint64, ok bool) {
	name, id, ok := splitSearchKeyBytes(k)
	return string(name), id, ok
}

// splitSearchKeyBytes is splitSearchKey with the name left in k.
func splitSearchKeyBytes(k []byte) (foldedName []byte, nominationID uint64, ok bool) {
	if len(k) < 9 || k[len(k)-9] != 0 {
		return nil, 0, false
	}
	return k[:len(k)-9], btoi(k[len(k)-8:]), true
}

// auditKey is entity "\x00" key "\x00" auditID in idx_audit.
func auditKey(entity, key string, auditID uint64) []byte {
	return append(auditPrefix(entity, key), itob(auditID)...)
}

func auditPrefix(entity, key string) []byte {
	p := make([]byte, 0, len(entity)+len(key)+10)
	p = append(p, entity...)
	p = append(p, 0)
	p = append(p, key...)
	return append(p, 0)
}

// searchValue is the value of an idx_search entry: everything a filter looks
// at, so the in-memory index is built by one cursor scan without decoding JSON.
type searchValue struct {
	CampaignID uint64
	NomineeID  uint64
	Order      int
	Kind       khenthuong.Kind
	FormCode   string
	Status     khenthuong.Status
	Unit       string // folded
	Position   string // folded
}

const searchValueVersion = 1

func (v *searchValue) MarshalBinary() []byte {
	b := make([]byte, 0, 32+len(v.Kind)+len(v.FormCode)+len(v.Status)+len(v.Unit)+len(v.Position)+5)
	b = append(b, searchValueVersion)
	b = binary.AppendUvarint(b, v.CampaignID)
	b = binary.AppendUvarint(b, v.NomineeID)
	b = binary.AppendUvarint(b, uint64(v.Order))
	for _, s := range []string{string(v.Kind), v.FormCode, string(v.Status), v.Unit, v.Position} {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	return b
}

func (v *searchValue) UnmarshalBinary(b []byte) error {
	nums, strs, ok := splitSearchValue(b)
	if !ok {
		return &recordError{what: "mục chỉ mục tìm kiếm", reason: reasonDecode,
			err: fmt.Errorf("search index value %s: malformed", brief(b))}
	}
	*v = searchValue{
		CampaignID: nums[0], NomineeID: nums[1], Order: int(nums[2]),
		Kind: khenthuong.Kind(strs[0]), FormCode: string(strs[1]), Status: khenthuong.Status(strs[2]),
		Unit: string(strs[3]), Position: string(strs[4]),
	}
	return nil
}

// splitSearchValue reads a searchValue without allocating: its numbers, and
// its strings as slices of b (kind, form, status, unit, position).
func splitSearchValue(b []byte) (nums [3]uint64, strs [5][]byte, ok bool) {
	if len(b) == 0 || b[0] != searchValueVersion {
		return nums, strs, false
	}
	b = b[1:]
	for i := range nums {
		n, size := binary.Uvarint(b)
		if size <= 0 {
			return nums, strs, false
		}
		nums[i], b = n, b[size:]
	}
	for i := range strs {
		n, size := binary.Uvarint(b)
		if size <= 0 || uint64(len(b)-size) < n {
			return nums, strs, false
		}
		strs[i], b = b[size:size+int(n)], b[size+int(n):]
	}
	return nums, strs, len(b) == 0
}

// brief shows raw bytes in a message: a damaged length can make a key
// gigabytes long, so only its start is shown.
func brief(b []byte) string {
	if len(b) <= 32 {
		return fmt.Sprintf("%x", b)
	}
	return fmt.Sprintf("%x… (%d byte)", b[:32], len(b))
}

// hasPrefixKey reports whether a cursor key is still inside a prefix scan.
func hasPrefixKey(k, prefix []byte) bool { return k != nil && bytes.HasPrefix(k, prefix) }

// pairKey is nomineeID|nomineeID, the smaller first, in nominee_distinct.
func pairKey(p khenthuong.NomineePair) []byte {
	k := make([]byte, 16)
	binary.BigEndian.PutUint64(k, p[0])
	binary.BigEndian.PutUint64(k[8:], p[1])
	return k
}

// campaignDecisionKey is campaignID|decisionID in idx_campaign_decisions.
func campaignDecisionKey(campaignID, decisionID uint64) []byte {
	k := make([]byte, 16)
	binary.BigEndian.PutUint64(k, campaignID)
	binary.BigEndian.PutUint64(k[8:], decisionID)
	return k
}

// recipientValue is the value of an idx_nomination_decision entry: the
// decision that lists the nomination and, once it is issued, what it gave
// (the award), so that the review warnings and the history read awards
// without decoding whole decisions.
type recipientValue struct {
	DecisionID uint64
	Issued     bool
	Award      khenthuong.Award // zero for a draft; NominationID is the key
}

const recipientValueVersion = 1

func (v *recipientValue) MarshalBinary() []byte {
	a := &v.Award
	b := make([]byte, 0, 40+len(a.FormCode)+len(a.DecisionNumber)+len(a.RegistryNo))
	b = append(b, recipientValueVersion)
	b = binary.AppendUvarint(b, v.DecisionID)
	issued := byte(0)
	if v.Issued {
		issued = 1
	}
	b = append(b, issued)
	for _, n := range []int{a.DecisionDate.Year, a.DecisionDate.Month, a.DecisionDate.Day} {
		b = binary.AppendUvarint(b, uint64(n))
	}
	b = binary.AppendVarint(b, a.Amount)
	for _, s := range []string{a.FormCode, a.DecisionNumber, a.RegistryNo} {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	return b
}

func (v *recipientValue) UnmarshalBinary(b []byte) error {
	return v.unmarshal(b, func(s []byte) string { return string(s) })
}

// unmarshal is UnmarshalBinary with the form and decision number made by str,
// which may share them: they recur in every recipient of a decision.
func (v *recipientValue) unmarshal(b []byte, str func([]byte) string) error {
	bad := func() error {
		return &recordError{what: "mục chỉ mục quyết định", reason: reasonDecode,
			err: fmt.Errorf("decision index value %s: malformed", brief(b))}
	}
	if len(b) < 3 || b[0] != recipientValueVersion {
		return bad()
	}
	rest := b[1:]
	var nums [5]uint64 // decision ID, issued, year, month, day
	for i := range nums {
		if i == 1 {
			if len(rest) == 0 || rest[0] > 1 {
				return bad()
			}
			nums[i], rest = uint64(rest[0]), rest[1:]
			continue
		}
		n, size := binary.Uvarint(rest)
		if size <= 0 || (i > 1 && n > 1<<16) {
			return bad()
		}
		nums[i], rest = n, rest[size:]
	}
	amount, size := binary.Varint(rest)
	if size <= 0 {
		return bad()
	}
	rest = rest[size:]
	var strs [3]string
	for i := range strs {
		n, size := binary.Uvarint(rest)
		if size <= 0 || uint64(len(rest)-size) < n {
			return bad()
		}
		if field := rest[size : size+int(n)]; i < 2 {
			strs[i] = str(field)
		} else {
			strs[i] = string(field) // registry numbers do not repeat
		}
		rest = rest[size+int(n):]
	}
	if len(rest) != 0 {
		return bad()
	}
	*v = recipientValue{DecisionID: nums[0], Issued: nums[1] == 1, Award: khenthuong.Award{
		FormCode: strs[0], DecisionNumber: strs[1], RegistryNo: strs[2], Amount: amount,
		DecisionDate: khenthuong.Date{Year: int(nums[2]), Month: int(nums[3]), Day: int(nums[4])},
	}}
	if v.Issued {
		v.Award.DecisionID = v.DecisionID
	}
	return nil
}
