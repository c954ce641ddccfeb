package store

import (
	"testing"

	"khenthuong"
)

func archiveDecision() *khenthuong.Decision {
	return &khenthuong.Decision{
		FormCode: "BKCT", Number: "1205/QĐ-UB", Date: khenthuong.MustDate("2015-01-05"),
		SignerTitle: "CHỦ TỊCH", SignerName: "Nguyễn Đức Cường", Achievement: "Đã có thành tích xuất sắc năm 2014.",
		Recipients: []khenthuong.Recipient{
			{Nominee: khenthuong.Nominee{Kind: khenthuong.Individual, Title: "Ông", Name: "Trương Quang Sáng", Position: "Phó Giám đốc", Unit: "Sở Tư pháp"}, RegistryNo: "BK-2015-0031", Amount: 1_150_000},
			{Nominee: khenthuong.Nominee{Kind: khenthuong.Collective, Name: "Phòng Tư pháp huyện Gio Linh"}},
		},
	}
}

// The behaviour of ImportArchive is held by storetest's ImportArchive area on
// both stores; what is the data file's own is tested here: its check and its
// bytes.
func TestImportArchive(t *testing.T) {
	t.Run("CheckPassesAfterAnImport", func(t *testing.T) {
		db := openTest(t)
		mustNil(t, db.ImportArchive(archiveDecision()))
		// No "issued without registry number" for the recipient the document gave none.
		problems, err := db.Check()
		mustNil(t, err)
		if len(problems) != 0 {
			t.Errorf("check: %v", problems)
		}
	})
	t.Run("TheSameDecisionTwiceIsRefused", func(t *testing.T) {
		db := openTest(t)
		mustNil(t, db.ImportArchive(archiveDecision()))
		before := export(t, db)
		wantCode(t, db.ImportArchive(archiveDecision()), khenthuong.ECONFLICT, "")
		if export(t, db) != before {
			t.Error("a refused import changed the data file")
		}
	})
	t.Run("BadInputChangesNothing", func(t *testing.T) {
		for _, c := range []struct {
			name string
			edit func(*khenthuong.Decision)
			code string
		}{
			{"NoNumber", func(d *khenthuong.Decision) { d.Number = "" }, khenthuong.EINVALID},
			{"NoRecipients", func(d *khenthuong.Decision) { d.Recipients = nil }, khenthuong.EINVALID},
			{"UnknownForm", func(d *khenthuong.Decision) { d.FormCode = "XYZ" }, khenthuong.ENOTFOUND},
			{"KindTheFormDoesNotTake", func(d *khenthuong.Decision) { d.FormCode = "CSTDT" }, khenthuong.EINVALID},
		} {
			t.Run(c.name, func(t *testing.T) {
				db := openTest(t)
				before := export(t, db)
				d := archiveDecision()
				c.edit(d)
				err := db.ImportArchive(d)
				if khenthuong.ErrorCode(err) != c.code {
					t.Fatalf("error %v, want %s", err, c.code)
				}
				if export(t, db) != before {
					t.Error("a refused import changed the data file")
				}
			})
		}
	})
}
