"""Where citations sit in stored content, and how links are spliced around them.

Citations are found once, when content is published or saved (``services.citations_index``), and
stored with offsets into the exact text they were found in: a rich-text block's stored HTML, a list
item, a plain text field. Rendering only splices links in at those offsets, and only when the text
still hashes to what was indexed, so a public request never runs the finder.

A *passage* is one such text, named by its *location* inside its source:

* ``summary``, ``full_text`` -- a plain text field;
* ``body/<block id>`` -- a rich-text block of a StreamField (HTML);
* ``body/<block id>/items/3``, ``body/<block id>/text`` -- plain prose inside a struct block: a
  ``TextBlock`` child, or an item of a ``ListBlock`` child. A lone ``CharBlock`` (a heading, a caption,
  an attribution) is a label, not prose, and is left alone.

In HTML, text is read between the tags with entities decoded. A citation is linked only where its
words run uninterrupted in the source: not inside an existing ``<a>``, not across a tag (a symbol
half in bold) and never inside an attribute, which the reading never sees. Such a citation is still
indexed, so it counts among an article's related documents; it just gets no link of its own.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from congtin.vietnamese.citations import Citation, find_citations

Kind = Literal["html", "text"]

# Tags after which a new paragraph starts: their text must not run into the next one's.
_BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "table",
        "thead",
        "tbody",
        "tr",
        "td",
        "th",
        "hr",
        "figure",
        "figcaption",
    ]
)
_TOKEN_RE = re.compile(
    r"<!--.*?-->|<(?P<close>/?)(?P<tag>[a-zA-Z][a-zA-Z0-9]*)\b[^>]*>"
    r"|&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});",
    re.DOTALL,
)
_BREAK = "\n\n"


def source_hash(source: str) -> str:
    """A short fingerprint of the text a passage's offsets point into."""
    return hashlib.blake2b(source.encode("utf-8"), digest_size=16).hexdigest()


@dataclass(frozen=True)
class Passage:
    """One text of a source that may cite documents."""

    location: str
    kind: Kind
    source: str


@dataclass(frozen=True)
class Found:
    """A citation in a passage, with the span of the source to link (None: indexed, not linked)."""

    citation: Citation
    start: int | None
    end: int | None


class _HtmlText:
    """The text of an HTML fragment, with each character's span in the source."""

    def __init__(self, source: str) -> None:
        chars: list[str] = []
        starts: list[int] = []  # -1: a paragraph break the reading inserted
        ends: list[int] = []
        linked: list[bool] = []
        link_depth = 0
        position = 0

        def add_text(text: str, start: int, end: int | None = None) -> None:
            for index, char in enumerate(text):
                chars.append(char)
                if end is None:
                    starts.append(start + index)
                    ends.append(start + index + 1)
                else:  # a decoded entity: every character stands for the whole entity
                    starts.append(start)
                    ends.append(end)
                linked.append(link_depth > 0)

        for match in _TOKEN_RE.finditer(source):
            if match.start() > position:
                add_text(source[position : match.start()], position)
            token = match.group()
            tag = (match.group("tag") or "").lower()
            if token.startswith("&"):
                add_text(html.unescape(token), match.start(), match.end())
            elif tag == "a" and not token.endswith("/>"):
                link_depth = max(0, link_depth + (-1 if match.group("close") else 1))
            elif tag in _BLOCK_TAGS:
                for char in _BREAK:
                    chars.append(char)
                    starts.append(-1)
                    ends.append(-1)
                    linked.append(False)
            position = match.end()
        if position < len(source):
            add_text(source[position:], position)
        self.text = "".join(chars)
        self._starts, self._ends, self._linked = starts, ends, linked

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        """The source span of text ``[start, end)``, if it runs uninterrupted outside any link."""
        if start >= end:
            return None
        for index in range(start, end):
            if self._starts[index] < 0 or self._linked[index]:
                return None
            if index + 1 < end and self._ends[index] != self._starts[index + 1]:
                return None  # a tag sits between these two characters
        return self._starts[start], self._ends[end - 1]


def locate(passage: Passage) -> list[Found]:
    """Every citation in the passage, with the span to link: type name and symbol, else the symbol."""
    if passage.kind == "text":
        return [
            Found(citation, citation.start, citation.symbol_end)
            for citation in find_citations(passage.source)
        ]
    reading = _HtmlText(passage.source)
    found = []
    for citation in find_citations(reading.text):
        span = reading.span(citation.start, citation.symbol_end) or reading.span(
            citation.symbol_start, citation.symbol_end
        )
        found.append(Found(citation, *(span or (None, None))))
    return found


# -- walking content ---------------------------------------------------------------------------


def is_prose(block: Any) -> bool:
    """A struct block's child holding running text: a ``TextBlock`` (a lone ``CharBlock`` is a label)."""
    from wagtail import blocks

    return isinstance(block, blocks.TextBlock)


def is_prose_list(block: Any) -> bool:
    """A struct block's child holding a list of short texts (bullet points)."""
    from wagtail import blocks

    return isinstance(block, blocks.ListBlock) and isinstance(
        block.child_block, blocks.CharBlock | blocks.TextBlock
    )


def stream_passages(field: str, stream: Any) -> Iterator[Passage]:
    """The passages of a StreamField value: rich-text blocks and prose inside struct blocks."""
    from wagtail import blocks

    for child in stream:
        block = child.block
        location = f"{field}/{child.id}"
        if isinstance(block, blocks.RichTextBlock):
            yield Passage(location, "html", child.value.source)
        elif isinstance(block, blocks.StructBlock):
            for name, child_block in block.child_blocks.items():
                value = child.value.get(name)
                if is_prose(child_block) and isinstance(value, str):
                    yield Passage(f"{location}/{name}", "text", value)
                elif is_prose_list(child_block):
                    for index, item in enumerate(value or ()):
                        yield Passage(f"{location}/{name}/{index}", "text", str(item))


def passages_of(source: Any, fields: Sequence[str]) -> list[Passage]:
    """The passages of ``fields`` of a page or document: plain text fields and StreamFields."""
    from wagtail.fields import StreamValue

    passages: list[Passage] = []
    for name in fields:
        value = getattr(source, name)
        if isinstance(value, StreamValue):
            passages.extend(stream_passages(name, value))
        elif isinstance(value, str) and value:
            passages.append(Passage(name, "text", value))
    return passages


# -- splicing links in -------------------------------------------------------------------------


def splice(source: str, kind: Kind, spans: Sequence[tuple[int, int, Callable[[str], str]]]) -> SafeString:
    """``source`` with each ``(start, end, link)`` span replaced by ``link(<the span's own markup>)``.

    HTML sources keep their markup; plain text is escaped. Overlapping or out-of-range spans are
    skipped rather than trusted: offsets come from the database.
    """
    pieces: list[str] = []
    position = 0
    for start, end, link in sorted(spans, key=lambda item: item[0]):
        if start < position or end > len(source) or start >= end:
            continue
        before, inner = source[position:start], source[start:end]
        pieces.append(before if kind == "html" else escape(before))
        pieces.append(link(inner if kind == "html" else escape(inner)))
        position = end
    rest = source[position:]
    pieces.append(rest if kind == "html" else escape(rest))
    return mark_safe("".join(pieces))  # noqa: S308 - HTML sources are sanitised on save; text is escaped
