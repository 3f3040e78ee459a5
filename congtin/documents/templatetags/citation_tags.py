"""Render stored citations as links with a card; never runs the citation finder.

``{% page_citations page as citations %}`` reads a page's index (one query);
``{% cited_text page.summary "summary" citations %}`` and ``{% cited_block block citations %}`` splice
the links into a plain text field or a StreamField block when its text still hashes to what was
indexed, and render it untouched otherwise. Each link carries its card -- type, issuer, date, trích
yếu, validity -- as a server-rendered ``role="tooltip"`` span the link names with
``aria-describedby``, shown on hover and keyboard focus by CSS.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from congtin.documents import citing, queries
from congtin.documents.models import DocumentCitation
from congtin.vietnamese import format_date

register = template.Library()

SUMMARY_WORDS = 40


@register.simple_tag(takes_context=True)
def page_citations(context: template.Context, page: Any) -> queries.CitationIndex:
    return queries.page_citations(page, request=context.get("request"))


def _card(row: DocumentCitation, citations: queries.CitationIndex) -> SafeString:
    document = citations.public_document(row)
    if document is None:
        title = " ".join(filter(None, [row.type_name, row.canonical]))
        lines = [_("Văn bản này chưa có trong cơ sở dữ liệu.")]
    else:
        title = str(document)
        lines = [_("Cơ quan ban hành: %(issuer)s") % {"issuer": document.issuer.name}]
        if document.issued_on:
            lines.append(_("Ngày ban hành: %(date)s") % {"date": format_date(document.issued_on)})
        if document.summary:
            summary = Truncator(document.summary).words(SUMMARY_WORDS, truncate="…")
            lines.append(_("Trích yếu: %(summary)s") % {"summary": summary})
        lines.append(_("Tình trạng: %(status)s") % {"status": document.get_status_display()})
    return format_html(
        '<span class="citation-card" role="tooltip" id="trich-dan-{}"><span class="card-title">{}</span> {}</span>',
        row.pk,
        title,
        format_html_join(" ", '<span class="card-line">{}</span>', ((line,) for line in lines)),
    )


def _linker(row: DocumentCitation, citations: queries.CitationIndex) -> Callable[[str], str] | None:
    url = citations.url_for(row)
    if url is None:
        return None
    known = citations.public_document(row) is not None

    def link(inner: str) -> str:
        return format_html(
            '<a class="citation{}" href="{}" aria-describedby="trich-dan-{}" data-citation>{}</a>{}',
            "" if known else " citation-unknown",
            url,
            row.pk,
            SafeString(inner),  # already escaped (text) or sanitised markup (rich text)
            _card(row, citations),
        )

    return link


def _cited(
    source: str, kind: citing.Kind, location: str, citations: queries.CitationIndex | None
) -> SafeString | None:
    """``source`` with its citations linked, or None when nothing applies (render it as usual)."""
    if not citations:
        return None
    spans = []
    for row in citations.rows_for(location, source):
        link = _linker(row, citations)
        if link is not None and row.start is not None and row.end is not None:
            spans.append((row.start, row.end, link))
    return citing.splice(source, kind, spans) if spans else None


@register.simple_tag
def cited_text(text: str, location: str, citations: queries.CitationIndex | None) -> str:
    """A plain text field, escaped, with its citations linked."""
    linked = _cited(text or "", "text", location, citations)
    return linked if linked is not None else text


@register.simple_tag(takes_context=True)
def cited_block(
    context: template.Context, child: Any, citations: queries.CitationIndex | None, field: str = "body"
) -> SafeString:
    """A StreamField block rendered as ``{% include_block %}`` would, with its citations linked."""
    from wagtail import blocks
    from wagtail.rich_text import RichText

    parent_context = context.flatten()
    block, location = child.block, f"{field}/{child.id}"
    if isinstance(block, blocks.RichTextBlock):
        linked = _cited(child.value.source, "html", location, citations)
        if linked is not None:
            return SafeString(block.render(RichText(linked), context=parent_context))
    elif isinstance(block, blocks.StructBlock) and citations:
        values, changed = [], False
        for name, child_block in block.child_blocks.items():
            value = child.value.get(name)
            if citing.is_prose(child_block) and isinstance(value, str):
                linked = _cited(value, "text", f"{location}/{name}", citations)
                if linked is not None:
                    value, changed = linked, True
            elif citing.is_prose_list(child_block):
                items, items_changed = [], False
                for index, item in enumerate(value or ()):
                    linked = _cited(str(item), "text", f"{location}/{name}/{index}", citations)
                    items.append(linked if linked is not None else item)
                    items_changed = items_changed or linked is not None
                if items_changed:
                    value, changed = items, True
            values.append((name, value))
        if changed:
            return SafeString(block.render(blocks.StructValue(block, values), context=parent_context))
    return SafeString(child.render_as_block(context=parent_context))
