// Package certificates writes the PDF documents of the product; this part
// prints the certificates (Bằng khen, Giấy khen) and the printer calibration
// page. It is the only package that imports fpdf.
//
// A Template is data: a page size and boxes in millimetres, stored and shared
// as JSON. Layout is the one function that places the texts of a recipient
// (Values, built by ValuesFor from the decision) on a template, returning a
// Page: positioned lines of text, shapes and images in millimetres. The PDF
// writer (WriteCertificates, Print) and an on-screen preview both draw from
// that Page, so what the clerk sees is what prints; text widths come from the
// embedded fonts' own metrics, the same fpdf uses.
//
// Two modes: ModeBlank prints only the fields that pre-printed blanks lack,
// ModePlain the whole certificate with a vector border. A PrinterProfile
// moves (and scales) a Page to compensate how a printer feeds the stock;
// WriteCalibration prints the page the clerk measures that offset on.
package certificates
