// Command pdfplaces compares the PDF a printer received with the PDF the
// writer made, for the Windows printing test under Wine
// (scripts/windows-print-test.sh): every word's ink in place
// (cupstest.SameInk, which neither font's declared ascent nor descent moves).
//
//	go run ./printing/cupstest/pdfplaces [-tol MM] WRITTEN.pdf PRINTED.pdf
//
// It prints the differences and the largest deviation of a word, and exits 1
// when a word lies farther than the tolerance.
package main

import (
	"flag"
	"fmt"
	"os"

	"khenthuong/printing/cupstest"
)

func main() {
	tol := flag.Float64("tol", 0.3, "tolerance in mm")
	flag.Parse()
	if flag.NArg() != 2 {
		fmt.Fprintln(os.Stderr, "usage: pdfplaces [-tol MM] WRITTEN.pdf PRINTED.pdf")
		os.Exit(2)
	}
	var data [2][]byte
	for i, path := range flag.Args() {
		var err error
		if data[i], err = os.ReadFile(path); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
	}
	pages, err := cupstest.Words(data[0])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	words := 0
	for _, p := range pages {
		words += len(p.Words)
	}
	problems, dev, worst, err := cupstest.SameInk(data[0], data[1], *tol)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	for i, p := range problems {
		if i == 20 {
			fmt.Printf("… and %d more\n", len(problems)-20)
			break
		}
		fmt.Println(p)
	}
	if len(problems) > 0 {
		fmt.Printf("largest deviation %.2f mm (%s)\n", dev, worst)
		os.Exit(1)
	}
	fmt.Printf("%d pages, %d words in place within %g mm (largest deviation %.2f mm, %s)\n", len(pages), words, *tol, dev, worst)
}
