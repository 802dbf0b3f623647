@echo off
rem Is this kiosk copy intact? Runs verify.ps1 (see KIOSK.md).
powershell -NoProfile -ExecutionPolicy Bypass -File "%~dp0verify.ps1"
pause
