package storetest

import (
	"errors"
	"fmt"
	"iter"
	"strings"
	"testing"

	"khenthuong"
)

func init() { register("Import", testImport) }

// importRows is the size of the imports below: more than two batches of
// either store (2,000 rows), so the import spans several.
const importRows = 4500

// listOf yields n nominations for campaign c; change, when set, may alter
// row i or return an error for it.
func listOf(c uint64, n int, change func(i int, row *khenthuong.Nomination) error) iter.Seq2[*khenthuong.Nomination, error] {
	return func(yield func(*khenthuong.Nomination, error) bool) {
		for i := range n {
			row := person(c, fmt.Sprintf("Nguyễn Văn Nhập %d", i), "Chuyên viên", "Sở Tư pháp")
			if change != nil {
				if err := change(i, &row); err != nil {
					yield(nil, err)
					return
				}
			}
			if !yield(&row, nil) {
				return
			}
		}
	}
}

func importer(t *testing.T, svc khenthuong.Services) khenthuong.NominationImporter {
	t.Helper()
	imp, ok := svc.(khenthuong.NominationImporter)
	if !ok {
		t.Fatalf("%T does not import lists (khenthuong.NominationImporter)", svc)
	}
	return imp
}

func testImport(t *testing.T, h Harness) {
	svc := open(t, h)
	imp := importer(t, svc)
	c := createCampaign(t, svc, "Đợt nhập danh sách")
	before := named(t, svc, c, "Trần Thị Có Trước")
	count := func(t *testing.T) int {
		t.Helper()
		n, err := svc.CountNominations(khenthuong.NominationFilter{CampaignID: c.ID})
		mustNil(t, err)
		return n.Total
	}

	t.Run("ABadLastRowChangesNothing", func(t *testing.T) {
		for _, tc := range []struct {
			name string
			bad  func(*khenthuong.Nomination)
			code string
		}{
			{"NoName", func(n *khenthuong.Nomination) { n.Nominee.Name = "" }, khenthuong.EINVALID},
			{"UnknownForm", func(n *khenthuong.Nomination) { n.FormCode = "KHONGCO" }, khenthuong.EINVALID},
			{"UnknownCampaign", func(n *khenthuong.Nomination) { n.CampaignID = 99999 }, khenthuong.ENOTFOUND},
		} {
			t.Run(tc.name, func(t *testing.T) {
				_, err := imp.ImportNominations(listOf(c.ID, importRows, func(i int, n *khenthuong.Nomination) error {
					if i == importRows-1 {
						tc.bad(n)
					}
					return nil
				}))
				wantCode(t, err, tc.code)
				if e := new(khenthuong.Error); errors.As(err, &e) && !strings.Contains(e.Message, fmt.Sprint(importRows)) {
					t.Errorf("message %q does not name row %d", e.Message, importRows)
				}
				if n := count(t); n != 1 {
					t.Errorf("%d nominations after a refused import, want 1", n)
				}
			})
		}
	})

	t.Run("TheListFailingChangesNothing", func(t *testing.T) {
		broken := errors.New("tệp danh sách không đọc tiếp được")
		_, err := imp.ImportNominations(listOf(c.ID, importRows, func(i int, _ *khenthuong.Nomination) error {
			if i == importRows-10 {
				return broken
			}
			return nil
		}))
		if !errors.Is(err, broken) {
			t.Fatalf("error %v, want the list's own", err)
		}
		if n := count(t); n != 1 {
			t.Errorf("%d nominations after a failed import, want 1", n)
		}
	})

	t.Run("StoresEveryRowInOrder", func(t *testing.T) {
		got, err := imp.ImportNominations(listOf(c.ID, importRows, nil))
		mustNil(t, err)
		if len(got) != importRows {
			t.Fatalf("%d IDs, want %d", len(got), importRows)
		}
		list, err := svc.Nominations(khenthuong.NominationFilter{CampaignID: c.ID})
		mustNil(t, err)
		if len(list) != importRows+1 || list[0].ID != before[0].ID {
			t.Fatalf("%d nominations, want %d after the one before", len(list), importRows+1)
		}
		for i, n := range list[1:] {
			if n.ID != got[i] || n.Order != i+2 || n.Nominee.Name != fmt.Sprintf("Nguyễn Văn Nhập %d", i) ||
				n.NomineeID == 0 || n.Status != khenthuong.StatusSubmitted || n.CreatedAt.IsZero() {
				t.Fatalf("row %d stored as %+v", i, n)
			}
		}
		found, err := svc.Nominations(khenthuong.NominationFilter{Query: "nhap 4499"})
		mustNil(t, err)
		if len(found) != 1 || found[0].ID != got[importRows-1] {
			t.Errorf("search finds %v, want the last row", ids(found))
		}
		audited := 0
		mustNil(t, svc.EachAudit(khenthuong.AuditFilter{Entity: "nomination", Key: idString(got[importRows-1])}, func(r *khenthuong.AuditRecord) error {
			if r.Action != "create" || r.User != "canbo" {
				t.Errorf("audit %+v", r)
			}
			audited++
			return nil
		}))
		if audited != 1 {
			t.Errorf("%d audit records of the last row, want 1", audited)
		}
	})

	t.Run("AnEmptyListStoresNothing", func(t *testing.T) {
		got, err := imp.ImportNominations(listOf(c.ID, 0, nil))
		mustNil(t, err)
		if len(got) != 0 {
			t.Errorf("IDs %v", got)
		}
	})
}
