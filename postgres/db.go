// Package postgres keeps the Khen thưởng data of an office on a PostgreSQL
// server and implements the domain services (khenthuong.Services, with the
// query, access and change services) on it, so that several clerks and the
// head of the office work on one data set. It is the only package that
// imports pgx. The server enforces the rights itself (see schema.go); this
// package refuses early with the same words, so a clerk reads why.
package postgres

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"khenthuong"
)

// IsAddress reports whether a --db value names a server rather than a file.
func IsAddress(s string) bool {
	return strings.HasPrefix(s, "postgres://") || strings.HasPrefix(s, "postgresql://")
}

// Options tune Open. The zero value is fine for the application.
type Options struct {
	// Now is the clock for record and audit times; tests fix it.
	Now func() time.Time
	// User is written in audit records instead of the login. Only the owner
	// may do so (row security checks the login of everyone else); tests and
	// migrate, which keeps a file's original names, use it.
	User string
	// StatementTimeout bounds every statement on the server (default 30 s), so
	// nothing hangs on a lost connection or a lock held too long.
	StatementTimeout time.Duration
	// MaxConns is the pool size (default 4: a window or a command of one clerk).
	MaxConns int32
}

const (
	defaultStatementTimeout = 30 * time.Second
	defaultConnectTimeout   = 10 * time.Second
)

// Store is an open connection pool to an office's database. It is safe for
// concurrent use and is meant to be opened once for the life of the window.
type Store struct {
	pool *pgxpool.Pool
	addr string // without the password, for messages
	opts Options
	id   khenthuong.Identity
	user string // the audit name

	listenMu sync.Mutex
	listen   *listener // see change.go

	warned warnedCache // see warned.go
}

// Compile-time proof that the office server is what the screens need.
var (
	_ khenthuong.Services      = (*Store)(nil)
	_ khenthuong.QueryService  = (*Store)(nil)
	_ khenthuong.AccessService = (*Store)(nil)
	_ khenthuong.ChangeService = (*Store)(nil)
)

// Open connects to the office server at addr (postgres://USER:PASSWORD@HOST:PORT/DB?sslmode=...)
// and reads who the login is: EUNAVAILABLE (server down, wrong password,
// unknown login, database missing), EINVALID (no `server init` yet, a login
// in neither office role).
func Open(ctx context.Context, addr string, opts Options) (*Store, error) {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.StatementTimeout <= 0 {
		opts.StatementTimeout = defaultStatementTimeout
	}
	if opts.MaxConns <= 0 {
		opts.MaxConns = 4
	}
	cfg, err := pgxpool.ParseConfig(addr)
	if err != nil {
		return nil, badAddress(addr, err)
	}
	tuneConn(cfg.ConnConfig, opts.StatementTimeout)
	cfg.MaxConns = opts.MaxConns
	s := &Store{addr: Redact(addr), opts: opts}
	if s.pool, err = pgxpool.NewWithConfig(ctx, cfg); err != nil {
		return nil, serverError(s.addr, "open", err)
	}
	if err := s.readIdentity(ctx); err != nil {
		s.pool.Close()
		return nil, err
	}
	s.user = s.id.Login
	if opts.User != "" {
		s.user = opts.User
	}
	return s, nil
}

// readIdentity checks the schema and reads the login and its role.
func (s *Store) readIdentity(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, defaultConnectTimeout+s.opts.StatementTimeout)
	defer cancel()
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return serverError(s.addr, "open", err)
	}
	defer conn.Release()
	v, err := schemaVersion(ctx, conn)
	if err != nil {
		return serverError(s.addr, "open", err)
	}
	switch {
	case v == 0:
		return khenthuong.Errorf(khenthuong.EINVALID,
			"Cơ sở dữ liệu %s chưa được khởi tạo: người quản trị chạy “khenthuong --db ĐỊA-CHỈ server init” trước", s.addr)
	case v > len(migrations):
		return khenthuong.Errorf(khenthuong.ETOONEW,
			"Cơ sở dữ liệu %s ở phiên bản %d, mới hơn chương trình này (%d): hãy cập nhật Khen thưởng", s.addr, v, len(migrations))
	case v < len(migrations):
		return khenthuong.Errorf(khenthuong.EINVALID,
			"Cơ sở dữ liệu %s ở phiên bản cũ %d: người quản trị chạy “server init” để nâng cấp lên %d", s.addr, v, len(migrations))
	}
	var login, role string
	var owner bool
	err = conn.QueryRow(ctx, `SELECT session_user, khenthuong_my_role(),
		(SELECT rolsuper FROM pg_roles WHERE rolname = session_user)
		OR pg_has_role(session_user, (SELECT tableowner FROM pg_tables WHERE tablename = 'nominations' AND schemaname = 'public'), 'MEMBER')`).
		Scan(&login, &role, &owner)
	if err != nil {
		return serverError(s.addr, "identity", err)
	}
	s.id = khenthuong.Identity{Login: login, Role: khenthuong.Role(role)}
	if owner {
		s.id.Role = khenthuong.RoleHead // the administrator may do what the head does
	}
	if s.id.Role == "" {
		return khenthuong.Errorf(khenthuong.EINVALID,
			"Tài khoản %s không thuộc nhóm chuyên viên hay lãnh đạo của %s: người quản trị thêm bằng “server user add”", login, s.addr)
	}
	return nil
}

// tuneConn sets the timeouts every connection carries: statements, lock waits
// and transactions left open are cut by the server itself.
func tuneConn(c *pgx.ConnConfig, statement time.Duration) {
	if c.ConnectTimeout == 0 {
		c.ConnectTimeout = defaultConnectTimeout
	}
	ms := func(d time.Duration) string { return fmt.Sprint(d.Milliseconds()) }
	c.RuntimeParams["statement_timeout"] = ms(statement)
	// A lock wait ends first, so it is reported as another clerk's edit in progress.
	c.RuntimeParams["lock_timeout"] = ms(statement * 2 / 3)
	c.RuntimeParams["idle_in_transaction_session_timeout"] = ms(2 * statement)
	c.RuntimeParams["application_name"] = "khenthuong"
}

// connect opens one connection (server init, user management).
func connect(ctx context.Context, addr string) (*pgx.Conn, error) {
	cfg, err := pgx.ParseConfig(addr)
	if err != nil {
		return nil, badAddress(addr, err)
	}
	tuneConn(cfg, 5*time.Minute) // migrations may take a while on a large database
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		return nil, serverError(Redact(addr), "connect", err)
	}
	return conn, nil
}

// Close ends the change listener and the pool.
func (s *Store) Close() error {
	s.stopListener()
	s.pool.Close()
	return nil
}

// Address is the server's address without the password.
func (s *Store) Address() string { return s.addr }

// Identity returns the login and its role.
func (s *Store) Identity() khenthuong.Identity { return s.id }

// now is the record time, without its monotonic reading and at the server's
// microsecond precision, so values compare equal once read back.
func (s *Store) now() time.Time { return s.opts.Now().Round(0).Truncate(time.Microsecond) }

// querier is what pgx.Tx, *pgx.Conn and *pgxpool.Conn share.
type querier interface {
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

// ctx bounds one call: the statement timeout plus the time to get a connection.
func (s *Store) ctx() (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.Background(), defaultConnectTimeout+2*s.opts.StatementTimeout)
}

// read runs fn in a read-only transaction at repeatable read: one consistent snapshot.
func (s *Store) read(op string, fn func(ctx context.Context, tx pgx.Tx) error) error {
	ctx, cancel := s.ctx()
	defer cancel()
	err := retryOnce(func() error {
		return pgx.BeginTxFunc(ctx, s.pool, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly},
			func(tx pgx.Tx) error { return fn(ctx, tx) })
	})
	return s.fail(op, err)
}

// write checks the right, then runs fn in one transaction: all or nothing.
func (s *Store) write(op string, right khenthuong.Right, fn func(ctx context.Context, tx pgx.Tx) error) error {
	if !s.id.Can(right) {
		return s.id.Refusal(right)
	}
	ctx, cancel := s.ctx()
	defer cancel()
	return s.writeIn(ctx, op, right, fn)
}

// writeIn is write within ctx (an import runs longer than one write).
func (s *Store) writeIn(ctx context.Context, op string, right khenthuong.Right, fn func(ctx context.Context, tx pgx.Tx) error) error {
	err := retryOnce(func() error { return pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error { return fn(ctx, tx) }) })
	if err != nil && right != "" && isForbidden(err) {
		return s.id.Refusal(right) // the server refused what the role may not do
	}
	return s.fail(op, err)
}

// retryOnce runs a transaction again when it failed before anything reached
// the server: a pooled connection the server had closed (restarted, cut by
// the network) is dropped by the pool and the next one tried.
func retryOnce(run func() error) error {
	err := run()
	if err != nil && pgconn.SafeToRetry(err) {
		err = run()
	}
	return err
}

func isForbidden(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && pe.Code == "42501"
}

// fail passes application errors through and words server failures for the clerk.
func (s *Store) fail(op string, err error) error {
	if err == nil {
		return nil
	}
	var ce callerError
	if errors.As(err, &ce) {
		return ce.err // a stream's callback stopped it: its own error
	}
	return serverError(s.addr, op, err)
}

// serverError turns a driver error into a Vietnamese *khenthuong.Error naming
// the address and what to check; the driver's text goes to the log only.
func serverError(addr, op string, err error) error {
	var e *khenthuong.Error
	if errors.As(err, &e) {
		return err
	}
	slog.Error("postgres: "+op, "addr", addr, "err", err)
	wrap := func(code, format string, args ...any) error {
		e := khenthuong.Errorf(code, format, args...)
		e.Err = err
		return e
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch pe.Code {
		case "28P01":
			return wrap(khenthuong.EUNAVAILABLE,
				"Máy chủ %s không nhận đăng nhập: tài khoản không có hoặc sai mật khẩu. Hãy kiểm tra tên đăng nhập và mật khẩu, hoặc hỏi người quản trị", addr)
		case "28000":
			return wrap(khenthuong.EUNAVAILABLE,
				"Máy chủ %s không cho tài khoản này đăng nhập từ máy này: hãy kiểm tra tên đăng nhập, hoặc nhờ người quản trị cho phép máy này (pg_hba.conf)", addr)
		case "3D000":
			return wrap(khenthuong.EUNAVAILABLE,
				"Trên máy chủ %s không có cơ sở dữ liệu này: hãy kiểm tra tên cơ sở dữ liệu trong địa chỉ", addr)
		case "57014":
			return wrap(khenthuong.EUNAVAILABLE,
				"Máy chủ %s trả lời quá lâu, thao tác đã bị hủy và không có gì thay đổi: hãy thử lại sau", addr)
		case "55P03", "40P01", "40001":
			return wrap(khenthuong.ECONFLICT,
				"Dữ liệu đang được người khác sửa trên máy chủ %s, thao tác chưa được ghi: hãy thử lại", addr)
		case "42501":
			return wrap(khenthuong.EFORBIDDEN,
				"Tài khoản trên máy chủ %s không có quyền làm việc này: việc này do lãnh đạo thực hiện", addr)
		case "57P01", "57P02", "57P03", "08000", "08003", "08006":
			return wrap(khenthuong.EUNAVAILABLE,
				"Kết nối đến máy chủ %s bị ngắt giữa chừng: thao tác chưa được ghi, không có gì thay đổi. Chương trình tự kết nối lại; hãy thử lại", addr)
		case "53300":
			return wrap(khenthuong.EUNAVAILABLE,
				"Máy chủ %s đã hết chỗ cho kết nối mới: hãy thử lại sau hoặc báo người quản trị", addr)
		}
		return khenthuong.Internal(err)
	}
	if errors.Is(err, context.DeadlineExceeded) || pgconn.Timeout(err) {
		return wrap(khenthuong.EUNAVAILABLE,
			"Máy chủ %s không trả lời kịp, thao tác chưa được ghi: hãy kiểm tra mạng và máy chủ rồi thử lại", addr)
	}
	if msg := err.Error(); strings.Contains(msg, "x509:") || strings.Contains(msg, "certificate") {
		return wrap(khenthuong.EUNAVAILABLE,
			"Không kiểm tra được chứng chỉ của máy chủ %s cho kết nối mã hóa: hãy kiểm tra chứng chỉ của máy chủ đã được cài trên máy này, tên máy trong địa chỉ, và sslmode", addr)
	}
	var ce *pgconn.ConnectError
	if errors.As(err, &ce) || isNetError(err) {
		return wrap(khenthuong.EUNAVAILABLE,
			"Không kết nối được máy chủ %s: hãy kiểm tra máy chủ đã bật, địa chỉ và cổng, mạng và tường lửa; thao tác chưa được ghi", addr)
	}
	return khenthuong.Internal(err)
}

func isNetError(err error) bool {
	msg := err.Error()
	for _, s := range []string{"connection refused", "no such host", "broken pipe", "connection reset", "unexpected EOF", "conn closed", "tls:"} {
		if strings.Contains(msg, s) {
			return true
		}
	}
	return false
}

func badAddress(addr string, err error) error {
	e := khenthuong.Errorf(khenthuong.EINVALID,
		"Địa chỉ máy chủ “%s” không đúng dạng postgres://TÀI-KHOẢN@MÁY:CỔNG/CƠ-SỞ-DỮ-LIỆU", Redact(addr))
	e.Err = err
	return e
}

// Redact returns the address without its password, fit for messages and logs.
func Redact(addr string) string {
	u, err := url.Parse(addr)
	if err != nil || u.Host == "" && u.User == nil {
		if i := strings.Index(addr, "@"); i >= 0 { // unparsable: keep only what follows the credentials
			return "postgres://…@" + addr[i+1:]
		}
		return addr
	}
	if u.User != nil {
		u.User = url.User(u.User.Username())
	}
	q := u.Query()
	if q.Has("password") {
		q.Del("password")
		u.RawQuery = q.Encode()
	}
	return u.String()
}
