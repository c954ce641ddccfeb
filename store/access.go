package store

import "khenthuong"

var _ khenthuong.AccessService = (*DB)(nil)

// Identity is the OS user at this PC: a data file is one clerk's, who may do
// everything (the office server is where roles apply).
func (db *DB) Identity() khenthuong.Identity {
	return khenthuong.Identity{Login: db.opts.User, Role: khenthuong.RoleHead, Local: true}
}
