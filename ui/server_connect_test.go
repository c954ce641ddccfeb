package ui

import (
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"

	"khenthuong"
)

func TestServerAddress(t *testing.T) {
	for _, tc := range []struct {
		addr, password string
		want           ServerConnection
	}{
		{"postgres://nguyenvanan:bi-mat@192.168.1.10:5433/khenthuong?sslmode=require", "bi-mat",
			ServerConnection{Host: "192.168.1.10", Port: 5433, Database: "khenthuong", Login: "nguyenvanan", SSLMode: "require"}},
		{"postgresql://tranthiha@may-chu/sovang", "",
			ServerConnection{Host: "may-chu", Port: 5432, Database: "sovang", Login: "tranthiha", SSLMode: "prefer"}},
	} {
		c, pw, ok := ParseServerAddress(tc.addr)
		if !ok || c != tc.want || pw != tc.password {
			t.Errorf("ParseServerAddress(%s) = %+v %q %v, want %+v %q", tc.addr, c, pw, ok, tc.want, tc.password)
		}
		back, pw2, _ := ParseServerAddress(c.Address(pw))
		if back != c || pw2 != pw {
			t.Errorf("%s: address %s reads back as %+v %q", tc.addr, c.Address(pw), back, pw2)
		}
	}
	if _, _, ok := ParseServerAddress("/home/canbo/khenthuong.db"); ok {
		t.Error("a file path read as a server")
	}
}

func TestServerLogin(t *testing.T) {
	a := test.NewTempApp(t)
	drainUI()
	c := ServerConnection{Host: "may-chu", Port: 5432, Database: "khenthuong", Login: "nguyenvanan", SSLMode: "require"}
	var tried []string
	var connected, local int
	fail := true
	l := NewServerLogin(a, c, "Không kết nối được máy chủ", func(addr string) error {
		tried = append(tried, addr)
		if fail {
			return khenthuong.Errorf(khenthuong.EUNAVAILABLE, "Máy chủ postgres://nguyenvanan@may-chu:5432/khenthuong không nhận đăng nhập: sai mật khẩu")
		}
		return nil
	}, func(ServerConnection) { connected++ }, func() error { local++; return nil })
	defer l.Window().Close()
	if l.form.message.Text != "Không kết nối được máy chủ" || l.form.login.Text != "nguyenvanan" {
		t.Fatalf("login window opens with %q, login %q", l.form.message.Text, l.form.login.Text)
	}
	if *shotDir != "" { // go test ./ui -run ServerLogin -shots DIR
		out, err := os.Create(filepath.Join(*shotDir, "server-login.png"))
		if err != nil {
			t.Fatal(err)
		}
		png.Encode(out, l.Window().Canvas().Capture())
		out.Close()
	}

	t.Run("WrongPasswordSaysSoAndSavesNothing", func(t *testing.T) {
		test.Type(l.form.password, "sai-mat-khau")
		test.Tap(l.connect)
		l.wg.Wait()
		drainUI()
		if len(tried) != 1 || !strings.Contains(tried[0], "sai-mat-khau") || !strings.Contains(l.form.message.Text, "sai mật khẩu") || connected != 0 {
			t.Fatalf("tried %v, message %q, connected %d", tried, l.form.message.Text, connected)
		}
		if _, saved := SavedServer(a.Preferences()); saved {
			t.Fatal("a failed connection was saved")
		}
	})
	t.Run("SuccessKeepsTheConnectionNeverThePassword", func(t *testing.T) {
		fail = false
		l.form.password.SetText("")
		test.Type(l.form.password, "dung-mat-khau")
		test.Tap(l.connect)
		l.wg.Wait()
		drainUI()
		if connected != 1 || l.form.password.Text != "" {
			t.Fatalf("connected %d, password left in the entry %q", connected, l.form.password.Text)
		}
		saved, ok := SavedServer(a.Preferences())
		if !ok || saved != c {
			t.Fatalf("saved %+v, want %+v", saved, c)
		}
		if raw := a.Preferences().String(prefServer); strings.Contains(raw, "mat-khau") {
			t.Fatalf("the password reached the preferences: %s", raw)
		}
	})
	t.Run("MissingFieldsNamed", func(t *testing.T) {
		l.form.host.SetText("")
		test.Tap(l.connect)
		if len(tried) != 2 || l.form.message.Text == "" {
			t.Fatalf("connected without a host: tried %d, message %q", len(tried), l.form.message.Text)
		}
	})
	t.Run("LocalFileOffered", func(t *testing.T) {
		test.Tap(l.local)
		if local != 1 {
			t.Fatal("the data file on this PC was not opened")
		}
	})
}

func TestServerSettingsFromCaiDat(t *testing.T) {
	a := test.NewTempApp(t)
	w := a.NewWindow("Cài đặt")
	defer w.Close()
	f := showServerSettings(w, a.Preferences())
	test.Tap(overlayButton(t, w.Canvas(), lang.L("Use this server")))
	if _, ok := SavedServer(a.Preferences()); ok || f.message.Text == "" {
		t.Fatalf("saved without a host; message %q", f.message.Text)
	}
	f.host.SetText("192.168.1.10")
	f.login.SetText("tranthiha")
	test.Tap(overlayButton(t, w.Canvas(), lang.L("Use this server")))
	c, ok := SavedServer(a.Preferences())
	if !ok || c.Host != "192.168.1.10" || c.Login != "tranthiha" || c.Port != 5432 {
		t.Fatalf("saved %+v %v", c, ok)
	}
	if f := showServerSettings(w, a.Preferences()); f.host.Text != "192.168.1.10" {
		t.Fatalf("the form forgot the saved server: %q", f.host.Text)
	}
	test.Tap(overlayButton(t, w.Canvas(), lang.L("Use the data file on this PC")))
	if _, ok := SavedServer(a.Preferences()); ok {
		t.Fatal("the server is still chosen after choosing the file on this PC")
	}
}

// identified is the fake services with an office-server identity.
type identified struct {
	*fakeServices
	id khenthuong.Identity
}

func (s identified) Identity() khenthuong.Identity { return s.id }

func TestRightsOfAClerkOnTheServer(t *testing.T) {
	a := test.NewTempApp(t)
	drainUI()
	svc := identified{newFake(), khenthuong.Identity{Login: "nguyenvanan", Role: khenthuong.RoleClerk}}
	m := New(a, svc, Options{DataPath: "postgres://nguyenvanan@may-chu:5432/khenthuong", Version: "0.1.0"})
	defer m.win.Close()
	waitAll(m)
	if !strings.Contains(m.status.Text, "nguyenvanan") || !strings.Contains(m.status.Text, khenthuong.RoleClerk.Label()) ||
		!strings.Contains(m.status.Text, lang.L("issuing and amending decisions, the catalogue and the settings are for the head of the office")) {
		t.Errorf("status bar %q does not say who is working and what is left to the head", m.status.Text)
	}
	if !m.settings.save.Disabled() {
		t.Error("a chuyên viên may save the office settings")
	}
	for _, st := range []khenthuong.DecisionStatus{khenthuong.DecisionDraft, khenthuong.DecisionIssued} {
		m.decisions.sum = khenthuong.DecisionSummary{Decision: khenthuong.Decision{Number: "1/QĐ-UBND", Status: st}, RecipientCount: 3}
		m.decisions.current = &m.decisions.sum.Decision
		m.decisions.updateButtons() // as selecting the decision does
		if !m.decisions.issueButton.Disabled() || !m.decisions.amendButton.Disabled() {
			t.Errorf("a chuyên viên may issue or amend a %s decision", st)
		}
		if st == khenthuong.DecisionDraft && m.decisions.editButton.Disabled() {
			t.Error("a chuyên viên may not edit a draft")
		}
	}
	m.decisions.current = nil

	head := identified{newFake(), khenthuong.Identity{Login: "tranthiha", Role: khenthuong.RoleHead}}
	m2 := New(a, head, Options{DataPath: "postgres://tranthiha@may-chu:5432/khenthuong"})
	defer m2.win.Close()
	waitAll(m2)
	m2.decisions.sum = khenthuong.DecisionSummary{Decision: khenthuong.Decision{Number: "1/QĐ-UBND", Status: khenthuong.DecisionDraft,
		Date: khenthuong.MustDate("2025-10-24"), SignerTitle: "CHỦ TỊCH", SignerName: "Hoàng Nam", // no blanks: Ban hành greys out for those
		SubmissionNo: "312/TTr-SNV", SubmissionDate: khenthuong.MustDate("2025-10-10"), Achievement: "đã có thành tích xuất sắc"}, RecipientCount: 3}
	m2.decisions.current = &m2.decisions.sum.Decision
	m2.decisions.updateButtons()
	if m2.decisions.issueButton.Disabled() {
		t.Error("the head may not issue a draft")
	}
	m2.decisions.current = nil
	if m2.settings.save.Disabled() || strings.Contains(m2.status.Text, lang.L("issuing and amending decisions, the catalogue and the settings are for the head of the office")) {
		t.Errorf("the head is limited: save disabled %v, status %q", m2.settings.save.Disabled(), m2.status.Text)
	}
}

// changing is the fake services telling of writes, as the office server does.
type changing struct {
	*fakeServices
	mu   sync.Mutex
	subs []func(khenthuong.Change)
}

func (s *changing) Identity() khenthuong.Identity {
	return khenthuong.Identity{Login: "nguyenvanan", Role: khenthuong.RoleClerk}
}

func (s *changing) Subscribe(fn func(khenthuong.Change)) func() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.subs = append(s.subs, fn)
	return func() {}
}

func (s *changing) tell(c khenthuong.Change) {
	s.mu.Lock()
	subs := slices.Clone(s.subs)
	s.mu.Unlock()
	for _, fn := range subs {
		fn(c)
	}
}

func TestAnotherClerksChangeShows(t *testing.T) {
	svc := &changing{fakeServices: newFake()}
	a := test.NewTempApp(t)
	drainUI()
	m := New(a, svc, Options{DataPath: "postgres://nguyenvanan@may-chu:5432/khenthuong"})
	defer m.win.Close()
	waitAll(m)
	showPage(t, m, pageCampaigns)
	before := len(m.campaigns.list)
	if err := svc.CreateCampaign(&khenthuong.Campaign{Name: "Đợt do chuyên viên khác tạo"}); err != nil { // another clerk's write
		t.Fatal(err)
	}
	svc.tell(khenthuong.Change{Entity: "campaign", Key: "99", User: "tranthiha", At: time.Now()})
	deadline := time.Now().Add(2 * time.Second)
	for len(m.campaigns.list) == before && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
		waitAll(m)
	}
	if len(m.campaigns.list) != before+1 {
		t.Fatalf("campaigns on screen %d, want %d within 2 s of the change", len(m.campaigns.list), before+1)
	}
	// This window's own writes are on screen already: no reload for them.
	if err := svc.CreateCampaign(&khenthuong.Campaign{Name: "Đợt của chính mình"}); err != nil {
		t.Fatal(err)
	}
	svc.tell(khenthuong.Change{Entity: "campaign", Key: "100", User: "nguyenvanan", At: time.Now()})
	time.Sleep(2 * changeSettle)
	waitAll(m)
	if len(m.campaigns.list) != before+1 {
		t.Fatalf("reloaded for the window's own write: %d campaigns", len(m.campaigns.list))
	}
}
