"""Pack the kiosk build into the zip an operator receives.

``python -m sitekit.kioskpack site-kiosk site-kiosk.zip kiosk dev/KIOSK.md``
(``make kiosk`` runs it) adds the operator kit (launchers, verify scripts from
``kiosk/``, the guide) to the built folder, writes ``SHA256SUMS`` over every
file, and zips the folder itself, so the zip unpacks into ``site-kiosk/``.

Why a manifest: a kiosk copy travels on USB sticks and sits on shared PCs; an
operator must be able to tell, offline and without tools, whether the copy is
the one that was built (``verify.sh`` / ``verify.cmd`` compare it).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
import time
import zipfile
from pathlib import Path

MANIFEST = "SHA256SUMS"
EXECUTABLE = (".sh",)


def copy_kit(site_dir: Path, kit_dir: Path, guide: Path | None) -> list[str]:
    """Copy the launchers and verify scripts next to index.html; return their names."""
    names = []
    for source in sorted(kit_dir.iterdir()):
        if source.is_file():
            target = site_dir / source.name
            shutil.copyfile(source, target)
            target.chmod(0o755 if source.suffix in EXECUTABLE else 0o644)
            names.append(source.name)
    if guide is not None:
        shutil.copyfile(guide, site_dir / guide.name)
        names.append(guide.name)
    return names


def write_manifest(site_dir: Path) -> Path:
    """``sha256sum`` format (``<hex>  <path>``), sorted, every file but the manifest itself."""
    lines = []
    for path in sorted(site_dir.rglob("*"), key=lambda p: p.relative_to(site_dir).as_posix()):
        if path.is_file() and path.name != MANIFEST:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            lines.append(f"{digest}  {path.relative_to(site_dir).as_posix()}")
    target = site_dir / MANIFEST
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target


def write_zip(site_dir: Path, zip_path: Path) -> None:
    """The folder itself, sorted, one timestamp (SOURCE_DATE_EPOCH when set), modes kept."""
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH") or time.time())
    stamp = time.gmtime(max(epoch, 315532800))[:6]  # zip dates start in 1980
    zip_path.unlink(missing_ok=True)
    with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(site_dir.rglob("*"), key=lambda p: p.relative_to(site_dir).as_posix()):
            if not path.is_file():
                continue
            info = zipfile.ZipInfo(f"{site_dir.name}/{path.relative_to(site_dir).as_posix()}", stamp)
            info.external_attr = (0o100000 | (path.stat().st_mode & 0o777)) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, path.read_bytes())


def pack(site_dir: Path, zip_path: Path, kit_dir: Path, guide: Path | None = None) -> int:
    """Kit, manifest, zip; return the number of files in the manifest."""
    copy_kit(site_dir, kit_dir, guide)
    manifest = write_manifest(site_dir)
    write_zip(site_dir, zip_path)
    return len(manifest.read_text(encoding="utf-8").splitlines())


def main(argv: list[str]) -> int:
    if len(argv) not in (3, 4):
        print("usage: python -m sitekit.kioskpack SITE_DIR ZIP KIT_DIR [GUIDE]", file=sys.stderr)
        return 2
    site_dir, zip_path, kit_dir = Path(argv[0]), Path(argv[1]), Path(argv[2])
    for folder in (site_dir, kit_dir):
        if not folder.is_dir():
            print(f"{folder}: not a folder (run make kiosk)", file=sys.stderr)
            return 1
    count = pack(site_dir, zip_path, kit_dir, Path(argv[3]) if len(argv) == 4 else None)
    print(f"{zip_path}: {count} files, {zip_path.stat().st_size / 1e6:.1f} MB, checksums in {site_dir.name}/{MANIFEST}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
