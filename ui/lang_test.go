package ui

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"

	"khenthuong"
)

func readTranslations(t *testing.T, name string) map[string]any {
	t.Helper()
	data, err := translations.ReadFile("translations/" + name)
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]any{}
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return m
}

// usedKeys returns the literal keys of every lang.L / lang.X call in the package.
func usedKeys(t *testing.T) map[string]bool {
	t.Helper()
	files, _ := filepath.Glob("*.go")
	keys := map[string]bool{}
	fs := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fs, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) == 0 {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			if x, ok := sel.X.(*ast.Ident); !ok || x.Name != "lang" {
				return true
			}
			if lit, ok := call.Args[0].(*ast.BasicLit); ok && lit.Kind == token.STRING {
				s, _ := strconv.Unquote(lit.Value)
				keys[s] = true
			}
			return true
		})
	}
	return keys
}

func TestTranslations(t *testing.T) {
	vi, en := readTranslations(t, "ui.vi.json"), readTranslations(t, "ui.en.json")

	t.Run("BothLanguagesHaveTheSameKeys", func(t *testing.T) {
		for k := range vi {
			if _, ok := en[k]; !ok {
				t.Errorf("%q is in ui.vi.json only", k)
			}
		}
		for k := range en {
			if _, ok := vi[k]; !ok {
				t.Errorf("%q is in ui.en.json only", k)
			}
		}
	})

	t.Run("EveryStringOfTheCodeIsTranslated", func(t *testing.T) {
		used := usedKeys(t)
		// Domain values are looked up by key built from the stored value.
		for _, k := range khenthuong.Kinds {
			used["kind."+string(k)] = true
		}
		for _, s := range khenthuong.Statuses {
			used["status."+string(s)] = true
		}
		for _, g := range []khenthuong.Gender{khenthuong.Male, khenthuong.Female} {
			used["gender."+string(g)] = true
		}
		for _, c := range khenthuong.CampaignTypes {
			used["campaigntype."+string(c)] = true
		}
		for _, l := range khenthuong.Levels {
			used["level."+string(l)] = true
		}
		for _, r := range khenthuong.Roundings {
			used["rounding."+string(r)] = true
		}
		for _, k := range slices.Sorted(maps.Keys(used)) {
			if _, ok := vi[k]; !ok {
				t.Errorf("%q has no Vietnamese translation", k)
			}
		}
		for _, k := range slices.Sorted(maps.Keys(vi)) {
			if !used[k] {
				t.Errorf("%q is translated but never used", k)
			}
		}
	})

	t.Run("DomainLabelsMatchTheDomain", func(t *testing.T) {
		// Vietnamese is the domain's own wording: the translation must not drift from it.
		for _, k := range khenthuong.Kinds {
			if vi["kind."+string(k)] != k.Label() {
				t.Errorf("kind %s: %q vs %q", k, vi["kind."+string(k)], k.Label())
			}
		}
		for _, s := range khenthuong.Statuses {
			if vi["status."+string(s)] != s.Label() {
				t.Errorf("status %s: %q vs %q", s, vi["status."+string(s)], s.Label())
			}
		}
		for _, c := range khenthuong.CampaignTypes {
			if vi["campaigntype."+string(c)] != c.Label() {
				t.Errorf("campaign type %s: %q vs %q", c, vi["campaigntype."+string(c)], c.Label())
			}
		}
		for _, l := range khenthuong.Levels {
			if vi["level."+string(l)] != l.Label() {
				t.Errorf("level %s: %q vs %q", l, vi["level."+string(l)], l.Label())
			}
		}
		for _, r := range khenthuong.Roundings {
			if vi["rounding."+string(r)] != r.Label() {
				t.Errorf("rounding %s: %q vs %q", r, vi["rounding."+string(r)], r.Label())
			}
		}
	})

	t.Run("FyneStringsHaveEveryKey", func(t *testing.T) {
		// base.en.json is Fyne v2.7.1's own file; base.vi.json must cover it.
		base, baseVI := readTranslations(t, "base.en.json"), readTranslations(t, "base.vi.json")
		fyneFile := filepath.Join(fyneDir(t), "lang", "translations", "base.en.json")
		if data, err := os.ReadFile(fyneFile); err == nil {
			upstream := map[string]any{}
			if err := json.Unmarshal(data, &upstream); err != nil {
				t.Fatal(err)
			}
			for k := range upstream {
				if _, ok := base[k]; !ok {
					t.Errorf("Fyne's key %q is missing from base.en.json", k)
				}
			}
		}
		for k := range base {
			if _, ok := baseVI[k]; !ok {
				t.Errorf("%q is missing from base.vi.json", k)
			}
		}
	})

	t.Run("SetLanguageSwitches", func(t *testing.T) {
		test.NewTempApp(t)
		t.Cleanup(func() { _ = SetLanguage("vi") })
		for _, tc := range []struct {
			code                   string
			cancel, yes, campaigns string
			kind                   string
		}{
			{"vi", "Hủy", "Có", "Đợt khen thưởng", "Tập thể"},
			{"en", "Cancel", "Yes", "Campaigns", "Collective"},
			{"fr", "Hủy", "Có", "Đợt khen thưởng", "Tập thể"}, // unknown: Vietnamese
		} {
			if err := SetLanguage(tc.code); err != nil {
				t.Fatal(err)
			}
			got := []string{lang.L("Cancel"), lang.L("Yes"), lang.L("Campaigns"), kindLabel(khenthuong.Collective)}
			if want := []string{tc.cancel, tc.yes, tc.campaigns, tc.kind}; !slices.Equal(got, want) {
				t.Errorf("%s: %q, want %q", tc.code, got, want)
			}
		}
	})

	t.Run("EnglishWindow", func(t *testing.T) {
		f := newFake()
		f.settings.Language = "en"
		t.Cleanup(func() { _ = SetLanguage("vi") })
		m := newTestUI(t, f)
		if m.rail[pageNominations].Text != "Nominations" || m.rail[pageCatalogue].Text != "Catalogue" {
			t.Errorf("rail reads %q, %q", m.rail[pageNominations].Text, m.rail[pageCatalogue].Text)
		}
	})
}

// fyneDir is where the fyne module sits in the module cache.
func fyneDir(t *testing.T) string {
	t.Helper()
	out, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		t.Skip("no go command to find Fyne's own translations:", err)
	}
	return filepath.Join(strings.TrimSpace(string(out)), "fyne.io", "fyne", "v2@v2.7.1")
}
