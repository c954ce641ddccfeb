package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"hash/crc32"
	"runtime/debug"

	bolt "go.etcd.io/bbolt"
	"golang.org/x/text/unicode/norm"

	"khenthuong"
	"khenthuong/vntext"
)

// Problem is one inconsistency found by Check. Entity and Key name the record
// ("nomination", "12"); Message says what is wrong, for the clerk.
type Problem struct {
	Entity  string `json:"entity"`
	Key     string `json:"key"`
	Message string `json:"message"`
}

func (p Problem) String() string {
	if p.Key == "" {
		return fmt.Sprintf("%s: %s", p.Entity, p.Message)
	}
	return fmt.Sprintf("%s %s: %s", p.Entity, p.Key, p.Message)
}

// Problem entities besides the audit ones.
const (
	entityFile     = "file"
	entityMeta     = "meta"
	entityNominee  = "nominee"
	entityDecision = "decision"
	entityIndex    = "index"
	entityAudit    = "audit"
)

// CheckFile opens the data file at path read-only and checks it.
func CheckFile(path string) ([]Problem, error) {
	db, err := Open(path, Options{ReadOnly: true, NoBackup: true})
	if err != nil {
		return nil, err
	}
	defer db.Close()
	return db.Check()
}

// Check runs bbolt's structural check and the store's own invariants: every
// record decodes and sits under its own ID, nominations point to an existing
// campaign, form and nominee, the index buckets agree with the data both
// ways, sequences are above the highest ID, and text is NFC.
func (db *DB) Check() ([]Problem, error) {
	// The checker's maps hold an entry per record: collect garbage sooner
	// than usual while they grow, so the heap stays near what they need.
	defer debug.SetGCPercent(debug.SetGCPercent(40))
	var ps []Problem
	err := db.view("check", func(tx *bolt.Tx) error {
		defer dropWhile(tx)() // every page is read: keep them out of the process's memory
		// bbolt trusts page numbers, and checks in a goroutine of its own
		// where a fault crashes the program. So the file must have all its
		// pages and a sound page tree (verifyPages), and our own checks, which
		// read every record from this goroutine (where view turns faults into
		// panics), go first: bbolt's walk then only visits readable pages.
		if err := checkSize(tx, db.path); err != nil {
			ps = append(ps, Problem{Entity: entityFile, Message: "Tệp bị cắt cụt, thiếu dữ liệu: " + err.Error()})
			return nil
		}
		if err := verifyPages(tx, db.path, true); err != nil {
			ps = append(ps, Problem{Entity: entityFile, Message: "Cấu trúc tệp bị hỏng: " + err.Error()})
			return nil
		}
		c := &checker{tx: tx}
		if err := c.safeRun(); err != nil {
			ps = append(c.problems, Problem{Entity: entityFile, Message: "Không đọc được tệp: " + err.Error()})
			return nil
		}
		if len(c.problems) > 0 {
			// Already known to be damaged: bbolt's walk would add little and
			// could meet the damage where it cannot be recovered from.
			ps = c.problems
			return nil
		}
		for err := range tx.Check(bolt.WithKVStringer(lengthStringer{})) {
			ps = append(ps, Problem{Entity: entityFile, Message: "Cấu trúc tệp bị lỗi: " + err.Error()})
		}
		return nil
	})
	return ps, err
}

// checker accumulates the problems of one Check.
type checker struct {
	tx       *bolt.Tx
	problems []Problem

	campaigns   map[uint64]bool
	forms       map[string]bool
	nominees    map[uint64]bool
	nominations map[uint64]*checkedNomination
}

// checkedNomination is what the reverse index checks compare against.
type checkedNomination struct {
	campaignID, nomineeID uint64
	order                 int
	searchKey             string
}

func (c *checker) add(entity, key, format string, args ...any) {
	c.problems = append(c.problems, Problem{Entity: entity, Key: key, Message: fmt.Sprintf(format, args...)})
}

// safeRun reads every byte of every key and value, then runs the checks,
// turning a panic of bbolt on a damaged page into an error.
func (c *checker) safeRun() (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	drop := dropper(c.tx)
	_ = c.tx.ForEach(func(_ []byte, b *bolt.Bucket) error {
		touchBucket(b, drop)
		return nil
	})
	c.run()
	return nil
}

// lengthStringer names keys and values in bbolt's check messages by their
// length only: printing them would read a damaged key's bytes, possibly past
// the end of the file, in a goroutine where that fault cannot be recovered.
type lengthStringer struct{}

func (lengthStringer) KeyToString(k []byte) string { return fmt.Sprintf("(khóa %d byte)", len(k)) }
func (lengthStringer) ValueToString(v []byte) string {
	return fmt.Sprintf("(giá trị %d byte)", len(v))
}

// touchBucket reads all of b (a checksum is the cheapest full read), so a
// damaged page faults here, where it can be reported, rather than in bbolt's
// own check.
func touchBucket(b *bolt.Bucket, drop func()) uint32 {
	var sum uint32
	cur := b.Cursor()
	for k, v := cur.First(); k != nil; k, v = cur.Next() {
		drop()
		sum = crc32.Update(sum, crc32.IEEETable, k)
		if v == nil {
			if child := b.Bucket(k); child != nil {
				sum ^= touchBucket(child, drop)
			}
			continue
		}
		sum = crc32.Update(sum, crc32.IEEETable, v)
	}
	return sum
}

func (c *checker) run() {
	missing := false
	for _, name := range allBuckets {
		if c.tx.Bucket(name) == nil {
			c.add(entityFile, string(name), "Thiếu nhóm dữ liệu “%s”", name)
			missing = true
		}
	}
	if missing {
		return
	}
	if schema, _, err := readSchema(c.tx); err != nil {
		c.add(entityMeta, "schema", "Không đọc được phiên bản lược đồ")
	} else if schema > currentSchema() {
		c.add(entityMeta, "schema", "Lược đồ %d mới hơn phiên bản chương trình (%d)", schema, currentSchema())
	}
	c.checkCampaigns()
	c.checkForms()
	c.checkNominees()
	c.checkNominations()
	c.checkNomineeIndex()
	c.checkCampaignIndex()
	c.checkSearchIndex()
	c.checkDecisions()
	c.checkDecisionIndexes()
	c.checkSettings()
	c.checkAudit()
}

// forEachID visits an ID-keyed bucket, reporting malformed keys and a
// sequence below the highest ID (the next record would overwrite one).
func (c *checker) forEachID(bucket []byte, entity string, fn func(id uint64, v []byte)) {
	b := c.tx.Bucket(bucket)
	var max uint64
	drop := dropper(c.tx)
	_ = b.ForEach(func(k, v []byte) error {
		drop()
		if len(k) != 8 || v == nil {
			c.add(entity, brief(k), "Khóa không hợp lệ trong nhóm “%s”", bucket)
			return nil
		}
		id := btoi(k)
		max = max2(max, id)
		c.checkText(entity, idKey(id), v)
		fn(id, v)
		return nil
	})
	if seq := b.Sequence(); seq < max {
		c.add(entity, "", "Bộ đếm số thứ tự (%d) nhỏ hơn số lớn nhất đang dùng (%d)", seq, max)
	}
}

func max2(a, b uint64) uint64 {
	if a > b {
		return a
	}
	return b
}

// decodeAs decodes a record, reporting a failure as a problem.
func (c *checker) decodeAs(entity, key string, v []byte, dst any) bool {
	if err := decode(v, dst); err != nil {
		c.add(entity, key, "Không đọc được bản ghi: %v", err)
		return false
	}
	return true
}

func (c *checker) checkCampaigns() {
	c.campaigns = map[uint64]bool{}
	c.forEachID(bucketCampaigns, entityCampaign, func(id uint64, v []byte) {
		var cp khenthuong.Campaign
		if !c.decodeAs(entityCampaign, idKey(id), v, &cp) {
			return
		}
		if cp.ID != id {
			c.add(entityCampaign, idKey(id), "Bản ghi mang số %d nhưng nằm ở khóa %d", cp.ID, id)
		}
		c.campaigns[id] = true
	})
}

func (c *checker) checkForms() {
	c.forms = map[string]bool{}
	_ = c.tx.Bucket(bucketForms).ForEach(func(k, v []byte) error {
		code := string(k)
		c.checkText(entityForm, code, v)
		var f khenthuong.AwardForm
		if !c.decodeAs(entityForm, code, v, &f) {
			return nil
		}
		if f.Code != code {
			c.add(entityForm, code, "Hình thức mang mã “%s” nhưng nằm ở khóa “%s”", f.Code, code)
		}
		c.forms[code] = true
		return nil
	})
}

func (c *checker) checkNominees() {
	c.nominees = map[uint64]bool{}
	c.forEachID(bucketNominees, entityNominee, func(id uint64, v []byte) {
		var rec nomineeRecord
		if !c.decodeAs(entityNominee, idKey(id), v, &rec) {
			return
		}
		if rec.ID != id {
			c.add(entityNominee, idKey(id), "Bản ghi mang số %d nhưng nằm ở khóa %d", rec.ID, id)
		}
		c.nominees[id] = true
	})
}

func (c *checker) checkNominations() {
	c.nominations = map[uint64]*checkedNomination{}
	nomineeIdx := c.tx.Bucket(bucketNomineeIdx)
	campaignIdx := c.tx.Bucket(bucketCampaignIdx)
	searchIdx := c.tx.Bucket(bucketSearchIdx)
	c.forEachID(bucketNominations, entityNomination, func(id uint64, v []byte) {
		key := idKey(id)
		var n khenthuong.Nomination
		if !c.decodeAs(entityNomination, key, v, &n) {
			return
		}
		if n.ID != id {
			c.add(entityNomination, key, "Bản ghi mang số %d nhưng nằm ở khóa %d", n.ID, id)
		}
		if !c.campaigns[n.CampaignID] {
			c.add(entityNomination, key, "Đợt khen thưởng số %d không tồn tại", n.CampaignID)
		}
		if !c.forms[n.FormCode] {
			c.add(entityNomination, key, "Hình thức “%s” không có trong danh mục", n.FormCode)
		}
		if !c.nominees[n.NomineeID] {
			c.add(entityNomination, key, "Đối tượng số %d không tồn tại", n.NomineeID)
		}
		sk := searchKey(vntext.Fold(n.Nominee.Name), id)
		c.nominations[id] = &checkedNomination{
			campaignID: n.CampaignID, nomineeID: n.NomineeID, order: n.Order, searchKey: string(sk),
		}
		if nomineeIdx.Get(nomineeKey(n.NomineeID, id)) == nil {
			c.add(entityIndex, key, "Thiếu mục chỉ mục đối tượng của đề nghị số %d", id)
		}
		if campaignIdx.Get(campaignKey(n.CampaignID, n.Order, id)) == nil {
			c.add(entityIndex, key, "Thiếu mục chỉ mục đợt khen thưởng của đề nghị số %d", id)
		}
		sv := searchValueOf(&n)
		if got := searchIdx.Get(sk); got == nil {
			c.add(entityIndex, key, "Thiếu mục chỉ mục tìm kiếm của đề nghị số %d", id)
		} else if !bytes.Equal(got, sv.MarshalBinary()) {
			c.add(entityIndex, key, "Mục chỉ mục tìm kiếm của đề nghị số %d không khớp với đề nghị", id)
		}
	})
}

// The reverse checks: every index entry belongs to a nomination that has
// exactly that entry.

func (c *checker) checkNomineeIndex() {
	_ = c.tx.Bucket(bucketNomineeIdx).ForEach(func(k, _ []byte) error {
		if len(k) != 16 {
			c.add(entityIndex, brief(k), "Khóa chỉ mục đối tượng không hợp lệ")
			return nil
		}
		nomineeID, id := btoi(k), btoi(k[8:])
		if !c.nominees[nomineeID] {
			c.add(entityIndex, idKey(id), "Chỉ mục trỏ tới đối tượng số %d không tồn tại", nomineeID)
		}
		if n := c.nominations[id]; n == nil {
			c.add(entityIndex, idKey(id), "Chỉ mục đối tượng trỏ tới đề nghị số %d không tồn tại", id)
		} else if n.nomineeID != nomineeID {
			c.add(entityIndex, idKey(id), "Chỉ mục ghi đề nghị số %d thuộc đối tượng %d, đề nghị ghi %d", id, nomineeID, n.nomineeID)
		}
		return nil
	})
}

func (c *checker) checkCampaignIndex() {
	_ = c.tx.Bucket(bucketCampaignIdx).ForEach(func(k, _ []byte) error {
		if len(k) != 24 {
			c.add(entityIndex, brief(k), "Khóa chỉ mục đợt khen thưởng không hợp lệ")
			return nil
		}
		campaignID, order, id := btoi(k), int(btoi(k[8:])), btoi(k[16:])
		if n := c.nominations[id]; n == nil {
			c.add(entityIndex, idKey(id), "Chỉ mục đợt khen thưởng trỏ tới đề nghị số %d không tồn tại", id)
		} else if n.campaignID != campaignID || n.order != order {
			c.add(entityIndex, idKey(id), "Chỉ mục ghi đề nghị số %d ở đợt %d, thứ tự %d; đề nghị ghi đợt %d, thứ tự %d",
				id, campaignID, order, n.campaignID, n.order)
		}
		return nil
	})
}

func (c *checker) checkSearchIndex() {
	_ = c.tx.Bucket(bucketSearchIdx).ForEach(func(k, _ []byte) error {
		_, id, ok := splitSearchKey(k)
		if !ok {
			c.add(entityIndex, brief(k), "Khóa chỉ mục tìm kiếm không hợp lệ")
			return nil
		}
		if n := c.nominations[id]; n == nil {
			c.add(entityIndex, idKey(id), "Chỉ mục tìm kiếm trỏ tới đề nghị số %d không tồn tại", id)
		} else if n.searchKey != string(k) {
			c.add(entityIndex, idKey(id), "Chỉ mục tìm kiếm của đề nghị số %d ghi tên khác với đề nghị", id)
		}
		return nil
	})
}

func (c *checker) checkDecisions() {
	c.forEachID(bucketDecisions, entityDecision, func(id uint64, v []byte) {
		var d khenthuong.Decision
		if !c.decodeAs(entityDecision, idKey(id), v, &d) {
			return
		}
		if !c.campaigns[d.CampaignID] {
			c.add(entityDecision, idKey(id), "Đợt khen thưởng số %d không tồn tại", d.CampaignID)
		}
		var s khenthuong.DecisionSummary
		_ = decode(v, &s)
		pos, total := 0, int64(0)
		err := eachRecipient(c.tx, id, khenthuong.Page{}, func(r *khenthuong.Recipient) error {
			pos++
			total += r.Amount
			if c.nominations[r.NominationID] == nil {
				c.add(entityDecision, idKey(id), "Quyết định ghi đề nghị số %d không tồn tại", r.NominationID)
			}
			return nil
		})
		switch {
		case err != nil:
			c.add(entityDecision, idKey(id), "Không đọc được danh sách của quyết định: %v", err)
		case pos != s.RecipientCount || total != s.TotalAmount:
			c.add(entityDecision, idKey(id), "Quyết định ghi %d người, tổng %d đồng nhưng danh sách có %d người, tổng %d đồng",
				s.RecipientCount, s.TotalAmount, pos, total)
		}
	})
	// Every recipient belongs to a decision, at the position its key says.
	prev, next := uint64(0), 0
	_ = c.tx.Bucket(bucketRecipients).ForEach(func(k, _ []byte) error {
		if len(k) != 16 {
			c.add(entityDecision, brief(k), "Khóa danh sách quyết định không hợp lệ")
			return nil
		}
		id, pos := btoi(k), int(btoi(k[8:]))
		if id != prev {
			prev, next = id, 0
			if c.tx.Bucket(bucketDecisions).Get(k[:8]) == nil {
				c.add(entityDecision, idKey(id), "Danh sách của quyết định mã %d không có quyết định", id)
			}
		}
		if pos != next {
			c.add(entityDecision, idKey(id), "Danh sách của quyết định mã %d thiếu dòng %d", id, next+1)
		}
		next = pos + 1
		return nil
	})
}

func (c *checker) checkSettings() {
	v := c.tx.Bucket(bucketSettings).Get(keySettings)
	if v == nil {
		return // the defaults apply
	}
	c.checkText(entitySettings, string(keySettings), v)
	var s khenthuong.Settings
	c.decodeAs(entitySettings, string(keySettings), v, &s)
}

// checkAudit checks that the audit index points to audit records; the
// records themselves are only checked to be JSON (there are as many as changes).
func (c *checker) checkAudit() {
	records := c.tx.Bucket(bucketAudit)
	var max uint64
	_ = records.ForEach(func(k, v []byte) error {
		max = max2(max, btoi(k))
		if len(k) != 8 || !json.Valid(v) {
			c.add(entityAudit, brief(k), "Bản ghi nhật ký thay đổi không đọc được")
		}
		return nil
	})
	if seq := records.Sequence(); seq < max {
		c.add(entityAudit, "", "Bộ đếm số thứ tự (%d) nhỏ hơn số lớn nhất đang dùng (%d)", seq, max)
	}
	_ = c.tx.Bucket(bucketAuditIdx).ForEach(func(k, _ []byte) error {
		if len(k) < 10 || records.Get(k[len(k)-8:]) == nil {
			c.add(entityAudit, brief(k), "Chỉ mục nhật ký trỏ tới bản ghi không tồn tại")
		}
		return nil
	})
}

// checkText reports text that is not NFC. JSON keeps non-ASCII text as is,
// so the raw record is checked at once; only a record with \u escapes (not
// written by this program) is decoded to look inside them.
func (c *checker) checkText(entity, key string, v []byte) {
	ok := norm.NFC.IsNormal(v)
	if ok && bytes.Contains(v, []byte(`\u`)) {
		var x any
		if json.Unmarshal(v, &x) == nil {
			ok = allNFC(x)
		}
	}
	if !ok {
		c.add(entity, key, "Có chữ chưa chuẩn hóa Unicode (NFC): hãy mở và lưu lại bản ghi")
	}
}

func allNFC(x any) bool {
	switch x := x.(type) {
	case string:
		return norm.NFC.IsNormalString(x)
	case []any:
		for _, e := range x {
			if !allNFC(e) {
				return false
			}
		}
	case map[string]any:
		for k, e := range x {
			if !norm.NFC.IsNormalString(k) || !allNFC(e) {
				return false
			}
		}
	}
	return true
}
