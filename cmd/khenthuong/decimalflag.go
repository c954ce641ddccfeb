package main

import (
	"errors"
	"flag"
	"strconv"
	"strings"

	"khenthuong/vntext"
)

// decimalFlag is a number flag that reads the office's decimal comma
// ("-1,5") as well as a point ("-1.5").
type decimalFlag float64

func (d *decimalFlag) String() string { return vntext.FormatDecimal(float64(*d), 4) }

func (d *decimalFlag) Set(s string) error {
	v, err := strconv.ParseFloat(strings.Replace(strings.TrimSpace(s), ",", ".", 1), 64)
	if err != nil {
		return errors.New("parse error")
	}
	*d = decimalFlag(v)
	return nil
}

// decimalVar defines a decimalFlag on fs with its default value.
func decimalVar(fs *flag.FlagSet, name string, value float64, usage string) *float64 {
	d := decimalFlag(value)
	fs.Var(&d, name, usage)
	return (*float64)(&d)
}
