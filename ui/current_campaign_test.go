package ui

import (
	"testing"
)

// One current campaign: chosen on any of Đề nghị, Quyết định and In ấn (or
// on Đợt khen thưởng), the others show it too.
func TestOneCurrentCampaign(t *testing.T) {
	f := newFake()
	older := seedCampaign(t, f, "Tổng kết 2023", sampleNominations()...)
	newer := seedCampaign(t, f, "Hằng năm 2024")
	m := newTestUI(t, f)
	selects := map[string]func() string{
		"Đề nghị":    func() string { return m.nominations.campaignSelect.Selected },
		"Quyết định": func() string { return m.decisions.campaignSelect.Selected },
		"In ấn":      func() string { return m.printing.campaignSelect.Selected },
		"Đợt khen thưởng": func() string {
			if c := m.campaigns.at(m.campaigns.table.selected); c != nil {
				return c.Name
			}
			return ""
		},
	}
	for _, tc := range []struct {
		page   int
		choose func(name string)
		name   string
	}{
		{pageNominations, func(n string) { m.nominations.campaignSelect.SetSelected(n) }, older.Name},
		{pageDecisions, func(n string) { m.decisions.campaignSelect.SetSelected(n) }, newer.Name},
		{pagePrinting, func(n string) { m.printing.campaignSelect.SetSelected(n) }, older.Name},
		{pageNominations, func(n string) { m.nominations.campaignSelect.SetSelected(n) }, newer.Name},
	} {
		showPage(t, m, tc.page)
		waitAll(m)
		tc.choose(tc.name)
		waitAll(m)
		pages := map[string]int{"Đề nghị": pageNominations, "Quyết định": pageDecisions, "In ấn": pagePrinting, "Đợt khen thưởng": pageCampaigns}
		for screen, selected := range selects {
			showPage(t, m, pages[screen]) // what the clerk sees on going there
			waitAll(m)
			if got := selected(); got != tc.name {
				t.Errorf("after choosing %q on %s, %s shows %q", tc.name, m.rail[tc.page].Text, screen, got)
			}
		}
		if got := m.nominations.campaignName(m.nominations.campaignID); got != tc.name {
			t.Errorf("Đề nghị lists the nominations of %q", got)
		}
	}
}
