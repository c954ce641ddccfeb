package store

import (
	"sort"

	bolt "go.etcd.io/bbolt"

	"khenthuong"
)

// Forms returns the catalogue, highest rank first (then by code, so equal
// ranks keep a stable order on screen).
func (db *DB) Forms() ([]khenthuong.AwardForm, error) {
	var fs []khenthuong.AwardForm
	err := db.view("forms", func(tx *bolt.Tx) error {
		return tx.Bucket(bucketForms).ForEach(func(_, v []byte) error {
			var f khenthuong.AwardForm
			if err := decode(v, &f); err != nil {
				return err
			}
			fs = append(fs, f)
			return nil
		})
	})
	sort.SliceStable(fs, func(i, j int) bool { return fs[i].Rank > fs[j].Rank })
	return fs, err
}

// Form returns one form by code: ENOTFOUND.
func (db *DB) Form(code string) (*khenthuong.AwardForm, error) {
	code = normalizeCode(code)
	var f *khenthuong.AwardForm
	err := db.view("form", func(tx *bolt.Tx) error {
		var err error
		if f, err = getForm(tx, code); err == nil && f == nil {
			err = formNotFound(code)
		}
		return err
	})
	return f, err
}

// SaveForm creates or replaces the form with f.Code: EINVALID.
func (db *DB) SaveForm(f *khenthuong.AwardForm) error {
	f.Normalize()
	if err := f.Validate(); err != nil {
		return err
	}
	return db.update("save form", func(tx *bolt.Tx) error {
		old, err := getForm(tx, f.Code)
		if err != nil {
			return err
		}
		if err := putForm(tx, f); err != nil {
			return err
		}
		if old == nil {
			return db.audit(tx, entityForm, f.Code, actionCreate, nil, f)
		}
		return db.audit(tx, entityForm, f.Code, actionUpdate, old, f)
	})
}

// DeleteForm removes a form no nomination or decision uses: ENOTFOUND,
// ECONFLICT. (Archiving, f.Archived, is the way to retire a used form.)
func (db *DB) DeleteForm(code string) error {
	code = normalizeCode(code)
	return db.update("delete form", func(tx *bolt.Tx) error {
		old, err := getForm(tx, code)
		if err != nil {
			return err
		}
		if old == nil {
			return formNotFound(code)
		}
		n, err := countFormNominations(tx, code)
		if err != nil {
			return err
		}
		if n > 0 {
			return khenthuong.Errorf(khenthuong.ECONFLICT,
				"Hình thức “%s” đang được dùng trong %d đề nghị, không xóa được (có thể chuyển sang lưu trữ)", old.Name, n)
		}
		ds, err := decisionsWhere(tx, func(d *khenthuong.Decision) bool { return d.FormCode == code })
		if err != nil {
			return err
		}
		if len(ds) > 0 {
			return khenthuong.Errorf(khenthuong.ECONFLICT,
				"Hình thức “%s” đã có trong quyết định số %s, không xóa được", old.Name, ds[0].Number)
		}
		if err := tx.Bucket(bucketForms).Delete([]byte(code)); err != nil {
			return err
		}
		return db.audit(tx, entityForm, code, actionDelete, old, nil)
	})
}

// getForm returns the form with code, or nil when there is none (the callers
// word their own not-found error: a missing form is a field error in a nomination).
func getForm(tx *bolt.Tx, code string) (*khenthuong.AwardForm, error) {
	v := tx.Bucket(bucketForms).Get([]byte(code))
	if v == nil {
		return nil, nil
	}
	var f khenthuong.AwardForm
	if err := decode(v, &f); err != nil {
		return nil, err
	}
	return &f, nil
}

func putForm(tx *bolt.Tx, f *khenthuong.AwardForm) error {
	v, err := encode(f)
	if err != nil {
		return err
	}
	return tx.Bucket(bucketForms).Put([]byte(f.Code), v)
}

func formNotFound(code string) error {
	return khenthuong.Errorf(khenthuong.ENOTFOUND, "Không tìm thấy hình thức khen thưởng mã “%s”", code)
}

// normalizeCode is the catalogue key of a code as typed, the same rule as AwardForm.Normalize.
func normalizeCode(code string) string {
	f := khenthuong.AwardForm{Code: code}
	f.Normalize()
	return f.Code
}
