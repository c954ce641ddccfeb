package postgres

import (
	"context"
	"encoding/json"
	"log/slog"
	"sync"
	"time"

	"khenthuong"
)

// listener holds one connection LISTENing on the change channel for every
// subscriber of the store; it reconnects when the connection is lost.
type listener struct {
	cancel    context.CancelFunc
	done      chan struct{}
	ready     chan struct{} // closed once the first LISTEN is in place
	readyOnce sync.Once

	mu   sync.Mutex
	next int
	subs map[int]func(khenthuong.Change)
}

// Subscribe calls fn after each committed write, this window's and other
// clerks' (the audit trigger notifies at commit); cancel stops the calls. A
// write of many records at once (an import) arrives as one Change per entity
// with an empty Key: reload that entity's lists. Every write committed after
// Subscribe returns is told (it waits for the server to listen, 5 s at most).
func (s *Store) Subscribe(fn func(khenthuong.Change)) (cancel func()) {
	s.listenMu.Lock()
	if s.listen == nil {
		ctx, stop := context.WithCancel(context.Background())
		s.listen = &listener{cancel: stop, done: make(chan struct{}), ready: make(chan struct{}),
			subs: map[int]func(khenthuong.Change){}}
		go s.listenLoop(ctx, s.listen)
	}
	l := s.listen
	s.listenMu.Unlock()
	// A write committed before the LISTEN is in place would tell nobody: wait
	// for it, but not for ever on a server that has just gone away.
	select {
	case <-l.ready:
	case <-l.done:
	case <-time.After(listenWait):
	}
	l.mu.Lock()
	id := l.next
	l.next++
	l.subs[id] = fn
	l.mu.Unlock()
	return func() {
		l.mu.Lock()
		delete(l.subs, id)
		l.mu.Unlock()
	}
}

func (s *Store) stopListener() {
	s.listenMu.Lock()
	l := s.listen
	s.listen = nil
	s.listenMu.Unlock()
	if l != nil {
		l.cancel()
		<-l.done
	}
}

// listenWait bounds how long Subscribe waits for the first LISTEN.
const listenWait = 5 * time.Second

// listenLoop waits for notifications until ctx ends, reconnecting after a
// lost connection (a second's pause, so a server that is down is not hammered).
func (s *Store) listenLoop(ctx context.Context, l *listener) {
	defer close(l.done)
	for ctx.Err() == nil {
		err := s.listenOnce(ctx, l)
		if ctx.Err() != nil {
			return
		}
		slog.Warn("postgres: change listener lost its connection", "addr", s.addr, "err", err)
		select {
		case <-ctx.Done():
			return
		case <-time.After(time.Second):
		}
	}
}

func (s *Store) listenOnce(ctx context.Context, l *listener) error {
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return err
	}
	// The connection stays LISTENing: it leaves the pool instead of returning to it.
	c := conn.Hijack()
	defer c.Close(context.Background())
	if _, err := c.Exec(ctx, "LISTEN "+changeChannel); err != nil {
		return err
	}
	l.readyOnce.Do(func() { close(l.ready) })
	for {
		n, err := c.WaitForNotification(ctx)
		if err != nil {
			return err
		}
		var c khenthuong.Change
		if err := json.Unmarshal([]byte(n.Payload), &c); err != nil {
			slog.Warn("postgres: unreadable change notification", "payload", n.Payload, "err", err)
			continue
		}
		l.mu.Lock()
		fns := make([]func(khenthuong.Change), 0, len(l.subs))
		for _, fn := range l.subs {
			fns = append(fns, fn)
		}
		l.mu.Unlock()
		for _, fn := range fns {
			fn(c)
		}
	}
}
