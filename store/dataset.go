package store

import (
	"encoding/json"
	"slices"

	bolt "go.etcd.io/bbolt"

	"khenthuong"
)

// Dataset reads the whole content of the file in one read transaction (for
// `migrate` onto an office server).
func (db *DB) Dataset() (*khenthuong.Dataset, error) {
	ds := &khenthuong.Dataset{Counters: map[string]uint64{}, Templates: map[string]json.RawMessage{}}
	err := db.view("dataset", func(tx *bolt.Tx) error {
		var err error
		if ds.Settings, err = getSettings(tx); err != nil {
			return err
		}
		each := func(bucket []byte, fn func(k, v []byte) error) error {
			return tx.Bucket(bucket).ForEach(fn)
		}
		decodeInto := func(bucket []byte, add func(v []byte) error) error {
			return each(bucket, func(_, v []byte) error { return add(v) })
		}
		steps := []struct {
			bucket []byte
			add    func(v []byte) error
		}{
			{bucketForms, func(v []byte) error { return appendDecoded(v, &ds.Forms) }},
			{bucketCampaigns, func(v []byte) error { return appendDecoded(v, &ds.Campaigns) }},
			{bucketNominees, func(v []byte) error { return appendDecoded(v, &ds.Nominees) }},
			{bucketNominations, func(v []byte) error { return appendDecoded(v, &ds.Nominations) }},
			{bucketSeries, func(v []byte) error { return appendDecoded(v, &ds.Series) }},
			{bucketPrinters, func(v []byte) error { return appendDecoded(v, &ds.Printers) }},
			{bucketAudit, func(v []byte) error { return appendDecoded(v, &ds.Audit) }},
		}
		for _, s := range steps {
			if err := decodeInto(s.bucket, s.add); err != nil {
				return err
			}
		}
		// A decision's recipients are stored apart (recipients.go): the data set carries them.
		if err := each(bucketDecisions, func(k, _ []byte) error {
			d, err := getDecision(tx, btoi(k))
			if err == nil {
				ds.Decisions = append(ds.Decisions, *d)
			}
			return err
		}); err != nil {
			return err
		}
		if err := each(bucketCounters, func(k, _ []byte) error {
			n, err := counter(tx, string(k))
			ds.Counters[string(k)] = n
			return err
		}); err != nil {
			return err
		}
		if err := each(bucketDistinct, func(k, _ []byte) error {
			if len(k) == 16 {
				ds.Distinct = append(ds.Distinct, khenthuong.NomineePair{btoi(k), btoi(k[8:])})
			}
			return nil
		}); err != nil {
			return err
		}
		return each(bucketTemplates, func(k, v []byte) error {
			ds.Templates[string(k)] = json.RawMessage(slices.Clone(v))
			return nil
		})
	})
	return ds, err
}

func appendDecoded[T any](v []byte, list *[]T) error {
	var x T
	if err := decode(v, &x); err != nil {
		return err
	}
	*list = append(*list, x)
	return nil
}

// CreateFromDataset writes a new data file at path holding exactly ds (for
// `backup` of an office server): same IDs, times, counters and audit, every
// index built, in one transaction. The file must not exist.
func CreateFromDataset(path string, ds *khenthuong.Dataset, opts Options) error {
	opts.NoBackup = true
	db, err := Open(path, opts)
	if err != nil {
		return err
	}
	defer db.Close()
	return db.update("load dataset", func(tx *bolt.Tx) error {
		for _, name := range [][]byte{bucketForms, bucketSettings} { // the seed gives way to the data set's own
			if err := tx.DeleteBucket(name); err != nil {
				return err
			}
			if _, err := tx.CreateBucket(name); err != nil {
				return err
			}
		}
		if err := putSettings(tx, &ds.Settings); err != nil {
			return err
		}
		for i := range ds.Forms {
			if err := putForm(tx, &ds.Forms[i]); err != nil {
				return err
			}
		}
		var maxID uint64
		for i := range ds.Campaigns {
			if err := putCampaign(tx, &ds.Campaigns[i]); err != nil {
				return err
			}
			maxID = max(maxID, ds.Campaigns[i].ID)
		}
		if err := tx.Bucket(bucketCampaigns).SetSequence(maxID); err != nil {
			return err
		}
		maxID = 0
		for i := range ds.Nominees {
			r := nomineeRecord{ID: ds.Nominees[i].ID, Nominee: ds.Nominees[i].Nominee}
			v, err := encode(&r)
			if err != nil {
				return err
			}
			if err := tx.Bucket(bucketNominees).Put(itob(r.ID), v); err != nil {
				return err
			}
			maxID = max(maxID, r.ID)
		}
		if err := tx.Bucket(bucketNominees).SetSequence(maxID); err != nil {
			return err
		}
		maxID = 0
		for i := range ds.Nominations {
			if _, err := db.putNomination(tx, nil, &ds.Nominations[i]); err != nil {
				return err
			}
			maxID = max(maxID, ds.Nominations[i].ID)
		}
		if err := tx.Bucket(bucketNominations).SetSequence(maxID); err != nil {
			return err
		}
		maxID = 0
		for i := range ds.Decisions {
			if _, err := putDecision(tx, &ds.Decisions[i]); err != nil {
				return err
			}
			if err := db.indexDecision(tx, &ds.Decisions[i]); err != nil {
				return err
			}
			maxID = max(maxID, ds.Decisions[i].ID)
		}
		if err := tx.Bucket(bucketDecisions).SetSequence(maxID); err != nil {
			return err
		}
		for i := range ds.Series {
			if err := putSeries(tx, &ds.Series[i]); err != nil {
				return err
			}
		}
		for k, n := range ds.Counters {
			if err := tx.Bucket(bucketCounters).Put([]byte(k), itob(n)); err != nil {
				return err
			}
		}
		for _, p := range ds.Distinct {
			if err := tx.Bucket(bucketDistinct).Put(pairKey(p), nil); err != nil {
				return err
			}
		}
		for code, t := range ds.Templates {
			if err := tx.Bucket(bucketTemplates).Put([]byte(code), t); err != nil {
				return err
			}
		}
		for i := range ds.Printers {
			v, err := encode(&ds.Printers[i])
			if err != nil {
				return err
			}
			if err := tx.Bucket(bucketPrinters).Put(printerKey(ds.Printers[i].Name), v); err != nil {
				return err
			}
		}
		maxID = 0
		for i := range ds.Audit {
			r := &ds.Audit[i]
			v, err := encode(r)
			if err != nil {
				return err
			}
			if err := tx.Bucket(bucketAudit).Put(itob(r.ID), v); err != nil {
				return err
			}
			if err := tx.Bucket(bucketAuditIdx).Put(auditKey(r.Entity, r.Key, r.ID), nil); err != nil {
				return err
			}
			maxID = max(maxID, r.ID)
		}
		return tx.Bucket(bucketAudit).SetSequence(maxID)
	})
}
