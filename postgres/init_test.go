package postgres

import (
	"context"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5"

	"khenthuong"
)

func TestInit(t *testing.T) {
	ctx := context.Background()

	t.Run("TwiceKeepsOneSchema", func(t *testing.T) {
		addr := newDatabase(t)
		from, to, err := Init(ctx, addr)
		mustNil(t, err)
		if from != 0 || to != len(migrations) {
			t.Fatalf("first init %d→%d, want 0→%d", from, to, len(migrations))
		}
		from, to, err = Init(ctx, addr)
		mustNil(t, err)
		if from != len(migrations) || to != len(migrations) {
			t.Fatalf("second init %d→%d, want nothing to do", from, to)
		}
		s := openStore(t, addr, Options{})
		fs, err := s.Forms()
		mustNil(t, err)
		if len(fs) != len(khenthuong.DefaultForms()) {
			t.Errorf("forms after two inits = %d, want the seed's %d once", len(fs), len(khenthuong.DefaultForms()))
		}
	})

	t.Run("ConcurrentInitsAgree", func(t *testing.T) {
		addr := newDatabase(t)
		var wg sync.WaitGroup
		errs := make([]error, 4)
		for i := range errs {
			wg.Go(func() { _, _, errs[i] = Init(ctx, addr) })
		}
		wg.Wait()
		for i, err := range errs {
			if err != nil {
				t.Errorf("init %d: %v", i, err)
			}
		}
		conn, err := pgx.Connect(ctx, addr)
		mustNil(t, err)
		defer conn.Close(ctx)
		var versions, forms int
		mustNil(t, conn.QueryRow(ctx, `SELECT count(*) FROM schema_version`).Scan(&versions))
		mustNil(t, conn.QueryRow(ctx, `SELECT count(*) FROM forms`).Scan(&forms))
		if versions != len(migrations) || forms != len(khenthuong.DefaultForms()) {
			t.Errorf("after 4 concurrent inits: %d versions, %d forms; want %d and %d",
				versions, forms, len(migrations), len(khenthuong.DefaultForms()))
		}
	})

	t.Run("OpenBeforeInitSaysSo", func(t *testing.T) {
		addr := newDatabase(t)
		_, err := Open(ctx, addr, Options{})
		if khenthuong.ErrorCode(err) != khenthuong.EINVALID {
			t.Fatalf("open of an empty database: %v, want EINVALID", err)
		}
	})
}
