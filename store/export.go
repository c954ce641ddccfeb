package store

import (
	"bufio"
	"bytes"
	"encoding/hex"
	"encoding/json"
	"io"
	"strconv"
	"unicode/utf8"

	bolt "go.etcd.io/bbolt"
)

// ExportJSON writes the whole content of the file as JSON: every bucket in
// name order with its sequence and its records in key order, one record per
// line. The output depends only on the content, not on the file's page
// layout, so two files hold the same data exactly when their exports are equal.
//
// Keys that are printable text are written as strings, other keys as "0x" and
// hex; values that are JSON are embedded as compact JSON, others as hex.
func (db *DB) ExportJSON(w io.Writer) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	err := db.view("export", func(tx *bolt.Tx) error {
		bw.WriteString("{\"buckets\":[")
		first := true
		err := tx.ForEach(func(name []byte, b *bolt.Bucket) error {
			if !first {
				bw.WriteString(",")
			}
			first = false
			bw.WriteString("\n{\"name\":")
			writeKey(bw, name)
			bw.WriteString(",\"sequence\":" + strconv.FormatUint(b.Sequence(), 10) + ",\"records\":[")
			n := 0
			err := b.ForEach(func(k, v []byte) error {
				if n > 0 {
					bw.WriteString(",")
				}
				n++
				bw.WriteString("\n{\"key\":")
				writeKey(bw, k)
				bw.WriteString(",\"value\":")
				return writeValue(bw, v)
			})
			bw.WriteString("]}")
			return err
		})
		bw.WriteString("\n]}\n")
		return err
	})
	if err != nil {
		return err
	}
	return db.internal("export", bw.Flush())
}

// writeKey writes a key as a JSON string: text as is, binary as 0x-hex.
func writeKey(w *bufio.Writer, k []byte) {
	if printable(k) {
		b, _ := json.Marshal(string(k))
		w.Write(b)
		return
	}
	w.WriteString(`"0x` + hex.EncodeToString(k) + `"`)
}

// writeValue writes a value as compact JSON if it is JSON, else as 0x-hex.
func writeValue(w *bufio.Writer, v []byte) error {
	switch {
	case v == nil:
		_, err := w.WriteString("null")
		return err
	case len(v) > 0 && json.Valid(v) && (v[0] == '{' || v[0] == '['):
		var buf bytes.Buffer
		if err := json.Compact(&buf, v); err != nil {
			return err
		}
		_, err := w.Write(buf.Bytes())
		return err
	}
	_, err := w.WriteString(`"0x` + hex.EncodeToString(v) + `"`)
	return err
}

func printable(b []byte) bool {
	if len(b) == 0 || !utf8.Valid(b) {
		return false
	}
	for _, r := range string(b) {
		if r < 0x20 || r == 0x7f {
			return false
		}
	}
	return true
}
