"""Every class of bad input stops with ``path:line`` and a message, never a traceback.

Table-driven and fast: each case edits one file of a temporary copy of the real
data and calls the plain loader (no MkDocs). ``dev/ERRORS.md`` lists the classes;
its table names the test that covers each one (this file's ids are the class names).
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from conftest import ROOT
from peraturan.build import siteconfig
from peraturan.build.diagnostics import EngineError
from peraturan.checker.loader import load_rules
from peraturan.explainer import data as site_data
from peraturan.legal.corpus import check_corpus
from peraturan.legal.loader import load_registry

AS_OF = dt.date(2026, 11, 23)
REG = "regulations/perpres-36-2020.yml"
RULES = "rules/eligibility.yml"


@pytest.fixture(scope="module")
def registry():
    return load_registry(ROOT / "regulations", "regulations")


def _copy(tmp_path: Path) -> Path:
    for name in ("regulations", "data", "rules", "includes"):
        shutil.copytree(ROOT / name, tmp_path / name)
    return tmp_path


def _edit(root: Path, name: str, old: str | bytes, new: str | bytes, count: int = 1) -> int:
    """Replace text in a copied file; return the 1-based line where the edit starts."""
    path = root / name
    data = path.read_bytes()
    if old == "NOTES":  # the whole notes block of a registry file
        match = re.search(rb"\nnotes:\n(?:[ ]+.*\n)*", data)
        assert match
        path.write_bytes(data[: match.start()] + new.encode() + data[match.end():])
        return data[: match.start()].count(b"\n") + 2
    old_b = old.encode() if isinstance(old, str) else old
    new_b = new.encode() if isinstance(new, str) else new
    assert old_b in data, f"{name}: {old!r} not found"
    line = data[: data.index(old_b)].count(b"\n") + 1
    path.write_bytes(data.replace(old_b, new_b, count))
    return line


def _errors(call) -> list[str]:
    """The diagnostics a loader raises; any other exception fails the test (a traceback)."""
    with pytest.raises(EngineError) as caught:
        call()
    return [d.format() for d in caught.value.diagnostics]


def _load(kind: str, root: Path, registry):
    if kind == "registry":
        return lambda: load_registry(root / "regulations", "regulations")
    if kind == "rules":
        return lambda: load_rules(root / RULES, registry, AS_OF, RULES)
    if kind == "data":
        return lambda: site_data.load(root, registry, AS_OF)
    raise AssertionError(kind)


# (class, loader, file, old, new, expected message part); the expected line is where `old` starts
# (offset given by a trailing "+N" on the class when the reported key is N lines below).
CASES = [
    ("registry-not-utf8", "registry", REG, "Pengembangan", b"Pengemb\xe9ngan", "is not UTF-8 text"),
    ("registry-control-char", "registry", REG, "Pengembangan", "Peng\x01embangan", "<U+0001> is not allowed"),
    ("registry-tab-indent", "registry", REG, "\ntype: perpres", "\n\ttype: perpres", "invalid YAML"),
    ("registry-duplicate-key", "registry", REG, "\ngazette:", "\ntype: perpres\ngazette:", "duplicate key 'type'"),
    ("registry-notes-not-list", "registry", REG, "NOTES", "\nnotes: 5\n", "notes"),
    ("registry-source-javascript", "registry", REG, "url: https://jdih.setkab.go.id",
     "url: javascript:alert(1)//jdih.setkab.go.id", "must start with https:// or http://"),
    ("registry-source-invisible", "registry", REG, "url: https://jdih.setkab.go.id",
     "url: https://jdih\u200b.setkab.go.id", "<U+200B>"),
    ("registry-cite-as-markup", "registry", REG, "cite_as: Perpres 36/2020", "cite_as: Perpres <b>36</b>/2020",
     "cite_as 'Perpres <b>36</b>/2020' may hold only"),
    ("registry-cite-as-invisible", "registry", REG, "cite_as: Perpres 36/2020", "cite_as: Perpres\u200b 36/2020",
     "<U+200B>"),
    ("registry-impossible-date", "registry", REG, "ditetapkan: 2020-02-26", "ditetapkan: 2020-02-30",
     "ditetapkan"),
    ("registry-year-text", "registry", REG, "year: 2020", "year: duaribu", "year must be a four-digit number"),
    ("registry-unknown-type", "registry", REG, "type: perpres", "type: perppu", "type must be one of"),
    ("registry-title-list", "registry", REG, "title:\n  id: Pengembangan", "title:\n  id: [Pengembangan",
     "invalid YAML"),
    ("registry-version-source-javascript", "registry", REG,
     "source: https://", "source: javascript:alert(1)//", "source"),
    ("registry-relation-via-list", "registry", "regulations/perpres-76-2020.yml", "via: Pasal I",
     "via: [Pasal, I]", "via must be text"),
    ("registry-unknown-key", "registry", REG, "\ngazette:", "\ngazzette: x\ngazette:", "gazzette"),
    ("registry-evidence-unknown", "registry", REG, "  evidence: official-text", "  evidence: official", "evidence"),
    ("registry-item-text-list", "registry", REG, "id: mengembangkan kompetensi angkatan kerja; dan",
     "id: [mengembangkan, kompetensi]", "'id' must be"),
    ("registry-self-relation", "registry", "regulations/perpres-76-2020.yml", "target: perpres-36-2020",
     "target: perpres-76-2020", "'perpres-76-2020' amends itself"),
    ("registry-amendment-cycle", "registry", REG, "relations: []",
     "relations:\n  - {type: amends, target: perpres-76-2020, evidence: reported}", "amends cycle: perpres-36-2020"),
    ("registry-relation-source-javascript", "registry", "regulations/perpres-76-2020.yml",
     "source: https://edocs", "source: javascript:alert(1)//edocs", "source"),
    ("rules-not-utf8", "rules", RULES, "Mulai pemeriksaan", b"Mulai pemeriks\xe4an", "is not UTF-8 text"),
    ("rules-control-char", "rules", RULES, "Mulai pemeriksaan", "Mulai\x07 pemeriksaan", "<U+0007>"),
    ("rules-question-list", "rules", RULES, "question: kewarganegaraan", "question: [kewarganegaraan]",
     "question"),
    ("rules-unknown-question", "rules", RULES, "question: kewarganegaraan", "question: kewarganegaran",
     "kewarganegaran"),
    ("rules-pass-if-unknown-option", "rules", RULES, "pass_if: [ya]", "pass_if: [iya]", "iya"),
    ("rules-bad-citation", "rules", RULES, "Perpres 36/2020 Pasal 3 ayat (4) huruf a]]",
     "Perpres 36/2020 Pasal 99]]", "Pasal 99"),
    ("rules-duplicate-key", "rules", RULES, "    type: syarat\n", "    type: syarat\n    type: syarat\n",
     "duplicate key 'type'"),
    ("amounts-negative", "data", "data/amounts.yml", "training: 1000000", "training: -1000000",
     "parts.training: must be a positive whole number"),
    ("amounts-text", "data", "data/amounts.yml", "training: 1000000", "training: sejuta", "training"),
    ("amounts-unknown-source", "data", "data/amounts.yml", "sources: [setkab-2020-manfaat",
     "sources: [setkab-2020-manfaatx", "setkab-2020-manfaatx"),
    ("amounts-control-char", "data", "data/amounts.yml", "Bantuan pelatihan", "Bantuan\x0b pelatihan",
     "<U+000B>"),
    ("limits-value-text", "data", "data/limits.yml", "value: 18", "value: delapan belas", "value"),
    ("limits-unknown-unit", "data", "data/limits.yml", "unit: years", "unit: decades", "unit"),
    ("limits-bad-cite", "data", "data/limits.yml", "cite: Perpres 36/2020 Pasal 3 ayat (4) huruf b\n",
     "cite: Perpres 36/2020 Pasal 3 ayat (4) huruf z\n", "huruf z"),
    ("authority-from-list", "data", "data/authority.yml", "  - from: komite\n    to: kl",
     "  - from: [komite]\n    to: kl", "from"),
    ("authority-unknown-node", "data", "data/authority.yml", "  - from: komite\n    to: kl",
     "  - from: komitee\n    to: kl", "komitee"),
    ("authority-self-edge", "data", "data/authority.yml", "  - from: komite\n    to: kl",
     "  - from: kl\n    to: kl", "two different nodes"),
    ("authority-not-utf8", "data", "data/authority.yml", "Peta kewenangan", b"Peta kewenang\xe2n", "is not UTF-8"),
    ("bibliography-url-javascript", "data", "data/bibliography.yml", "url: https://",
     "url: javascript:alert(1)//", "url"),
    ("bibliography-unknown-kind", "data", "data/bibliography.yml", "    kind: study", "    kind: studdy",
     "kind must be one of"),
]


@pytest.mark.parametrize(("name", "kind", "file", "old", "new", "expected"), CASES, ids=[c[0] for c in CASES])
def test_bad_input_is_a_located_error(tmp_path, registry, name, kind, file, old, new, expected):
    root = _copy(tmp_path)
    line = _edit(root, file, old, new)
    if isinstance(old, str) and old.startswith("\n"):
        line += 1
    found = _errors(_load(kind, root, registry))
    matching = [e for e in found if expected in e]
    assert matching, found
    located = re.match(r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): ", matching[0])
    assert located, matching[0]
    assert located["path"] == file
    assert abs(int(located["line"]) - line) <= 3, (line, matching[0])


FIXTURES = Path(__file__).parent / "fixtures" / "regulations"

# (class, page text, expected message part, expected line)
PAGE_CASES = [
    ("page-front-matter-yaml", "---\ntitle: Judul\nhide: [toc\n---\n# J\n", "invalid front matter YAML", 4),
    ("page-front-matter-unclosed", "---\ntitle: Judul\n# J\n", "never closes", 1),
    ("page-front-matter-not-mapping", "---\n- a\n- b\n---\n# J\n", "must be 'key: value' lines", 2),
    ("page-front-matter-control-char", "---\ntitle: Ju\x01dul\n---\n# J\n", "<U+0001>", 2),
    ("page-title-html", "---\ntitle: Judul <script>x</script>\n---\n# J\n", "must be plain text", 2),
    ("page-title-link", "---\ntitle: '[k](javascript:x)'\n---\n# J\n", "must be plain text", 2),
    ("page-title-citation", "---\ntitle: Judul [[Perpres 1/2090 Pasal 3]]\n---\n# J\n", "a citation in the title",
     2),
    ("page-title-invisible", "---\ntitle: Judul\u200b\n---\n# J\n", "<U+200B>", 2),
    ("page-title-not-text", "---\ntitle: [a, b]\n---\n# J\n", "title must be text", 2),
    ("page-citation-invisible", "# J\n\nLihat [[Perpres\u200b 1/2090 Pasal 3]].\n", "Perpres<U+200B> 1/2090", 3),
    ("page-not-utf8", b"# Judul\n\nCaf\xe9\n", "is not UTF-8 text", 3),
]


@pytest.fixture(scope="module")
def fixture_registry():
    return load_registry(FIXTURES, "tests/fixtures/regulations")


@pytest.mark.parametrize(("name", "text", "expected", "line"), PAGE_CASES, ids=[c[0] for c in PAGE_CASES])
def test_bad_page_is_a_located_error(tmp_path, fixture_registry, name, text, expected, line):
    for lang in ("id", "en"):
        (tmp_path / lang).mkdir()
        path = tmp_path / lang / "halaman.md"
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
    corpus = check_corpus(tmp_path, ["id", "en"], fixture_registry, dt.date(2092, 1, 1))
    found = [d.format() for d in corpus.diagnostics if d.path == "docs/id/halaman.md"]
    matching = [e for e in found if expected in e]
    assert matching, found
    assert matching[0].startswith(f"docs/id/halaman.md:{line}:"), matching[0]


CONFIG = """site_name: X
site_url: !ENV [SITE_URL, "http://127.0.0.1:8000/"]
extra:
  as_of: "2026-11-23"
  kiosk: false
nav:
  - Beranda: index.md
  - Halaman: halaman.md
"""

# (class, old, new, expected message part, expected line)
CONFIG_CASES = [
    ("config-duplicate-extra-key", "  kiosk: false\n", "  kiosk: false\n  kiosk: true\n", "duplicate key 'kiosk'", 6),
    ("config-as-of-twice", "  kiosk: false\n", "  kiosk: false\n  as_of: \"2026-11-24\"\n",
     "duplicate key 'as_of'", 6),
    ("config-as-of-impossible", '"2026-11-23"', '"2026-02-30"', "extra.as_of must be a real date", 4),
    ("config-as-of-not-a-date", '"2026-11-23"', "kemarin", "extra.as_of must be a real date", 4),
    ("config-nav-missing-page", "  - Halaman: halaman.md\n", "  - Halaman: halaman.md\n  - Hilang: hilang.md\n",
     "nav entry 'hilang.md' has no page docs/id/hilang.md", 9),
    ("config-page-not-in-nav", "  - Halaman: halaman.md\n", "", "page docs/id/halaman.md is not in nav:", 7),
    ("config-yaml-error", "extra:\n", "extra:\n   bad: [\n", "invalid YAML", 6),
    # the site's profile (extra.peraturan, peraturan/build/profile.py)
    ("profile-unknown-setting", "  kiosk: false\n", "  kiosk: false\n  peraturan:\n    regulation_folder: x\n",
     "extra.peraturan: unknown setting 'regulation_folder'", 7),
    ("profile-not-a-mapping", "  kiosk: false\n", "  kiosk: false\n  peraturan: regulasi\n",
     "extra.peraturan must be a mapping", 6),
    ("profile-bad-folder", "  kiosk: false\n", "  kiosk: false\n  peraturan:\n    regulations_folder: Per/aturan\n",
     "extra.peraturan.regulations_folder must be one folder name", 7),
    ("profile-bad-checker-global", "  kiosk: false\n",
     "  kiosk: false\n  peraturan:\n    checker_global: my-checker\n",
     "extra.peraturan.checker_global must be a JavaScript name", 7),
    ("profile-reserved-checker-global", "  kiosk: false\n",
     "  kiosk: false\n  peraturan:\n    checker_global: window\n",
     "extra.peraturan.checker_global must be a JavaScript name", 7),
    ("profile-types-not-mapping", "  kiosk: false\n",
     "  kiosk: false\n  peraturan:\n    instrument_types: [pp, uu]\n",
     "extra.peraturan.instrument_types must be a mapping", 7),
    ("profile-bad-type-key", "  kiosk: false\n",
     "  kiosk: false\n  peraturan:\n    instrument_types:\n      PP: {id: Peraturan Pemerintah, en: Government Regulation}\n",
     "extra.peraturan.instrument_types.PP: a type key is lower-case", 8),
    ("profile-type-without-english", "  kiosk: false\n",
     "  kiosk: false\n  peraturan:\n    instrument_types:\n      pp: {id: Peraturan Pemerintah}\n",
     "extra.peraturan.instrument_types.pp must give the type's name as {id: ..., en: ...}", 8),
]


@pytest.mark.parametrize(("name", "old", "new", "expected", "line"), CONFIG_CASES, ids=[c[0] for c in CONFIG_CASES])
def test_bad_config_is_a_located_error(tmp_path, name, old, new, expected, line):
    for lang in ("id", "en"):
        (tmp_path / "docs" / lang).mkdir(parents=True)
        for page in ("index.md", "halaman.md"):
            (tmp_path / "docs" / lang / page).write_text("# J\n", encoding="utf-8")
    assert old in CONFIG
    (tmp_path / "mkdocs.yml").write_text(CONFIG.replace(old, new, 1), encoding="utf-8")
    found = [d.format() for d in siteconfig.check_files(tmp_path / "mkdocs.yml", tmp_path / "docs", ["id", "en"],
                                                        "regulasi")]
    matching = [e for e in found if expected in e]
    assert matching, found
    assert matching[0].startswith(f"mkdocs.yml:{line}:"), matching[0]


def test_a_good_config_passes(tmp_path):
    for lang in ("id", "en"):
        (tmp_path / "docs" / lang).mkdir(parents=True)
        for page in ("index.md", "halaman.md"):
            (tmp_path / "docs" / lang / page).write_text("# J\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    assert siteconfig.check_files(tmp_path / "mkdocs.yml", tmp_path / "docs", ["id", "en"], "regulasi") == []


def test_every_class_is_in_the_table():
    table = (ROOT / "dev" / "ERRORS.md").read_text(encoding="utf-8")
    missing = [case[0] for case in (*CASES, *PAGE_CASES, *CONFIG_CASES) if f"[{case[0]}]" not in table]
    assert missing == [], "add these classes to dev/ERRORS.md"
