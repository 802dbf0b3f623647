"""The shared template cache: each language build reuses compiled templates,
and an edited template is never served from the cache (mkdocs serve)."""

from __future__ import annotations

from jinja2 import DictLoader, Environment

from sitekit import templatecache
from sitekit.templatecache import SharedTemplateCache


def _env(sources: dict[str, str]) -> Environment:
    env = Environment(loader=DictLoader(sources))
    env.bytecode_cache = SharedTemplateCache()
    return env


def test_a_second_environment_reuses_the_compiled_template(monkeypatch):
    SharedTemplateCache().clear()
    sources = {"page.html": "Halo {{ name }}"}
    assert _env(sources).get_template("page.html").render(name="id") == "Halo id"
    second = _env(sources)
    compiled: list[str] = []
    real_compile = second.compile
    monkeypatch.setattr(second, "compile", lambda *a, **k: compiled.append("x") or real_compile(*a, **k))
    assert second.get_template("page.html").render(name="en") == "Halo en"
    assert compiled == [], "the second language build compiled the template again"


def test_an_edited_template_is_compiled_afresh():
    SharedTemplateCache().clear()
    sources = {"page.html": "lama {{ x }}"}
    assert _env(sources).get_template("page.html").render(x=1) == "lama 1"
    sources["page.html"] = "baru {{ x }}"
    assert _env(sources).get_template("page.html").render(x=1) == "baru 1"
    assert len(templatecache._compiled) == 1  # one entry per template name, replaced
