"""Safe output: a hostile string in any data field stays text in the built site.

One build of a temporary copy of the project in which every text field of every
data file (regulations, data, rules, abbreviations, a page's front-matter title)
carries a payload with a script, an event handler, a ``javascript:`` link and an
attribute list. The built HTML must contain none of them live.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT, mkdocs_build
from peraturan.build import safe

PAYLOAD = ' X<script>alert("px1")</script><img src=x onerror=alert("px2")> [k](javascript:alert("px3")) ' \
          '<a href="javascript:alert(\'px4\')">a</a> *[x]* `y` { onclick=alert("px5") }'
ABBR_PAYLOAD = ' X<script>alert("px1")</script><img src=x onerror=alert("px2")> [k](javascript:alert("px3")) "q" { #x }'
TITLE = "Judul *miring* _x_ | [k] (javascript:alert(1)) !x"
SHORT = " <b onclick=a>"
# keys whose string values are addresses, identifiers or machine values, not text
NOT_TEXT = {"url", "source", "id", "key", "type", "kind", "evidence", "cite", "cites", "basis", "number", "cite_as",
            "aliases", "ref", "target", "by", "value", "question", "from", "to", "start", "end", "read", "date", "unit",
            "label_from", "valid_from", "valid_to", "as_of", "sources", "test", "pass_if", "fail_if", "show_if",
            "rules", "text_from", "period", "at", "icon", "applies", "answers", "placeholder", "min", "max"}
COPY = ("docs", "regulations", "data", "rules", "includes", "hooks", "overrides", "mkdocs.yml")


def _poison(node, key: str | None = None):
    """Append the payload to every text string (not to identifiers and addresses)."""
    if isinstance(node, dict):
        return {k: (v if k in NOT_TEXT else _poison(v, k)) for k, v in node.items()}
    if isinstance(node, list):
        return [_poison(v, key) for v in node]
    if isinstance(node, str) and key is not None and not re.fullmatch(r"[\w.-]+", node):
        return node + PAYLOAD
    return node


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    project = tmp_path_factory.mktemp("hostile")
    for name in COPY:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, project / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, project / name)
    (project / "node_modules").symlink_to(ROOT / "node_modules")
    for folder in ("regulations", "data", "rules"):
        for path in (project / folder).glob("*.yml"):
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)  # noqa: S506
            if path.name == "authority.yml":  # a node's box holds four short lines
                for node in data["nodes"][:1]:  # the first (short) label; longer ones would overflow
                    node["label"]["id"] += SHORT
                nodes = data.pop("nodes")
                data = {**_poison(data), "nodes": nodes}
            else:
                data = _poison(data)
            path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    for path in (project / "includes").glob("abbreviations.*.md"):
        lines = path.read_text(encoding="utf-8").splitlines()
        # abbr titles are attribute values: the payload must stay text inside them
        path.write_text("\n".join(line + ABBR_PAYLOAD if line.startswith("*[") else line for line in lines) + "\n",
                        encoding="utf-8")
    for lang in ("id", "en"):  # a page's title is copied into the regulation pages' "Dikutip di" lists;
        # markup in a title is an error (tests/test_bad_input.py), so only Markdown-active text is tried here
        page = project / "docs" / lang / "kelayakan.md"
        text = page.read_text(encoding="utf-8")
        body = text.split("---", 2)[2] if text.startswith("---") else text
        page.write_text(f"---\ntitle: '{TITLE}'\n---\n" + body, encoding="utf-8")
    site = project / "site"
    result = mkdocs_build(site, project=project, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def test_the_payload_reached_the_pages(hostile_site):
    """Guard against a test that passes because nothing was poisoned."""
    text = (hostile_site / "regulasi" / "perpres-36-2020" / "index.html").read_text(encoding="utf-8")
    assert 'alert("px1")' in BeautifulSoup(text, "html.parser").get_text()


def test_a_page_title_stays_text_in_cited_on_lists(hostile_site):
    soup = BeautifulSoup((hostile_site / "regulasi" / "perpres-36-2020" / "index.html").read_text(encoding="utf-8"),
                         "html.parser")
    links = [a for a in soup.select("a") if a.get_text() == TITLE]
    assert links and all(a.find(True) is None for a in links)


def test_no_script_handler_or_javascript_link_is_live(hostile_site):
    problems = []
    for path in sorted(hostile_site.rglob("*.html")):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        rel = path.relative_to(hostile_site).as_posix()
        for tag in soup.find_all(True):
            for name, value in tag.attrs.items():
                value = " ".join(value) if isinstance(value, list) else str(value)
                if name.lower().startswith("on"):
                    problems.append(f"{rel}: <{tag.name} {name}=…>")
                # The site's own icon is written into each page as a data: image (trim.py);
                # an image or icon cannot run script, so data:image/ is fine there and only there.
                inline_image = tag.name in ("img", "link") and value.startswith("data:image/")
                if name.lower() in ("href", "src", "action", "xlink:href") and not safe.safe_url(value) \
                        and not inline_image:
                    problems.append(f"{rel}: <{tag.name} {name}={value!r}>")
            if tag.name == "script" and "px" in (tag.string or "") and "alert(" in (tag.string or "") \
                    and tag.get("type") not in ("application/json", "application/ld+json"):
                problems.append(f"{rel}: live <script>{tag.string[:40]}")
            if tag.name == "img" and tag.get("src") == "x":
                problems.append(f"{rel}: injected <img>")
    assert problems == []


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("jJavscript:AVS \t\n\x00\x01\u200b/#?.+-h0")), max_size=20))
def test_the_scheme_is_read_as_browsers_read_it(url):
    """Only the text before the first colon is cleaned (a build reads tens of
    thousands of links); the answer is the one cleaning the whole address gives."""
    import unicodedata
    whole = "".join(ch for ch in url if not (ch.isspace() or unicodedata.category(ch) == "Cc"))
    found = re.match(r"^([a-zA-Z][a-zA-Z0-9+.-]*):", whole)
    assert safe.url_scheme(url) == (found.group(1).lower() if found else None)
