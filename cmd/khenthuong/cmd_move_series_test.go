package main

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"khenthuong"
)

func campaignNominations(t *testing.T, db string, campaign uint64) []khenthuong.Nomination {
	t.Helper()
	var ns []khenthuong.Nomination
	if err := json.Unmarshal([]byte(mustCLI(t, db, "list", "nominations", "--campaign", fmt.Sprint(campaign), "--json")), &ns); err != nil {
		t.Fatal(err)
	}
	return ns
}

func TestMoveNominationsCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "k.db")
	mustCLI(t, db, "demo")
	var cs []khenthuong.Campaign
	json.Unmarshal([]byte(mustCLI(t, db, "list", "campaigns", "--json")), &cs)
	from := cs[0].ID
	to := strings.TrimSpace(mustCLI(t, db, "campaign", "new", "--name", "Khen thưởng năm 2025"))
	var free, issued []uint64
	var decisions []khenthuong.Decision
	json.Unmarshal([]byte(mustCLI(t, db, "list", "decisions", "--json")), &decisions)
	inDecision := map[uint64]bool{}
	for _, d := range decisions {
		for _, r := range d.Recipients {
			inDecision[r.NominationID] = true
		}
	}
	for _, n := range campaignNominations(t, db, from) {
		if inDecision[n.ID] {
			issued = append(issued, n.ID)
		} else if len(free) < 2 {
			free = append(free, n.ID)
		}
	}
	if len(free) < 2 || len(issued) == 0 {
		t.Fatalf("demo: %d free, %d in a decision", len(free), len(issued))
	}

	t.Run("InADecisionIsRefused", func(t *testing.T) {
		before := mustCLI(t, db, "list", "nominations", "--json")
		_, errOut, code := cli(t, db, "move", "--nominations", fmt.Sprintf("%d,%d", free[0], issued[0]), "--to-campaign", to)
		if code != 1 || !strings.Contains(errOut, "đã có trong Quyết định") {
			t.Errorf("exit %d, stderr %q", code, errOut)
		}
		if mustCLI(t, db, "list", "nominations", "--json") != before {
			t.Error("a refused move changed nominations")
		}
	})

	t.Run("Moved", func(t *testing.T) {
		_, errOut, code := cli(t, db, "move", "--nominations", fmt.Sprintf("%d,%d", free[0], free[1]), "--to-campaign", to)
		if code != 0 || !strings.Contains(errOut, "Đã chuyển 2 đề nghị") {
			t.Fatalf("exit %d, stderr %q", code, errOut)
		}
		var id uint64
		fmt.Sscan(to, &id)
		got := campaignNominations(t, db, id)
		if len(got) != 2 || got[0].ID != free[0] || got[1].ID != free[1] || got[0].Order != 1 || got[1].Order != 2 {
			t.Errorf("the new campaign lists %+v", got)
		}
	})

	t.Run("BadArguments", func(t *testing.T) {
		for _, args := range [][]string{{"move"}, {"move", "--nominations", "1"}, {"move", "--nominations", "x", "--to-campaign", "1"}} {
			if _, _, code := cli(t, db, args...); code != 2 {
				t.Errorf("%q: exit %d, want 2", args, code)
			}
		}
	})
}

func TestSeriesCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "k.db")
	mustCLI(t, db, "demo") // issues a BKCT decision: that series has numbers
	list := func() map[string]khenthuong.RegistrySeries {
		var ss []khenthuong.RegistrySeries
		if err := json.Unmarshal([]byte(mustCLI(t, db, "series", "list", "--json")), &ss); err != nil {
			t.Fatal(err)
		}
		out := map[string]khenthuong.RegistrySeries{}
		for _, s := range ss {
			out[s.Code] = s
		}
		return out
	}
	ss := list()
	if _, ok := ss["BKCT"]; !ok || len(ss) < 2 {
		t.Fatalf("series list: %+v", ss)
	}
	var fresh string
	for code := range ss {
		if code != "BKCT" {
			fresh = code
			break
		}
	}

	for _, tc := range []struct {
		name     string
		args     []string
		code     int
		inStderr string
		check    func(khenthuong.RegistrySeries) bool
		series   string
	}{
		{"YearlyForANewSeries", []string{"series", "set", fresh, "--yearly"}, 0, "lại từ 1 mỗi năm", func(s khenthuong.RegistrySeries) bool { return s.YearlyReset }, fresh},
		{"SwitchingAUsedSeriesIsRefused", []string{"series", "set", "bkct", "--yearly"}, 1, "đã cấp số", func(s khenthuong.RegistrySeries) bool { return !s.YearlyReset }, "BKCT"},
		{"FormatOfAUsedSeries", []string{"series", "set", "BKCT", "--format", "{n}/{year}/{prefix}", "--digits", "3"}, 0, "/BKCT", func(s khenthuong.RegistrySeries) bool { return s.Format == "{n}/{year}/{prefix}" && s.Digits == 3 }, "BKCT"},
		{"FormatWithoutN", []string{"series", "set", "BKCT", "--format", "{prefix}-{year}"}, 1, "phải có {n}", func(s khenthuong.RegistrySeries) bool { return s.Format == "{n}/{year}/{prefix}" }, "BKCT"},
		{"Unknown", []string{"series", "set", "KHONGCO"}, 1, "Không có sổ vàng", nil, ""},
		{"BothModes", []string{"series", "set", "BKCT", "--yearly", "--continuous"}, 2, "chỉ chọn một", nil, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, errOut, code := cli(t, db, tc.args...)
			if code != tc.code || !strings.Contains(errOut, tc.inStderr) {
				t.Errorf("exit %d, stderr %q", code, errOut)
			}
			if tc.check != nil {
				if s := list()[tc.series]; !tc.check(s) {
					t.Errorf("series now %+v", s)
				}
			}
		})
	}
	if out := mustCLI(t, db, "series", "list"); !strings.Contains(out, "liên tục") || !strings.Contains(out, "MẪU SỐ") {
		t.Errorf("series list for people:\n%s", out)
	}
}
