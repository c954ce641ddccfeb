package main

import (
	"context"
	"log/slog"
	"sync"

	"fyne.io/fyne/v2"

	"khenthuong"
	"khenthuong/postgres"
	"khenthuong/store"
	"khenthuong/ui"
)

// windowServer is the office server the window should open: the --db or
// KHENTHUONG_DB address, else the one chosen in Cài đặt (kept in the
// preferences) unless a data file was named.
func (e *env) windowServer(a fyne.App) (c ui.ServerConnection, password string, ok bool) {
	if e.server() {
		return ui.ParseServerAddress(e.dbPath)
	}
	if e.dbPath != store.DefaultPath() {
		return c, "", false // a file named on the command line
	}
	c, ok = ui.SavedServer(a.Preferences())
	return c, "", ok
}

// runServerGUI asks for the password (never stored), connects and opens the
// window on the server; the clerk may open the data file on this PC instead.
func runServerGUI(a fyne.App, e *env, c ui.ServerConnection, password string) int {
	var (
		mu     sync.Mutex
		opened dataStore
	)
	connect := func(addr string) error {
		ctx, cancel := context.WithTimeout(context.Background(), serverWait)
		defer cancel()
		s, err := postgres.Open(ctx, addr, postgres.Options{})
		if err != nil {
			return err
		}
		mu.Lock()
		opened = s
		mu.Unlock()
		return nil
	}
	var login *ui.ServerLogin
	openMain := func(where string) {
		mu.Lock()
		db := opened
		mu.Unlock()
		m := ui.New(a, db, ui.Options{DataPath: where, Version: version, Open: fileOpener})
		m.Window().SetMaster()
		m.Window().Show()
		if login != nil {
			login.Window().Close()
		}
	}
	useLocal := func() error {
		path := store.DefaultPath()
		if err := refuseNetworkFile(path); err != nil {
			return err
		}
		db, err := store.Open(path, store.Options{})
		if err != nil {
			slog.Error("không mở được tệp dữ liệu", "path", path, "err", err)
			return err
		}
		mu.Lock()
		opened = db
		mu.Unlock()
		openMain(path)
		return nil
	}
	message := ""
	if password != "" { // given in the address: no need to ask
		err := connect(c.Address(password))
		if err == nil {
			openMain(c.String())
			a.Run()
			closeOpened(&mu, &opened)
			return 0
		}
		message = khenthuong.ErrorMessage(err)
	}
	if err := ui.SetLanguage("vi"); err != nil { // the office's settings are on the server, not read yet
		slog.Warn("translations", "err", err)
	}
	login = ui.NewServerLogin(a, c, message, connect, func(c ui.ServerConnection) { openMain(c.String()) }, useLocal)
	login.Window().ShowAndRun()
	closeOpened(&mu, &opened)
	return 0
}

func closeOpened(mu *sync.Mutex, opened *dataStore) {
	mu.Lock()
	defer mu.Unlock()
	if *opened != nil {
		(*opened).Close()
	}
}
