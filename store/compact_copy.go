package store

import (
	bolt "go.etcd.io/bbolt"
)

// copyBuckets copies every bucket of src into dst as bbolt's Compact does
// (every page filled, the buckets' sequences kept), committing every
// compactTxSize bytes. Unlike Compact it gives back src's mapped pages every
// dropEvery records (Compact's own walk gives no hook between records): the
// process would otherwise count the whole file it read as its memory.
func copyBuckets(dst *bolt.DB, src *bolt.Tx) (err error) {
	tx, err := dst.Begin(true)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil && tx != nil {
			_ = tx.Rollback() // bbolt has rolled back a failed commit already: ErrTxClosed
		}
	}()
	drop := dropper(src)
	size, gen := 0, 0 // bytes in tx; transactions committed
	read := 0         // bytes read since src's pages were last given back
	// next counts a record into the transaction, committing it first when
	// full. A record costs its bytes and what bbolt keeps for it until the
	// commit (compactRecordCost): an index of 30-byte keys would otherwise put
	// 280,000 records, 45 MB of bbolt's nodes, in a transaction of 8 MB.
	next := func(n int) error {
		// Every dropEvery records, or every compactTxSize bytes where the
		// records are large.
		drop()
		if read += n; read > compactTxSize {
			dropMapped(src)
			read = 0
		}
		n += compactRecordCost
		if size+n <= compactTxSize || size == 0 {
			size += n
			return nil
		}
		if err := tx.Commit(); err != nil {
			return err
		}
		if tx, err = dst.Begin(true); err != nil {
			return err
		}
		size, gen = n, gen+1
		return nil
	}
	// into finds the copy of the bucket at path in the current transaction.
	into := func(path [][]byte) *bolt.Bucket {
		b := tx.Bucket(path[0])
		for _, k := range path[1:] {
			b = b.Bucket(k)
		}
		b.FillPercent = 1.0
		return b
	}
	var walk func(path [][]byte, from *bolt.Bucket) error
	walk = func(path [][]byte, from *bolt.Bucket) error {
		var to *bolt.Bucket
		toGen := -1
		c := from.Cursor()
		for k, v := c.First(); k != nil; k, v = c.Next() {
			if err := next(len(k) + len(v)); err != nil {
				return err
			}
			if toGen != gen {
				to, toGen = into(path), gen
			}
			if v != nil {
				if err := to.Put(k, v); err != nil {
					return err
				}
				continue
			}
			sub := from.Bucket(k)
			if err := createCopy(to.CreateBucket, k, sub); err != nil {
				return err
			}
			if err := walk(append(path[:len(path):len(path)], k), sub); err != nil {
				return err
			}
		}
		return nil
	}
	err = src.ForEach(func(name []byte, b *bolt.Bucket) error {
		if err := next(len(name)); err != nil {
			return err
		}
		if err := createCopy(tx.CreateBucket, name, b); err != nil {
			return err
		}
		return walk([][]byte{name}, b)
	})
	if err != nil {
		return err
	}
	return tx.Commit()
}

// createCopy creates the copy of bucket b named name, with its sequence.
func createCopy(create func([]byte) (*bolt.Bucket, error), name []byte, b *bolt.Bucket) error {
	nb, err := create(name)
	if err != nil {
		return err
	}
	return nb.SetSequence(b.Sequence())
}
