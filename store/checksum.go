package store

import (
	"encoding/json"
	"fmt"
	"hash/crc32"
	"strconv"

	"khenthuong"
)

// Every record written through encode carries a CRC-32C of its JSON, so a
// byte flipped inside a record (a text changed, a field lost) is noticed when
// the record is read and by Check, instead of being served as data.
//
// The checksum is written as trailing JSON whitespace: a marker "\r\t" and 16
// characters from " \t\n\r", two bits each. The value stays valid JSON, so
// everything that reads records as JSON (json.Valid, an audit record embedding
// one as json.RawMessage, which Marshal compacts, the raw export) keeps
// working, and a record written by an earlier version, which has no trailer,
// still reads: it is taken as it is (Check cannot vouch for it until it is
// written again). A flipped trailer byte either breaks the JSON or the sum.

const (
	sumDigits = 16
	sumLen    = 2 + sumDigits
)

var (
	sumTable  = crc32.MakeTable(crc32.Castagnoli)
	sumMarker = [2]byte{'\r', '\t'}
	sumSyms   = [4]byte{' ', '\t', '\n', '\r'}
)

// appendSum appends the checksum trailer of b to b.
func appendSum(b []byte) []byte {
	sum := crc32.Checksum(b, sumTable)
	b = append(b, sumMarker[:]...)
	for i := sumDigits - 1; i >= 0; i-- {
		b = append(b, sumSyms[(sum>>(2*i))&3])
	}
	return b
}

func sumSym(c byte) (uint32, bool) {
	for i, s := range sumSyms {
		if c == s {
			return uint32(i), true
		}
	}
	return 0, false
}

func isJSONSpace(c byte) bool { _, ok := sumSym(c); return ok }

// splitSum returns the JSON of a stored value without its trailer, whether it
// had one, and whether the sum matches (true for a value without trailer).
func splitSum(v []byte) (body []byte, summed, ok bool) {
	n := len(v)
	if n <= sumLen || v[n-sumLen] != sumMarker[0] || v[n-sumLen+1] != sumMarker[1] || isJSONSpace(v[n-sumLen-1]) {
		return v, false, true
	}
	var want uint32
	for _, c := range v[n-sumDigits:] {
		d, isSym := sumSym(c)
		if !isSym {
			return v, false, true
		}
		want = want<<2 | d
	}
	body = v[:n-sumLen]
	return body, true, crc32.Checksum(body, sumTable) == want
}

// jsonOf is a stored value's JSON without its checksum trailer.
func jsonOf(v []byte) []byte {
	body, _, _ := splitSum(v)
	return body
}

// recordError is a stored record that fails its checksum or does not decode:
// damage in the file, reported as ECORRUPT naming the record.
type recordError struct {
	what   string // Vietnamese: "đề nghị số 12"
	reason string // Vietnamese: why it is refused
	err    error  // for the log
}

func (e *recordError) Error() string {
	if e.err != nil {
		return fmt.Sprintf("record %s damaged: %s: %v", e.what, e.reason, e.err)
	}
	return fmt.Sprintf("record %s damaged: %s", e.what, e.reason)
}

func (e *recordError) Unwrap() error { return e.err }

// recordNames are the Vietnamese names of the record types, for messages.
var recordNames = map[string]string{
	"*khenthuong.Nomination":     "đề nghị",
	"*khenthuong.Campaign":       "đợt khen thưởng",
	"*khenthuong.Decision":       "quyết định",
	"*khenthuong.AwardForm":      "hình thức khen thưởng",
	"*khenthuong.Settings":       "thiết lập",
	"*khenthuong.AuditRecord":    "nhật ký thay đổi",
	"*khenthuong.RegistrySeries": "sổ vàng",
	"*khenthuong.PrinterProfile": "máy in",
	"*store.nomineeRecord":       "đối tượng",
}

// damagedRecord names the record held in v (of Go type dst) as well as the
// damage allows: by its type, and by the "id" or "code" its JSON still shows.
func damagedRecord(v []byte, dst any, reason string, err error) *recordError {
	name := recordNames[fmt.Sprintf("%T", dst)]
	if name == "" {
		name = "bản ghi"
	}
	var ident struct {
		ID   uint64 `json:"id"`
		Code string `json:"code"`
	}
	if json.Unmarshal(jsonOf(v), &ident) == nil {
		switch {
		case ident.ID != 0:
			name += " số " + strconv.FormatUint(ident.ID, 10)
		case ident.Code != "":
			name += " “" + ident.Code + "”"
		}
	}
	return &recordError{what: name, reason: reason, err: err}
}

// recordCorrupt is the clerk's message for a damaged record met while reading.
func recordCorrupt(path string, re *recordError) *khenthuong.Error {
	e := khenthuong.Errorf(khenthuong.ECORRUPT,
		"Tệp dữ liệu “%s” bị hỏng: bản ghi %s %s. Không ghi gì thêm vào tệp này.", path, re.what, re.reason)
	e.Message += latestBackupHint(path)
	e.Err = re
	return e
}

const (
	reasonSum    = "sai mã kiểm tra (nội dung đã bị thay đổi ngoài chương trình)"
	reasonDecode = "không đọc được"
)
