//go:build !windows

package printing

import "strings"

func parseTraysText(s string) string { return strings.Join(parseTrays(s), " ") }
