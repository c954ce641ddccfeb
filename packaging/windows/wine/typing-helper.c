/*
 * Test helper for scripts/windows-typing-test.sh: types "Nguyễn Văn Tình" into
 * the focused entry of khenthuong.exe the way Vietnamese input tools do, as
 * Telex "Nguyeenx Vawn Tinhf". Built with mingw-w64, run under Wine; never
 * shipped.
 *
 *   typing-helper.exe MODE ENTRYFILE
 *
 * ENTRYFILE is where khenthuong.exe, started with KHENTHUONG_TEST_ENTRY_FILE,
 * keeps writing the text of its focused entry (UTF-8), and ENTRYFILE.window
 * the title of the window that holds it. The keys the clerk types
 * are real key presses (virtual keys, Shift for capitals); each rewrite of the
 * tool is sent according to MODE:
 *
 *   openkey     backspaces as VK_BACK key presses through SendInput, letters as
 *               KEYEVENTF_UNICODE characters (what OpenKey does);
 *   unicode-bs  backspaces as the Unicode character '\b' (KEYEVENTF_UNICODE),
 *               letters as in openkey (what GLFW pull request #2369 reports
 *               of some tools);
 *   clipboard   the whole word deleted with VK_BACK presses, then the new word
 *               put on the clipboard and pasted with Shift+Insert;
 *   clear       Ctrl+A then Backspace, to empty the entry.
 *
 * After each step the helper waits until ENTRYFILE shows the expected text, so
 * the steps never overtake the program. It prints each mismatch (as \u escapes)
 * and exits 0 when the entry ends holding the expected text, 1 when not, 2 on
 * a set-up failure.
 */
#include <windows.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

struct step {
    int back;            /* characters the tool deletes */
    const wchar_t *text; /* what the tool types; a key typed as such when back == 0 */
};

/* Telex: N g u y e e n x _ V a w n _ T i n h f */
static const struct step steps[] = {
    {0, L"N"}, {0, L"g"}, {0, L"u"}, {0, L"y"}, {0, L"e"},
    {1, L"\x00EA"},          /* e e -> ê */
    {0, L"n"},
    {2, L"\x1EC5n"},         /* x: ên -> ễn */
    {0, L" "},
    {0, L"V"}, {0, L"a"},
    {1, L"\x0103"},          /* a w -> ă */
    {0, L"n"},
    {0, L" "},
    {0, L"T"}, {0, L"i"}, {0, L"n"}, {0, L"h"},
    {3, L"\x00ECnh"},        /* f: inh -> ình */
};

static const wchar_t *entry_file;
static HWND clip_owner;
static int mismatches;
static int verbose; /* TYPING_HELPER_VERBOSE=1: the time each step took */

static void send_input(INPUT *in, UINT n)
{
    if (SendInput(n, in, sizeof(INPUT)) != n)
        fprintf(stderr, "SendInput failed: %lu\n", GetLastError());
    Sleep(15);
}

static void key(WORD vk, BOOL up, BOOL extended)
{
    INPUT in = {0};
    in.type = INPUT_KEYBOARD;
    in.ki.wVk = vk;
    in.ki.wScan = (WORD)MapVirtualKeyW(vk, MAPVK_VK_TO_VSC);
    in.ki.dwFlags = (up ? KEYEVENTF_KEYUP : 0) | (extended ? KEYEVENTF_EXTENDEDKEY : 0);
    send_input(&in, 1);
}

static void tap(WORD vk) { key(vk, FALSE, FALSE); key(vk, TRUE, FALSE); }

static void unicode_char(wchar_t c)
{
    INPUT in[2] = {0};
    in[0].type = in[1].type = INPUT_KEYBOARD;
    in[0].ki.wScan = in[1].ki.wScan = c;
    in[0].ki.dwFlags = KEYEVENTF_UNICODE;
    in[1].ki.dwFlags = KEYEVENTF_UNICODE | KEYEVENTF_KEYUP;
    send_input(in, 2);
}

/* A key the clerk types: a letter (Shift for a capital) or the space bar. */
static void physical(wchar_t c)
{
    if (c == L' ') {
        tap(VK_SPACE);
    } else if (c >= L'A' && c <= L'Z') {
        key(VK_SHIFT, FALSE, FALSE);
        tap((WORD)c);
        key(VK_SHIFT, TRUE, FALSE);
    } else if (c >= L'a' && c <= L'z') {
        tap((WORD)(c - L'a' + L'A'));
    } else {
        unicode_char(c);
    }
}

static int set_clipboard(const wchar_t *text)
{
    size_t bytes = (wcslen(text) + 1) * sizeof(wchar_t);
    HGLOBAL mem = GlobalAlloc(GMEM_MOVEABLE, bytes);
    if (!mem)
        return 0;
    memcpy(GlobalLock(mem), text, bytes);
    GlobalUnlock(mem);
    for (int i = 0; i < 50; i++) {
        if (OpenClipboard(clip_owner)) {
            EmptyClipboard();
            HANDLE ok = SetClipboardData(CF_UNICODETEXT, mem);
            CloseClipboard();
            return ok != NULL;
        }
        Sleep(20);
    }
    GlobalFree(mem);
    return 0;
}

static void paste(const wchar_t *text)
{
    if (!set_clipboard(text))
        fprintf(stderr, "clipboard: could not set the text\n");
    key(VK_SHIFT, FALSE, FALSE);
    key(VK_INSERT, FALSE, TRUE);
    key(VK_INSERT, TRUE, TRUE);
    key(VK_SHIFT, TRUE, FALSE);
}

/* The entry's text as the program last wrote it; -1 when there is no file. */
static int read_entry(char *buf, int size)
{
    HANDLE f = CreateFileW(entry_file, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                           NULL, OPEN_EXISTING, 0, NULL);
    if (f == INVALID_HANDLE_VALUE)
        return -1;
    DWORD n = 0;
    BOOL ok = ReadFile(f, buf, size - 1, &n, NULL);
    CloseHandle(f);
    if (!ok)
        return -1;
    buf[n] = 0;
    return (int)n;
}

static void print_escaped(const char *label, const wchar_t *w)
{
    fprintf(stderr, "%s \"", label);
    for (; *w; w++) {
        if (*w >= 0x20 && *w < 0x7f)
            fputc((char)*w, stderr);
        else
            fprintf(stderr, "\\u%04x", (unsigned)*w);
    }
    fprintf(stderr, "\"");
}

/* Waits until the entry holds want; returns 1 when it does. */
static int wait_for(const wchar_t *want, int timeout_ms, int report, int stepno)
{
    char want8[1024], got8[1024];
    wchar_t got[1024];
    WideCharToMultiByte(CP_UTF8, 0, want, -1, want8, sizeof want8, NULL, NULL);
    int n = -1;
    for (int waited = 0;; waited += 20) {
        n = read_entry(got8, sizeof got8);
        if (n >= 0 && strcmp(got8, want8) == 0)
            return 1;
        if (waited >= timeout_ms)
            break;
        Sleep(20);
    }
    if (report) {
        got[0] = 0;
        if (n >= 0)
            MultiByteToWideChar(CP_UTF8, 0, got8, -1, got, 1024);
        fprintf(stderr, "step %d: ", stepno);
        print_escaped("expected", want);
        print_escaped(", entry holds", n >= 0 ? got : L"(no file)");
        fprintf(stderr, "\n");
        mismatches++;
    }
    return 0;
}

/* The window holding the entry: the program writes its title to ENTRYFILE.window. */
static HWND find_window(void)
{
    wchar_t name[MAX_PATH + 8], title[512];
    char title8[1024];
    swprintf(name, MAX_PATH + 8, L"%ls.window", entry_file);
    for (int i = 0; i < 600; i++, Sleep(100)) {
        HANDLE f = CreateFileW(name, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                               NULL, OPEN_EXISTING, 0, NULL);
        if (f == INVALID_HANDLE_VALUE)
            continue;
        DWORD n = 0;
        ReadFile(f, title8, sizeof title8 - 1, &n, NULL);
        CloseHandle(f);
        title8[n] = 0;
        MultiByteToWideChar(CP_UTF8, 0, title8, -1, title, 512);
        HWND w = FindWindowW(L"GLFW30", title);
        if (w && IsWindowVisible(w))
            return w;
    }
    return NULL;
}

int wmain(int argc, wchar_t **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: typing-helper.exe openkey|unicode-bs|clipboard|clear ENTRYFILE\n");
        return 2;
    }
    const wchar_t *mode = argv[1];
    verbose = _wgetenv(L"TYPING_HELPER_VERBOSE") != NULL;
    entry_file = argv[2];
    clip_owner = CreateWindowExW(0, L"STATIC", L"typing-helper", 0, 0, 0, 0, 0, HWND_MESSAGE, NULL, NULL, NULL);

    HWND win = find_window();
    if (!win) {
        fprintf(stderr, "no khenthuong window holding the entry (class GLFW30)\n");
        return 2;
    }
    SetForegroundWindow(win);
    Sleep(200);

    /* The program writes the file once an entry has the focus. */
    char buf[1024];
    for (int i = 0; read_entry(buf, sizeof buf) < 0; i++) {
        if (i >= 1500) {
            fprintf(stderr, "no focused entry reported in the entry file\n");
            return 2;
        }
        Sleep(20);
    }

    if (wcscmp(mode, L"clear") == 0) {
        key(VK_CONTROL, FALSE, FALSE);
        tap('A');
        key(VK_CONTROL, TRUE, FALSE);
        tap(VK_BACK);
        return wait_for(L"", 3000, 1, 0) ? 0 : 1;
    }
    int m = wcscmp(mode, L"openkey") == 0 ? 1 : wcscmp(mode, L"unicode-bs") == 0 ? 2
          : wcscmp(mode, L"clipboard") == 0 ? 3 : 0;
    if (!m) {
        fprintf(stderr, "unknown mode\n");
        return 2;
    }
    if (!wait_for(L"", 3000, 1, 0))
        return 2;

    wchar_t shown[256] = L""; /* what the entry should hold */
    DWORD slowest = 0, begun = GetTickCount();
    for (size_t s = 0; s < sizeof steps / sizeof steps[0]; s++) {
        const struct step *st = &steps[s];
        size_t len = wcslen(shown);
        if (st->back == 0) {
            for (const wchar_t *c = st->text; *c; c++)
                physical(*c);
            wcscat(shown, st->text);
        } else if (m == 3) {
            size_t word = len;
            while (word > 0 && shown[word - 1] != L' ')
                word--;
            for (size_t i = word; i < len; i++)
                tap(VK_BACK);
            shown[len - st->back] = 0;
            wcscat(shown, st->text);
            paste(shown + word);
        } else {
            for (int i = 0; i < st->back; i++) {
                if (m == 1)
                    tap(VK_BACK);
                else
                    unicode_char(L'\b');
            }
            for (const wchar_t *c = st->text; *c; c++)
                unicode_char(*c);
            shown[len - st->back] = 0;
            wcscat(shown, st->text);
        }
        DWORD t0 = GetTickCount();
        /* A paste waits for the program to read the clipboard: Wine's can be slow. */
        wait_for(shown, mismatches ? 400 : (m == 3 && st->back > 0) ? 15000 : 2000, 1, (int)s + 1);
        DWORD took = GetTickCount() - t0;
        if (took > slowest)
            slowest = took;
        if (verbose)
            fprintf(stderr, "step %d: %lu ms\n", (int)s + 1, took);
    }
    int ok = wait_for(L"Nguy\x1EC5n V\x0103n T\x00ECnh", 2000, 1, 99);
    fprintf(stderr, "%ls: %s, %d mismatching steps, %lu ms in all, slowest step %lu ms\n", mode,
            ok ? "ok" : "FAILED", mismatches, GetTickCount() - begun, slowest);
    return ok ? 0 : 1;
}
