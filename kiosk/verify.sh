#!/bin/sh
# Penjelasan Kartu Prakerja: is this unpacked kiosk copy intact? (Linux, macOS)
# Compares every file with SHA256SUMS, written when the zip was made. See KIOSK.md.
set -u
cd "$(dirname "$0")" || exit 2
if [ ! -f SHA256SUMS ]; then
  echo "RUSAK / DAMAGED: SHA256SUMS tidak ada / is missing; unzip site-kiosk.zip again"
  exit 1
fi
if command -v sha256sum >/dev/null 2>&1; then SUM="sha256sum"; else SUM="shasum -a 256"; fi
bad=$($SUM -c SHA256SUMS 2>/dev/null | grep -v ': OK$')
listed=$(mktemp) && cut -c67- SHA256SUMS | LC_ALL=C sort > "$listed"
extra=$(find . -type f ! -name SHA256SUMS | sed 's|^\./||' | LC_ALL=C sort | LC_ALL=C comm -23 - "$listed" | sed 's|$|: EXTRA|')
rm -f "$listed"
if [ -n "$bad$extra" ]; then
  echo "RUSAK / DAMAGED: unzip site-kiosk.zip again"
  printf '%s\n' "$bad" "$extra" | sed '/^$/d'
  exit 1
fi
echo "UTUH / INTACT: $(wc -l < SHA256SUMS | tr -d ' ') files match SHA256SUMS"
