package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// The encryption choice reads in Vietnamese, keeps the keyword a server
// administrator knows in brackets, and still saves the keyword.
func TestServerEncryptionChoices(t *testing.T) {
	test.NewTempApp(t)
	drainUI()
	if err := SetLanguage("vi"); err != nil {
		t.Fatal(err)
	}
	for i, mode := range sslModes {
		f := newServerForm(ServerConnection{Host: "may-chu", Port: 5432, Database: "khenthuong", Login: "an", SSLMode: mode}, false)
		label := f.sslMode.Selected
		if label == mode || !strings.HasSuffix(label, "("+mode+")") || !strings.ContainsAny(label, "ãóệ") {
			t.Errorf("%s is offered as %q", mode, label)
		}
		f.sslMode.SetSelectedIndex(i)
		if c, err := f.value(); err != nil || c.SSLMode != mode {
			t.Errorf("choosing %q saves %q (%v)", label, c.SSLMode, err)
		}
	}
}
