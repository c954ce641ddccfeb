package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"khenthuong"
	"khenthuong/postgres"
)

func init() {
	commands["server"] = command{
		usage: `server init|user ...
    máy chủ văn phòng (PostgreSQL); --db là địa chỉ của người quản trị máy chủ:
  server init
    tạo hoặc nâng cấp cơ sở dữ liệu: bảng, hai nhóm quyền khenthuong_chuyenvien và
    khenthuong_lanhdao, danh mục hình thức và cài đặt ban đầu (chạy lại nhiều lần vẫn an toàn)
  server user add TÊN --role chuyenvien|lanhdao --password-stdin
    tạo tài khoản; mật khẩu đọc từ dòng đầu của đầu vào chuẩn
  server user list [--json]
    các tài khoản của văn phòng và vai trò
  server user remove TÊN
    xóa tài khoản (nhật ký thay đổi vẫn giữ tên)
  server user passwd TÊN --password-stdin
    đổi mật khẩu của tài khoản`,
		run: runServer,
	}
}

// stdin is where --password-stdin reads (tests replace it).
var stdin io.Reader = os.Stdin

// serverAdminWait bounds a whole administration command.
const serverAdminWait = 10 * time.Minute

func runServer(e *env, args []string) error {
	if len(args) == 0 {
		return usagef("dùng: server init|user ...")
	}
	if !e.server() {
		return usagef("lệnh server cần --db postgres://NGƯỜI-QUẢN-TRỊ@MÁY-CHỦ/CƠ-SỞ-DỮ-LIỆU (hoặc biến KHENTHUONG_DB)")
	}
	ctx, cancel := context.WithTimeout(context.Background(), serverAdminWait)
	defer cancel()
	switch args[0] {
	case "init":
		if len(args) != 1 {
			return usagef("server init không nhận tham số")
		}
		from, to, err := postgres.Init(ctx, e.dbPath)
		if err != nil {
			return err
		}
		if from == to {
			fmt.Fprintf(e.stderr, "Cơ sở dữ liệu %s đã ở phiên bản %d, không cần thay đổi.\n", postgres.Redact(e.dbPath), to)
		} else {
			fmt.Fprintf(e.stderr, "Đã khởi tạo cơ sở dữ liệu %s: phiên bản %d → %d.\n", postgres.Redact(e.dbPath), from, to)
		}
		return nil
	case "user":
		return runServerUser(ctx, e, args[1:])
	}
	return usagef("không có lệnh “server %s” (init, user)", args[0])
}

func runServerUser(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 {
		return usagef("dùng: server user add|list|remove|passwd ...")
	}
	fs := newFlags("server user " + args[0])
	role := fs.String("role", "", "vai trò: chuyenvien hoặc lanhdao")
	fromStdin := fs.Bool("password-stdin", false, "đọc mật khẩu từ đầu vào chuẩn")
	asJSON := fs.Bool("json", false, "in JSON")
	pos, err := parseFlags(fs, args[1:])
	if err != nil {
		return err
	}
	name := ""
	if args[0] != "list" {
		if len(pos) != 1 {
			return usagef("cần đúng một tên đăng nhập")
		}
		name = pos[0]
	}
	password := func() (string, error) {
		if !*fromStdin {
			return "", usagef("cần --password-stdin: mật khẩu không bao giờ ghi trên dòng lệnh")
		}
		line, err := bufio.NewReader(stdin).ReadString('\n')
		if err != nil && line == "" {
			return "", khenthuong.FieldErrorf("password", "Không đọc được mật khẩu từ đầu vào chuẩn")
		}
		return strings.TrimRight(line, "\r\n"), nil
	}
	switch args[0] {
	case "add":
		if *role == "" {
			return usagef("cần --role chuyenvien hoặc --role lanhdao")
		}
		pw, err := password()
		if err != nil {
			return err
		}
		if err := postgres.AddUser(ctx, e.dbPath, name, khenthuong.Role(*role), pw); err != nil {
			return err
		}
		fmt.Fprintf(e.stderr, "Đã tạo tài khoản %s (%s)\n", name, khenthuong.Role(*role).Label())
	case "list":
		if len(pos) != 0 {
			return usagef("server user list không nhận tên")
		}
		us, err := postgres.Users(ctx, e.dbPath)
		if err != nil {
			return err
		}
		if *asJSON {
			return writeJSON(e.stdout, nonNil(us))
		}
		rows := make([][]string, len(us))
		for i, u := range us {
			rows[i] = []string{u.Name, string(u.Role), u.Role.Label()}
		}
		return table(e.stdout, []string{"TÀI KHOẢN", "VAI TRÒ", ""}, rows)
	case "remove":
		if err := postgres.RemoveUser(ctx, e.dbPath, name); err != nil {
			return err
		}
		fmt.Fprintf(e.stderr, "Đã xóa tài khoản %s\n", name)
	case "passwd":
		pw, err := password()
		if err != nil {
			return err
		}
		if err := postgres.SetPassword(ctx, e.dbPath, name, pw); err != nil {
			return err
		}
		fmt.Fprintf(e.stderr, "Đã đổi mật khẩu của %s\n", name)
	default:
		return usagef("không có lệnh “server user %s” (add, list, remove, passwd)", args[0])
	}
	return nil
}
