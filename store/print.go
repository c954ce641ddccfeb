package store

import (
	"bytes"
	"encoding/json"

	bolt "go.etcd.io/bbolt"

	"khenthuong"
	"khenthuong/vntext"
)

const (
	entityTemplate = "template"
	entityPrinter  = "printer"
)

// Template returns the office's certificate template for a form: ENOTFOUND when the form uses the default.
func (db *DB) Template(formCode string) ([]byte, error) {
	code := normalizeCode(formCode)
	var out []byte
	err := db.view("template", func(tx *bolt.Tx) error {
		v := tx.Bucket(bucketTemplates).Get([]byte(code))
		if v == nil {
			return khenthuong.Errorf(khenthuong.ENOTFOUND, "Hình thức %s dùng mẫu mặc định", code)
		}
		body, _, ok := splitSum(v) // stored with a checksum, as every record (checksum.go)
		if !ok {
			return &recordError{what: "mẫu in “" + code + "”", reason: reasonSum}
		}
		out = bytes.Clone(body)
		return nil
	})
	return out, err
}

// SaveTemplate stores a template already validated by package certificates: ENOTFOUND (form).
func (db *DB) SaveTemplate(formCode string, data []byte) error {
	code := normalizeCode(formCode)
	if !json.Valid(data) {
		return khenthuong.Errorf(khenthuong.EINVALID, "Mẫu in của hình thức %s không phải JSON hợp lệ", code)
	}
	return db.update("save template", func(tx *bolt.Tx) error {
		if tx.Bucket(bucketForms).Get([]byte(code)) == nil {
			return khenthuong.Errorf(khenthuong.ENOTFOUND, "Không có hình thức khen thưởng mã “%s”", code)
		}
		b := tx.Bucket(bucketTemplates)
		before := rawOrNil(b.Get([]byte(code)))
		if err := b.Put([]byte(code), appendSum(bytes.TrimRight(bytes.Clone(data), " \t\r\n"))); err != nil {
			return err
		}
		return db.audit(tx, entityTemplate, code, actionUpdate, before, json.RawMessage(data))
	})
}

// DeleteTemplate returns the form to the default template.
func (db *DB) DeleteTemplate(formCode string) error {
	code := normalizeCode(formCode)
	return db.update("delete template", func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketTemplates)
		before := b.Get([]byte(code))
		if before == nil {
			return nil
		}
		raw := rawOrNil(before)
		if err := b.Delete([]byte(code)); err != nil {
			return err
		}
		return db.audit(tx, entityTemplate, code, actionDelete, raw, nil)
	})
}

// Printers returns the printer profiles ordered by their folded names.
func (db *DB) Printers() ([]khenthuong.PrinterProfile, error) {
	var ps []khenthuong.PrinterProfile
	err := db.view("printers", func(tx *bolt.Tx) error {
		return tx.Bucket(bucketPrinters).ForEach(func(_, v []byte) error {
			var p khenthuong.PrinterProfile
			if err := decode(v, &p); err != nil {
				return err
			}
			ps = append(ps, p)
			return nil
		})
	})
	return ps, err
}

// Printer returns one profile by name (tones and case ignored): ENOTFOUND.
func (db *DB) Printer(name string) (*khenthuong.PrinterProfile, error) {
	var p khenthuong.PrinterProfile
	err := db.view("printer", func(tx *bolt.Tx) error {
		v := tx.Bucket(bucketPrinters).Get(printerKey(name))
		if v == nil {
			return khenthuong.Errorf(khenthuong.ENOTFOUND, "Chưa có máy in “%s”; tạo bằng lệnh printer set", vntext.Clean(name))
		}
		return decode(v, &p)
	})
	if err != nil {
		return nil, err
	}
	return &p, nil
}

// SavePrinter creates or updates a profile: EINVALID.
func (db *DB) SavePrinter(p *khenthuong.PrinterProfile) error {
	p.Normalize()
	if err := p.Validate(); err != nil {
		return err
	}
	return db.update("save printer", func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketPrinters)
		key := printerKey(p.Name)
		before := rawOrNil(b.Get(key))
		v, err := encode(p)
		if err != nil {
			return err
		}
		if err := b.Put(key, v); err != nil {
			return err
		}
		action := actionUpdate
		if before == nil {
			action = actionCreate
		}
		return db.audit(tx, entityPrinter, p.Name, action, before, p)
	})
}

// DeletePrinter removes a profile: ENOTFOUND.
func (db *DB) DeletePrinter(name string) error {
	return db.update("delete printer", func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketPrinters)
		key := printerKey(name)
		before := b.Get(key)
		if before == nil {
			return khenthuong.Errorf(khenthuong.ENOTFOUND, "Không có máy in “%s”", vntext.Clean(name))
		}
		raw := rawOrNil(before)
		if err := b.Delete(key); err != nil {
			return err
		}
		return db.audit(tx, entityPrinter, vntext.Clean(name), actionDelete, raw, nil)
	})
}

// printerKey makes "HP LaserJet  P2035" and "hp laserjet p2035" the same profile.
func printerKey(name string) []byte { return []byte(vntext.Fold(name)) }

// rawOrNil copies a stored JSON value for an audit record (nil stays nil).
func rawOrNil(v []byte) any {
	if v == nil {
		return nil
	}
	return json.RawMessage(bytes.Clone(v))
}
