package certificates

import "khenthuong"

// maxPasses is how many passes over the stream a job may take to print its
// recipients in the order asked; an order needing more (not the ceremony
// order, which takes one pass per kind) holds the recipients instead.
const maxPasses = 8

// streamPlan plans a job reading Stream: every recipient in list order, or
// Recipients in their order. A first pass finds where each asked recipient
// is in the list; the order asked is cut into runs that go forward in the
// list, and each run is one more pass.
func (j *Job) streamPlan() (int, RecipientStream, error) {
	d := j.Decision
	if len(j.Recipients) == 0 {
		n := 0
		if err := j.Stream(func(*khenthuong.Recipient) error { n++; return nil }); err != nil {
			return 0, nil, err
		}
		if n == 0 {
			return 0, nil, khenthuong.Errorf(khenthuong.EINVALID, "Quyết định số %s chưa có người được khen", d.Number)
		}
		return n, j.counted(n), nil
	}
	at := make(map[uint64]int, len(j.Recipients)) // nomination ID -> index in the list
	for _, id := range j.Recipients {
		at[id] = -1
	}
	i := -1
	err := j.Stream(func(r *khenthuong.Recipient) error {
		i++
		if v, ok := at[r.NominationID]; ok && v < 0 {
			at[r.NominationID] = i
		}
		return nil
	})
	if err != nil {
		return 0, nil, err
	}
	pos := make([]int, len(j.Recipients))
	runs := []int{0} // the index in Recipients where each run starts
	for k, id := range j.Recipients {
		if pos[k] = at[id]; pos[k] < 0 {
			return 0, nil, khenthuong.Errorf(khenthuong.ENOTFOUND, "Quyết định số %s không có người được khen mã %d", d.Number, id)
		}
		if k > 0 && pos[k] <= pos[k-1] {
			runs = append(runs, k)
		}
	}
	if len(runs) > maxPasses {
		return j.held(at)
	}
	runs = append(runs, len(pos))
	return len(pos), func(fn func(*khenthuong.Recipient) error) error {
		for ri := 0; ri+1 < len(runs); ri++ {
			next, end := runs[ri], runs[ri+1]
			i := -1
			err := j.Stream(func(r *khenthuong.Recipient) error {
				i++
				if next == end || i != pos[next] {
					return nil
				}
				if r.NominationID != j.Recipients[next] {
					return errChanged(d)
				}
				next++
				return fn(r)
			})
			if err != nil {
				return err
			}
			if next != end {
				return errChanged(d)
			}
		}
		return nil
	}, nil
}

// counted is Stream, refused when it no longer gives n recipients.
func (j *Job) counted(n int) RecipientStream {
	return func(fn func(*khenthuong.Recipient) error) error {
		i := 0
		err := j.Stream(func(r *khenthuong.Recipient) error {
			if i++; i > n {
				return errChanged(j.Decision)
			}
			return fn(r)
		})
		if err == nil && i != n {
			err = errChanged(j.Decision)
		}
		return err
	}
}

// held reads the asked recipients into memory (at holds their IDs) and
// gives them in the order asked.
func (j *Job) held(at map[uint64]int) (int, RecipientStream, error) {
	byID := make(map[uint64]*khenthuong.Recipient, len(at))
	err := j.Stream(func(r *khenthuong.Recipient) error {
		if _, ok := at[r.NominationID]; ok && byID[r.NominationID] == nil {
			c := *r
			byID[r.NominationID] = &c
		}
		return nil
	})
	if err != nil {
		return 0, nil, err
	}
	for _, id := range j.Recipients {
		if byID[id] == nil {
			return 0, nil, errChanged(j.Decision)
		}
	}
	return len(j.Recipients), func(fn func(*khenthuong.Recipient) error) error {
		for _, id := range j.Recipients {
			if err := fn(byID[id]); err != nil {
				return err
			}
		}
		return nil
	}, nil
}
