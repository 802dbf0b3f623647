"""Words for the site search: how text becomes search terms, in one place.

The build stems the pages here (Python, ``snowballstemmer``) and the browser
stems the reader's query in ``overrides/assets/javascripts/search-worker.js``
with a port of the same Snowball code (``search-stemmers.js``). Both sides
must cut text into the same words and reduce each word to the same stem, or
a query would miss the page that holds its word. The rules, mirrored there:

1. lower case, accents dropped (NFKD without combining marks);
2. a word is a run of ``a-z0-9`` (so ``(PHK),`` is ``phk``);
3. words shorter than two letters are dropped;
4. stop words (per language, ``data/search/<lang>.yml``) are not indexed;
5. protected words keep their form; every other word goes through Snowball's
   Indonesian or English (Porter2) stemmer;
6. word families join stems Snowball keeps apart (Porter2: registration ->
   ``registr``, register -> ``regist``): a stem listed there becomes its family's.

No MkDocs import: ``hooks/search.py`` is the adapter.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import snowballstemmer

WORD_RE = re.compile(r"[a-z0-9]+")
COMBINING_RE = re.compile(r"[\u0300-\u036f]")
STEMMERS = {"id": "indonesian", "en": "english"}


def fold(text: str) -> str:
    """Lower case without accents, as the browser does (``fold`` in search-worker.js)."""
    return COMBINING_RE.sub("", unicodedata.normalize("NFKD", text.lower()))


def words(text: str) -> list[str]:
    """Every word of ``text`` in reading order, folded; one-letter words dropped."""
    return [word for word in WORD_RE.findall(fold(text)) if len(word) > 1]


@lru_cache(maxsize=4)
def _stemmer(lang: str):
    return snowballstemmer.stemmer(STEMMERS[lang])


def snowball(lang: str, word: str) -> str:
    """The bare Snowball stem, without protected words (what the parity test compares)."""
    return _stemmer(lang).stemWord(word)


@dataclass
class Analyzer:
    """One language's word rules: stop words and protected words from its data file."""

    lang: str
    stop: frozenset[str] = frozenset()
    protected: frozenset[str] = frozenset()
    families: dict[str, str] = field(default_factory=dict)  # stem -> the family's stem
    _cache: dict[str, str] = field(default_factory=dict, repr=False)

    def stem(self, word: str) -> str:
        cached = self._cache.get(word)
        if cached is None:
            cached = word if word in self.protected or word.isdigit() else snowball(self.lang, word)
            cached = self.families.get(cached, cached)
            self._cache[word] = cached
        return cached

    def terms(self, text: str) -> list[str]:
        """The stems of ``text`` that the index holds (stop words left out)."""
        return [self.stem(word) for word in words(text) if word not in self.stop]

    def vocabulary(self, texts: Iterable[str]) -> dict[str, str]:
        """Every indexed word of ``texts`` and its stem."""
        vocab: dict[str, str] = {}
        for text in texts:
            for word in words(text):
                if word not in self.stop and word not in vocab:
                    vocab[word] = self.stem(word)
        return vocab
