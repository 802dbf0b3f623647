@echo off
rem Penjelasan Kartu Prakerja: start the kiosk (Windows 10/11, Microsoft Edge).
rem Opens index.html next to this file in Edge kiosk mode (full screen), with a fresh
rem profile each start, and starts it again if it exits. See KIOSK.md.
rem   start-kiosk.cmd            start (and restart on exit)
rem   start-kiosk.cmd install    start it on every login of this user
setlocal
set "HERE=%~dp0"
set "START=file:///%HERE:\=/%index.html"
if /i "%~1"=="install" (
  echo start "" /min "%~f0"> "%APPDATA%\Microsoft\Windows\Start Menu\Programs\Startup\prakerja-kiosk.cmd"
  echo Kiosk akan mulai saat login / The kiosk will start at login.
  exit /b 0
)
if not exist "%HERE%index.html" (
  echo start-kiosk: index.html tidak ada / is missing; unzip site-kiosk.zip again
  exit /b 1
)
set "EDGE=%ProgramFiles(x86)%\Microsoft\Edge\Application\msedge.exe"
if not exist "%EDGE%" set "EDGE=%ProgramFiles%\Microsoft\Edge\Application\msedge.exe"
if not exist "%EDGE%" (
  echo start-kiosk: Microsoft Edge tidak ditemukan / not found
  exit /b 1
)
:loop
set "PROFILE=%TEMP%\prakerja-kiosk-%RANDOM%%RANDOM%"
rem fullscreen kiosk (not public-browsing): the site's own idle reset clears each visitor.
"%EDGE%" --kiosk "%START%" --edge-kiosk-type=fullscreen --user-data-dir="%PROFILE%" ^
  --no-first-run --no-default-browser-check --noerrdialogs --disable-session-crashed-bubble ^
  --disable-pinch --overscroll-history-navigation=0 ^
  --disable-features=Translate,TouchpadOverscrollHistoryNavigation ^
  --host-resolver-rules="MAP * ~NOTFOUND"
rmdir /s /q "%PROFILE%" 2>nul
timeout /t 2 /nobreak >nul
goto loop
