package store

import (
	"bytes"
	"sync"

	"khenthuong"
)

// birthKey starts the nominee's birth in a stored nomination. Inside a JSON
// string a quote is escaped, so only the key itself reads so; a nomination
// has one birth, its nominee's, written as a plain quoted date.
var birthKey = []byte(`"birth":"`)

// birthYear reads the nominee's birth year from a stored nomination, the
// only field of a record the review's matching needs that the search index
// does not hold, without decoding the rest (the achievement is most of a
// record): a failed checksum is a *recordError as decode gives it; a value
// of another shape is decoded.
func birthYear(v []byte) (int, error) {
	body, _, ok := splitSum(v)
	if ok {
		if i := bytes.Index(body, birthKey); i >= 0 {
			rest := body[i+len(birthKey):]
			if j := bytes.IndexByte(rest, '"'); j >= 0 && bytes.IndexByte(rest[:j], '\\') < 0 {
				if d, err := khenthuong.ParseDate(string(rest[:j])); err == nil {
					return d.Year, nil
				}
			}
		}
	}
	var r struct {
		Nominee struct {
			Birth khenthuong.Date `json:"birth"`
		} `json:"nominee"`
	}
	if err := decode(v, &r); err != nil {
		return 0, err
	}
	return r.Nominee.Birth.Year, nil
}

// readBirths reads the birth years of the hits' records and keeps them in
// the index (noteBirths).
func (db *DB) readBirths(hits []hit) error {
	if len(hits) == 0 {
		return nil
	}
	which := make([]int, len(hits))
	for i := range which {
		which[i] = i
	}
	var mu sync.Mutex
	read := make([]idYear, 0, len(hits))
	err := eachRecord(db, hits, which, func(_, i int, v []byte) error {
		year, err := birthYear(v)
		if err != nil {
			return err
		}
		mu.Lock()
		read = append(read, idYear{hits[i].id, year})
		mu.Unlock()
		return nil
	})
	if err != nil {
		return err
	}
	db.search.noteBirths(read)
	return nil
}
