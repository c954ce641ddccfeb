// Package cupstest starts a private CUPS scheduler for tests, with virtual
// PDF printers, and compares what a printer received with the PDF the
// document writer made. CI machines run no services: the test starts
// cupsd itself, on its own configuration and socket, and stops it.
package cupstest

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Server is a running private cupsd; CUPS_SERVER points at it for the test.
type Server struct {
	Dir    string // its configuration, spool and logs
	Socket string
	t      testing.TB
	cmd    *exec.Cmd
	queues []string
}

// Start runs cupsd (Debian packages cups and printer-driver-cups-pdf, which
// `make setup` installs) and stops it when the test ends.
func Start(t testing.TB) *Server {
	t.Helper()
	for _, bin := range []string{"/usr/sbin/cupsd", "lpadmin", "lp", "lpstat", "pdftotext"} {
		if _, err := exec.LookPath(bin); err != nil {
			t.Fatalf("%s is missing: install cups, printer-driver-cups-pdf and poppler-utils (make setup does)", bin)
		}
	}
	// Short and world-readable: the socket path has a length limit and the
	// filters run as user lp.
	dir, err := os.MkdirTemp("", "kt-cups-")
	if err != nil {
		t.Fatal(err)
	}
	s := &Server{Dir: dir, Socket: filepath.Join(dir, "cups.sock"), t: t}
	t.Cleanup(s.stop)
	for _, d := range []string{"spool", "cache", "state", "tmp", "log", "out"} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, d := range []string{dir, filepath.Join(dir, "tmp"), filepath.Join(dir, "out")} {
		mode := os.FileMode(0o755)
		if d != dir {
			mode = 0o1777
		}
		if err := os.Chmod(d, mode); err != nil {
			t.Fatal(err)
		}
	}
	files := fmt.Sprintf(`ServerRoot %[1]s
RequestRoot %[1]s/spool
CacheDir %[1]s/cache
StateDir %[1]s/state
TempDir %[1]s/tmp
AccessLog %[1]s/log/access_log
ErrorLog %[1]s/log/error_log
PageLog %[1]s/log/page_log
Printcap %[1]s/printcap
ServerBin /usr/lib/cups
DataDir /usr/share/cups
FileDevice Yes
Sandboxing Relaxed
`, dir)
	conf := fmt.Sprintf(`Listen %s
LogLevel info
Browsing Off
WebInterface No
DefaultAuthType None
<Location />
  Order allow,deny
  Allow all
</Location>
<Policy default>
  <Limit All>
    Order deny,allow
  </Limit>
</Policy>
`, s.Socket)
	s.write("cups-files.conf", files)
	s.write("cupsd.conf", conf)
	s.cmd = exec.Command("/usr/sbin/cupsd", "-f", "-c", filepath.Join(dir, "cupsd.conf"), "-s", filepath.Join(dir, "cups-files.conf"))
	s.cmd.Stdout, s.cmd.Stderr = nil, nil
	if err := s.cmd.Start(); err != nil {
		t.Fatalf("cupsd: %v", err)
	}
	t.Setenv("CUPS_SERVER", s.Socket)
	s.waitFor("cupsd to accept jobs", 20*time.Second, func() bool {
		out, _ := exec.Command("lpstat", "-r").CombinedOutput()
		return strings.Contains(string(out), "scheduler is running")
	})
	return s
}

func (s *Server) write(name, text string) {
	s.t.Helper()
	if err := os.WriteFile(filepath.Join(s.Dir, name), []byte(text), 0o644); err != nil {
		s.t.Fatal(err)
	}
}

func (s *Server) stop() {
	for _, q := range s.queues {
		os.Remove(cupsPDFConf(q))
	}
	if s.cmd != nil && s.cmd.Process != nil {
		s.cmd.Process.Signal(syscall.SIGTERM)
		done := make(chan struct{})
		go func() { s.cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			s.cmd.Process.Kill()
			<-done
		}
	}
	os.RemoveAll(s.Dir)
}

// WaitFor polls cond until it holds, failing the test after a minute.
func (s *Server) WaitFor(what string, cond func() bool) {
	s.t.Helper()
	s.waitFor(what, time.Minute, cond)
}

// waitFor polls cond until it holds, failing the test after limit.
func (s *Server) waitFor(what string, limit time.Duration, cond func() bool) {
	s.t.Helper()
	deadline := time.Now().Add(limit)
	for !cond() {
		if time.Now().After(deadline) {
			log, _ := os.ReadFile(filepath.Join(s.Dir, "log", "error_log"))
			s.t.Fatalf("timed out after %s waiting for %s; cupsd's log:\n%s", limit, what, tail(string(log), 3000))
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func tail(s string, n int) string {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}

func (s *Server) lpadmin(args ...string) {
	s.t.Helper()
	out, err := exec.Command("lpadmin", args...).CombinedOutput()
	if err != nil {
		s.t.Fatalf("lpadmin %v: %v\n%s", args, err, out)
	}
}

// ppd is the cups-pdf driver's description with PDF accepted as it is: the
// job keeps the PDF the writer made, through CUPS's pdftopdf (paper size,
// orientation, scaling), as a driverless printer receives it.
func (s *Server) ppd(pdfIn bool) string {
	s.t.Helper()
	const src = "/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd"
	data, err := os.ReadFile(src)
	if err != nil {
		s.t.Fatalf("%v: install printer-driver-cups-pdf (make setup does)", err)
	}
	if !pdfIn {
		return src
	}
	text := strings.Replace(string(data), `*% cupsFilter:    "application/vnd.cups-postscript 0 pstitleiconv"`,
		`*cupsFilter2: "application/vnd.cups-pdf application/pdf 0 -"`, 1)
	path := filepath.Join(s.Dir, "pdf-in.ppd")
	s.write("pdf-in.ppd", text)
	return path
}

// FilePrinter adds a PDF printer whose every job is written to one file;
// it returns that file's path.
func (s *Server) FilePrinter(name string) string {
	s.t.Helper()
	out := filepath.Join(s.Dir, "out", name+".pdf")
	s.lpadmin("-p", name, "-E", "-v", "file://"+out, "-P", s.ppd(true), "-D", "Máy in PDF "+name, "-L", "Phòng Thi đua")
	s.queues = append(s.queues, name)
	return out
}

// CupsPDFPrinter adds a queue on the cups-pdf virtual printer (PostScript
// in, a PDF per job out), writing into dir.
func (s *Server) CupsPDFPrinter(name, dir string) {
	s.t.Helper()
	// cups-pdf reads its settings only from /etc/cups; the device URI
	// cups-pdf:/NAME picks cups-pdf-NAME.conf.
	conf := fmt.Sprintf("Out %s\nAnonDirName %s\nLabel 1\nTitlePref 0\nLog %s\n", dir, dir, filepath.Join(s.Dir, "log"))
	if err := os.WriteFile(cupsPDFConf(name), []byte(conf), 0o644); err != nil {
		s.t.Fatalf("cups-pdf's settings: %v", err)
	}
	s.queues = append(s.queues, name)
	s.lpadmin("-p", name, "-E", "-v", "cups-pdf:/"+name, "-P", s.ppd(false))
}

func cupsPDFConf(queue string) string { return "/etc/cups/cups-pdf-" + queue + ".conf" }

// SetDefault makes the queue the system's default.
func (s *Server) SetDefault(name string) { s.lpadmin("-d", name) }

// WaitJob waits until the job is completed and its output file exists,
// failing the test after a minute.
func (s *Server) WaitJob(jobID, output string) []byte {
	s.t.Helper()
	var data []byte
	s.waitFor("job "+jobID+" to complete", time.Minute, func() bool {
		out, _ := exec.Command("lpstat", "-W", "completed", "-o").CombinedOutput()
		if !strings.Contains(string(out), jobID+" ") {
			return false
		}
		data, _ = os.ReadFile(output)
		return len(data) > 0
	})
	return data
}
