package postgres

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/jackc/pgx/v5"

	"khenthuong"
)

// migrationLock is the advisory lock key `server init` holds while it looks at
// and changes the schema (an arbitrary constant: "khen" in ASCII).
const migrationLock = 0x6b68656e

// Init creates or upgrades the schema of the database at addr, an
// administrator's address (the database owner or a superuser): the two group
// roles, the missing migrations with their grants and row security, and on a
// new database the seed catalogue and default settings. It is safe to run
// twice and by two people at once. It returns the schema version before and after.
func Init(ctx context.Context, addr string) (from, to int, err error) {
	conn, err := connect(ctx, addr)
	if err != nil {
		return 0, 0, err
	}
	defer conn.Close(context.Background())
	err = pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, migrationLock); err != nil {
			return err
		}
		if err := ensureRoles(ctx, tx); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_version (
			version int PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now(), applied_by text NOT NULL DEFAULT session_user)`); err != nil {
			return err
		}
		if err := tx.QueryRow(ctx, `SELECT coalesce(max(version), 0) FROM schema_version`).Scan(&from); err != nil {
			return err
		}
		if from > len(migrations) {
			return khenthuong.Errorf(khenthuong.ETOONEW,
				"Cơ sở dữ liệu trên máy chủ ở phiên bản %d, mới hơn chương trình này (%d): hãy cập nhật Khen thưởng", from, len(migrations))
		}
		for v := from + 1; v <= len(migrations); v++ {
			if _, err := tx.Exec(ctx, migrations[v-1]); err != nil {
				return fmt.Errorf("migration %d: %w", v, err)
			}
			if _, err := tx.Exec(ctx, `INSERT INTO schema_version (version) VALUES ($1)`, v); err != nil {
				return err
			}
		}
		to = len(migrations)
		if from == 0 {
			return seed(ctx, tx)
		}
		return nil
	})
	if err != nil {
		return 0, 0, serverError(addr, "server init", err)
	}
	return from, to, nil
}

// ensureRoles creates the two group roles when the cluster lacks them. Roles
// belong to the whole cluster, not to the database: another database's init
// may be creating them at the same moment, which the handler tolerates.
func ensureRoles(ctx context.Context, tx pgx.Tx) error {
	for _, role := range []string{roleClerk, roleHead} {
		_, err := tx.Exec(ctx, fmt.Sprintf(`DO $$ BEGIN
			IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '%[1]s') THEN
				CREATE ROLE %[1]s NOLOGIN;
			END IF;
		EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
		END $$`, role))
		if err != nil {
			return err
		}
	}
	return nil
}

// seed stores the catalogue and settings a new office starts with, as a new data file has them.
func seed(ctx context.Context, tx pgx.Tx) error {
	for _, f := range khenthuong.DefaultForms() {
		f.Normalize()
		if err := f.Validate(); err != nil {
			return err
		}
		data, err := json.Marshal(&f)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `INSERT INTO forms (code, rank, data) VALUES ($1, $2, $3)`, f.Code, f.Rank, data); err != nil {
			return err
		}
	}
	s := khenthuong.DefaultSettings()
	s.Normalize()
	if err := s.Validate(); err != nil {
		return err
	}
	data, err := json.Marshal(&s)
	if err != nil {
		return err
	}
	_, err = tx.Exec(ctx, `INSERT INTO settings (id, data) VALUES (1, $1)`, data)
	return err
}

// schemaVersion returns the applied schema version of the database behind a
// connection, 0 when `server init` never ran there.
func schemaVersion(ctx context.Context, q querier) (int, error) {
	var exists bool
	if err := q.QueryRow(ctx, `SELECT to_regclass('schema_version') IS NOT NULL`).Scan(&exists); err != nil || !exists {
		return 0, err
	}
	var v int
	err := q.QueryRow(ctx, `SELECT coalesce(max(version), 0) FROM schema_version`).Scan(&v)
	return v, err
}
