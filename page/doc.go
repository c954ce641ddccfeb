// Package page is the page model every printed thing is drawn from: a Page
// is one sheet in millimetres from its top-left corner, holding vector
// shapes, images and positioned lines of text (face, size, baseline, colour).
// The certificates, the office documents (decisions, lists, run-sheets,
// payment lists, reports) and the calibration page are laid out as Pages by
// package certificates; the PDF writer here (WritePDF, on fpdf), the
// on-screen previews and package printing's GDI drawing all draw those same
// Pages, so what the clerk sees is what prints.
//
// It also holds what measuring a page needs: the embedded TrueType faces
// (LookupFace) with the widths fpdf uses, the letters each face covers, line
// breaking at spaces or anywhere (Face.Wrap, Face.BreakChars), and the
// measures: points to millimetres (MMPerPt), the sides a page may have, named
// paper sizes (ParseSize, ValidSize). It knows nothing of templates or
// documents, and it is the only package that imports fpdf.
package page
