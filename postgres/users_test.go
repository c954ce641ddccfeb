package postgres

import (
	"context"
	"slices"
	"strings"
	"testing"

	"khenthuong"
)

func TestUsers(t *testing.T) {
	ctx := context.Background()
	admin := initDatabase(t)

	t.Run("AddListPasswdRemove", func(t *testing.T) {
		clerk, pw := addUser(t, admin, "chuyenvien")
		head, _ := addUser(t, admin, "lanhdao")
		us, err := Users(ctx, admin)
		mustNil(t, err)
		if !slices.Contains(us, User{clerk, khenthuong.RoleClerk}) || !slices.Contains(us, User{head, khenthuong.RoleHead}) {
			t.Fatalf("users = %v, want %s (chuyenvien) and %s (lanhdao)", us, clerk, head)
		}
		s := openStore(t, withDatabase(t, admin, dbName(t, admin), clerk, pw), Options{})
		if id := s.Identity(); id.Login != clerk || id.Role != khenthuong.RoleClerk || id.Local {
			t.Errorf("identity = %+v", id)
		}
		mustNil(t, SetPassword(ctx, admin, clerk, "mật khẩu mới 2026"))
		if _, err := Open(ctx, withDatabase(t, admin, dbName(t, admin), clerk, pw), Options{}); khenthuong.ErrorCode(err) != khenthuong.EUNAVAILABLE {
			t.Errorf("open with the old password: %v, want EUNAVAILABLE", err)
		}
		openStore(t, withDatabase(t, admin, dbName(t, admin), clerk, "mật khẩu mới 2026"), Options{})
		mustNil(t, RemoveUser(ctx, admin, clerk))
		us, err = Users(ctx, admin)
		mustNil(t, err)
		if slices.Contains(us, User{clerk, khenthuong.RoleClerk}) {
			t.Errorf("removed user still listed: %v", us)
		}
	})

	t.Run("Refusals", func(t *testing.T) {
		for _, tc := range []struct {
			name, login, role, password, code string
		}{
			{"BadRole", "canbo1", "giamdoc", "12345678", khenthuong.EINVALID},
			{"BadLogin", "Cán bộ", "chuyenvien", "12345678", khenthuong.EINVALID},
			{"GroupName", roleHead, "chuyenvien", "12345678", khenthuong.EINVALID},
			{"ShortPassword", "canbo1", "chuyenvien", "1234", khenthuong.EINVALID},
		} {
			t.Run(tc.name, func(t *testing.T) {
				err := AddUser(ctx, admin, tc.login, khenthuong.Role(tc.role), tc.password)
				if khenthuong.ErrorCode(err) != tc.code {
					t.Errorf("AddUser = %v, want %s", err, tc.code)
				}
			})
		}
		name, _ := addUser(t, admin, "chuyenvien")
		if err := AddUser(ctx, admin, name, khenthuong.RoleClerk, "12345678"); khenthuong.ErrorCode(err) != khenthuong.ECONFLICT {
			t.Errorf("adding %s twice: %v, want ECONFLICT", name, err)
		}
		if err := RemoveUser(ctx, admin, "postgres"); khenthuong.ErrorCode(err) != khenthuong.ENOTFOUND {
			t.Errorf("removing the superuser: %v, want ENOTFOUND (not an office login)", err)
		}
	})

	t.Run("ConnectionErrorsNameAddressNotPassword", func(t *testing.T) {
		clerk, _ := addUser(t, admin, "chuyenvien")
		for _, tc := range []struct{ name, addr, says string }{
			{"WrongPassword", withDatabase(t, admin, dbName(t, admin), clerk, "sai-mat-khau-bi-mat"), "mật khẩu"},
			{"UnknownLogin", withDatabase(t, admin, dbName(t, admin), "khongco", "sai-mat-khau-bi-mat"), "tài khoản"},
			{"ServerDown", "postgres://" + clerk + ":sai-mat-khau-bi-mat@127.0.0.1:1/khenthuong?connect_timeout=3", "máy chủ đã bật"},
			{"NoDatabase", withDatabase(t, admin, "khongcocsdl", "", ""), "tên cơ sở dữ liệu"},
			{"UnknownServerCertificate", strings.Replace(withDatabase(t, admin, dbName(t, admin), clerk, "sai-mat-khau-bi-mat"),
				"sslmode=disable", "sslmode=verify-full", 1), "chứng chỉ"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				_, err := Open(ctx, tc.addr, Options{})
				msg := khenthuong.ErrorMessage(err)
				if khenthuong.ErrorCode(err) != khenthuong.EUNAVAILABLE || !strings.Contains(msg, Redact(tc.addr)) ||
					strings.Contains(msg, "sai-mat-khau-bi-mat") || !strings.Contains(msg, "kiểm tra") || !strings.Contains(msg, tc.says) {
					t.Errorf("Open = %v (%s), want EUNAVAILABLE naming %s and what to check (%q), without the password",
						err, khenthuong.ErrorCode(err), Redact(tc.addr), tc.says)
				}
			})
		}
	})
}

// dbName is the database of an address.
func dbName(t testing.TB, addr string) string {
	t.Helper()
	i := strings.LastIndex(addr, "/")
	name, _, _ := strings.Cut(addr[i+1:], "?")
	return name
}
