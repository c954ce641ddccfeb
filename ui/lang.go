package ui

import (
	"embed"
	"encoding/json"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"khenthuong"
)

// The screens' strings are written in English in the code (lang.L) and
// translated by translations/ui.<code>.json; base.<code>.json translates
// Fyne's own dialog and entry strings. Both languages must hold every key
// (lang_test.go checks it): a key missing from vi would show in English.
//
//go:embed translations/*.json
var translations embed.FS

// Language is a language the screens can be shown in.
type Language struct {
	Code string // "vi", "en": the value kept in Settings.Language
	Name string // in its own language, as offered in Cài đặt
}

// Languages lists the languages offered, Vietnamese first (the default).
var Languages = []Language{{"vi", "Tiếng Việt"}, {"en", "English"}}

// SetLanguage makes every later lang.L call answer in the language code
// ("vi" or "en"; anything else means "vi").
//
// All translations are loaded with lang.AddTranslationsFS, each file under
// the language its name gives. But Fyne then picks the one closest to the
// operating system's locale, and the clerks' PCs often run an English
// Windows while the office works in Vietnamese: the choice belongs to
// Settings.Language, not to the PC. So the chosen language is also installed
// under the system locale's own tag, which makes it the closest match
// whatever that locale is. Strings already built keep their language: New
// calls this before building anything, and a change in Cài đặt takes effect
// when the program starts again.
func SetLanguage(code string) error {
	code = languageCode(code)
	if err := lang.AddTranslationsFS(translations, "translations"); err != nil {
		return err
	}
	sys := lang.SystemLocale()
	if sys == fyne.Locale(code) {
		return nil
	}
	// base (Fyne's strings) and ui (ours) go in as one file: each addition
	// makes Fyne look the system locale up again.
	merged := map[string]any{}
	for _, file := range []string{"base", "ui"} {
		data, err := translations.ReadFile(fmt.Sprintf("translations/%s.%s.json", file, code))
		if err != nil {
			return err
		}
		if err := json.Unmarshal(data, &merged); err != nil {
			return fmt.Errorf("translations %s.%s.json: %w", file, code, err)
		}
	}
	data, err := json.Marshal(merged)
	if err != nil {
		return err
	}
	if err := lang.AddTranslationsForLocale(data, sys); err != nil {
		return fmt.Errorf("translations %s for %s: %w", code, sys, err)
	}
	return nil
}

func languageCode(code string) string {
	for _, l := range Languages {
		if l.Code == code {
			return code
		}
	}
	return Languages[0].Code
}

// The domain's labels are Vietnamese; these give them in the chosen language,
// keyed by the stored value so that a relabelled constant keeps its translation.

func kindLabel(k khenthuong.Kind) string {
	return lang.X("kind."+string(k), k.Label())
}

func statusLabel(s khenthuong.Status) string {
	return lang.X("status."+string(s), s.Label())
}

func genderLabel(g khenthuong.Gender) string {
	if g == khenthuong.GenderUnknown {
		return ""
	}
	return lang.X("gender."+string(g), g.Label())
}

func campaignTypeLabel(t khenthuong.CampaignType) string {
	return lang.X("campaigntype."+string(t), t.Label())
}

func levelLabel(l khenthuong.Level) string {
	return lang.X("level."+string(l), l.Label())
}

func roundingLabel(r khenthuong.Rounding) string {
	return lang.X("rounding."+string(r), r.Label())
}
