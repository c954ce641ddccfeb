package main

import (
	"khenthuong"
	"khenthuong/certificates"
	"khenthuong/page"
)

// check refuses wrong flag values before anything is opened: a wrong value
// is the clerk's typing, told with the flag's name and what it takes, never
// "Lỗi hệ thống".
func (f *printFlags) check() error {
	if f.batch < 1 {
		return usagef("--batch phải từ 1 trở lên")
	}
	if _, err := certificates.ParseMode(f.mode); err != nil {
		return usagef("--mode: %s", khenthuong.ErrorMessage(err))
	}
	if _, _, err := page.ParseSize(f.size); err != nil {
		return usagef("--size: %s", khenthuong.ErrorMessage(err))
	}
	return nil
}
