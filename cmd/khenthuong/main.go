// Command khenthuong is the Khen thưởng desktop application. With no
// subcommand it opens the window; with one it does the same job headless.
package main

import (
	"os"

	"early.khenthuong.local/quietlocale"
)

func main() {
	quietlocale.Restore()
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
