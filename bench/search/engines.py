"""The engine interface and the in-memory baselines.

An engine indexes ``(id, title, body)`` triples once and answers queries with ids, best first.
The project's own backends plug in through :func:`project_engines`.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterable
from typing import Protocol, runtime_checkable

import numpy as np

from congtin.vietnamese import fold, nfc

SYLLABLE = re.compile(r"\w+")


@runtime_checkable
class Engine(Protocol):
    name: str

    def index(self, docs: Iterable[tuple[str, str, str]]) -> None:
        """Index ``(id, title, body)`` triples, replacing whatever was indexed before."""

    def search(self, query: str, k: int = 10) -> list[str]:
        """Ids of the ``k`` best documents for ``query``, best first."""


def accented_syllables(text: str) -> list[str]:
    """Lower-cased NFC syllables; "/" and "-" separate, so 09/2017/NĐ-CP gives 09, 2017, nđ, cp."""
    return SYLLABLE.findall(nfc(text).lower())


class _FoldTable(dict[int, str]):
    """``fold`` one character at a time, memoised, for ``str.translate``.

    ``fold`` maps each character of the NFC text on its own, so translating ``nfc(text)`` with this
    table gives exactly ``fold(text)``, several times faster (it matters at a million documents).
    """

    def __missing__(self, code: int) -> str:
        self[code] = folded = fold(chr(code))
        return folded


_FOLD = _FoldTable()


def folded_syllables(text: str) -> list[str]:
    """Syllables without tone or vowel marks (đ → d), as users type them."""
    return SYLLABLE.findall(nfc(text).translate(_FOLD))


class Bm25Engine:
    """Plain BM25 (``bm25s``, Lucene scoring, k1 = 1.5, b = 0.75) over title + body, one field.

    No phrase or proximity scoring and no title boost: this is the floor any real backend must beat.
    """

    def __init__(self, name: str, tokenize: Callable[[str], list[str]]) -> None:
        self.name = name
        self.tokenize = tokenize
        self.ids: list[str] = []
        self.vocab: dict[str, int] = {}
        self.retriever = None

    def index(self, docs: Iterable[tuple[str, str, str]]) -> None:
        import bm25s

        vocab: dict[str, int] = {"": 0}
        ids: list[str] = []
        corpus: list[list[int]] = []
        for doc_id, title, body in docs:
            ids.append(doc_id)
            corpus.append([vocab.setdefault(t, len(vocab)) for t in self.tokenize(f"{title}\n{body}")])
        retriever = bm25s.BM25()
        retriever.index(bm25s.tokenization.Tokenized(ids=corpus, vocab=vocab), show_progress=False)
        self.ids, self.vocab, self.retriever = ids, vocab, retriever

    def search(self, query: str, k: int = 10) -> list[str]:
        known = [t for t in self.tokenize(query) if t in self.vocab]
        if not known or self.retriever is None:
            return []
        scores = self.retriever.get_scores(known)
        k = min(k, len(scores))
        top = np.argpartition(-scores, k - 1)[:k]
        top = top[np.argsort(-scores[top], kind="stable")]
        return [self.ids[i] for i in top if scores[i] > 0]

    def size_bytes(self) -> int:
        """Bytes of the score matrix (CSC data, indices, pointers); the vocabulary dict is not counted."""
        if self.retriever is None:
            return 0
        return sum(a.nbytes for a in self.retriever.scores.values() if isinstance(a, np.ndarray))


def baseline_engines() -> list[Engine]:
    return [
        Bm25Engine("bm25s, accented syllables", accented_syllables),
        Bm25Engine("bm25s, folded syllables", folded_syllables),
    ]


def project_engines() -> tuple[list[Engine], str]:
    """In-process project engines: ``congtin.search.bench_engines()``, when it exists.

    Backends that need Django (``congtin.search.backends.get_backend()``) run in a child process
    instead, see :mod:`bench.search.django_engines`.  Anything that does not satisfy :class:`Engine`
    is ignored.  Returns the engines and a line saying what was found.
    """
    try:
        factory = getattr(importlib.import_module("congtin.search"), "bench_engines", None)
    except Exception:
        return [], ""
    if factory is None:
        return [], ""
    try:
        made = factory()
    except Exception as exc:
        return [], f"congtin.search.bench_engines() failed ({exc!r}); left out."
    engines = [e for e in made if isinstance(e, Engine)]
    return engines, f"in-process project engines: {', '.join(e.name for e in engines) or 'none'}."
