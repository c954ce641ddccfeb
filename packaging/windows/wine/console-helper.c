/*
 * Test helper for scripts/windows-smoke.sh: runs a command the way cmd.exe
 * starts a GUI-subsystem exe typed at its prompt (its own console, no
 * standard handles given to the child), waits for it, and writes what the
 * console then shows to OUTFILE (UTF-8). Built with mingw-w64, run under Wine;
 * never shipped.
 *
 *   console-helper.exe OUTFILE EXE [ARGS...]
 */
#include <windows.h>
#include <stdio.h>
#include <wchar.h>

static void append_arg(wchar_t *cmd, const wchar_t *arg)
{
    if (*cmd)
        wcscat(cmd, L" ");
    wcscat(cmd, L"\"");
    wcscat(cmd, arg); /* the test's arguments hold no quotes */
    wcscat(cmd, L"\"");
}

int wmain(int argc, wchar_t **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: console-helper.exe OUTFILE EXE [ARGS...]\n");
        return 2;
    }
    FreeConsole();
    if (!AllocConsole()) {
        fprintf(stderr, "AllocConsole: %lu\n", GetLastError());
        return 2;
    }
    HANDLE con = GetStdHandle(STD_OUTPUT_HANDLE);
    if (con == INVALID_HANDLE_VALUE) {
        fprintf(stderr, "CONOUT$: %lu\n", GetLastError());
        return 2;
    }

    static wchar_t cmd[32768];
    for (int i = 2; i < argc; i++)
        append_arg(cmd, argv[i]);
    STARTUPINFOW si = {0};
    si.cb = sizeof si;
    si.dwFlags = STARTF_USESTDHANDLES; /* no standard handles: as from a console prompt */
    PROCESS_INFORMATION pi;
    if (!CreateProcessW(argv[2], cmd, NULL, NULL, TRUE, 0, NULL, NULL, &si, &pi)) {
        fprintf(stderr, "CreateProcess: %lu\n", GetLastError());
        return 2;
    }
    WaitForSingleObject(pi.hProcess, 60000);
    DWORD code = 1;
    GetExitCodeProcess(pi.hProcess, &code);

    CONSOLE_SCREEN_BUFFER_INFO info;
    if (!GetConsoleScreenBufferInfo(con, &info)) {
        fprintf(stderr, "GetConsoleScreenBufferInfo: %lu\n", GetLastError());
        return 2;
    }
    FILE *out = _wfopen(argv[1], L"wb");
    if (!out)
        return 2;
    int width = info.dwSize.X;
    wchar_t *line = calloc(width + 1, sizeof(wchar_t));
    char *utf8 = calloc(width * 4 + 1, 1);
    for (SHORT y = 0; y <= info.dwCursorPosition.Y && y < info.dwSize.Y; y++) {
        COORD at = {0, y};
        DWORD n = 0;
        ReadConsoleOutputCharacterW(con, line, width, at, &n);
        while (n > 0 && line[n - 1] == L' ')
            n--;
        line[n] = 0;
        int len = WideCharToMultiByte(CP_UTF8, 0, line, (int)n, utf8, width * 4, NULL, NULL);
        fwrite(utf8, 1, len, out);
        fputc('\n', out);
    }
    fclose(out);
    fprintf(stderr, "exit code %lu\n", code);
    return (int)code;
}
