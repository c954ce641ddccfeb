/*
 * Test scaffolding for running khenthuong.exe under Debian's Wine 8: never
 * shipped, never put beside the exe.
 *
 * The Go runtime (1.24 and later) gets its random bytes from ProcessPrng in
 * bcryptprimitives.dll, which Windows 10 and 11 have and Wine 8 lacks, so a
 * Go exe dies at start-up there. scripts/windows-wine.sh builds this file with
 * mingw-w64 into bcryptprimitives.dll and copies it into the test prefix's
 * system32, where the Go runtime looks for it.
 */
#include <windows.h>

/* RtlGenRandom, exported by advapi32 as SystemFunction036. */
BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x40000000 ? 0x40000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE; /* Windows' ProcessPrng never fails */
}

BOOL WINAPI DllMain(HINSTANCE instance, DWORD reason, LPVOID reserved)
{
    (void)instance; (void)reason; (void)reserved;
    return TRUE;
}
