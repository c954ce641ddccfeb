// Package roster reads the nomination lists units send (Excel .xlsx/.xlsm,
// Excel 97–2003 .xls, OpenDocument .ods and CSV files typed by many hands
// over many years) and writes award rosters and the blank import template
// back out. It is the only package that imports excelize; .xls files are
// read by its own BIFF8 reader (biff.go, xls.go) out of the compound file
// that mscfb opens, .ods files by streaming their content.xml (ods.go), and
// the web pages (html.go) and Excel 2003 XML files (spreadsheetml.go) that
// web systems export under an .xls name.
//
// Reading never writes anything: Read turns a file into normalised
// nominations (khenthuong.Nomination, CampaignID 0) plus a report of every
// problem, each naming the sheet, row and column, and every cell converted
// from the legacy TCVN3 (ABC) or VNI encodings. The caller shows the report,
// lets the clerk confirm, sets the campaign and stores the rows in one
// transaction.
//
// Files are untrusted: the zip and XML sizes, the number of rows and the
// length of a cell are capped, and no input makes the readers panic (see the
// fuzz targets).
package roster
