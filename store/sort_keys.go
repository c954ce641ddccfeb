package store

import (
	"time"

	"khenthuong"
)

// A sort by a record's field (name, unit, chức vụ, năm sinh…) reads every
// record of the query once, for its key. What the read keeps is the keys,
// and only they: each record decodes into a small struct of the one field
// the order reads (JSON skips the rest of the record without allocating),
// reused from record to record, and records with the same text share one
// collation key (a campaign's chức vụ, danh xưng and units repeat: a few
// hundred distinct keys for 100,000 rows). The keys are NominationSort.Key's,
// so both stores keep one order (the conformance suite's sorts check it).

// sortRecord is the part of a stored nomination one order reads; comparable,
// so that equal fields share a key.
type sortRecord interface {
	comparable
	nomination() khenthuong.Nomination
}

type (
	nameRecord struct {
		Nominee struct {
			Kind khenthuong.Kind `json:"kind"` // people sort by given name
			Name string          `json:"name"`
		} `json:"nominee"`
	}
	titleRecord struct {
		Nominee struct {
			Title string `json:"title"`
		} `json:"nominee"`
	}
	positionRecord struct {
		Nominee struct {
			Position string `json:"position"`
		} `json:"nominee"`
	}
	unitRecord struct {
		Nominee struct {
			Unit string `json:"unit"`
		} `json:"nominee"`
	}
	genderRecord struct {
		Nominee struct {
			Gender khenthuong.Gender `json:"gender"`
		} `json:"nominee"`
	}
	birthRecord struct {
		Nominee struct {
			Birth khenthuong.Date `json:"birth"`
		} `json:"nominee"`
	}
	formRecord struct {
		FormCode string `json:"form"`
	}
	proposerRecord struct {
		ProposingUnit string `json:"proposing_unit"`
	}
	createdRecord struct {
		CreatedAt time.Time `json:"created_at"`
	}
)

func (r nameRecord) nomination() khenthuong.Nomination {
	return khenthuong.Nomination{Nominee: khenthuong.Nominee{Kind: r.Nominee.Kind, Name: r.Nominee.Name}}
}
func (r titleRecord) nomination() khenthuong.Nomination {
	return khenthuong.Nomination{Nominee: khenthuong.Nominee{Title: r.Nominee.Title}}
}
func (r positionRecord) nomination() khenthuong.Nomination {
	return khenthuong.Nomination{Nominee: khenthuong.Nominee{Position: r.Nominee.Position}}
}
func (r unitRecord) nomination() khenthuong.Nomination {
	return khenthuong.Nomination{Nominee: khenthuong.Nominee{Unit: r.Nominee.Unit}}
}
func (r genderRecord) nomination() khenthuong.Nomination {
	return khenthuong.Nomination{Nominee: khenthuong.Nominee{Gender: r.Nominee.Gender}}
}
func (r birthRecord) nomination() khenthuong.Nomination {
	return khenthuong.Nomination{Nominee: khenthuong.Nominee{Birth: r.Nominee.Birth}}
}
func (r formRecord) nomination() khenthuong.Nomination {
	return khenthuong.Nomination{FormCode: r.FormCode}
}
func (r proposerRecord) nomination() khenthuong.Nomination {
	return khenthuong.Nomination{ProposingUnit: r.ProposingUnit}
}
func (r createdRecord) nomination() khenthuong.Nomination {
	return khenthuong.Nomination{CreatedAt: r.CreatedAt}
}

// recordKeys sets keys[i], for each i in which, to the sort key of the
// record of hits[i], read from the file.
func (db *DB) recordKeys(hits []hit, which []int, sort khenthuong.NominationSort, keys [][]byte) error {
	switch sort {
	case khenthuong.SortByName:
		return keysOf[nameRecord](db, hits, which, sort, keys)
	case khenthuong.SortByTitle:
		return keysOf[titleRecord](db, hits, which, sort, keys)
	case khenthuong.SortByPosition:
		return keysOf[positionRecord](db, hits, which, sort, keys)
	case khenthuong.SortByUnit:
		return keysOf[unitRecord](db, hits, which, sort, keys)
	case khenthuong.SortByGender:
		return keysOf[genderRecord](db, hits, which, sort, keys)
	case khenthuong.SortByBirth:
		return keysOf[birthRecord](db, hits, which, sort, keys)
	case khenthuong.SortByForm:
		return keysOf[formRecord](db, hits, which, sort, keys)
	case khenthuong.SortByProposer:
		return keysOf[proposerRecord](db, hits, which, sort, keys)
	case khenthuong.SortByCreated:
		return keysOf[createdRecord](db, hits, which, sort, keys)
	}
	// An order recordKeys does not know reads the whole record.
	return eachDecoded(db, hits, which, func(i int, n *khenthuong.Nomination) { keys[i] = sort.Key(n) })
}

// sortKeysShared bounds the keys a part of the read remembers for the
// records that follow: enough for every chức vụ or unit of a province; names
// and dates repeat less, and are not worth a larger map.
const sortKeysShared = 8192

// keysOf is recordKeys for the orders that read an R.
func keysOf[R sortRecord](db *DB, hits []hit, which []int, sort khenthuong.NominationSort, keys [][]byte) error {
	parts := recordParts(len(which))
	shared := make([]map[R][]byte, parts)
	for p := range shared {
		shared[p] = map[R][]byte{}
	}
	recs := make([]R, parts)
	return eachRecord(db, hits, which, func(p, i int, v []byte) error {
		r := &recs[p]
		var zero R
		*r = zero // a field the record omits must not keep the previous one's
		if err := decode(v, r); err != nil {
			return err
		}
		key, ok := shared[p][*r]
		if !ok {
			n := (*r).nomination()
			key = sort.Key(&n)
			if len(shared[p]) < sortKeysShared {
				shared[p][*r] = key
			}
		}
		keys[i] = key
		return nil
	})
}
