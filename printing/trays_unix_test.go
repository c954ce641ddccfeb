//go:build !windows

package printing

import (
	"strings"
	"testing"
)

func parseTraysText(s string) string { return strings.Join(parseTrays(s), " ") }

func TestParseTrays(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"PageSize/Page Size: *A4 A3\nInputSlot/Media Source: *Auto Tray1 Tray2 Manual\n", "Auto Tray1 Tray2 Manual"},
		{"PageSize/Page Size: *A4 A3\n", ""},
	} {
		got := parseTraysText(tc.in)
		if got != tc.want {
			t.Errorf("parseTrays(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
