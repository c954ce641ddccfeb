package store

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"khenthuong"
)

// flipInRecord changes one byte of the stored nomination id, inside old, as
// a bad sector or a careless editor would, leaving its checksum as it was.
func flipInRecord(t *testing.T, path string, id uint64, old, new string) {
	t.Helper()
	plant(t, path, func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketNominations)
		v := bytes.Clone(b.Get(itob(id)))
		i := bytes.Index(v, []byte(old))
		if i < 0 || len(old) != len(new) {
			t.Fatalf("%q not in the record", old)
		}
		copy(v[i:], new)
		return b.Put(itob(id), v)
	})
}

func TestRecordChecksums(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "khenthuong.db")
	opts := testOptions()
	db := openAt(t, path, opts)
	fill(t, db)
	good, err := db.SafetyBackup("test")
	mustNil(t, err)
	mustNil(t, db.Close())
	// "Công an tỉnh" (the proposing unit) of nomination 2 loses a letter.
	flipInRecord(t, path, 2, "Công an tỉnh", "Công an tịnh")

	t.Run("ReadNamesTheRecord", func(t *testing.T) {
		ro := openAt(t, path, Options{ReadOnly: true, Now: opts.Now})
		_, err := ro.Nomination(2)
		e := wantCode(t, err, khenthuong.ECORRUPT, "")
		for _, want := range []string{"đề nghị số 2", "sai mã kiểm tra", filepath.Base(good)} {
			if !strings.Contains(e.Message, want) {
				t.Errorf("message %q does not say %q", e.Message, want)
			}
		}
		if _, err := ro.Nomination(1); err != nil {
			t.Errorf("a sound record: %v", err)
		}
	})
	t.Run("CheckNamesTheRecord", func(t *testing.T) {
		problems, err := CheckFile(path)
		mustNil(t, err)
		if len(problems) != 1 || problems[0].Entity != entityNomination || problems[0].Key != "2" {
			t.Fatalf("problems %v", problems)
		}
		label := problems[0].Label()
		if !strings.HasPrefix(label, "Đề nghị số 2: ") {
			t.Errorf("label %q", label)
		}
		msg := CheckError(path, problems).Error()
		if !strings.Contains(msg, filepath.Base(good)) {
			t.Errorf("check's message %q names no backup", msg)
		}
	})
	t.Run("WritesRefusedAfterCheck", func(t *testing.T) {
		_, err := Open(path, opts)
		e := wantCode(t, err, khenthuong.ECORRUPT, "")
		if !strings.Contains(e.Message, filepath.Base(good)) {
			t.Errorf("message %q names no backup", e.Message)
		}
	})
	t.Run("NoBackupOfDamage", func(t *testing.T) {
		clearDamaged(path, opts) // as if never checked: the daily backup's check finds it
		db := openAt(t, path, opts)
		_, err := db.SafetyBackup("test")
		wantCode(t, err, khenthuong.ECORRUPT, "")
		bs, _ := BackupsOf(path)
		if len(bs) != 1 || bs[0] != good {
			t.Fatalf("backups after a damaged one was refused: %v", bs)
		}
		err = db.CreateCampaign(campaign("Đợt mới"))
		wantCode(t, err, khenthuong.ECORRUPT, "")
		mustNil(t, db.Close())
	})
	t.Run("RestoreLiftsTheVerdict", func(t *testing.T) {
		mustNil(t, Restore(good, path, opts))
		db := openAt(t, path, opts)
		mustNil(t, db.CreateCampaign(campaign("Đợt mới")))
		kept, _ := filepath.Glob(filepath.Join(dir, "backups", "*"+damagedExt))
		if len(kept) != 1 {
			t.Fatalf("the damaged file was not kept aside: %v", kept)
		}
	})
}

// TestRecordsWithoutChecksumStillRead: records written by earlier versions
// (plain JSON) read and check as before.
func TestRecordsWithoutChecksumStillRead(t *testing.T) {
	path := filepath.Join(t.TempDir(), "khenthuong.db")
	db := openAt(t, path, testOptions())
	fill(t, db)
	want, err := db.Nomination(2)
	mustNil(t, err)
	mustNil(t, db.Close())
	plant(t, path, func(tx *bolt.Tx) error {
		return tx.ForEach(func(_ []byte, b *bolt.Bucket) error {
			c := b.Cursor()
			for k, v := c.First(); k != nil; k, v = c.Next() {
				if _, summed, _ := splitSum(v); summed {
					if err := b.Put(bytes.Clone(k), bytes.Clone(jsonOf(v))); err != nil {
						return err
					}
				}
			}
			return nil
		})
	})
	db = openAt(t, path, testOptions())
	got, err := db.Nomination(2)
	mustNil(t, err)
	if got.Nominee.Name != want.Nominee.Name || got.ProposingUnit != want.ProposingUnit {
		t.Fatalf("read %+v", got)
	}
	if problems, err := db.Check(); err != nil || len(problems) > 0 {
		t.Fatalf("check: %v %v", problems, err)
	}
}

func TestChecksumTrailer(t *testing.T) {
	v, err := encode(&khenthuong.Campaign{ID: 7, Name: "Đợt"})
	mustNil(t, err)
	if !json.Valid(v) {
		t.Fatal("a stored record is not valid JSON")
	}
	// Every single-byte change is caught: by the sum or by the JSON.
	for i := range v {
		for _, x := range []byte{0x01, 0x20, 0x80} {
			bad := bytes.Clone(v)
			bad[i] ^= x
			var c khenthuong.Campaign
			if err := decode(bad, &c); err == nil && (c.ID != 7 || c.Name != "Đợt") {
				t.Fatalf("byte %d ^ %#x changed the record unnoticed: %+v", i, x, c)
			}
		}
	}
	// Embedded in an audit record, the trailer is compacted away.
	b, err := json.Marshal(struct{ After json.RawMessage }{v})
	mustNil(t, err)
	if bytes.ContainsAny(b, "\r\t\n") {
		t.Fatalf("trailer inside an embedding: %q", b)
	}
}

// TestEmptyDataFileNeverWritten: an existing 0-byte data file (a full disk, a
// failed copy) is refused by every open, naming the latest backup, and stays empty.
func TestEmptyDataFileNeverWritten(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "khenthuong.db")
	db := openAt(t, path, testOptions())
	fill(t, db)
	good, err := db.SafetyBackup("test")
	mustNil(t, err)
	mustNil(t, db.Close())
	mustNil(t, os.Truncate(path, 0))
	for _, ro := range []bool{false, true} {
		_, err := Open(path, Options{ReadOnly: ro})
		e := wantCode(t, err, khenthuong.ECORRUPT, "")
		if !strings.Contains(e.Message, "rỗng") || !strings.Contains(e.Message, good) {
			t.Errorf("read-only %v: message %q", ro, e.Message)
		}
	}
	if _, err := CheckFile(path); khenthuong.ErrorCode(err) != khenthuong.ECORRUPT {
		t.Errorf("check: %v", err)
	}
	if fi, _ := os.Stat(path); fi.Size() != 0 {
		t.Fatalf("the empty file was written: %d bytes", fi.Size())
	}
	mustNil(t, Restore(good, path, testOptions()))
	openAt(t, path, testOptions())
}

// TestNewFileCreatedWhole: a new data file appears complete or not at all.
func TestNewFileCreatedWhole(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "moi", "khenthuong.db")
	db := openAt(t, path, testOptions())
	forms, err := db.Forms()
	mustNil(t, err)
	if len(forms) == 0 {
		t.Fatal("new file not seeded")
	}
	if tmps, _ := filepath.Glob(filepath.Join(dir, "moi", ".khenthuong-*")); len(tmps) != 0 {
		t.Fatalf("temporary files left: %v", tmps)
	}
}

func TestOpenTidiesUp(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no permission bits")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "khenthuong.db")
	db := openAt(t, path, testOptions())
	mustNil(t, db.Close())
	mustNil(t, os.Chmod(path, 0o644))
	stale := filepath.Join(dir, ".khenthuong-123.tmp")
	fresh := filepath.Join(dir, ".khenthuong-456.tmp")
	mustNil(t, os.WriteFile(stale, []byte("restore killed"), 0o600))
	mustNil(t, os.WriteFile(fresh, []byte("being written"), 0o600))
	old := time.Now().Add(-2 * staleAfter)
	mustNil(t, os.Chtimes(stale, old, old))

	openAt(t, path, testOptions())
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("data file mode %v, want it private", fi.Mode().Perm())
	}
	if _, err := os.Stat(stale); err == nil {
		t.Error("a temporary file left by a killed restore was kept")
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Error("a temporary file being written was removed")
	}
}

func TestDiskErrorsNameTheDisk(t *testing.T) {
	target := filepath.Join(t.TempDir(), "usb", "saoluu.db")
	for _, tc := range []struct {
		err  error
		want string
	}{
		{&os.PathError{Op: "write", Path: target, Err: syscall.ENOSPC}, "đã đầy"},
		{&os.PathError{Op: "open", Path: target, Err: syscall.EROFS}, "chỉ cho đọc"},
		{&os.PathError{Op: "open", Path: target, Err: syscall.EACCES}, "Không có quyền"},
	} {
		err := writeError("backup", target, tc.err, "Tệp dữ liệu không thay đổi.")
		msg := khenthuong.ErrorMessage(err)
		for _, w := range []string{tc.want, filepath.Dir(target), "không thay đổi"} {
			if !strings.Contains(msg, w) {
				t.Errorf("%v: message %q lacks %q", tc.err, msg, w)
			}
		}
	}
	if err := writeError("backup", target, errors.New("other"), ""); khenthuong.ErrorCode(err) != khenthuong.EINTERNAL {
		t.Errorf("other failures: %v", err)
	}
}

func TestBackupToADirectory(t *testing.T) {
	dir := t.TempDir()
	db := openAt(t, filepath.Join(dir, "khenthuong.db"), testOptions())
	e := wantCode(t, db.BackupTo(dir), khenthuong.EINVALID, "")
	if !strings.Contains(e.Message, "thư mục") {
		t.Errorf("message %q", e.Message)
	}
}

// TestEveryBucketSummed: a certificate template (raw JSON, not written by
// encode) and a printer profile carry the checksum too; check names them.
func TestEveryBucketSummed(t *testing.T) {
	path := filepath.Join(t.TempDir(), "khenthuong.db")
	db := openAt(t, path, testOptions())
	mustNil(t, db.SaveTemplate("BKCT", []byte(`{"name":"Mẫu của Sở"}`+"\n")))
	got, err := db.Template("BKCT")
	mustNil(t, err)
	if string(got) != `{"name":"Mẫu của Sở"}` {
		t.Fatalf("template read back %q", got)
	}
	mustNil(t, db.Close())
	plant(t, path, func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketTemplates)
		v := bytes.Clone(b.Get([]byte("BKCT")))
		v[bytes.Index(v, []byte("Sở"))+len("S")] ^= 0x01
		return b.Put([]byte("BKCT"), v)
	})
	problems, err := CheckFile(path)
	mustNil(t, err)
	if len(problems) != 1 || problems[0].Label() != "Mẫu in “BKCT”: Bản ghi bị hỏng: "+reasonSum {
		t.Fatalf("problems %v", problems)
	}
	ro := openAt(t, path, Options{ReadOnly: true})
	_, err = ro.Template("BKCT")
	wantCode(t, err, khenthuong.ECORRUPT, "")
}

// FuzzRecordChecksum: whatever a stored record's bytes become, decode
// either refuses them or gives back the record that was written.
func FuzzRecordChecksum(f *testing.F) {
	f.Add("Đợt thi đua 2025", uint64(7), 3, byte(0x01))
	f.Add("", uint64(1), 0, byte(0x20))
	f.Add("Tổng kết \"phong trào\"\n", uint64(1<<40), 40, byte(0x80))
	f.Fuzz(func(t *testing.T, name string, id uint64, at int, x byte) {
		want := khenthuong.Campaign{ID: id, Name: name}
		v, err := encode(&want)
		if err != nil {
			return // not valid UTF-8 JSON text: nothing stored
		}
		var c khenthuong.Campaign
		if err := decode(v, &c); err != nil || c.ID != want.ID {
			t.Fatalf("round trip: %v %+v", err, c)
		}
		if x == 0 || len(v) == 0 {
			return
		}
		bad := bytes.Clone(v)
		bad[(at%len(bad)+len(bad))%len(bad)] ^= x
		var got khenthuong.Campaign
		if err := decode(bad, &got); err == nil {
			var again khenthuong.Campaign
			_ = decode(v, &again)
			if got.ID != again.ID || got.Name != again.Name {
				t.Fatalf("a damaged record read as %+v, written %+v", got, again)
			}
		}
	})
}

// TestDamageCheckReadsTheFreeList: a free list that hands out a page the
// tree uses (bbolt would overwrite live data) is damage; the backup refuses.
func TestDamageCheckReadsTheFreeList(t *testing.T) {
	path := filepath.Join(t.TempDir(), "khenthuong.db")
	db := openAt(t, path, testOptions())
	fill(t, db)
	for i := range 5 { // free some pages
		createCampaign(t, db, "Đợt "+string(rune('A'+i)))
	}
	var root, freelist uint64
	var pageSize int
	mustNil(t, db.view("test", func(tx *bolt.Tx) error {
		root = uint64(tx.Cursor().Bucket().Root())
		pageSize = tx.DB().Info().PageSize
		var err error
		freelist, err = currentFreeList(path, pageSize, tx)
		return err
	}))
	if _, err := db.SafetyBackup("test"); err != nil {
		t.Fatalf("a sound file: %v", err)
	}
	mustNil(t, db.Close())
	data, err := os.ReadFile(path)
	mustNil(t, err)
	page := data[int(freelist)*pageSize:]
	if binary.LittleEndian.Uint16(page[10:]) == 0 {
		t.Skip("the free list is empty")
	}
	binary.LittleEndian.PutUint64(page[pageHeaderSize:], root) // the first free page is the tree's root
	mustNil(t, os.WriteFile(path, data, 0o600))

	db = openAt(t, path, testOptions())
	_, err = db.SafetyBackup("test")
	e := wantCode(t, err, khenthuong.ECORRUPT, "")
	if !strings.Contains(e.Message, "trang trống") {
		t.Errorf("message %q", e.Message)
	}
}

// TestDamagedIndexNamesTheBackup: a damaged index entry is damage too: the
// clerk reads which backup to restore, not "Lỗi hệ thống".
func TestDamagedIndexNamesTheBackup(t *testing.T) {
	path := filepath.Join(t.TempDir(), "khenthuong.db")
	db := openAt(t, path, testOptions())
	fill(t, db)
	good, err := db.SafetyBackup("test")
	mustNil(t, err)
	mustNil(t, db.Close())
	plant(t, path, func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketSearchIdx)
		k, _ := b.Cursor().First()
		return b.Put(bytes.Clone(k), []byte{0xff, 0x01})
	})
	ro := openAt(t, path, Options{ReadOnly: true})
	_, err = ro.Nominations(khenthuong.NominationFilter{Query: "hóa"})
	e := wantCode(t, err, khenthuong.ECORRUPT, "")
	if !strings.Contains(e.Message, good) || !strings.Contains(e.Message, "chỉ mục") {
		t.Errorf("message %q", e.Message)
	}
}

// currentFreeList is the free-list page of the meta page tx reads, found
// in the file at path: the meta of tx's transaction ID.
func currentFreeList(path string, pageSize int, tx *bolt.Tx) (uint64, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	for _, id := range []int64{0, 1} {
		m := make([]byte, pageHeaderSize+metaPageSize)
		if _, err := f.ReadAt(m, id*int64(pageSize)); err != nil {
			return 0, err
		}
		if binary.LittleEndian.Uint64(m[pageHeaderSize+48:]) == uint64(tx.ID()) {
			return binary.LittleEndian.Uint64(m[pageHeaderSize+32:]), nil
		}
	}
	return 0, nil
}
