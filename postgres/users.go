package postgres

import (
	"context"
	"crypto/hmac"
	"crypto/pbkdf2"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"regexp"

	"github.com/jackc/pgx/v5"
	"golang.org/x/text/unicode/norm"

	"khenthuong"
)

// User is a login of the office: a member of one of the two group roles.
type User struct {
	Name string          `json:"name"`
	Role khenthuong.Role `json:"role"`
}

// validLogin is a login as PostgreSQL takes it without quoting: it is typed
// at every clerk's connection, so it stays plain ASCII.
var validLogin = regexp.MustCompile(`^[a-z_][a-z0-9_]{0,62}$`)

func groupOf(role khenthuong.Role) (string, error) {
	switch role {
	case khenthuong.RoleClerk:
		return roleClerk, nil
	case khenthuong.RoleHead:
		return roleHead, nil
	}
	return "", khenthuong.FieldErrorf("role", "Vai trò “%s” không có: chọn chuyenvien hoặc lanhdao", role)
}

func checkLogin(name string) error {
	if !validLogin.MatchString(name) || name == roleClerk || name == roleHead || len(name) >= 3 && name[:3] == "pg_" {
		return khenthuong.FieldErrorf("name",
			"Tên đăng nhập “%s” không dùng được: chỉ chữ thường không dấu, chữ số và dấu gạch dưới, bắt đầu bằng chữ (ví dụ: nguyenvana)", name)
	}
	return nil
}

func checkPassword(password string) error {
	if len([]rune(password)) < 8 {
		return khenthuong.FieldErrorf("password", "Mật khẩu phải có ít nhất 8 ký tự")
	}
	return nil
}

// AddUser creates a login in the role's group, with an administrator's
// address: EINVALID (name, role, password), ECONFLICT (the login exists).
func AddUser(ctx context.Context, adminAddr, name string, role khenthuong.Role, password string) error {
	group, err := groupOf(role)
	if err != nil {
		return err
	}
	if err := checkLogin(name); err != nil {
		return err
	}
	if err := checkPassword(password); err != nil {
		return err
	}
	return withAdmin(ctx, adminAddr, "user add", func(tx pgx.Tx) error {
		var exists bool
		if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1)`, name).Scan(&exists); err != nil {
			return err
		}
		if exists {
			return khenthuong.Errorf(khenthuong.ECONFLICT, "Tài khoản “%s” đã có trên máy chủ", name)
		}
		verifier, err := scramVerifier(password)
		if err != nil {
			return err
		}
		id := pgx.Identifier{name}.Sanitize()
		if _, err := tx.Exec(ctx, fmt.Sprintf(`CREATE ROLE %s LOGIN PASSWORD '%s' IN ROLE %s`, id, verifier, group)); err != nil {
			return err
		}
		return nil
	})
}

// Users lists the office's logins by name.
func Users(ctx context.Context, adminAddr string) ([]User, error) {
	var us []User
	err := withAdmin(ctx, adminAddr, "user list", func(tx pgx.Tx) error {
		rows, err := tx.Query(ctx, `SELECT u.rolname,
				CASE WHEN bool_or(g.rolname = $1) THEN 'lanhdao' ELSE 'chuyenvien' END
			FROM pg_auth_members m
			JOIN pg_roles u ON u.oid = m.member
			JOIN pg_roles g ON g.oid = m.roleid
			WHERE g.rolname IN ($1, $2)
			GROUP BY u.rolname ORDER BY u.rolname`, roleHead, roleClerk)
		if err != nil {
			return err
		}
		us, err = pgx.CollectRows(rows, func(r pgx.CollectableRow) (User, error) {
			var u User
			err := r.Scan(&u.Name, &u.Role)
			return u, err
		})
		return err
	})
	return us, err
}

// RemoveUser drops an office login; its name stays in the audit: ENOTFOUND
// (no such login of the office).
func RemoveUser(ctx context.Context, adminAddr, name string) error {
	return withAdmin(ctx, adminAddr, "user remove", func(tx pgx.Tx) error {
		if err := mustBeOfficeUser(ctx, tx, name); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `DROP ROLE `+pgx.Identifier{name}.Sanitize())
		return err
	})
}

// SetPassword changes an office login's password: ENOTFOUND, EINVALID.
func SetPassword(ctx context.Context, adminAddr, name, password string) error {
	if err := checkPassword(password); err != nil {
		return err
	}
	return withAdmin(ctx, adminAddr, "user passwd", func(tx pgx.Tx) error {
		if err := mustBeOfficeUser(ctx, tx, name); err != nil {
			return err
		}
		verifier, err := scramVerifier(password)
		if err != nil {
			return err
		}
		_, err = tx.Exec(ctx, fmt.Sprintf(`ALTER ROLE %s PASSWORD '%s'`, pgx.Identifier{name}.Sanitize(), verifier))
		return err
	})
}

func mustBeOfficeUser(ctx context.Context, tx pgx.Tx, name string) error {
	var ok bool
	err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM pg_auth_members m
		JOIN pg_roles u ON u.oid = m.member JOIN pg_roles g ON g.oid = m.roleid
		WHERE u.rolname = $1 AND g.rolname IN ($2, $3))`, name, roleClerk, roleHead).Scan(&ok)
	if err == nil && !ok {
		err = khenthuong.Errorf(khenthuong.ENOTFOUND, "Không có tài khoản “%s” của văn phòng trên máy chủ", name)
	}
	return err
}

// withAdmin runs fn in one transaction on a connection with an administrator's address.
func withAdmin(ctx context.Context, addr, op string, fn func(tx pgx.Tx) error) error {
	conn, err := connect(ctx, addr)
	if err != nil {
		return err
	}
	defer conn.Close(context.Background())
	if err := pgx.BeginFunc(ctx, conn, fn); err != nil {
		if isForbidden(err) {
			return khenthuong.Errorf(khenthuong.EFORBIDDEN,
				"Tài khoản trong địa chỉ %s không phải người quản trị máy chủ (cần quyền CREATEROLE): hãy dùng địa chỉ của người quản trị", Redact(addr))
		}
		return serverError(Redact(addr), op, err)
	}
	return nil
}

// scramVerifier is the SCRAM-SHA-256 form PostgreSQL stores (RFC 5802/7677):
// the server never receives the password itself, so it cannot reach a log.
func scramVerifier(password string) (string, error) {
	const iterations = 4096
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	// SASLprep reduces to NFKC for the passwords people type.
	salted, err := pbkdf2.Key(sha256.New, norm.NFKC.String(password), salt, iterations, sha256.Size)
	if err != nil {
		return "", err
	}
	mac := func(key []byte, msg string) []byte {
		h := hmac.New(sha256.New, key)
		h.Write([]byte(msg))
		return h.Sum(nil)
	}
	stored := sha256.Sum256(mac(salted, "Client Key"))
	b64 := base64.StdEncoding.EncodeToString
	return fmt.Sprintf("SCRAM-SHA-256$%d:%s$%s:%s", iterations, b64(salt), b64(stored[:]), b64(mac(salted, "Server Key"))), nil
}
