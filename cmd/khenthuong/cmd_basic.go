package main

import (
	"fmt"
)

func init() {
	commands["version"] = command{
		usage: "version                      in phiên bản chương trình",
		run: func(e *env, args []string) error {
			fmt.Fprintf(e.stdout, "khenthuong %s\n", version)
			return nil
		},
	}
}
