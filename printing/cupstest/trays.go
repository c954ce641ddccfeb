package cupstest

import (
	"bufio"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// trays are the paper trays TrayPrinter's driver offers (PPD InputSlot).
const trays = `*OpenUI *InputSlot/Media Source: PickOne
*OrderDependency: 20 AnySetup *InputSlot
*DefaultInputSlot: Auto
*InputSlot Auto/Auto: ""
*InputSlot Tray1/Tray 1: "<</MediaPosition 1>>setpagedevice"
*InputSlot Tray2/Tray 2: "<</MediaPosition 2>>setpagedevice"
*InputSlot Manual/Manual Feed: "<</ManualFeed true>>setpagedevice"
*CloseUI: *InputSlot
`

// TrayPrinter is FilePrinter with a driver that offers the trays Auto,
// Tray1, Tray2 and Manual, as an office printer's PPD does.
func (s *Server) TrayPrinter(name string) string {
	s.t.Helper()
	ppd, err := os.ReadFile(s.ppd(true))
	if err != nil {
		s.t.Fatal(err)
	}
	s.write("trays.ppd", string(ppd)+trays)
	out := filepath.Join(s.Dir, "out", name+".pdf")
	s.lpadmin("-p", name, "-E", "-v", "file://"+out, "-P", filepath.Join(s.Dir, "trays.ppd"))
	s.queues = append(s.queues, name)
	// A client of a scheduler on a local socket reads the PPD from the
	// server's own folder (lpoptions -l, which Trays reads), not over IPP.
	s.t.Setenv("CUPS_SERVERROOT", s.Dir)
	return out
}

// JobAttributes asks the scheduler (IPP Get-Job-Attributes, with ipptool
// from cups-ipp-utils) for what it recorded of a job: its options as the
// printer's filters receive them ("copies", "InputSlot", "media"...), each
// attribute's values joined by commas.
func (s *Server) JobAttributes(jobID string) map[string]string {
	s.t.Helper()
	_, num, ok := strings.Cut(jobID, "-")
	if !ok {
		num = jobID
	}
	test := fmt.Sprintf(`{
	OPERATION Get-Job-Attributes
	GROUP operation-attributes-tag
	ATTR charset attributes-charset utf-8
	ATTR naturalLanguage attributes-natural-language en
	ATTR uri job-uri ipp://localhost/jobs/%s
	ATTR name requesting-user-name root
	ATTR keyword requested-attributes all
	STATUS successful-ok
}
`, num)
	s.write("job.test", test)
	// The scheduler listens on a socket only: its path as the URI's host.
	uri := "ipp://" + url.PathEscape(s.Socket) + "/jobs/" + num
	out, err := exec.Command("ipptool", "-t", "-v", uri, filepath.Join(s.Dir, "job.test")).CombinedOutput()
	if err != nil {
		s.t.Fatalf("ipptool (install cups-ipp-utils; make setup does): %v\n%s", err, out)
	}
	attrs := map[string]string{}
	sc := bufio.NewScanner(strings.NewReader(string(out)))
	for sc.Scan() {
		// "        copies (integer) = 3"
		name, rest, ok := strings.Cut(strings.TrimSpace(sc.Text()), " (")
		if !ok {
			continue
		}
		if _, value, ok := strings.Cut(rest, ") = "); ok {
			attrs[name] = value
		}
	}
	return attrs
}
