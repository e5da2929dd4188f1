; Vanban installer for Windows 10/11 x64: per user, no administrator rights needed.
; Built by scripts/build-windows.sh with Debian's makensis:
;   makensis -DVERSION=0.1.0 -DSRCDIR=dist/windows -DICON=src-tauri/icons/icon.ico \
;            -DOUTFILE=dist/vanban-0.1.0-windows-x64-setup.exe packaging/windows/vanban.nsi
; Installs into %LOCALAPPDATA%\Programs\Vanban, adds a Start-menu entry and a desktop shortcut,
; registers the uninstaller under HKCU. The user's data (library, drafts) lives in
; %APPDATA%\vanban and is never touched by the uninstaller.

; A 64-bit installer for a 64-bit app (it also runs under a 64-bit-only Wine in the tests).
Target amd64-unicode
SetCompressor /SOLID lzma
RequestExecutionLevel user

!ifndef VERSION
  !error "VERSION is not set (-DVERSION=...)"
!endif
!ifndef SRCDIR
  !error "SRCDIR is not set (-DSRCDIR=...)"
!endif
!ifndef OUTFILE
  !define OUTFILE "vanban-${VERSION}-windows-x64-setup.exe"
!endif

!define APPNAME "Vanban"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Vanban"
; The Evergreen WebView2 Runtime's client id (per machine or per user).
!define WEBVIEW2_KEY "SOFTWARE\WOW6432Node\Microsoft\EdgeUpdate\Clients\{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}"
!define WEBVIEW2_KEY_USER "Software\Microsoft\EdgeUpdate\Clients\{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}"

Name "${APPNAME} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\Vanban"
InstallDirRegKey HKCU "Software\Vanban" "InstallDir"
BrandingText "Vanban ${VERSION}"

!include "MUI2.nsh"
!ifndef ICON
  !error "ICON is not set (-DICON=.../src-tauri/icons/icon.ico)"
!endif
!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\vanban-app.exe"
!define MUI_FINISHPAGE_RUN_TEXT "Mở Vanban ngay"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "Vietnamese"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=${LANG_VIETNAMESE} "ProductName" "Vanban"
VIAddVersionKey /LANG=${LANG_VIETNAMESE} "FileDescription" "Cài đặt Vanban: soạn thảo và kiểm tra thể thức văn bản hành chính"
VIAddVersionKey /LANG=${LANG_VIETNAMESE} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_VIETNAMESE} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_VIETNAMESE} "LegalCopyright" "MIT"

Section "Vanban" SecMain
  SectionIn RO
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  File "${SRCDIR}/vanban-app.exe"
  File "${SRCDIR}/vanban.exe"
  File "${SRCDIR}/WebView2Loader.dll"
  File "${SRCDIR}/DOC-TRUOC.txt"
  WriteUninstaller "$INSTDIR\go-cai-dat.exe"

  CreateDirectory "$SMPROGRAMS\Vanban"
  CreateShortcut "$SMPROGRAMS\Vanban\Vanban.lnk" "$INSTDIR\vanban-app.exe"
  CreateShortcut "$SMPROGRAMS\Vanban\Gỡ cài đặt Vanban.lnk" "$INSTDIR\go-cai-dat.exe"
  CreateShortcut "$DESKTOP\Vanban.lnk" "$INSTDIR\vanban-app.exe"

  WriteRegStr HKCU "Software\Vanban" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "Vanban — soạn thảo văn bản hành chính"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINST_KEY}" "Publisher" "Vanban"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\vanban-app.exe"
  WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" '"$INSTDIR\go-cai-dat.exe"'
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1
SectionEnd

; WebView2 is part of Windows 11 and of an updated Windows 10. Where it is missing, say so
; once: the app's window cannot open without it.
Function .onInstSuccess
  ReadRegStr $0 HKLM "${WEBVIEW2_KEY}" "pv"
  StrCmp $0 "" 0 done
  ReadRegStr $0 HKCU "${WEBVIEW2_KEY_USER}" "pv"
  StrCmp $0 "" 0 done
  MessageBox MB_ICONINFORMATION|MB_OK "Máy này chưa có Microsoft Edge WebView2 Runtime, thành phần Vanban cần để mở cửa sổ.$\r$\nHãy cài WebView2 Runtime (miễn phí, của Microsoft) hoặc nhờ bộ phận CNTT cài, rồi mở lại Vanban.$\r$\nCông cụ dòng lệnh vanban.exe vẫn dùng được ngay."
  done:
FunctionEnd

Section "Uninstall"
  SetShellVarContext current
  Delete "$INSTDIR\vanban-app.exe"
  Delete "$INSTDIR\vanban.exe"
  Delete "$INSTDIR\WebView2Loader.dll"
  Delete "$INSTDIR\DOC-TRUOC.txt"
  Delete "$INSTDIR\go-cai-dat.exe"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\Vanban\Vanban.lnk"
  Delete "$SMPROGRAMS\Vanban\Gỡ cài đặt Vanban.lnk"
  RMDir "$SMPROGRAMS\Vanban"
  Delete "$DESKTOP\Vanban.lnk"
  DeleteRegKey HKCU "${UNINST_KEY}"
  DeleteRegKey HKCU "Software\Vanban"
SectionEnd
