#!/bin/sh
# Penjelasan Kartu Prakerja: start the kiosk (Linux).
# Opens index.html next to this script in Chromium's kiosk mode (full screen, no
# address bar), with a fresh profile each start, and starts it again if it exits.
# See KIOSK.md.
#
#   ./start-kiosk.sh                      start (and restart on exit)
#   ./start-kiosk.sh --stop               stop it (from another terminal or over ssh)
#   ./start-kiosk.sh --install-autostart  start it on every login of this user
#   KIOSK_BROWSER=/path/to/chromium       use another Chromium-based browser
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
START="file://$HERE/index.html"
# Chromium keeps a socket in its profile folder and refuses to start when that path is
# longer than about 100 characters, so a long TMPDIR is not used for the profile.
TEMP=${TMPDIR:-/tmp}
[ "${#TEMP}" -gt 60 ] && TEMP=/tmp
export TMPDIR="$TEMP"
PIDFILE="$TEMP/prakerja-kiosk-$(id -u).pid"

if [ "${1:-}" = "--stop" ]; then
  if [ -f "$PIDFILE" ] && kill "$(cat "$PIDFILE")" 2>/dev/null; then
    echo "Kiosk berhenti / The kiosk stopped."
  else
    echo "Kiosk tidak berjalan / The kiosk is not running."
  fi
  exit 0
fi

if [ "${1:-}" = "--install-autostart" ]; then
  mkdir -p "$HOME/.config/autostart"
  cat > "$HOME/.config/autostart/prakerja-kiosk.desktop" <<DESKTOP
[Desktop Entry]
Type=Application
Name=Prakerja kiosk
Exec="$HERE/start-kiosk.sh"
X-GNOME-Autostart-enabled=true
DESKTOP
  echo "Kiosk akan mulai saat login / The kiosk will start at login: $HOME/.config/autostart/prakerja-kiosk.desktop"
  exit 0
fi

if [ ! -f "$HERE/index.html" ]; then
  echo "start-kiosk: $HERE/index.html tidak ada / is missing; unzip site-kiosk.zip again" >&2
  exit 1
fi
BROWSER=${KIOSK_BROWSER:-}
if [ -z "$BROWSER" ]; then
  for candidate in chromium chromium-browser google-chrome-stable google-chrome; do
    if command -v "$candidate" >/dev/null 2>&1; then BROWSER=$candidate; break; fi
  done
fi
if [ -z "$BROWSER" ]; then
  echo "start-kiosk: Chromium tidak ditemukan / not found; install it: sudo apt install chromium" >&2
  exit 1
fi

PROFILE=""
BROWSER_PID=""
stop() {
  [ -n "$BROWSER_PID" ] && kill "$BROWSER_PID" 2>/dev/null && wait "$BROWSER_PID" 2>/dev/null
  [ -n "$PROFILE" ] && rm -rf "$PROFILE"
  rm -f "$PIDFILE"
  exit "${1:-0}"
}
trap stop INT TERM
echo $$ > "$PIDFILE"

while :; do
  # A fresh profile every start: no history, cache or answers carried over.
  PROFILE=$(mktemp -d "$TEMP/prakerja-kiosk.XXXXXX")
  # --kiosk: full screen, no address bar or tabs. --noerrdialogs and the crash bubble
  # flag: no dialogs for a visitor to dismiss. --disable-pinch: the page cannot be pinched
  # out of shape (the bar's "Larger text" button is the way to zoom).
  # --overscroll-history-navigation=0: no back/forward swipe. The host-resolver rule
  # keeps the kiosk offline even on a networked machine (every link out is a QR code).
  # shellcheck disable=SC2086 # KIOSK_EXTRA_FLAGS is a list of flags
  "$BROWSER" --kiosk "$START" \
    --user-data-dir="$PROFILE" \
    --no-first-run --no-default-browser-check \
    --noerrdialogs --disable-session-crashed-bubble --disable-infobars \
    --disable-pinch --overscroll-history-navigation=0 \
    --disable-features=Translate,TouchpadOverscrollHistoryNavigation,OverscrollHistoryNavigation \
    --disable-background-networking --disable-component-update --disable-sync \
    --password-store=basic --host-resolver-rules="MAP * ~NOTFOUND" \
    ${KIOSK_EXTRA_FLAGS:-} &
  BROWSER_PID=$!
  wait "$BROWSER_PID"
  STATUS=$?
  BROWSER_PID=""
  rm -rf "$PROFILE"
  PROFILE=""
  # KIOSK_ONCE (used by the tests): one run, and the browser's own exit status.
  [ "${KIOSK_ONCE:-0}" = 1 ] && stop "$STATUS"
  sleep 2
done
