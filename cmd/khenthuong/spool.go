package main

import (
	"bufio"
	"encoding/gob"
	"io"
	"iter"
	"os"
	"path/filepath"
	"time"

	"khenthuong"
)

// rowSpool keeps the rows an import has read and checked in a temporary
// file (gob: a tenth of JSON's cost to read back), until they are written: memory holds the
// writer's buffer, not the list. The file is private to the user and
// removed by close.
type rowSpool struct {
	f   *os.File
	w   *bufio.Writer
	enc *gob.Encoder
	n   int
	err error // the first write error, returned by rows
}

// spoolPattern names the spools in the temporary folder.
const spoolPattern = "khenthuong-import-*"

// staleSpool is the age past which a spool is one a killed import left (an
// import takes minutes): the next import removes it, with the unit's list in it.
const staleSpool = 24 * time.Hour

func newRowSpool() (*rowSpool, error) {
	names, _ := filepath.Glob(filepath.Join(os.TempDir(), spoolPattern))
	for _, n := range names {
		if fi, err := os.Stat(n); err == nil && time.Since(fi.ModTime()) > staleSpool {
			_ = os.Remove(n)
		}
	}
	f, err := os.CreateTemp("", spoolPattern)
	if err != nil {
		return nil, err
	}
	w := bufio.NewWriterSize(f, 1<<16)
	return &rowSpool{f: f, w: w, enc: gob.NewEncoder(w)}, nil
}

// add appends n.
func (s *rowSpool) add(n *khenthuong.Nomination) {
	if s.err == nil {
		s.err = s.enc.Encode(n)
	}
	s.n++
}

// rows reads the spooled rows back, in order, each with the campaign and
// status given.
func (s *rowSpool) rows(campaignID uint64, status khenthuong.Status) iter.Seq2[*khenthuong.Nomination, error] {
	return func(yield func(*khenthuong.Nomination, error) bool) {
		if s.err == nil {
			s.err = s.w.Flush()
		}
		if s.err != nil {
			yield(nil, s.err)
			return
		}
		if _, err := s.f.Seek(0, io.SeekStart); err != nil {
			yield(nil, err)
			return
		}
		dec := gob.NewDecoder(bufio.NewReaderSize(s.f, 1<<16))
		for range s.n {
			var n khenthuong.Nomination
			if err := dec.Decode(&n); err != nil {
				yield(nil, err)
				return
			}
			n.CampaignID, n.Status = campaignID, status
			if !yield(&n, nil) {
				return
			}
		}
	}
}

// close removes the file.
func (s *rowSpool) close() {
	_ = s.f.Close()
	_ = os.Remove(s.f.Name())
}
