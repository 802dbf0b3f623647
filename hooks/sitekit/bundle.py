"""Material's JavaScript bundle in a built site, and guarded edits to it.

Why: three steps patch Material's minified bundle (per-language search index,
search loaded on first use, the stay-on-page call) and one joins our scripts
after it. Each edit must change exactly one known piece of text, so that a
Material upgrade that moves the text stops the build instead of shipping a
half-patched bundle. Each caller passes its own error type and its own file,
which the message names as the place to re-check.
"""

from __future__ import annotations

from pathlib import Path

JS_DIR = "assets/javascripts"


def material_bundle(site: Path, error: type[Exception]) -> Path:
    """The one ``bundle.*.min.js`` of a built site."""
    bundles = sorted(site.glob(f"{JS_DIR}/bundle.*.min.js"))
    if len(bundles) != 1:
        raise error(f"expected one Material bundle in {site}/{JS_DIR}, found {len(bundles)}")
    return bundles[0]


def replace_once(text: str, old: str, new: str, where: Path, owner: str, error: type[Exception]) -> str:
    """``text`` with its one ``old`` replaced; ``owner``: the file to re-check after an upgrade."""
    if text.count(old) != 1:
        raise error(f"{where}: expected exactly one {old[:60]!r} in Material's bundle, found {text.count(old)}; "
                    f"re-check {owner} after a Material upgrade")
    return text.replace(old, new)


def patch(site: Path, done: str, required: tuple[str, ...], edits: tuple[tuple[str, str], ...], owner: str,
          error: type[Exception]) -> bool:
    """Apply ``edits`` (old, new) to Material's bundle, each exactly once, after checking
    that it still holds every ``required`` definition. A bundle that already holds
    ``done`` (a rebuild that kept the file) is left alone: returns False."""
    bundle = material_bundle(site, error)
    text = bundle.read_text(encoding="utf-8")
    if done in text:
        return False
    for definition in required:
        if definition not in text:
            raise error(f"{bundle}: Material's bundle no longer defines {definition[:50]!r}; "
                        f"re-check {owner} after a Material upgrade")
    for old, new in edits:
        text = replace_once(text, old, new, bundle, owner, error)
    bundle.write_text(text, encoding="utf-8")
    return True
