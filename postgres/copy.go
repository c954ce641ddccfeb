package postgres

import (
	"context"
	"strings"

	"github.com/jackc/pgx/v5"
)

// copyRows inserts many rows in one round trip. PostgreSQL refuses COPY into
// a table with row security for anyone but its owner, so the rows are copied
// into a temporary table first and moved with one INSERT … SELECT, which the
// policies check row by row like any insert.
func copyRows(ctx context.Context, tx pgx.Tx, table string, columns []string, rows [][]any) error {
	if len(rows) == 0 {
		return nil
	}
	tmp := "copy_" + table
	cols := strings.Join(columns, ", ")
	if _, err := tx.Exec(ctx, `CREATE TEMP TABLE IF NOT EXISTS `+tmp+` ON COMMIT DROP AS SELECT `+cols+` FROM `+table+` WITH NO DATA`); err != nil {
		return err
	}
	if _, err := tx.CopyFrom(ctx, pgx.Identifier{tmp}, columns, pgx.CopyFromRows(rows)); err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, `INSERT INTO `+table+` (`+cols+`) SELECT `+cols+` FROM `+tmp); err != nil {
		return err
	}
	_, err := tx.Exec(ctx, `TRUNCATE `+tmp)
	return err
}
