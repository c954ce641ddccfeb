package vntext

import "strconv"

// Encoding names how a piece of text was written: genuine Unicode, or one of
// the legacy 8-bit Vietnamese encodings still found in old Excel files, seen
// through Windows' Western code page (cp1252) as mojibake.
type Encoding int

const (
	Unicode Encoding = iota
	TCVN3            // TCVN 5712 "ABC", fonts .VnTime, .VnArial ... (.VnTimeH: capitals)
	VNI              // VNI-Windows, fonts VNI-Times, VNI-Helve ...
	VIQR             // RFC 1456, marks typed as ASCII after the letter: "Nguye^~n Va(n Ti`nh"
)

// String gives the name clerks know the encoding by.
func (e Encoding) String() string {
	switch e {
	case Unicode:
		return "Unicode"
	case TCVN3:
		return "TCVN3 (ABC)"
	case VNI:
		return "VNI"
	case VIQR:
		return "VIQR"
	}
	return "Encoding(" + strconv.Itoa(int(e)) + ")"
}
