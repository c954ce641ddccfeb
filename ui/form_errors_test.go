package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"
)

// One save shows every fault beside its field; each goes as it is fixed.
func TestFormShowsEveryErrorAtOnce(t *testing.T) {
	t.Run("Nomination", func(t *testing.T) {
		_, _, s, _ := openNominations(t)
		test.Tap(s.addButton)
		e := s.editor
		e.selectAward("")
		test.Type(e.birth, "31/02/1980")
		test.Type(e.order, "ba")
		test.Tap(e.save)
		want := map[string]bool{"name": true, "birth": true, "form": true, "order": true, "position": false}
		for field, shown := range want {
			if got := e.form.errorText(field); (got != "") != shown {
				t.Errorf("after one save, %s reads %q (want a message: %v)", field, got, shown)
			}
		}
		if s.editor != e {
			t.Fatal("the dialog closed")
		}
		steps := []struct {
			fix  func()
			gone string
		}{
			{func() { test.Type(e.name, "Hoàng Văn Em") }, "name"},
			{func() { e.birth.SetText("1980") }, "birth"},
			{func() { e.selectAward("BKCT") }, "form"},
			{func() { e.order.SetText("7") }, "order"},
		}
		for i, st := range steps {
			st.fix()
			if got := e.form.errorText(st.gone); got != "" {
				t.Errorf("%s still reads %q after it was fixed", st.gone, got)
			}
			for _, later := range steps[i+1:] {
				if e.form.errorText(later.gone) == "" {
					t.Errorf("fixing %s took away the message of %s, still wrong", st.gone, later.gone)
				}
			}
		}
		test.Tap(e.save)
		if s.editor != nil {
			t.Errorf("the dialog stayed open: %q", e.form.errorText(""))
		}
	})

	t.Run("Campaign", func(t *testing.T) {
		m := newTestUI(t, newFake())
		s := m.campaigns
		s.newItem()
		e := s.editor
		test.Type(e.from, "01/06/2024")
		test.Type(e.to, "01/01/2024")
		test.Type(e.ceremonyDate, "hôm nay")
		test.Tap(e.save)
		for _, field := range []string{"name", "to", "ceremony_date"} {
			if e.form.errorText(field) == "" {
				t.Errorf("no message beside %s", field)
			}
		}
		e.to.SetText("31/12/2024")
		if e.form.errorText("to") != "" || e.form.errorText("name") == "" {
			t.Errorf("after fixing the end date: to %q, name %q", e.form.errorText("to"), e.form.errorText("name"))
		}
	})

	t.Run("AwardForm", func(t *testing.T) {
		m := newTestUI(t, newFake())
		s := m.catalogue
		s.newItem()
		e := s.editor
		for _, k := range e.kinds {
			k.SetChecked(false)
		}
		test.Type(e.rank, "cao")
		test.Tap(e.save)
		for _, field := range []string{"code", "name", "kinds", "rank"} {
			if e.form.errorText(field) == "" {
				t.Errorf("no message beside %s", field)
			}
		}
		e.kinds[0].SetChecked(true)
		if e.form.errorText("kinds") != "" || e.form.errorText("code") == "" {
			t.Errorf("after ticking a kind: kinds %q, code %q", e.form.errorText("kinds"), e.form.errorText("code"))
		}
		test.Type(e.code, "BKCT") // taken: said at the next save, not while typing
		test.Tap(e.save)
		if got := e.form.errorText("code"); got != "Mã BKCT đã có trong danh mục" {
			t.Errorf("code now reads %q", got)
		}
	})
}
