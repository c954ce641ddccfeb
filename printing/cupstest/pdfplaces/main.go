// Command pdfplaces compares the PDF a printer received with the PDF the
// writer made (package cupstest's SamePlaces), for the Windows printing test
// under Wine (scripts/windows-print-test.sh):
//
//	go run ./printing/cupstest/pdfplaces [-tol MM] [-below-tops] WRITTEN.pdf PRINTED.pdf
//
// It prints the differences and exits 1 when there are any.
package main

import (
	"flag"
	"fmt"
	"os"

	"khenthuong/printing/cupstest"
)

func main() {
	tol := flag.Float64("tol", 0.3, "tolerance in mm")
	belowTops := flag.Bool("below-tops", false, "compare the left, right and bottom edges of the words only")
	flag.Parse()
	if flag.NArg() != 2 {
		fmt.Fprintln(os.Stderr, "usage: pdfplaces [-tol MM] [-below-tops] WRITTEN.pdf PRINTED.pdf")
		os.Exit(2)
	}
	var pages [2][]cupstest.Page
	words := 0
	for i, path := range flag.Args() {
		data, err := os.ReadFile(path)
		if err == nil {
			pages[i], err = cupstest.Words(data)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
	}
	for _, p := range pages[0] {
		words += len(p.Words)
	}
	same := cupstest.SamePlaces
	if *belowTops {
		same = cupstest.SamePlacesBelowTops
	}
	problems := same(pages[0], pages[1], *tol)
	for i, p := range problems {
		if i == 20 {
			fmt.Printf("… and %d more\n", len(problems)-20)
			break
		}
		fmt.Println(p)
	}
	if len(problems) > 0 {
		os.Exit(1)
	}
	fmt.Printf("%d pages, %d words in place within %g mm\n", len(pages[0]), words, *tol)
}
