"""An article's text -- sa-pô and body with their citation links, and its "Văn bản liên quan" -- rendered
once and kept, like the search text, instead of on every request (decision 0026).

The HTML is what ``news/includes/article_text.html`` and ``news/includes/related_documents.html`` print
on the normal page, rendered by those same templates. It is kept in the shared cache under the
article's id and the language, with a *stamp* naming everything it was made from: the article's
published revision and publication time, and the versions of what it shows of other things -- the
registry (always: its entries and issuers, the links of its citations), the site structure (when it
has citations: the registry's address) and the links (when its rich text links to pages, documents or
images). The registry and links versions are counters in the database (``core.models.DataVersion``)
raised in the same transaction as the change (``news.signal_handlers``: an entry or an issuer saved or
deleted; a page published, unpublished, moved, renamed or deleted; a document or an image saved or
deleted; ``documents.services``: citations pointed at another entry, or reindexed), and read in the
same statement as the article, so a reader sees a change and its version together. A stamp that no
longer matches is a miss: the text is rendered again, by the first reader after the article is
published or something it shows changes (about as long as a normal page: the text is most of that
page's template work). ``manage.py render_article_texts`` renders every live article's text ahead of
readers (after a bulk import or a deployment).

Each web process also keeps the texts it used last in its own memory (``kept_text``), checked against
the same stamp as the shared cache's: a copy there is no staler than the shared one, and the article's
reader is served without a round trip to Redis nor unpickling its text. The most read articles -- a
burst of readers after big news -- are the ones kept.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.template.loader import get_template
from django.utils import translation

from congtin.core import structure

if TYPE_CHECKING:
    from congtin.news.models import ArticlePage

REGISTRY = structure.REGISTRY_DATA
LINKS = structure.LINKS_DATA
STRUCTURE = "structure"
TIMEOUT = 30 * 24 * 60 * 60
# Rich text that names another page, a document or an image prints its address, which can change
# without the article being published again.
_LINK_MARKERS = ('linktype=\\"', 'embedtype=\\"', '"image"', '"document"')


@dataclass(frozen=True)
class ArticleText:
    stamp: tuple[Any, ...]
    # The versions it was rendered at, of what it depends on besides the article itself: for a text
    # with citations the structure (the registry's address) and the registry; for one that links to
    # pages, documents or images, the links.
    depends: dict[str, str]
    text: str  # news/includes/article_text.html
    related_documents: str  # news/includes/related_documents.html


def text_key(page_pk: int, language: str) -> str:
    return f"news:text:{_release()}:{page_pk}:{language}"


_release_hash: list[str] = []


def _release() -> str:
    """A fingerprint of the code that renders the texts, so a deployment that changes it never reads
    the texts an older release kept (they outlive it in the shared cache)."""
    if not _release_hash:
        import hashlib
        from pathlib import Path

        import wagtail

        from congtin.core import blocks
        from congtin.documents import citing
        from congtin.documents.templatetags import citation_tags

        digest = hashlib.sha1(wagtail.__version__.encode(), usedforsecurity=False)
        news = Path(__file__).parent / "templates" / "news" / "includes"
        sources = [
            news / "article_text.html",
            news / "related_documents.html",
            Path(blocks.__file__),
            Path(citing.__file__),
            Path(citation_tags.__file__),
            *sorted((Path(blocks.__file__).parent / "templates" / "core" / "blocks").glob("*.html")),
        ]
        for source in sources:
            digest.update(source.read_bytes())
        _release_hash.append(digest.hexdigest()[:12])
    return _release_hash[0]


# The texts this process used last, by (article id, language), newest at the end; at most
# ``settings.CONGTIN_TEXTS_IN_PROCESS`` characters of them in all.
_in_process: OrderedDict[tuple[int, str], ArticleText] = OrderedDict()
_in_process_chars = 0
_in_process_lock = threading.Lock()


def _size(text: ArticleText) -> int:
    return len(text.text) + len(text.related_documents)


def _keep_in_process(key: tuple[int, str], text: ArticleText) -> None:
    global _in_process_chars
    limit = settings.CONGTIN_TEXTS_IN_PROCESS
    size = _size(text)
    if size > limit:
        return
    with _in_process_lock:
        old = _in_process.pop(key, None)
        if old is not None:
            _in_process_chars -= _size(old)
        _in_process[key] = text
        _in_process_chars += size
        while _in_process_chars > limit:
            _in_process_chars -= _size(_in_process.popitem(last=False)[1])


def forget_in_process() -> None:
    """Empty this process's copies (tests: a rolled-back database may give its ids to other articles)."""
    global _in_process_chars
    with _in_process_lock:
        _in_process.clear()
        _in_process_chars = 0


def kept_text(
    page_pk: int, language: str, stamp: tuple[Any, ...], versions: dict[str, str]
) -> ArticleText | None:
    """The article's kept text if it is current for ``stamp`` and ``versions``: this process's copy, else
    the shared cache's (then kept here too); None when it must be rendered."""
    key = (page_pk, language)
    text = _in_process.get(key)
    if text is not None and is_current(text, stamp, versions):
        with _in_process_lock:
            if key in _in_process:
                _in_process.move_to_end(key)
        return text
    text = cache.get(text_key(page_pk, language))
    if not is_current(text, stamp, versions):
        return None
    _keep_in_process(key, text)
    return text


def stamp_of(page_pk: int, revision: Any, published: Any) -> tuple[Any, ...]:
    """The published state of the article: its live revision and when it was last published."""
    return (page_pk, revision, published.isoformat() if published else "")


def is_current(text: ArticleText | None, stamp: tuple[Any, ...], versions: dict[str, str]) -> bool:
    return (
        text is not None
        and text.stamp == stamp
        and all(versions.get(key) == value for key, value in text.depends.items())
    )


def article_text_render(
    page: ArticlePage, *, request: HttpRequest | None, versions: dict[str, str]
) -> ArticleText:
    """Render the article's text with the page templates, in the active language, and keep it."""
    from congtin.documents.queries import page_citations

    citations = page_citations(page, request=request)
    context = {"page": page, "citations": citations, "request": request}
    text = get_template("news/includes/article_text.html").render(context, request)
    related = get_template("news/includes/related_documents.html").render(context, request)
    raw_body = page.body.raw_data if hasattr(page.body, "raw_data") else page.body
    # The registry version counts even without citations: a reindex can give the article some.
    depends = {REGISTRY: versions[REGISTRY]}
    if citations:
        depends[STRUCTURE] = versions[STRUCTURE]
    if any(marker in _json(raw_body) for marker in _LINK_MARKERS):
        depends[LINKS] = versions[LINKS]
    rendered = ArticleText(
        stamp=stamp_of(page.pk, page.live_revision_id, page.last_published_at),
        depends=depends,
        text=text,
        related_documents=related,
    )
    language = translation.get_language() or "vi"
    cache.set(text_key(page.pk, language), rendered, TIMEOUT)
    _keep_in_process((page.pk, language), rendered)
    return rendered


def _json(value: Any) -> str:
    import json

    return json.dumps(list(value) if not isinstance(value, str) else value, default=str)


def current_versions(request: HttpRequest | None = None) -> dict[str, str]:
    """The versions a text is stamped with, read now (outside the lean path's own statement)."""
    return {**structure.data_versions(), STRUCTURE: structure.request_version(request)}


def registry_changed() -> None:
    """A registry entry or an issuer changed: every article text is stale (its citations may be)."""
    structure.data_changed(REGISTRY)


def links_changed() -> None:
    """A page's address, a document or an image changed: texts that link to one are stale."""
    structure.data_changed(LINKS)


def article_texts_render_all() -> int:
    """Render the Vietnamese text of every live article (after a bulk import); how many."""
    from congtin.news.models import ArticlePage

    versions = current_versions()
    count = 0
    with translation.override("vi"):
        for page in ArticlePage.objects.live().select_related("feed_image").iterator(chunk_size=200):
            article_text_render(page, request=None, versions=versions)
            count += 1
    return count
