package ui

import (
	"sync"
	"time"

	"khenthuong"
)

// On an office server other clerks write while this window is open. The
// store tells of each committed write (khenthuong.ChangeService); the page on
// screen reloads what it shows, a moment later so that a burst of writes is
// one reload. Nothing reloads under an open dialog or on Cài đặt, where it
// would drop the clerk's unsaved edits, nor for this window's own writes,
// which the screens already show.

// changeSettle is how long a burst of changes is gathered before one reload.
const changeSettle = 300 * time.Millisecond

// followChanges subscribes the window to other clerks' writes, if the store tells of them.
func (m *MainWindow) followChanges(svc khenthuong.Services) {
	ch, ok := svc.(khenthuong.ChangeService)
	if !ok {
		return
	}
	self := ""
	if acc, ok := svc.(khenthuong.AccessService); ok {
		self = acc.Identity().Login
	}
	var mu sync.Mutex
	var pending *time.Timer
	ch.Subscribe(func(c khenthuong.Change) {
		if c.User == self {
			return
		}
		mu.Lock()
		defer mu.Unlock()
		if pending != nil {
			return // a reload is already on its way
		}
		pending = time.AfterFunc(changeSettle, func() {
			mu.Lock()
			pending = nil
			mu.Unlock()
			uiDo(m.reloadShown)
		})
	})
}

// reloadShown reloads the page on screen when that loses nothing typed.
func (m *MainWindow) reloadShown() {
	if m.page < 0 || m.page == pageSettings || m.dialogOpen() {
		return
	}
	if s, ok := m.screens[m.page].(shownScreen); ok {
		s.shown()
	}
}
