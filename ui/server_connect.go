package ui

import (
	"encoding/json"
	"net/url"
	"strconv"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"khenthuong"
)

// The office server's connection: where the window finds the shared data.
// Host, port, database, login and TLS are kept in the app's preferences; the
// password never is: it is asked when the program starts.

// ServerConnection is an office server and a login on it, without the password.
type ServerConnection struct {
	Host     string `json:"host"`
	Port     int    `json:"port"`
	Database string `json:"database"`
	Login    string `json:"login"`
	SSLMode  string `json:"sslmode"` // disable, prefer, require, verify-full
}

// sslModes are the TLS choices offered, strictest last.
var sslModes = []string{"disable", "prefer", "require", "verify-full"}

// sslModeLabels are what the clerk reads for sslModes: the bare keywords
// ("prefer") were English in a Vietnamese form.
func sslModeLabels() []string {
	return []string{
		lang.L("No encryption (disable)"),
		lang.L("Encrypt when the server can (prefer)"),
		lang.L("Always encrypt (require)"),
		lang.L("Encrypt and check the certificate (verify-full)"),
	}
}

// DefaultServerConnection is what the form offers first.
func DefaultServerConnection() ServerConnection {
	return ServerConnection{Port: 5432, Database: "khenthuong", SSLMode: "prefer"}
}

// Address is the connection's postgres:// address, with the password if given.
func (c ServerConnection) Address(password string) string {
	u := url.URL{Scheme: "postgres", Host: c.Host + ":" + strconv.Itoa(c.Port), Path: "/" + c.Database}
	if password != "" {
		u.User = url.UserPassword(c.Login, password)
	} else {
		u.User = url.User(c.Login)
	}
	u.RawQuery = url.Values{"sslmode": {c.SSLMode}}.Encode()
	return u.String()
}

// ParseServerAddress reads an address given with --db or KHENTHUONG_DB; the
// password in it, if any, is returned apart.
func ParseServerAddress(addr string) (c ServerConnection, password string, ok bool) {
	u, err := url.Parse(addr)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
		return c, "", false
	}
	c = DefaultServerConnection()
	c.Host = u.Hostname()
	if p, err := strconv.Atoi(u.Port()); err == nil {
		c.Port = p
	}
	if db := strings.TrimPrefix(u.Path, "/"); db != "" {
		c.Database = db
	}
	if u.User != nil {
		c.Login = u.User.Username()
		password, _ = u.User.Password()
	}
	if m := u.Query().Get("sslmode"); m != "" {
		c.SSLMode = m
	}
	return c, password, true
}

// validate checks what a clerk typed, naming the field.
func (c ServerConnection) validate() error {
	switch {
	case c.Host == "":
		return khenthuong.FieldErrorf("host", "%s", lang.L("Enter the server's name or address"))
	case c.Port < 1 || c.Port > 65535:
		return khenthuong.FieldErrorf("port", "%s", lang.L("The port is a number from 1 to 65535"))
	case c.Database == "":
		return khenthuong.FieldErrorf("database", "%s", lang.L("Enter the database's name"))
	case c.Login == "":
		return khenthuong.FieldErrorf("login", "%s", lang.L("Enter your login"))
	}
	return nil
}

const prefServer = "office_server"

// SavedServer is the connection kept in the preferences, if any.
func SavedServer(p fyne.Preferences) (ServerConnection, bool) {
	var c ServerConnection
	raw := p.String(prefServer)
	if raw == "" || json.Unmarshal([]byte(raw), &c) != nil || c.Host == "" {
		return c, false
	}
	return c, true
}

// SaveServer keeps the connection (never a password) in the preferences.
func SaveServer(p fyne.Preferences, c ServerConnection) {
	b, _ := json.Marshal(c)
	p.SetString(prefServer, string(b))
}

// ForgetServer makes the program open the data file on this PC again.
func ForgetServer(p fyne.Preferences) { p.RemoveValue(prefServer) }

// serverForm holds the connection's entries.
type serverForm struct {
	host, port, database, login *textEntry
	password                    *widget.Entry // Fyne's, for its eye that shows the password
	sslMode                     *choiceSelect
	message                     *widget.Label
}

func newServerForm(c ServerConnection, withPassword bool) *serverForm {
	f := &serverForm{host: newTextEntry(), port: newTextEntry(), database: newTextEntry(), login: newTextEntry(),
		sslMode: newChoice(sslModeLabels(), nil), message: widget.NewLabel("")}
	f.host.SetPlaceHolder(lang.L("e.g. 192.168.1.10 or may-chu"))
	f.host.SetText(c.Host)
	f.port.SetText(strconv.Itoa(c.Port))
	f.database.SetText(c.Database)
	f.login.SetText(c.Login)
	f.sslMode.SetSelectedIndex(indexOf(sslModes, c.SSLMode))
	f.message.Wrapping = fyne.TextWrapWord
	f.message.Importance = widget.DangerImportance
	if withPassword {
		f.password = widget.NewPasswordEntry()
	}
	return f
}

func (f *serverForm) content() fyne.CanvasObject {
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("Server"), f.host),
		widget.NewFormItem(lang.L("Port"), f.port),
		widget.NewFormItem(lang.L("Database"), f.database),
		widget.NewFormItem(lang.L("Login"), f.login),
	}
	if f.password != nil {
		items = append(items, widget.NewFormItem(lang.L("Password"), f.password))
	}
	items = append(items, widget.NewFormItem(lang.L("Encryption (sslmode)"), f.sslMode))
	return container.NewVBox(widget.NewForm(items...), f.message)
}

func (f *serverForm) value() (ServerConnection, error) {
	port, err := strconv.Atoi(strings.TrimSpace(f.port.Text))
	if err != nil {
		port = 0
	}
	c := ServerConnection{Host: strings.TrimSpace(f.host.Text), Port: port, Database: strings.TrimSpace(f.database.Text),
		Login: strings.TrimSpace(f.login.Text), SSLMode: "prefer"}
	if i := f.sslMode.SelectedIndex(); i >= 0 {
		c.SSLMode = sslModes[i]
	}
	return c, c.validate()
}

// serverSettingsButton opens, from Cài đặt, the office server the program
// connects to when it starts (or the choice of the file on this PC).
func serverSettingsButton(win fyne.Window) *widget.Button {
	return widget.NewButton(lang.L("Office server…"), func() { showServerSettings(win, fyne.CurrentApp().Preferences()) })
}

func showServerSettings(win fyne.Window, prefs fyne.Preferences) *serverForm {
	c, saved := SavedServer(prefs)
	if !saved {
		c = DefaultServerConnection()
	}
	f := newServerForm(c, false)
	note := widget.NewLabel(lang.L("The program connects to this server when it starts and asks for the password then; the password is never saved."))
	note.Wrapping = fyne.TextWrapWord
	var d dialog.Dialog
	save := widget.NewButton(lang.L("Use this server"), func() {
		c, err := f.value()
		if err != nil {
			f.message.SetText(khenthuong.ErrorMessage(err))
			return
		}
		SaveServer(prefs, c)
		d.Hide()
	})
	save.Importance = widget.HighImportance
	local := widget.NewButton(lang.L("Use the data file on this PC"), func() {
		ForgetServer(prefs)
		d.Hide()
	})
	cancel := widget.NewButton(lang.L("Cancel"), func() { d.Hide() })
	body := container.NewVBox(note, f.content(), container.NewHBox(local, cancel, save))
	d = dialog.NewCustomWithoutButtons(lang.L("Office server"), body, win)
	d.Resize(fyne.NewSize(560, 0))
	showDialog(win, d, nil)
	return f
}

// ServerLogin is the window that asks for the password at start and
// connects. It offers the data file on this PC instead, and says why when
// the server cannot be reached.
type ServerLogin struct {
	win     fyne.Window
	form    *serverForm
	connect *widget.Button
	local   *widget.Button
	wg      sync.WaitGroup
}

// NewServerLogin builds the login window for c, showing message (why the
// last attempt failed) if any. connect tries an address in the background;
// connected runs on the UI goroutine after a success, useLocal after the
// clerk chose the file on this PC (its error is shown in the window).
func NewServerLogin(a fyne.App, c ServerConnection, message string, connect func(addr string) error,
	connected func(c ServerConnection), useLocal func() error) *ServerLogin {
	l := &ServerLogin{win: a.NewWindow(lang.L("Khen thưởng: office server")), form: newServerForm(c, true)}
	l.form.message.SetText(message)
	l.connect = widget.NewButton(lang.L("Connect"), func() {
		c, err := l.form.value()
		if err != nil {
			l.form.message.SetText(khenthuong.ErrorMessage(err))
			return
		}
		addr := c.Address(l.form.password.Text)
		l.connect.Disable()
		l.form.message.SetText(lang.L("Connecting…"))
		background(&l.wg, func() func() {
			err := connect(addr)
			return func() {
				l.connect.Enable()
				if err != nil {
					l.form.message.SetText(khenthuong.ErrorMessage(err))
					return
				}
				l.form.password.SetText("") // nothing of it stays in the window
				SaveServer(a.Preferences(), c)
				connected(c)
			}
		})
	})
	l.connect.Importance = widget.HighImportance
	l.local = widget.NewButton(lang.L("Use the data file on this PC"), func() {
		if err := useLocal(); err != nil {
			l.form.message.SetText(khenthuong.ErrorMessage(err))
		}
	})
	l.form.password.OnSubmitted = func(string) { l.connect.OnTapped() }
	l.win.SetContent(container.NewVBox(l.form.content(), container.NewHBox(l.local, l.connect)))
	l.win.Resize(fyne.NewSize(560, 360))
	return l
}

// Window is the login window.
func (l *ServerLogin) Window() fyne.Window { return l.win }

// String names the connection for the title and the status bar: login@host:port/database.
func (c ServerConnection) String() string {
	return c.Login + "@" + c.Host + ":" + strconv.Itoa(c.Port) + "/" + c.Database
}
