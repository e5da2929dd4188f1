/* Stand-in for Windows' bcryptprimitives.dll, for running vanban.exe under Wine 8 only.
 *
 * Rust's standard library on Windows gets random bytes (HashMap seeds) from ProcessPrng in
 * bcryptprimitives.dll, which real Windows 10/11 has and Wine 8 lacks: without this file the
 * program does not start under Wine ("bcryptprimitives.dll not found", c0000135).
 * scripts/test-windows.sh builds it with mingw and puts it beside the .exe in the test folder;
 * it is never shipped. */
#include <windows.h>
#include <ntsecapi.h> /* RtlGenRandom (advapi32's SystemFunction036) */

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
    while (len > 0) {
        ULONG chunk = len > 0x7fffffffu ? 0x7fffffffu : (ULONG)len;
        if (!RtlGenRandom(data, chunk)) return FALSE;
        data += chunk;
        len -= chunk;
    }
    return TRUE;
}
