package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// jsonArray writes a JSON array one element at a time, laid out as
// writeJSON lays out a slice, so a list of 300,000 never sits in memory.
type jsonArray struct {
	w   *bufio.Writer
	buf bytes.Buffer
	enc *json.Encoder
	n   int
}

func newJSONArray(w io.Writer) *jsonArray {
	a := &jsonArray{w: bufio.NewWriterSize(w, 1<<16)}
	a.enc = json.NewEncoder(&a.buf)
	a.enc.SetIndent("  ", "  ")
	a.enc.SetEscapeHTML(false)
	return a
}

func (a *jsonArray) add(v any) error {
	a.buf.Reset()
	if err := a.enc.Encode(v); err != nil {
		return err
	}
	sep := ",\n  "
	if a.n == 0 {
		sep = "[\n  "
	}
	a.n++
	a.w.WriteString(sep)
	_, err := a.w.Write(bytes.TrimRight(a.buf.Bytes(), "\n"))
	return err
}

func (a *jsonArray) close() error {
	if a.n == 0 {
		a.w.WriteString("[]\n")
	} else {
		a.w.WriteString("\n]\n")
	}
	return a.w.Flush()
}

// tableWriter prints rows aligned in columns as they come. tabwriter needs
// every row of a block to align it, so the columns are aligned per block of
// tableBlock rows: memory holds one block, not the list.
type tableWriter struct {
	out  io.Writer
	tw   *tabwriter.Writer
	rows int
}

const tableBlock = 2000

func newTable(w io.Writer, header []string) *tableWriter {
	t := &tableWriter{out: w, tw: tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)}
	fmt.Fprintln(t.tw, strings.Join(header, "\t"))
	return t
}

func (t *tableWriter) row(cells ...string) error {
	fmt.Fprintln(t.tw, strings.Join(cells, "\t"))
	if t.rows++; t.rows%tableBlock == 0 {
		return t.tw.Flush()
	}
	return nil
}

func (t *tableWriter) close() error { return t.tw.Flush() }
