package main

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"khenthuong"
	"khenthuong/atomicfile"
	"khenthuong/certificates"
	"khenthuong/page"
	"khenthuong/roster"
)

func init() {
	commands["print"] = command{
		usage: `print certificates|calibration|decision|list|runsheet|payments|history ... -o FILE | --to PRINTER [--copies N]
    print certificates --decision ID [--recipients IDS] [--mode blank|plain] [--printer NAME] [--trays] [--ceremony IDS] [--batch N] [--draft] -o FILE.pdf
        bằng khen của quyết định đã ban hành, mỗi người một trang, theo thứ tự gọi lên sân khấu;
        --draft: in thử quyết định chưa ban hành, mỗi trang có dấu “BẢN NHÁP”
    print calibration [--printer NAME] [--size A3L|A4L|WxH] -o FILE.pdf
        trang căn chỉnh máy in: lưới milimét và các dấu chữ thập đánh số
    print decision --decision ID -o FILE.pdf|FILE.docx      quyết định kèm danh sách
    print list --decision ID [--table] -o FILE.pdf            danh sách kèm theo quyết định
    print runsheet --decision IDS --batch N [--presenter "Tên, Chức vụ" ...] -o FILE.pdf
        kịch bản buổi lễ: thứ tự đọc, từng tốp lên nhận, số thứ tự trên khay
    print payments --decision IDS -o FILE.pdf|FILE.xlsx       danh sách chi tiền thưởng
    print history QUERY [--nominee ID] -o FILE.pdf            quá trình khen thưởng của một người/tập thể
    --to PRINTER [--copies N] [--tray TRAY] thay cho -o: in thẳng ra máy in (khenthuong printers), đúng 100 %,
        với hồ sơ máy in cùng tên khi có`,
		run: runPrint,
	}
}

// printFlags are the flags of every print document; each document uses its own.
type printFlags struct {
	out, decision, recipients, mode, printer, size, ceremony string
	to, tray                                                 string
	table, trays, draft                                      bool
	batch, copies                                            int
	nominee                                                  uint64
	presenters                                               []certificates.Presenter
}

func runPrint(e *env, args []string) error {
	var f printFlags
	fs := newFlags("print")
	fs.StringVar(&f.out, "o", "", "tệp kết quả")
	fs.StringVar(&f.to, "to", "", "in thẳng ra máy in này")
	fs.IntVar(&f.copies, "copies", 1, "số bản (với --to)")
	fs.StringVar(&f.tray, "tray", "", "khay giấy (với --to)")
	fs.StringVar(&f.decision, "decision", "", "mã quyết định (một hoặc nhiều: 1,2)")
	fs.StringVar(&f.recipients, "recipients", "", "chỉ in các đề nghị này")
	fs.StringVar(&f.mode, "mode", "blank", "blank (trên phôi) hoặc plain (giấy trắng)")
	fs.StringVar(&f.printer, "printer", "", "hồ sơ máy in")
	fs.StringVar(&f.size, "size", "A3L", "khổ giấy trang căn chỉnh")
	fs.StringVar(&f.ceremony, "ceremony", "", "các quyết định cùng buổi lễ (để đánh số khay)")
	fs.BoolVar(&f.table, "table", false, "danh sách dạng bảng")
	fs.BoolVar(&f.trays, "trays", false, "in số thứ tự khay trên bằng khen")
	fs.BoolVar(&f.draft, "draft", false, "in thử bằng khen của quyết định chưa ban hành, có dấu BẢN NHÁP")
	fs.IntVar(&f.batch, "batch", 10, "số người mỗi tốp lên sân khấu")
	fs.Uint64Var(&f.nominee, "nominee", 0, "mã người/tập thể khi có nhiều kết quả")
	fs.Func("presenter", "người trao tặng từng tốp: \"Tên, Chức vụ\" (lặp lại cho mỗi tốp)", func(s string) error {
		name, title, _ := strings.Cut(s, ",")
		f.presenters = append(f.presenters, certificates.Presenter{Name: strings.TrimSpace(name), Title: strings.TrimSpace(title)})
		return nil
	})
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return usagef("cần loại tài liệu: certificates, calibration, decision, list, runsheet, payments hoặc history")
	}
	doc, ok := printers[pos[0]]
	if !ok {
		return usagef("không in được “%s”", pos[0])
	}
	ext, err := f.output(pos[0], doc.exts)
	if err != nil {
		return err
	}
	if err := f.check(); err != nil {
		return err
	}
	db, err := e.openDB(true)
	if err != nil {
		return err
	}
	defer db.Close()
	p := &printJob{e: e, db: db, f: &f, ext: ext, args: pos[1:]}
	if err := doc.run(p); err != nil {
		return err
	}
	if f.to == "" {
		fmt.Fprintf(e.stderr, "Đã ghi %s\n", f.out)
	}
	return nil
}

type printJob struct {
	e    *env
	db   dataStore
	f    *printFlags
	ext  string
	args []string
}

var printers = map[string]struct {
	exts string
	run  func(p *printJob) error
}{
	"certificates": {".pdf", (*printJob).certificates},
	"calibration":  {".pdf", (*printJob).calibration},
	"decision":     {".pdf .docx", (*printJob).decisionDoc},
	"list":         {".pdf", (*printJob).list},
	"runsheet":     {".pdf", (*printJob).runsheet},
	"payments":     {".pdf .xlsx", (*printJob).payments},
	"history":      {".pdf", (*printJob).history},
}

func (p *printJob) noArgs() error {
	if len(p.args) != 0 {
		return usagef("thừa tham số “%s”", p.args[0])
	}
	return nil
}

// summaries loads the decisions named by --decision without their
// recipients, for a document that streams them (a decision may have 100,000).
func (p *printJob) summaries(flagValue string, single bool) ([]khenthuong.Decision, error) {
	return p.loadDecisions(flagValue, single, func(id uint64) (*khenthuong.Decision, error) {
		s, err := p.db.DecisionSummary(id)
		if err != nil {
			return nil, err
		}
		return &s.Decision, nil
	})
}

func (p *printJob) loadDecisions(flagValue string, single bool, load func(uint64) (*khenthuong.Decision, error)) ([]khenthuong.Decision, error) {
	if flagValue == "" {
		return nil, usagef("cần --decision")
	}
	ids, err := parseIDs(flagValue)
	if err != nil {
		return nil, err
	}
	if single && len(ids) != 1 {
		return nil, usagef("chỉ in được một quyết định mỗi lần")
	}
	out := make([]khenthuong.Decision, 0, len(ids))
	for _, id := range ids {
		d, err := load(id)
		if err != nil {
			return nil, err
		}
		out = append(out, *d)
	}
	return out, nil
}

func (p *printJob) forms() (map[string]*khenthuong.AwardForm, error) {
	fs, err := p.db.Forms()
	if err != nil {
		return nil, err
	}
	m := make(map[string]*khenthuong.AwardForm, len(fs))
	for i := range fs {
		m[fs[i].Code] = &fs[i]
	}
	return m, nil
}

// context loads what every document of decision d is printed with.
func (p *printJob) context(d *khenthuong.Decision) (certificates.DecisionDoc, error) {
	form, err := p.db.Form(d.FormCode)
	if err != nil {
		return certificates.DecisionDoc{}, err
	}
	settings, err := p.db.Settings()
	if err != nil {
		return certificates.DecisionDoc{}, err
	}
	campaign, err := p.db.Campaign(d.CampaignID)
	if err != nil {
		return certificates.DecisionDoc{}, err
	}
	return certificates.DecisionDoc{Decision: d, Form: form, Settings: &settings, Campaign: campaign}, nil
}

func (p *printJob) write(fn func(w io.Writer) error) error { return atomicfile.Write(p.f.out, fn) }

func (p *printJob) profile() (certificates.PrinterProfile, error) {
	name, own := p.f.printer, false
	if name == "" && p.f.to != "" {
		name, own = p.f.to, true // the printer's own profile, named after it, when the office made one
	}
	if name == "" {
		return certificates.PrinterProfile{}, nil
	}
	pr, err := p.db.Printer(name)
	if own && khenthuong.ErrorCode(err) == khenthuong.ENOTFOUND {
		return certificates.PrinterProfile{}, nil
	}
	if err != nil {
		return certificates.PrinterProfile{}, err
	}
	return certificates.PrinterProfile(*pr), nil
}

func (p *printJob) certificates() error {
	if err := p.noArgs(); err != nil {
		return err
	}
	// The decision without its recipients: they are streamed (a batch may
	// be a whole decision's).
	ds, err := p.summaries(p.f.decision, true)
	if err != nil {
		return err
	}
	d := &ds[0]
	if err := certificates.NotIssued(d); err != nil && !p.f.draft {
		return khenthuong.Errorf(khenthuong.EINVALID, "%s (khenthuong decision issue %d); muốn in thử, thêm --draft", khenthuong.ErrorMessage(err), d.ID)
	}
	doc, err := p.context(d)
	if err != nil {
		return err
	}
	mode, err := certificates.ParseMode(p.f.mode)
	if err != nil {
		return err
	}
	tpl, err := templateFor(p.db, doc.Form)
	if err != nil {
		return err
	}
	profile, err := p.profile()
	if err != nil {
		return err
	}
	job := certificates.Job{Decision: d, Form: doc.Form, Settings: doc.Settings, Template: tpl, Mode: mode, Profile: profile,
		Draft: d.Status != khenthuong.DecisionIssued, Stream: p.recipients(d.ID)}
	if err := p.ceremonyOrder(&job); err != nil {
		return err
	}
	var warnings []certificates.Warning
	defer func() {
		for _, w := range warnings {
			fmt.Fprintf(p.e.stderr, "Cảnh báo: %s\n", w)
		}
	}()
	title := doc.Form.Name + " – " + decisionTitle(doc)
	return p.emit(title, func(yield func(page.Page) error) (err error) {
		warnings, err = job.EachPage(yield)
		return err
	}, func(w io.Writer) (err error) {
		// Written a page at a time: a batch may be a whole decision's.
		warnings, err = certificates.Print(w, job)
		return err
	})
}

// ceremonyOrder puts the job's recipients in the order they are called on
// stage (the run-sheet's order) and, with --trays, numbers them; --recipients
// keeps that order for the chosen subset.
func (p *printJob) ceremonyOrder(job *certificates.Job) error {
	ceremony := []khenthuong.Decision{*job.Decision}
	if p.f.ceremony != "" {
		var err error
		if ceremony, err = p.summaries(p.f.ceremony, false); err != nil {
			return err
		}
	}
	forms, err := p.forms()
	if err != nil {
		return err
	}
	at := slices.IndexFunc(ceremony, func(d khenthuong.Decision) bool { return d.ID == job.Decision.ID })
	if at < 0 {
		return khenthuong.Errorf(khenthuong.EINVALID, "Quyết định số %s không thuộc các quyết định của buổi lễ (--ceremony)", job.Decision.Number)
	}
	run, err := certificates.PrintRunOf(ceremony, forms, p.f.batch, at,
		func(i int) certificates.RecipientStream { return p.recipients(ceremony[i].ID) })
	if err != nil {
		return err
	}
	if p.f.recipients != "" {
		want, err := parseIDs(p.f.recipients)
		if err != nil {
			return err
		}
		keep := map[uint64]bool{}
		for _, id := range want {
			keep[id] = true
		}
		var ids []uint64
		var trays []int
		for i, id := range run.Recipients {
			if keep[id] {
				ids, trays = append(ids, id), append(trays, run.Trays[i])
				delete(keep, id)
			}
		}
		for id := range keep {
			return khenthuong.Errorf(khenthuong.ENOTFOUND, "Đề nghị số %d không có trong quyết định số %s", id, job.Decision.Number)
		}
		run.Recipients, run.Trays = ids, trays
	}
	job.Recipients = run.Recipients
	if p.f.trays {
		job.Trays = run.Trays
	}
	return nil
}

func (p *printJob) calibration() error {
	if err := p.noArgs(); err != nil {
		return err
	}
	w, h, err := page.ParseSize(p.f.size)
	if err != nil {
		return err
	}
	profile, err := p.profile()
	if err != nil {
		return err
	}
	pg, err := certificates.CalibrationPage(w, h, profile)
	if err != nil {
		return err
	}
	return p.emit("Trang căn chỉnh máy in", laidOut([]page.Page{pg}),
		func(out io.Writer) error { return certificates.WriteCalibration(out, w, h, profile) })
}

func (p *printJob) decisionDoc() error {
	doc, err := p.oneDecisionDoc()
	if err != nil {
		return err
	}
	opts := certificates.DecisionOptions{ListTable: p.f.table}
	if p.ext == ".docx" {
		// The .docx streams its list too, into the compressed file.
		return p.write(func(w io.Writer) error { return certificates.WriteDecisionDOCX(w, doc, opts) })
	}
	return p.emit(decisionTitle(doc), certificates.DecisionStream(doc, opts),
		func(w io.Writer) error { return certificates.WriteDecision(w, doc, opts) })
}

func (p *printJob) list() error {
	doc, err := p.oneDecisionDoc()
	if err != nil {
		return err
	}
	return p.emit("Danh sách kèm theo "+decisionTitle(doc), certificates.ListStream(doc, p.f.table),
		func(w io.Writer) error { return certificates.WriteList(w, doc, p.f.table) })
}

// oneDecisionDoc loads the decision of --decision without its recipients,
// which the document reads as it writes.
func (p *printJob) oneDecisionDoc() (certificates.DecisionDoc, error) {
	if err := p.noArgs(); err != nil {
		return certificates.DecisionDoc{}, err
	}
	ds, err := p.summaries(p.f.decision, true)
	if err != nil {
		return certificates.DecisionDoc{}, err
	}
	doc, err := p.context(&ds[0])
	doc.Stream = p.recipients(ds[0].ID)
	return doc, err
}

// recipients streams a decision's recipients from the data.
func (p *printJob) recipients(id uint64) certificates.RecipientStream {
	return func(fn func(*khenthuong.Recipient) error) error { return p.db.EachRecipient(id, fn) }
}

// laidOut streams a layout already made.
func laidOut(pages []page.Page) func(yield func(page.Page) error) error {
	return func(yield func(page.Page) error) error {
		for _, pg := range pages {
			if err := yield(pg); err != nil {
				return err
			}
		}
		return nil
	}
}

func (p *printJob) ceremonyOf(load func(string, bool) ([]khenthuong.Decision, error)) ([]khenthuong.Decision, map[string]*khenthuong.AwardForm, certificates.DecisionDoc, error) {
	if err := p.noArgs(); err != nil {
		return nil, nil, certificates.DecisionDoc{}, err
	}
	ds, err := load(p.f.decision, false)
	if err != nil {
		return nil, nil, certificates.DecisionDoc{}, err
	}
	forms, err := p.forms()
	if err != nil {
		return nil, nil, certificates.DecisionDoc{}, err
	}
	doc, err := p.context(&ds[0])
	return ds, forms, doc, err
}

func (p *printJob) runsheet() error {
	// The decisions without their recipients, which the run-sheet streams.
	ds, forms, doc, err := p.ceremonySummaries()
	if err != nil {
		return err
	}
	rs := certificates.RunSheetDoc{Decisions: ds, Forms: forms, Settings: doc.Settings, Campaign: doc.Campaign,
		BatchSize: p.f.batch, Presenters: p.f.presenters,
		Recipients: func(i int) certificates.RecipientStream { return p.recipients(ds[i].ID) }}
	return p.emit("Kịch bản trao tặng – "+decisionTitle(doc), certificates.RunSheetStream(rs),
		func(w io.Writer) error { return certificates.WriteRunSheet(w, rs) })
}

func (p *printJob) payments() error {
	// The PDF and the workbook read the decisions without their recipients
	// and stream them.
	ds, forms, doc, err := p.ceremonySummaries()
	if err != nil {
		return err
	}
	if p.ext == ".xlsx" {
		return p.write(func(w io.Writer) error {
			return roster.WritePaymentsXLSXStream(w, ds, forms, doc.Settings, func(i int) khenthuong.RecipientReader { return p.recipients(ds[i].ID) })
		})
	}
	pd := certificates.PaymentsDoc{Decisions: ds, Forms: forms, Settings: doc.Settings, Campaign: doc.Campaign,
		Recipients: func(i int) certificates.RecipientStream { return p.recipients(ds[i].ID) }}
	return p.emit("Danh sách chi tiền thưởng – "+decisionTitle(doc), certificates.PaymentsStream(pd),
		func(w io.Writer) error { return certificates.WritePayments(w, pd) })
}

func (p *printJob) history() error {
	query := strings.TrimSpace(strings.Join(p.args, " "))
	if query == "" {
		return usagef("cần tên người hoặc tập thể: print history QUERY -o FILE.pdf")
	}
	entries, err := p.db.History(query)
	if err != nil {
		return err
	}
	entries, err = oneNominee(entries, p.f.nominee)
	if err != nil {
		return err
	}
	forms, err := p.forms()
	if err != nil {
		return err
	}
	settings, err := p.db.Settings()
	if err != nil {
		return err
	}
	hd := certificates.HistoryDoc{Entries: entries, Forms: forms, Settings: &settings}
	pages, err := certificates.HistoryPages(hd)
	if err != nil {
		return err
	}
	return p.emit("Quá trình khen thưởng – "+entries[0].Nomination.Nominee.DisplayName(), laidOut(pages),
		func(w io.Writer) error { return certificates.WriteHistory(w, hd) })
}

// oneNominee keeps the entries of one nominee: the one asked for, or the only one found.
func oneNominee(entries []khenthuong.HistoryEntry, want uint64) ([]khenthuong.HistoryEntry, error) {
	byNominee := map[uint64][]khenthuong.HistoryEntry{}
	var order []uint64
	for _, e := range entries {
		id := e.Nomination.NomineeID
		if _, seen := byNominee[id]; !seen {
			order = append(order, id)
		}
		byNominee[id] = append(byNominee[id], e)
	}
	switch {
	case want != 0 && byNominee[want] == nil:
		return nil, khenthuong.Errorf(khenthuong.ENOTFOUND, "Không có kết quả nào của mã %d", want)
	case want != 0:
		return byNominee[want], nil
	case len(order) == 0:
		return nil, khenthuong.Errorf(khenthuong.ENOTFOUND, "Không tìm thấy ai")
	case len(order) > 1:
		var names []string
		for _, id := range order {
			n := byNominee[id][0].Nomination.Nominee
			names = append(names, fmt.Sprintf("%d: %s (%s)", id, n.DisplayName(), n.PositionAndUnit()))
		}
		return nil, khenthuong.Errorf(khenthuong.EINVALID, "Có %d người/tập thể khớp, hãy chọn bằng --nominee:\n%s", len(order), strings.Join(names, "\n"))
	}
	return byNominee[order[0]], nil
}

// ceremonySummaries loads the decisions of a run-sheet or payment list
// without their recipients, which the documents stream, with the first
// decision's campaign and the office settings.
func (p *printJob) ceremonySummaries() ([]khenthuong.Decision, map[string]*khenthuong.AwardForm, certificates.DecisionDoc, error) {
	return p.ceremonyOf(p.summaries)
}
