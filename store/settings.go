package store

import (
	bolt "go.etcd.io/bbolt"

	"khenthuong"
)

// keySettings is the one record of bucket settings.
var keySettings = []byte("settings")

// Settings returns the office settings (the defaults if none were ever saved).
func (db *DB) Settings() (khenthuong.Settings, error) {
	var s khenthuong.Settings
	err := db.view("settings", func(tx *bolt.Tx) error {
		var err error
		s, err = getSettings(tx)
		return err
	})
	return s, err
}

// SaveSettings normalises, validates and stores s: EINVALID.
func (db *DB) SaveSettings(s *khenthuong.Settings) error {
	s.Normalize()
	if err := s.Validate(); err != nil {
		return err
	}
	return db.update("save settings", func(tx *bolt.Tx) error {
		old, err := getSettings(tx)
		if err != nil {
			return err
		}
		if err := putSettings(tx, s); err != nil {
			return err
		}
		return db.audit(tx, entitySettings, string(keySettings), actionUpdate, &old, s)
	})
}

func getSettings(tx *bolt.Tx) (khenthuong.Settings, error) {
	v := tx.Bucket(bucketSettings).Get(keySettings)
	if v == nil {
		return khenthuong.DefaultSettings(), nil
	}
	var s khenthuong.Settings
	err := decode(v, &s)
	return s, err
}

func putSettings(tx *bolt.Tx, s *khenthuong.Settings) error {
	v, err := encode(s)
	if err != nil {
		return err
	}
	return tx.Bucket(bucketSettings).Put(keySettings, v)
}
