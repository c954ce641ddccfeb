package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"log/slog"
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

// entityLabels name the entities in Vietnamese, for the clerk.
var entityLabels = map[string]string{
	entityFile: "Tệp", entityMeta: "Thông tin tệp", entityNominee: "Đối tượng", entityDecision: "Quyết định",
	entityIndex: "Chỉ mục", entityAudit: "Nhật ký thay đổi", entityCampaign: "Đợt khen thưởng",
	entityForm: "Hình thức", entityNomination: "Đề nghị", entitySettings: "Thiết lập",
	entityTemplate: "Mẫu in", entityPrinter: "Máy in", entitySeries: "Sổ vàng",
}

// Label is the problem in Vietnamese, naming the record: "Đề nghị số 12: …".
func (p Problem) Label() string {
	name := entityLabels[p.Entity]
	if name == "" {
		name = p.Entity
	}
	switch {
	case p.Key == "":
		return name + ": " + p.Message
	case isDigits(p.Key):
		return name + " số " + p.Key + ": " + p.Message
	}
	return name + " “" + p.Key + "”: " + p.Message
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
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

// CheckFile opens the data file at path read-only and checks it. Its
// verdict is remembered: a damaged file refuses writes until restored or
// found sound again (damage.go).
func CheckFile(path string) ([]Problem, error) {
	db, err := Open(path, Options{ReadOnly: true, NoBackup: true})
	if err != nil {
		return nil, err
	}
	defer db.Close()
	return db.Check()
}

// CheckError is the clerk's message for problems found by Check: how many,
// the first, and the backup to restore.
func CheckError(path string, problems []Problem) error {
	if len(problems) == 0 {
		return nil
	}
	e := khenthuong.Errorf(khenthuong.ECORRUPT, "Tệp dữ liệu “%s” có %d lỗi (lỗi đầu: %s). Chương trình không ghi vào tệp này nữa.",
		path, len(problems), problems[0].Label())
	e.Message += latestBackupHint(path)
	return e
}

// Check checks the page tree as bbolt's own check would (tree.go) and the
// store's own invariants: every record decodes, passes its checksum and sits
// under its own ID, nominations point to an existing campaign, form and
// nominee, the index buckets agree with the data both ways, sequences are
// above the highest ID, and text is NFC. Problems are recorded (writes
// refused until a restore); a clean check lifts an earlier verdict.
func (db *DB) Check() ([]Problem, error) {
	// The checker's sets hold an entry per record: collect garbage sooner
	// than usual while they grow, so the heap stays near what they need.
	defer debug.SetGCPercent(debug.SetGCPercent(40))
	var ps []Problem
	err := db.view("check", func(tx *bolt.Tx) error {
		defer dropWhile(tx)() // every page is read: keep them out of the process's memory
		ps = db.checkTx(tx, true)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if db.opts.noMarker {
		return ps, nil
	}
	if len(ps) > 0 {
		_ = db.markDamaged(ps)
	} else {
		db.damaged.Store(nil)
		clearDamaged(db.path, db.opts)
	}
	return ps, nil
}

// checkTx checks tx's snapshot: for damage only (its structure, every byte
// readable, every record's checksum) unless invariants, which adds the
// store's own rules (decoding every record: several times slower). A file
// of an older schema (about to be migrated) is checked for damage only.
func (db *DB) checkTx(tx *bolt.Tx, invariants bool) []Problem {
	// bbolt trusts page numbers: the file must have all its pages and a
	// sound page tree (verifyTree, which also checks what bbolt's own check
	// would: key order, the free list) before our own checks read every
	// record through bbolt (from this goroutine, where view turns faults
	// into panics). Details that only a programmer can read go to the log.
	if err := checkSize(tx, db.path); err != nil {
		slog.Error("store: check", "path", db.path, "err", err)
		return []Problem{{Entity: entityFile, Message: "Tệp bị cắt cụt, thiếu dữ liệu ở cuối tệp"}}
	}
	if !invariants {
		ps, err := damageCheck(tx, db.path)
		if err != nil {
			slog.Error("store: check", "path", db.path, "err", err)
			ps = append(ps, Problem{Entity: entityFile, Message: "Không đọc được tệp để kiểm tra"})
		}
		return ps
	}
	findings, err := verifyTree(tx, db.path)
	if err != nil {
		slog.Error("store: check", "path", db.path, "err", err)
		return []Problem{{Entity: entityFile, Message: "Cấu trúc tệp bị hỏng: " + err.Error()}}
	}
	schema, _, _ := readSchema(tx)
	c := &checker{tx: tx, full: schema == currentSchema()}
	if err := c.safeRun(); err != nil {
		slog.Error("store: check", "path", db.path, "err", err)
		return append(c.problems, Problem{Entity: entityFile, Message: "Có trang dữ liệu không đọc được"})
	}
	if len(c.problems) > 0 {
		return c.problems // already known to be damaged: the tree's findings would add little
	}
	var ps []Problem
	for _, err := range findings {
		slog.Error("store: check", "path", db.path, "err", err)
		ps = append(ps, Problem{Entity: entityFile, Message: "Cấu trúc tệp bị lỗi (danh sách trang trống hoặc cây trang không khớp)"})
	}
	return ps
}

// checker accumulates the problems of one Check.
type checker struct {
	tx       *bolt.Tx
	full     bool // the invariants too, not only damage
	problems []Problem

	campaigns   idSet
	forms       map[string]bool
	nominees    idSet
	nominations nominationSet // check_sets.go
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
	_ = c.tx.ForEach(func(name []byte, b *bolt.Bucket) error {
		touchBucket(b, drop)
		c.checkSums(name, b)
		return nil
	})
	if c.full && len(c.problems) == 0 {
		c.run()
	}
	return nil
}

// checkSums verifies the checksum of every record of a bucket that has one,
// whatever the bucket: one added later is covered without a word here.
func (c *checker) checkSums(name []byte, b *bolt.Bucket) {
	entity := bucketEntity(name)
	c.each(b, func(k, v []byte) {
		if v == nil {
			return
		}
		if _, summed, ok := splitSum(v); summed && !ok {
			if string(name) == string(bucketRecipients) && len(k) == 16 {
				// A recipient is named by its decision and line, not by a key in hex.
				c.add(entityDecision, idKey(btoi(k)), "Bản ghi dòng %d của danh sách bị hỏng: %s", btoi(k[8:])+1, reasonSum)
				return
			}
			c.add(entity, recordKey(k), "Bản ghi bị hỏng: %s", reasonSum)
		}
	})
}

// bucketEntity names a bucket's records as the problems do.
func bucketEntity(name []byte) string {
	switch string(name) {
	case string(bucketCampaigns):
		return entityCampaign
	case string(bucketForms):
		return entityForm
	case string(bucketNominees):
		return entityNominee
	case string(bucketNominations):
		return entityNomination
	case string(bucketDecisions):
		return entityDecision
	case string(bucketSettings):
		return entitySettings
	case string(bucketAudit):
		return entityAudit
	case string(bucketSeries):
		return entitySeries
	case string(bucketPrinters):
		return entityPrinter
	case string(bucketTemplates):
		return entityTemplate
	}
	return string(name)
}

// recordKey shows a key as its ID when it is one, as text when printable.
func recordKey(k []byte) string {
	if len(k) == 8 {
		return idKey(btoi(k))
	}
	if printable(k) {
		return string(k)
	}
	return brief(k)
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
		var re *recordError
		if errors.As(err, &re) && re.reason == reasonSum {
			return false // reported by checkSums
		}
		c.add(entity, key, "Không đọc được bản ghi: bản ghi bị hỏng")
		return false
	}
	return true
}

func (c *checker) checkCampaigns() {
	c.forEachID(bucketCampaigns, entityCampaign, func(id uint64, v []byte) {
		var cp khenthuong.Campaign
		if !c.decodeAs(entityCampaign, idKey(id), v, &cp) {
			return
		}
		if cp.ID != id {
			c.add(entityCampaign, idKey(id), "Bản ghi mang số %d nhưng nằm ở khóa %d", cp.ID, id)
		}
		c.campaigns = append(c.campaigns, id)
	})
}

func (c *checker) checkForms() {
	c.forms = map[string]bool{}
	c.each(c.tx.Bucket(bucketForms), func(k, v []byte) {
		code := string(k)
		c.checkText(entityForm, code, v)
		var f khenthuong.AwardForm
		if !c.decodeAs(entityForm, code, v, &f) {
			return
		}
		if f.Code != code {
			c.add(entityForm, code, "Hình thức mang mã “%s” nhưng nằm ở khóa “%s”", f.Code, code)
		}
		c.forms[code] = true
	})
}

func (c *checker) checkNominees() {
	c.forEachID(bucketNominees, entityNominee, func(id uint64, v []byte) {
		var rec nomineeRecord
		if !c.decodeAs(entityNominee, idKey(id), v, &rec) {
			return
		}
		if rec.ID != id {
			c.add(entityNominee, idKey(id), "Bản ghi mang số %d nhưng nằm ở khóa %d", rec.ID, id)
		}
		c.nominees = append(c.nominees, id)
	})
}

func (c *checker) checkNominations() {
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
		if !c.campaigns.has(n.CampaignID) {
			c.add(entityNomination, key, "Đợt khen thưởng số %d không tồn tại", n.CampaignID)
		}
		if !c.forms[n.FormCode] {
			c.add(entityNomination, key, "Hình thức “%s” không có trong danh mục", n.FormCode)
		}
		if !c.nominees.has(n.NomineeID) {
			c.add(entityNomination, key, "Đối tượng số %d không tồn tại", n.NomineeID)
		}
		folded := vntext.Fold(n.Nominee.Name)
		sk := searchKey(folded, id)
		c.nominations.add(id, n.CampaignID, n.NomineeID, n.Order, folded)
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
	c.each(c.tx.Bucket(bucketNomineeIdx), func(k, _ []byte) {
		if len(k) != 16 {
			c.add(entityIndex, brief(k), "Khóa chỉ mục đối tượng không hợp lệ")
			return
		}
		nomineeID, id := btoi(k), btoi(k[8:])
		if !c.nominees.has(nomineeID) {
			c.add(entityIndex, idKey(id), "Chỉ mục trỏ tới đối tượng số %d không tồn tại", nomineeID)
		}
		if i := c.nominations.find(id); i < 0 {
			c.add(entityIndex, idKey(id), "Chỉ mục đối tượng trỏ tới đề nghị số %d không tồn tại", id)
		} else if n := &c.nominations.rows[i]; n.nomineeID != nomineeID {
			c.add(entityIndex, idKey(id), "Chỉ mục ghi đề nghị số %d thuộc đối tượng %d, đề nghị ghi %d", id, nomineeID, n.nomineeID)
		}
	})
}

func (c *checker) checkCampaignIndex() {
	c.each(c.tx.Bucket(bucketCampaignIdx), func(k, _ []byte) {
		if len(k) != 24 {
			c.add(entityIndex, brief(k), "Khóa chỉ mục đợt khen thưởng không hợp lệ")
			return
		}
		campaignID, order, id := btoi(k), int(btoi(k[8:])), btoi(k[16:])
		if i := c.nominations.find(id); i < 0 {
			c.add(entityIndex, idKey(id), "Chỉ mục đợt khen thưởng trỏ tới đề nghị số %d không tồn tại", id)
		} else if n := &c.nominations.rows[i]; n.campaignID != campaignID || n.order != order {
			c.add(entityIndex, idKey(id), "Chỉ mục ghi đề nghị số %d ở đợt %d, thứ tự %d; đề nghị ghi đợt %d, thứ tự %d",
				id, campaignID, order, n.campaignID, n.order)
		}
	})
}

func (c *checker) checkSearchIndex() {
	c.each(c.tx.Bucket(bucketSearchIdx), func(k, _ []byte) {
		name, id, ok := splitSearchKeyBytes(k)
		if !ok {
			c.add(entityIndex, brief(k), "Khóa chỉ mục tìm kiếm không hợp lệ")
			return
		}
		// The key is the folded name and the ID: with the ID found, the names decide.
		if i := c.nominations.find(id); i < 0 {
			c.add(entityIndex, idKey(id), "Chỉ mục tìm kiếm trỏ tới đề nghị số %d không tồn tại", id)
		} else if !bytes.Equal(c.nominations.name(i), name) {
			c.add(entityIndex, idKey(id), "Chỉ mục tìm kiếm của đề nghị số %d ghi tên khác với đề nghị", id)
		}
	})
}

func (c *checker) checkDecisions() {
	c.forEachID(bucketDecisions, entityDecision, func(id uint64, v []byte) {
		var d khenthuong.Decision
		if !c.decodeAs(entityDecision, idKey(id), v, &d) {
			return
		}
		if !c.campaigns.has(d.CampaignID) {
			c.add(entityDecision, idKey(id), "Đợt khen thưởng số %d không tồn tại", d.CampaignID)
		}
		var s khenthuong.DecisionSummary
		_ = decode(v, &s)
		pos, total := 0, int64(0)
		err := eachRecipient(c.tx, id, khenthuong.Page{}, func(r *khenthuong.Recipient) error {
			pos++
			total += r.Amount
			if !c.nominations.has(r.NominationID) {
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
	c.each(c.tx.Bucket(bucketRecipients), func(k, _ []byte) {
		if len(k) != 16 {
			c.add(entityDecision, brief(k), "Khóa danh sách quyết định không hợp lệ")
			return
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
	c.each(records, func(k, v []byte) {
		max = max2(max, btoi(k))
		if _, _, sumOK := splitSum(v); len(k) != 8 || !sumOK || !json.Valid(v) {
			c.add(entityAudit, brief(k), "Bản ghi nhật ký thay đổi không đọc được")
		}
	})
	if seq := records.Sequence(); seq < max {
		c.add(entityAudit, "", "Bộ đếm số thứ tự (%d) nhỏ hơn số lớn nhất đang dùng (%d)", seq, max)
	}
	c.each(c.tx.Bucket(bucketAuditIdx), func(k, _ []byte) {
		if len(k) < 10 || records.Get(k[len(k)-8:]) == nil {
			c.add(entityAudit, brief(k), "Chỉ mục nhật ký trỏ tới bản ghi không tồn tại")
		}
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
