// Package vntext holds the Vietnamese text rules of Khen thưởng: cleaning and
// normalising what clerks type or paste, search keys, Vietnamese collation,
// people's names and titles, administrative dates and numbers, amounts in
// words, and the conversion of legacy TCVN3 (ABC) and VNI text found in old
// Excel files.
//
// Text is stored as NFC. The order of operations on imported text matters:
// convert legacy encodings first (ToUnicode) and Clean afterwards, because
// Clean removes exactly the characters that carry TCVN3 letters (U+00AD is
// "ư", control codes U+0001–U+0017 are capitals such as "Ú", and the dashes
// U+2013/U+2014 are "Ọ"/"Ộ").
//
// The package depends only on the standard library and golang.org/x/text so
// that every other package of the project can use it.
package vntext
