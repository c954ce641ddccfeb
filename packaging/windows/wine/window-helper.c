// window-helper [move X Y W H | close | maximize]: acts on the visible
// top-level window whose title starts with "Khen" as a clerk would (drag it,
// close it, maximise it), then prints its frame: "LEFT TOP WIDTH HEIGHT
// zoomed=0|1". Test scaffolding for scripts/windows-window-test.sh only.
#include <windows.h>
#include <stdio.h>
#include <wchar.h>
static HWND found;
static BOOL CALLBACK each(HWND h, LPARAM l) {
	wchar_t t[256];
	GetWindowTextW(h, t, 256);
	if (wcsncmp(t, L"Khen", 4) == 0 && IsWindowVisible(h)) { found = h; return FALSE; }
	return TRUE;
}
int wmain(int argc, wchar_t **argv) {
	EnumWindows(each, 0);
	if (!found) { printf("no window\n"); return 1; }
	if (argc > 1 && wcscmp(argv[1], L"move") == 0) {
		SetWindowPos(found, 0, _wtoi(argv[2]), _wtoi(argv[3]), _wtoi(argv[4]), _wtoi(argv[5]), SWP_NOZORDER);
	} else if (argc > 1 && wcscmp(argv[1], L"close") == 0) {
		PostMessageW(found, WM_CLOSE, 0, 0);
	} else if (argc > 1 && wcscmp(argv[1], L"maximize") == 0) {
		ShowWindow(found, SW_MAXIMIZE);
	}
	RECT r; GetWindowRect(found, &r);
	printf("%ld %ld %ld %ld zoomed=%d\n", r.left, r.top, r.right - r.left, r.bottom - r.top, IsZoomed(found));
	return 0;
}
