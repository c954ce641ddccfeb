package main

import (
	"context"
	"os"
	"time"

	"khenthuong"
	"khenthuong/postgres"
	"khenthuong/store"
)

// dataStore is what a subcommand works on: the data file or the office server.
type dataStore interface {
	khenthuong.Services
	khenthuong.NominationImporter
	// NextRegistryNumber is the counter the next number of a series would get.
	NextRegistryNumber(s *khenthuong.RegistrySeries, year int) (int, error)
	// AwardsOf gives the awards of the nominations an issued decision lists.
	AwardsOf(nominationIDs []uint64) (map[uint64]khenthuong.Award, error)
	Close() error
}

// dbEnv names the data address when --db is not given.
const dbEnv = "KHENTHUONG_DB"

// dataAddress is --db, else KHENTHUONG_DB, else the default data file.
func dataAddress(flagValue string) string {
	switch {
	case flagValue != "":
		return flagValue
	case os.Getenv(dbEnv) != "":
		return os.Getenv(dbEnv)
	}
	return store.DefaultPath()
}

// server reports whether the data address is an office server.
func (e *env) server() bool { return postgres.IsAddress(e.dbPath) }

// serverWait bounds connecting and reading who the login is.
const serverWait = 15 * time.Second

// openServer connects to the office server of the data address.
func (e *env) openServer() (*postgres.Store, error) {
	ctx, cancel := context.WithTimeout(context.Background(), serverWait)
	defer cancel()
	return postgres.Open(ctx, e.dbPath, postgres.Options{})
}

// openData opens the server or the file; a file on a network drive is not
// opened for writing.
func (e *env) openData(readOnly bool) (dataStore, error) {
	if e.server() {
		return e.openServer()
	}
	if !readOnly {
		if err := refuseNetworkFile(e.dbPath); err != nil {
			return nil, err
		}
	}
	// The day's automatic backup, if still due, is taken before the command's first write.
	return store.Open(e.dbPath, store.Options{ReadOnly: readOnly, Timeout: lockWait, BackupBeforeWrite: true, NoBackup: benchNoBackup})
}

// logPath is where the log goes: beside the data file, or for a server in the
// user's data folder (never beside an address).
func logPath(dbPath string) string {
	if postgres.IsAddress(dbPath) {
		return store.DefaultPath()
	}
	return dbPath
}

// where names the data for messages: the file, or the server without its password.
func (e *env) where() string {
	if e.server() {
		return postgres.Redact(e.dbPath)
	}
	return e.dbPath
}

// openWindowData opens what the window works on, for writing.
func (e *env) openWindowData() (dataStore, error) {
	if e.server() {
		return e.openServer()
	}
	if err := refuseNetworkFile(e.dbPath); err != nil {
		return nil, err
	}
	return store.Open(e.dbPath, store.Options{})
}
