package main

import (
	"flag"
	"strings"
)

// flagMessage says in Vietnamese what Go's flag package reports in English
// ("flag provided but not defined: -x", "invalid value "abc" for flag
// -campaign: parse error"): the clerk reads every message in Vietnamese.
func flagMessage(err error) string {
	msg := err.Error()
	if rest, ok := strings.CutPrefix(msg, "flag provided but not defined: "); ok {
		return "không có tùy chọn “" + rest + "”"
	}
	if rest, ok := strings.CutPrefix(msg, "flag needs an argument: "); ok {
		return "tùy chọn “" + rest + "” cần một giá trị"
	}
	if rest, ok := strings.CutPrefix(msg, "bad flag syntax: "); ok {
		return "tùy chọn “" + rest + "” viết sai"
	}
	for _, p := range []string{"invalid value ", "invalid boolean value "} {
		rest, ok := strings.CutPrefix(msg, p)
		if !ok {
			continue
		}
		// rest: "abc" for flag -campaign: parse error (or: for -json: ...)
		value, name, found := strings.Cut(rest, " for ")
		if !found {
			break
		}
		name, _, _ = strings.Cut(strings.TrimPrefix(name, "flag "), ":")
		why := "không hợp lệ"
		switch {
		case strings.Contains(msg, "value out of range"):
			why = "quá lớn"
		case p == "invalid boolean value ":
			why = "không hợp lệ (tùy chọn này không nhận giá trị)"
		case strings.Contains(msg, "parse error"):
			why = "không phải là số"
		}
		return "giá trị " + value + " của tùy chọn “" + name + "” " + why
	}
	if rest, ok := strings.CutPrefix(msg, "invalid boolean flag "); ok {
		name, _, _ := strings.Cut(rest, ":")
		return "tùy chọn “-" + name + "” không nhận giá trị"
	}
	if err == flag.ErrHelp {
		return "xem hướng dẫn"
	}
	return msg
}

// isHelp reports whether args ask for a command's help.
func isHelp(args []string) bool {
	return len(args) == 1 && (args[0] == "-h" || args[0] == "--help" || args[0] == "-help" || args[0] == "help")
}
