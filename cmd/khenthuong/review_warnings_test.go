package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// An approval on the command line tells the warnings the window shows
// beside the rows (the same person twice in the campaign), and approves
// anyway; a clean list approves without a word of warning.
func TestReviewApproveTellsWarnings(t *testing.T) {
	cases := []struct {
		name    string
		rows    string
		approve string
		want    []string
		absent  []string
	}{
		{"SamePersonTwice",
			"1,Nguyễn Văn Tình,1970,Nam,Trưởng Công an xã,Công an xã Ngư Hóa\n" +
				"2,Trần Thị Ánh,1988,Nữ,Bác sĩ,Trạm Y tế xã Ngư Hóa\n" +
				"3,NGUYEN VAN TINH,1970,Nam,Trưởng Công an xã,Công an xã Ngư Hóa\n",
			"all-submitted",
			[]string{"Đã chuyển 3 đề nghị sang “Được duyệt”", "Cảnh báo ở 2 trong 3 đề nghị vừa duyệt",
				"đề nghị 1: Nguyen Van Tinh đã được duyệt Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh trong đợt này (đề nghị số 3)",
				"đề nghị 3: Nguyễn Văn Tình đã được duyệt"},
			[]string{"đề nghị 2:"}},
		{"OneOfTheTwoApproved",
			"1,Nguyễn Văn Tình,1970,Nam,Trưởng Công an xã,Công an xã Ngư Hóa\n" +
				"2,Nguyễn Văn Tình,1970,Nam,Trưởng Công an xã,Công an xã Ngư Hóa\n",
			"1",
			[]string{"Cảnh báo ở 1 trong 1 đề nghị vừa duyệt", "đề nghị 1: Trùng với đề nghị số 2 (Nguyễn Văn Tình, Trưởng Công an xã Ngư Hóa) trong đợt này"},
			nil},
		{"NoWarnings",
			"1,Nguyễn Văn Tình,1970,Nam,Trưởng Công an xã,Công an xã Ngư Hóa\n2,Trần Thị Ánh,1988,Nữ,Bác sĩ,Trạm Y tế xã Ngư Hóa\n",
			"1,2",
			[]string{"Đã chuyển 2 đề nghị sang “Được duyệt”"},
			[]string{"Cảnh báo"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			db := filepath.Join(dir, "k.db")
			id := strings.TrimSpace(mustCLI(t, db, "campaign", "new", "--name", "Tổng kết năm 2024"))
			csv := filepath.Join(dir, "ds.csv")
			mustNil(t, os.WriteFile(csv, []byte("STT,Họ và tên,Năm sinh,Giới tính,Chức vụ,Đơn vị\n"+c.rows), 0o644))
			mustCLI(t, db, "import", csv, "--campaign", id, "--form", "BKCT")
			_, errOut, code := cli(t, db, "review", "--campaign", id, "--approve", c.approve)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			for _, w := range c.want {
				if !strings.Contains(errOut, w) {
					t.Errorf("stderr lacks %q:\n%s", w, errOut)
				}
			}
			for _, a := range c.absent {
				if strings.Contains(errOut, a) {
					t.Errorf("stderr has %q:\n%s", a, errOut)
				}
			}
		})
	}
}

// The warnings computed by parts are those computed at once: the same
// rows warned, the same first lines, the same count of the rest. Twelve
// rows of one person warn each other eleven times each (132 warnings).
func TestReviewApproveWarningsByParts(t *testing.T) {
	var rows strings.Builder
	rows.WriteString("STT,Họ và tên,Năm sinh,Giới tính,Chức vụ,Đơn vị\n")
	for i := 1; i <= 12; i++ {
		rows.WriteString(strconv.Itoa(i) + ",Nguyễn Văn Tình,1970,Nam,Trưởng Công an xã,Công an xã Ngư Hóa\n")
	}
	approve := func(part int) string {
		defer func(old int) { warningsPart = old }(warningsPart)
		warningsPart = part
		dir := t.TempDir()
		db := filepath.Join(dir, "k.db")
		id := strings.TrimSpace(mustCLI(t, db, "campaign", "new", "--name", "Tổng kết năm 2024"))
		csv := filepath.Join(dir, "ds.csv")
		mustNil(t, os.WriteFile(csv, []byte(rows.String()), 0o644))
		mustCLI(t, db, "import", csv, "--campaign", id, "--form", "BKCT")
		_, errOut, code := cli(t, db, "review", "--campaign", id, "--approve", "all-submitted")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		return errOut
	}
	whole := approve(100)
	for _, want := range []string{"Cảnh báo ở 12 trong 12 đề nghị vừa duyệt", "… và 102 cảnh báo khác"} {
		if !strings.Contains(whole, want) {
			t.Errorf("stderr lacks %q:\n%s", want, whole)
		}
	}
	for _, part := range []int{1, 5, 12} {
		if got := approve(part); got != whole {
			t.Errorf("by parts of %d:\n%s\nat once:\n%s", part, got, whole)
		}
	}
}
