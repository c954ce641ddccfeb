//go:build !windows

package printing

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"

	"khenthuong"
	"khenthuong/page"
)

// CUPS is driven through its own commands (lpstat, lpoptions, lp), which
// honour CUPS_SERVER and the user's lpoptions like every other program.

// List returns the CUPS destinations, the default first.
func List() ([]Printer, error) {
	out, err := cupsCommand("lpstat", "-l", "-p")
	if err != nil {
		if strings.Contains(out, "No destinations added") {
			return nil, nil
		}
		return nil, err
	}
	ps := parseLpstat(out)
	def, _ := cupsCommand("lpstat", "-d")
	if _, name, ok := strings.Cut(strings.TrimSpace(def), "system default destination: "); ok {
		for i := range ps {
			ps[i].Default = ps[i].Name == name
		}
	}
	sortPrinters(ps)
	return ps, nil
}

// parseLpstat reads `lpstat -l -p` in the C locale.
func parseLpstat(out string) []Printer {
	var ps []Printer
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		line := sc.Text()
		if rest, ok := strings.CutPrefix(line, "printer "); ok {
			name, state, _ := strings.Cut(rest, " ")
			p := Printer{Name: name, Status: "idle"}
			switch {
			case strings.Contains(state, "disabled"):
				p.Status = "stopped"
			case strings.Contains(state, "printing"):
				p.Status = "printing"
			}
			ps = append(ps, p)
			continue
		}
		if len(ps) == 0 {
			continue
		}
		p := &ps[len(ps)-1]
		field := strings.TrimSpace(line)
		if v, ok := strings.CutPrefix(field, "Description:"); ok {
			p.Info = strings.TrimSpace(v)
		} else if v, ok := strings.CutPrefix(field, "Location:"); ok {
			p.Location = strings.TrimSpace(v)
		}
	}
	return ps
}

// Trays returns the paper trays the printer's driver offers (its InputSlot
// choices); empty when it offers none.
func Trays(printer string) ([]string, error) {
	out, err := cupsCommand("lpoptions", "-p", printer, "-l")
	if err != nil {
		return nil, err
	}
	return parseTrays(out), nil
}

func parseTrays(out string) []string {
	for _, line := range strings.Split(out, "\n") {
		key, values, ok := strings.Cut(line, ":")
		if !ok || !strings.HasPrefix(key, "InputSlot/") && key != "InputSlot" {
			continue
		}
		var trays []string
		for _, v := range strings.Fields(values) {
			trays = append(trays, strings.TrimPrefix(v, "*"))
		}
		return trays
	}
	return nil
}

var requestID = regexp.MustCompile(`request id is (\S+)`)

// submit writes the PDF of the pages into a temporary file, a page at a
// time (a long document is never held whole), and sends it to lp: scaling
// off, the paper named after the first page, copies collated.
func submit(ctx context.Context, j Job) (Result, error) {
	progress(j, 0, len(j.Pages))
	f, err := os.CreateTemp("", "khenthuong-print-*.pdf")
	if err != nil {
		return Result{}, khenthuong.Internal(err)
	}
	defer os.Remove(f.Name())
	defer f.Close()
	pdf := page.NewPDF(j.Title)
	defer pdf.Close()
	var first page.Page
	err = j.each(func(p *page.Page) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		if pdf.Pages() == 0 {
			first = page.Page{Width: p.Width, Height: p.Height}
		}
		return pdf.Add(p)
	})
	if err != nil {
		return Result{}, err
	}
	n := pdf.Pages()
	if err := pdf.Finish(f); err != nil {
		return Result{}, err
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return Result{}, khenthuong.Internal(err)
	}
	if err := ctx.Err(); err != nil {
		return Result{}, err
	}
	args := []string{"-d", j.Printer, "-n", strconv.Itoa(j.Copies)}
	if j.Title != "" {
		args = append(args, "-t", j.Title)
	}
	for _, o := range lpOptions(j, first) {
		args = append(args, "-o", o)
	}
	cmd := exec.CommandContext(ctx, "lp", args...)
	cmd.Stdin = f
	out, err := runCUPS(cmd)
	if err != nil {
		return Result{}, err
	}
	progress(j, n, n)
	m := requestID.FindStringSubmatch(out)
	if m == nil {
		return Result{}, khenthuong.Internal(fmt.Errorf("lp: no request id in %q", out))
	}
	return Result{Printer: j.Printer, JobID: m[1], Pages: n, Copies: j.Copies}, nil
}

// lpOptions are the job's options: exactly 100 % whatever the page and the
// paper, the paper the document's pages are (a landscape page is turned onto
// it, never shrunk), the tray asked for.
func lpOptions(j Job, first page.Page) []string {
	paper, ok := PaperFor(first.Width, first.Height)
	media := paper.Name
	if j.Paper != "" {
		media = j.Paper
	} else if !ok {
		media = fmt.Sprintf("Custom.%gx%gmm", round1(paper.Width), round1(paper.Height))
	}
	opts := []string{"media=" + media, "print-scaling=none", "fit-to-page=false", "collate=true"}
	if j.Tray != "" {
		opts = append(opts, "InputSlot="+j.Tray)
	}
	return opts
}

func progress(j Job, done, total int) {
	if j.Progress != nil {
		j.Progress(done, total)
	}
}

func cupsCommand(name string, args ...string) (string, error) {
	return runCUPS(exec.Command(name, args...))
}

// runCUPS runs a CUPS command in the C locale (its messages are parsed) and
// turns its failures into messages for the clerk.
func runCUPS(cmd *exec.Cmd) (string, error) {
	cmd.Env = append(os.Environ(), "LC_ALL=C", "LANG=C")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	text := out.String()
	var notFound *exec.Error
	switch {
	case err == nil:
		return text, nil
	case errors.As(err, &notFound):
		return text, khenthuong.Errorf(khenthuong.EINVALID, "Máy này chưa cài hệ thống in CUPS (không có lệnh %s)", cmd.Args[0])
	case strings.Contains(text, "Scheduler is not running") || strings.Contains(text, "Unable to connect"):
		return text, khenthuong.Errorf(khenthuong.EINVALID, "Dịch vụ in CUPS chưa chạy trên máy này")
	case strings.Contains(text, "No destinations added"):
		return text, err
	}
	return text, khenthuong.Errorf(khenthuong.EINVALID, "Máy in báo lỗi: %s", strings.TrimSpace(text))
}
