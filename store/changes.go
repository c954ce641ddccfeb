package store

import (
	"sync"

	bolt "go.etcd.io/bbolt"

	"khenthuong"
)

var _ khenthuong.ChangeService = (*DB)(nil)

// manyChanges is the number of records of one entity a delivery names one
// by one; past it (an import, a decision issued) subscribers get one Change
// for the entity with an empty Key, so a window refreshes once, not 10,000 times.
const manyChanges = 64

// notifier delivers committed changes to the subscribers, in commit order,
// from one goroutine of its own (started by the first Subscribe), so a
// write never waits for a screen.
type notifier struct {
	mu      sync.Mutex
	subs    map[int]func(khenthuong.Change)
	next    int
	queue   []khenthuong.Change
	wake    chan struct{}
	running bool
	closed  bool
}

// Subscribe calls fn from a background goroutine after each committed write.
func (db *DB) Subscribe(fn func(khenthuong.Change)) (cancel func()) {
	n := &db.changes
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.subs == nil {
		n.subs = map[int]func(khenthuong.Change){}
		n.wake = make(chan struct{}, 1)
	}
	id := n.next
	n.next++
	n.subs[id] = fn
	if !n.running && !n.closed {
		n.running = true
		go n.run()
	}
	return func() {
		n.mu.Lock()
		delete(n.subs, id)
		n.mu.Unlock()
	}
}

// changed queues a Change for the subscribers once tx commits (nothing
// without subscribers: a command has none).
func (db *DB) changed(tx *bolt.Tx, c khenthuong.Change) {
	db.changes.mu.Lock()
	none := len(db.changes.subs) == 0
	db.changes.mu.Unlock()
	if none {
		return
	}
	tx.OnCommit(func() { db.changes.push(c) })
}

// push queues c for the subscribers now.
func (n *notifier) push(c khenthuong.Change) {
	n.mu.Lock()
	defer n.mu.Unlock()
	if len(n.subs) == 0 || n.closed {
		return
	}
	n.queue = append(n.queue, c)
	select {
	case n.wake <- struct{}{}:
	default:
	}
}

// close stops the delivery goroutine.
func (n *notifier) close() {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.closed = true
	n.queue = nil
	if n.wake != nil {
		close(n.wake)
	}
}

func (n *notifier) run() {
	for range n.wake {
		n.mu.Lock()
		batch := coalesce(n.queue)
		n.queue = nil
		subs := make([]func(khenthuong.Change), 0, len(n.subs))
		for _, fn := range n.subs {
			subs = append(subs, fn)
		}
		n.mu.Unlock()
		for _, c := range batch {
			for _, fn := range subs {
				fn(c)
			}
		}
	}
}

// coalesce replaces the changes of an entity that has more than manyChanges
// in cs by one with an empty Key (the last one's user and time), keeping order.
func coalesce(cs []khenthuong.Change) []khenthuong.Change {
	count := map[string]int{}
	for _, c := range cs {
		count[c.Entity]++
	}
	out := make([]khenthuong.Change, 0, len(cs))
	last := map[string]int{} // entity -> its place in out, once coalesced
	for _, c := range cs {
		if count[c.Entity] <= manyChanges {
			out = append(out, c)
			continue
		}
		c.Key = ""
		if i, ok := last[c.Entity]; ok {
			out[i] = c
			continue
		}
		last[c.Entity] = len(out)
		out = append(out, c)
	}
	return out
}
