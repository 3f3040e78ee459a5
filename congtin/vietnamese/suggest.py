""" "Có phải bạn muốn tìm": the accented form of a query typed without (or with wrong) tone marks.

No dictionary: the accented spelling is read from the text that matched. The search index is
accent-insensitive, so "to chuc nha nuoc" finds "Tổ chức nhà nước"; the matched text then tells how
those syllables are written. Whole-query occurrences win (the four syllables in a row, written the
same way, is the strongest evidence); otherwise each syllable takes its most frequent spelling.

A syllable typed with marks is kept unless that spelling never occurs in the matched text while
another one does (a tone typo, "tổ chưc"); a syllable typed without marks takes the corpus's form.
Pure Python, no Django.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

from congtin.vietnamese.text import fold, nfc
from congtin.vietnamese.tokens import KIND_WORD, Token, tokenize, word_forms

__all__ = ["accented_suggestion", "match_windows"]


def match_windows(
    text: str, spans: Sequence[tuple[int, int]], *, radius: int = 60, limit: int = 20
) -> list[str]:
    """Slices of ``nfc(text)`` around its first ``limit`` matches: what a suggestion needs to read.

    A decree's full text can run to 100 kB; the spelling of the matched words is right next to them.
    """
    text = nfc(text)
    return [text[max(0, s - radius) : e + radius] for s, e in list(spans)[:limit]]


# The search-box chunks of ``congtin.vietnamese.query``: a quoted phrase or a run of non-spaces.
_CHUNK_RE = re.compile(r'-?"[^"]*"?|[^\s"]+')


def _searched_words(query: str) -> list[Token]:
    """The query's syllables that are searched for: not excluded (``-word``), not a prefix (``word*``)."""
    words: list[Token] = []
    for chunk in _CHUNK_RE.finditer(query):
        if chunk.group().startswith("-"):
            continue
        tokens = [t for t in tokenize(chunk.group()) if t.kind == KIND_WORD]
        if chunk.group().endswith("*") and tokens and tokens[-1].end == len(chunk.group()) - 1:
            tokens = tokens[:-1]
        offset = chunk.start()
        words += [
            Token(t.text, t.folded, t.exact, t.start + offset, t.end + offset, t.position, t.kind)
            for t in tokens
        ]
    return words


def _has_marks(word: str) -> bool:
    return fold(word) != word.lower()


def _with_case_of(typed: str, form: str) -> str:
    if len(typed) > 1 and typed.isupper():
        return form.upper()
    if typed[:1].isupper():
        return form[:1].upper() + form[1:]
    return form


def _spellings(
    words: list[Token], texts: Iterable[str]
) -> tuple[Counter[tuple[str, ...]], dict[str, Counter[str]]]:
    """Counts of the whole query's spellings (consecutive syllables) and of each syllable's.

    Spellings are ``accent_key``s: lower case, one tone placement, so "hoà" and "hòa" are one.
    """
    target = [w.folded for w in words]
    wanted = set(target)
    whole: Counter[tuple[str, ...]] = Counter()
    each: dict[str, Counter[str]] = {folded: Counter() for folded in wanted}
    size = len(target)
    for text in texts:
        # ``tokenize``'s tokens without their offsets: only the spellings are counted.
        tokens = [
            (folded, exact)
            for folded, exact, kind in word_forms(text)
            if kind == KIND_WORD or folded in wanted
        ]
        folded_only = [folded for folded, _ in tokens]
        for index, (folded, exact) in enumerate(tokens):
            if folded not in wanted:
                continue
            each[folded][exact] += 1
            if folded_only[index : index + size] == target:
                whole[tuple(e for _, e in tokens[index : index + size])] += 1
    return whole, each


def accented_suggestion(query: str, texts: Iterable[str]) -> str | None:
    """``query`` with each syllable in the spelling the texts use, or None when nothing changes.

    Only the syllables change: quotes, ``-`` and ``*`` stay where the reader typed them, and so does
    the case of each syllable ("To chuc" → "Tổ chức").
    """
    query = nfc(query)
    words = _searched_words(query)
    if not words:
        return None
    whole, each = _spellings(words, texts)
    if whole:
        best_whole = max(whole.items(), key=lambda item: (item[1], item[0]))[0]
        forms = list(best_whole)
    else:
        forms = []
        for word in words:
            counts = each.get(word.folded)
            forms.append(max(counts.items(), key=lambda item: (item[1], item[0]))[0] if counts else "")
    changed = False
    pieces: list[str] = []
    position = 0
    for word, form in zip(words, forms, strict=True):
        typed = word.text
        keep = not form or form == word.exact
        if not keep and _has_marks(typed):
            # A marked syllable is the reader's choice unless the texts never spell it that way.
            keep = each.get(word.folded, Counter()).get(word.exact, 0) > 0
        pieces.append(query[position : word.start])
        pieces.append(typed if keep else _with_case_of(typed, form))
        changed = changed or not keep
        position = word.end
    pieces.append(query[position:])
    return "".join(pieces) if changed else None
