"""The kiosk operator kit (issue 15 item 3): the zip's manifest and verify script,
the Linux launcher run headless with no network, and the version corner."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import CHROMIUM, ROOT
from sitekit import kioskpack

KIT = ROOT / "kiosk"
AS_OF = re.search(r"^\s*as_of:\s*(\S+)", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M).group(1).strip("\"'")


@pytest.fixture(scope="module")
def kiosk_zip(kiosk_site, tmp_path_factory):
    """What `make kiosk` ships, packed from a copy of the session's kiosk build."""
    work = tmp_path_factory.mktemp("pack")
    folder = work / "site-kiosk"
    shutil.copytree(kiosk_site, folder)
    archive = work / "site-kiosk.zip"
    kioskpack.pack(folder, archive, KIT, ROOT / "dev" / "KIOSK.md")
    return archive


@pytest.fixture
def unpacked(kiosk_zip, tmp_path):
    """Unpacked with the system's unzip tool where there is one (it keeps the modes)."""
    if shutil.which("unzip"):
        subprocess.run(["unzip", "-q", str(kiosk_zip), "-d", str(tmp_path)], check=True)
    else:
        with zipfile.ZipFile(kiosk_zip) as archive:
            archive.extractall(tmp_path)
            for info in archive.infolist():
                (tmp_path / info.filename).chmod((info.external_attr >> 16) & 0o777)
    return tmp_path / "site-kiosk"


def test_the_zip_holds_the_kit_and_a_manifest_of_every_file(kiosk_zip):
    with zipfile.ZipFile(kiosk_zip) as archive:
        names = {info.filename: info for info in archive.infolist()}
        manifest = archive.read("site-kiosk/SHA256SUMS").decode()
    for name in ("index.html", "start-kiosk.sh", "start-kiosk.cmd", "verify.sh", "verify.cmd", "verify.ps1",
                 "KIOSK.md", "SHA256SUMS"):
        assert f"site-kiosk/{name}" in names
    for script in ("start-kiosk.sh", "verify.sh"):
        assert (names[f"site-kiosk/{script}"].external_attr >> 16) & 0o111, f"{script} is not executable"
    listed = {line.split("  ", 1)[1] for line in manifest.splitlines()}
    assert listed == {name.removeprefix("site-kiosk/") for name in names} - {"SHA256SUMS"}


def run_verify(folder):
    return subprocess.run(["sh", str(folder / "verify.sh")], capture_output=True, text=True, timeout=60)


def test_verify_says_intact_then_names_every_damaged_file(unpacked):
    result = run_verify(unpacked)
    assert result.returncode == 0 and result.stdout.startswith("UTUH / INTACT"), result.stdout + result.stderr
    (unpacked / "kelayakan.html").write_text("changed", encoding="utf-8")
    (unpacked / "glosarium.html").unlink()
    (unpacked / "assets" / "extra.js").write_text("alert(1)", encoding="utf-8")
    result = run_verify(unpacked)
    assert result.returncode == 1
    assert result.stdout.startswith("RUSAK / DAMAGED")
    assert "kelayakan.html: FAILED" in result.stdout
    assert "glosarium.html: FAILED" in result.stdout
    assert "assets/extra.js: EXTRA" in result.stdout


def _no_network_prefix() -> list[str]:
    """Run in a new network namespace (loopback only, down) when this machine allows it."""
    if shutil.which("unshare") and subprocess.run(["unshare", "-n", "true"], capture_output=True).returncode == 0:
        return ["unshare", "-n"]
    if shutil.which("unshare") and subprocess.run(["unshare", "-rn", "true"], capture_output=True).returncode == 0:
        return ["unshare", "-rn"]
    pytest.fail("cannot block the network here: unshare -n is not permitted")


def test_the_linux_launcher_shows_the_home_page_with_no_network(unpacked):
    # A short temporary folder, as on a real machine: Chromium's socket path has a length limit
    # (the launcher itself falls back to /tmp when TMPDIR is too long).
    temp = Path(tempfile.mkdtemp(prefix="pk", dir="/tmp"))
    env = dict(os.environ, KIOSK_ONCE="1", KIOSK_BROWSER=CHROMIUM, TMPDIR=str(temp),
               KIOSK_EXTRA_FLAGS="--headless=new --no-sandbox --disable-gpu --dump-dom")
    result = subprocess.run([*_no_network_prefix(), str(unpacked / "start-kiosk.sh")], env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    soup = BeautifulSoup(result.stdout, "html.parser")
    assert soup.title.get_text() == "Penjelasan Kartu Prakerja"
    assert soup.html["lang"] == "id"
    stamp = soup.select_one(".px-kiosk-bar__stamp")
    assert stamp is not None and stamp.select("time")[0]["datetime"] == AS_OF
    # The fresh profile is gone again, and so is the pid file.
    assert not [path.name for path in temp.iterdir() if path.name.startswith("prakerja-kiosk")]
    shutil.rmtree(temp, ignore_errors=True)


def test_the_launchers_lock_the_browser_down():
    linux = (KIT / "start-kiosk.sh").read_text(encoding="utf-8")
    windows = (KIT / "start-kiosk.cmd").read_text(encoding="utf-8")
    for flag in ("--kiosk", "--user-data-dir=", "--noerrdialogs", "--disable-pinch",
                 "--overscroll-history-navigation=0", "--host-resolver-rules="):
        assert flag in linux and flag in windows, flag
    assert "--edge-kiosk-type=fullscreen" in windows and "msedge.exe" in windows
    assert b"\r\n" in (KIT / "start-kiosk.cmd").read_bytes()  # cmd.exe wants CRLF line ends
    assert subprocess.run(["sh", "-n", str(KIT / "start-kiosk.sh")]).returncode == 0


def test_every_kiosk_page_shows_the_data_and_build_dates_in_a_corner(kiosk_site):
    for page in kiosk_site.rglob("*.html"):
        if page.name == "404.html":
            continue
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        stamp = soup.select_one("nav.px-kiosk-bar .px-kiosk-bar__stamp")
        assert stamp is not None, page
        dates = [time["datetime"] for time in stamp.select("time")]
        assert dates[0] == AS_OF and re.fullmatch(r"\d{4}-\d{2}-\d{2}", dates[1]), page
        assert soup.html["lang"] in ("id", "en")


def test_the_linux_launcher_reports_a_browser_that_fails(unpacked):
    """A browser that cannot start is not reported as success (it once was: exit 0, empty page)."""
    env = dict(os.environ, KIOSK_ONCE="1", KIOSK_BROWSER="/bin/false", TMPDIR="/tmp")
    result = subprocess.run([str(unpacked / "start-kiosk.sh")], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
