#!/bin/sh
# Runs a command with a throwaway PostgreSQL cluster: initdb into a temporary
# folder, start it on a free port (unix socket in the same folder, fsync off,
# TLS with a self-signed certificate), export its superuser address as
# KHENTHUONG_TEST_PG, run the command, then stop the cluster and remove the
# folder, also when the command fails or is interrupted.
#
#   scripts/pg-test.sh go test -tags migrated_fynedo -count=1 ./...
#
# PostgreSQL refuses to run as root: when the tests run as root the cluster
# runs as the unprivileged user "postgres" of the Debian package (created here
# when missing). If the cluster cannot start, the script says why and fails:
# the PostgreSQL tests are never skipped under `make test`.
set -eu

if [ $# -eq 0 ]; then
	echo "cách dùng: $0 LỆNH [THAM SỐ...]" >&2
	exit 2
fi

fail() {
	echo "pg-test: PostgreSQL không khởi động được: $*" >&2
	exit 1
}

# The newest installed server (Debian keeps it outside PATH).
PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
[ -n "$PG_BIN" ] && [ -x "$PG_BIN/initdb" ] ||
	fail "không tìm thấy initdb (gói Debian postgresql: make setup cài nó; hoặc đặt PG_BIN)"

as_owner() { "$@"; }
owner=$(id -un)
if [ "$(id -u)" -eq 0 ]; then
	owner=postgres
	id -u "$owner" >/dev/null 2>&1 ||
		useradd --system --no-create-home --shell /usr/sbin/nologin "$owner" ||
		fail "không tạo được người dùng $owner để chạy máy chủ (PostgreSQL không chạy dưới quyền root)"
	as_owner() { runuser -u "$owner" -- "$@"; }
fi

dir=$(mktemp -d "${TMPDIR:-/tmp}/khenthuong-pg.XXXXXX")
data="$dir/data"
started=""
cleanup() {
	rc=$?
	if [ -n "$started" ]; then
		as_owner "$PG_BIN/pg_ctl" -D "$data" -m immediate -w stop >/dev/null 2>&1 || true
	fi
	rm -rf "$dir"
	exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

[ "$owner" = "$(id -un)" ] || chown "$owner" "$dir"
chmod 700 "$dir"

password=$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')
printf '%s\n' "$password" >"$dir/pwfile"
[ "$owner" = "$(id -un)" ] || chown "$owner" "$dir/pwfile"

if ! as_owner "$PG_BIN/initdb" -D "$data" -U postgres --pwfile="$dir/pwfile" \
	--auth-local=scram-sha-256 --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 \
	>"$dir/initdb.log" 2>&1; then
	cat "$dir/initdb.log" >&2
	fail "initdb thất bại trong $data"
fi
rm -f "$dir/pwfile"

# TLS, so that sslmode=require can be tested; the key stays with the owner.
if command -v openssl >/dev/null 2>&1; then
	openssl req -new -x509 -days 2 -nodes -subj "/CN=localhost" \
		-keyout "$data/server.key" -out "$data/server.crt" >/dev/null 2>&1 ||
		fail "openssl không tạo được chứng chỉ thử"
	[ "$owner" = "$(id -un)" ] || chown "$owner" "$data/server.key" "$data/server.crt"
	chmod 600 "$data/server.key"
	ssl=on
else
	ssl=off
fi

# A free port: try a few random ones; a port taken meanwhile makes the start
# fail and the next one is tried.
port=""
for _ in 1 2 3 4 5 6 7 8 9 10; do
	p=$(( $(od -An -N2 -tu2 /dev/urandom | tr -d ' ') % 30000 + 20000 ))
	if ss -Hltn "sport = :$p" 2>/dev/null | grep -q .; then
		continue
	fi
	if as_owner "$PG_BIN/pg_ctl" -D "$data" -l "$dir/server.log" -w -t 30 start \
		-o "-p $p -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off \
			-c full_page_writes=off -c max_connections=300 -c ssl=$ssl" >/dev/null 2>&1; then
		port=$p
		started=1
		break
	fi
	if ! grep -q "already in use" "$dir/server.log" 2>/dev/null; then
		cat "$dir/server.log" >&2 2>/dev/null || true
		fail "pg_ctl start thất bại (nhật ký ở trên)"
	fi
done
[ -n "$port" ] || fail "không tìm được cổng trống"

KHENTHUONG_TEST_PG="postgres://postgres:$password@127.0.0.1:$port/postgres?sslmode=disable"
export KHENTHUONG_TEST_PG
echo "pg-test: PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') trên 127.0.0.1:$port (thư mục $dir)" >&2

set +e
"$@"
rc=$?
set -e
exit $rc
