"""Highlighted titles and snippets for search results, as safe HTML, from match offsets.

A search backend reports where the query's words matched as ``(start, end)`` offsets into
``nfc(text)`` (the fold keeps lengths, so offsets found in folded text are valid in the accented
original). These functions cut that original text, wrap the matched spans in ``<mark>`` and escape
everything else: what the reader sees is the text as written, "Tổ chức" and not "to chuc", whatever
was typed.

Pure functions, no Django: the caller marks the result safe.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from congtin.vietnamese.text import fold, nfc

__all__ = ["SNIPPET_WIDTH", "collapse_spaces", "highlight", "snippet"]

#: Characters of body text a snippet shows, about two lines of a result list.
SNIPPET_WIDTH = 240
ELLIPSIS = "…"
_SPACES_RE = re.compile(r"\s+")  # what ``collapse_spaces`` does, as a pattern (the tests compare them)
# A long body can match thousands of times; the best window is found among the first few hundred.
_MAX_SPANS = 500


def _clean_spans(spans: Sequence[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    """Spans inside the text, sorted, overlapping ones merged; empty and reversed ones dropped."""
    ordered = sorted((max(0, s), min(length, e)) for s, e in spans[: _MAX_SPANS * 4] if e > s)
    merged: list[tuple[int, int]] = []
    for start, end in ordered:
        if start >= end:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged[:_MAX_SPANS]


def _marked(text: str, spans: list[tuple[int, int]], start: int, end: int) -> str:
    """``text[start:end]`` escaped, the spans inside it wrapped in ``<mark>``, runs of spaces as one."""
    parts: list[str] = []
    position = start
    for span_start, span_end in spans:
        if span_end <= start or span_start >= end:
            continue
        span_start, span_end = max(span_start, start), min(span_end, end)
        parts.append(html.escape(text[position:span_start], quote=False))
        parts.append(f"<mark>{html.escape(text[span_start:span_end], quote=False)}</mark>")
        position = span_end
    parts.append(html.escape(text[position:end], quote=False))
    return collapse_spaces("".join(parts))


def collapse_spaces(text: str) -> str:
    """``text`` with every run of white space as one space: ``re.sub(r"\\s+", " ", text)``, in C.

    ``\\s`` and ``str.split()`` agree on what white space is (``str.isspace``), checked in the tests.
    """
    parts = text.split()
    if not parts:
        return " " if text else ""
    return (" " if text[0].isspace() else "") + " ".join(parts) + (" " if text[-1].isspace() else "")


def highlight(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """The whole of ``nfc(text)`` as HTML, the spans wrapped in ``<mark>`` (for titles)."""
    text = nfc(text)
    return _marked(text, _clean_spans(spans, len(text)), 0, len(text)).strip()


def _best_window(text: str, spans: list[tuple[int, int]], width: int) -> int:
    """Where a window of ``width`` characters should start to hold the most different matched words.

    Ties go to the earliest window; the window starts a little before its first match, so the
    reader sees the words leading into it.
    """
    words = [fold(text[s:e]) for s, e in spans]
    best_start, best_key = 0, (-1, -1)
    right = 0
    counts: dict[str, int] = {}
    for left, (span_start, _span_end) in enumerate(spans):
        while right < len(spans) and spans[right][1] <= span_start + width:
            counts[words[right]] = counts.get(words[right], 0) + 1
            right += 1
        key = (len(counts), right - left)
        if key > best_key:
            best_key, best_start = key, span_start
        if right > left:
            counts[words[left]] -= 1
            if not counts[words[left]]:
                del counts[words[left]]
        else:
            right = left + 1
    lead = min(width // 5, best_start)
    return best_start - lead


def _to_word_boundary(text: str, index: int, *, forward: bool) -> int:
    """Move ``index`` to the nearest space so a snippet never cuts a word (within 20 characters)."""
    if index <= 0 or index >= len(text) or text[index - 1].isspace() or text[index].isspace():
        return index
    step = 1 if forward else -1
    probe = index
    for _ in range(20):
        probe += step
        if probe <= 0 or probe >= len(text):
            return max(0, min(probe, len(text)))
        if text[probe].isspace():
            return probe
    return index


def snippet(text: str, spans: Sequence[tuple[int, int]], *, width: int = SNIPPET_WIDTH) -> str:
    """About ``width`` characters of ``nfc(text)`` around its best match, as HTML.

    The window holding the most different matched words is chosen (its first match near the start),
    widened to whole words, and marked "…" where it cuts the text; without spans the text's start
    is shown. Spans are offsets into ``nfc(text)``, as ``SearchHit.body_matches`` gives them.
    """
    text = nfc(text)
    if not text.strip():
        return ""
    width = max(width, 20)
    clean = _clean_spans(spans, len(text))
    if len(text) <= width:
        start, end = 0, len(text)
    else:
        start = _best_window(text, clean, width) if clean else 0
        start = max(0, min(start, len(text) - width))
        end = start + width
        if start:
            start = _to_word_boundary(text, start, forward=True)
        end = _to_word_boundary(text, end, forward=False)
        if end <= start:
            end = min(len(text), start + width)
    body = _marked(text, clean, start, end).strip()
    prefix = ELLIPSIS + " " if start > 0 and text[:start].strip() else ""
    suffix = " " + ELLIPSIS if end < len(text) and text[end:].strip() else ""
    return f"{prefix}{body}{suffix}"
