"""The one citation path: a citation body becomes a resolved citation or a located diagnostic.

Pages (the corpus check and the Markdown extension), generated blocks, data files, the
eligibility rules and the glossary all come here; nothing else parses or resolves a
citation. Each (body, day) is parsed and resolved once per registry: the cache lives on
the ``Registry`` (``Registry.citations``), so every caller of a build shares it and a
reloaded registry starts afresh. A failure is never swallowed: ``cite`` returns it as a
``Diagnostic`` at the place the caller names, its column moved to the part of the body
the error is about.
"""

from __future__ import annotations

import datetime as dt

from ..build.diagnostics import Diagnostic
from .citation import Citation, CitationError, CitationSyntaxError, parse
from .model import Registry
from .resolver import ResolvedCitation, resolve


def grammar(body: str, registry: Registry) -> Citation | CitationSyntaxError:
    """The parsed citation (what it names, its spans and pin), or why it does not parse."""
    parsed = registry.citations.parsed
    if body not in parsed:
        try:
            parsed[body] = parse(body)
        except CitationSyntaxError as error:
            parsed[body] = error
    return parsed[body]


def lookup(body: str, registry: Registry, day: dt.date) -> ResolvedCitation | CitationError:
    """The citation resolved on ``day`` (its pin, if it has one), or the error that stops it."""
    citation = grammar(body, registry)
    if isinstance(citation, CitationError):
        return citation
    cache = registry.citations
    key = (body, citation.pin or day)
    if key in cache.entries:
        cache.hits += 1
        return cache.entries[key]
    cache.misses += 1
    try:
        outcome: ResolvedCitation | CitationError = resolve(citation, registry, day)
    except CitationError as error:
        outcome = error
    cache.entries[key] = outcome
    return outcome


def diagnostic(error: CitationError, body: str, where: tuple[str, int, int]) -> Diagnostic:
    """The error as a diagnostic; ``where`` is (file, line, column of the body's first character)."""
    label, line, col = where
    kind = "malformed citation" if isinstance(error, CitationSyntaxError) else "unresolved citation"
    return Diagnostic(label, line, col + error.offset, f"{kind} [[{body}]]: {error.message}", error.suggestion)


def cite(body: str, registry: Registry, day: dt.date,
         where: tuple[str, int, int] = ("", 0, 0)) -> ResolvedCitation | Diagnostic:
    """The one entry point: ``body`` (the text between ``[[ ]]``) resolved on ``day``, or a
    diagnostic located at ``where`` (file, line, column of the body's first character)."""
    outcome = lookup(body, registry, day)
    return diagnostic(outcome, body, where) if isinstance(outcome, CitationError) else outcome
