"""Page parity: every page exists in every language, at the same path.

The site is authoritative in Indonesian and translated into English; a page
that exists in only one language would silently send readers of the other to
the home page, so the build refuses it.
"""

from __future__ import annotations

from collections.abc import Iterable

from .diagnostics import Diagnostic


def missing_counterparts(
    src_paths: Iterable[str], languages: list[str], docs_label: str = "docs"
) -> list[Diagnostic]:
    """Diagnostics for pages missing in some language.

    ``src_paths`` are paths relative to the docs folder, e.g. ``id/kelayakan.md``.
    Only Markdown pages count; assets are shared and need no counterpart.
    """
    by_lang: dict[str, set[str]] = {lang: set() for lang in languages}
    for path in src_paths:
        lang, _, rest = path.partition("/")
        if lang in by_lang and rest.endswith(".md"):
            by_lang[lang].add(rest)
    problems: list[Diagnostic] = []
    for lang in languages:
        for rest in sorted(by_lang[lang]):
            for other in languages:
                if other != lang and rest not in by_lang[other]:
                    problems.append(
                        Diagnostic(
                            f"{docs_label}/{lang}/{rest}",
                            1,
                            1,
                            f"has no counterpart: {docs_label}/{other}/{rest} is missing",
                            f"translate the page and save it as {docs_label}/{other}/{rest}",
                        )
                    )
    return problems
