// Package printing sends pages (package page's Pages, whatever document they
// come from) straight to one of the system's printers, at exactly 100 %: on
// Linux and other Unix systems through CUPS (the very PDF page.WritePDF makes
// of the pages, with scaling turned off), on Windows through the print
// spooler and GDI (the pages drawn one by one, with the embedded fonts). List
// returns the system's printers, the default first. It knows nothing of
// certificates or decisions.
//
// A printer's profile (offset, scale) is applied to the pages before they get
// here: profiles are named after the system printer they belong to.
package printing
