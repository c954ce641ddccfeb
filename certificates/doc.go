// Package certificates lays out every PDF document of the product as pages
// of package page and writes them: the certificates (Bằng khen, Giấy khen)
// and the printer calibration page, the decision with its attached list (also
// as .docx), the ceremony run-sheet, the bonus payment list, the summary
// report and a nominee's award history.
//
// A Template is data: a page size and boxes in millimetres, stored and shared
// as JSON. Layout is the one function that places the texts of a recipient
// (Values, built by ValuesFor from the decision) on a template, returning a
// page.Page. The PDF writer (WriteCertificates, Print, through
// page.WritePDF), an on-screen preview and the printer all draw from that
// Page, so what the clerk sees is what prints; text widths come from the
// embedded fonts' own metrics, the same fpdf uses.
//
// Two modes: ModeBlank prints only the fields that pre-printed blanks lack,
// ModePlain the whole certificate with a vector border. A PrinterProfile
// moves (and scales) a Page to compensate how a printer feeds the stock;
// WriteCalibration prints the page the clerk measures that offset on.
//
// The documents (DecisionPages, ListPages, RunSheetPages, PaymentsPages,
// ReportPages, HistoryPages) flow paragraphs and tables of a DocStyle onto
// pages with numbered page breaks; each has a Write function for its PDF.
package certificates
