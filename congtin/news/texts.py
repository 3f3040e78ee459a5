"""An article's text -- sa-pô and body with their citation links, and its "Văn bản liên quan" -- rendered
once and kept, like the search text, instead of on every request (decision 0026).

The HTML is what ``news/includes/article_text.html`` and ``news/includes/related_documents.html`` print
on the normal page, rendered by those same templates. It is kept in the shared cache under the
article's id and the language, with a *stamp* naming everything it was made from: the article's
published revision, the site structure version (the registry's address), the registry version (the
entries and the citation links: ``news.signal_handlers`` starts a new one when an entry or an issuer
is saved or deleted, ``documents.services`` when it points citations at another entry or reindexes) and, for a text that links to pages, documents or images,
the links version (a page published, unpublished, moved, renamed or deleted; a document or an image
saved or deleted). The structure and registry versions count only for a text with citations, the
links version only for one with such links. A stamp that no longer matches is a miss: the text is rendered again. Publishing an
article renders its Vietnamese text after commit, so the first reader does not pay for it;
``manage.py render_article_texts`` renders every live article's (after a bulk import).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest
from django.template.loader import get_template
from django.utils import translation

from congtin.core import structure

if TYPE_CHECKING:
    from congtin.news.models import ArticlePage

REGISTRY_VERSION_KEY = structure.REGISTRY_VERSION_KEY
LINKS_VERSION_KEY = structure.LINKS_VERSION_KEY
VERSION_KEYS = (structure.VERSION_KEY, REGISTRY_VERSION_KEY, LINKS_VERSION_KEY)
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
    depends = {}
    if citations:
        depends[structure.VERSION_KEY] = versions[structure.VERSION_KEY]
        depends[REGISTRY_VERSION_KEY] = versions[REGISTRY_VERSION_KEY]
    if any(marker in _json(raw_body) for marker in _LINK_MARKERS):
        depends[LINKS_VERSION_KEY] = versions[LINKS_VERSION_KEY]
    rendered = ArticleText(
        stamp=stamp_of(page.pk, page.live_revision_id, page.last_published_at),
        depends=depends,
        text=text,
        related_documents=related,
    )
    language = translation.get_language() or "vi"
    cache.set(text_key(page.pk, language), rendered, TIMEOUT)
    return rendered


def _json(value: Any) -> str:
    import json

    return json.dumps(list(value) if not isinstance(value, str) else value, default=str)


def article_text_refresh(*, page: ArticlePage) -> None:
    """After ``page`` is published: render its Vietnamese text once the transaction commits."""

    def render() -> None:
        from wagtail.models import Site

        from congtin.news.models import ArticlePage

        # Without a request a link is absolute when the installation has several sites; a reader's
        # request renders it relative to the reader's site then, so leave it to the first reader.
        if Site.objects.count() != 1:
            return
        fresh = ArticlePage.objects.live().filter(pk=page.pk).first()
        if fresh is None:
            return
        versions = structure.versions_many(VERSION_KEYS)
        with translation.override("vi"):
            article_text_render(fresh, request=None, versions=versions)

    transaction.on_commit(render)


def registry_changed() -> None:
    """A registry entry, an issuer or a citation changed: every article text that cites is stale."""
    structure.named_changed(REGISTRY_VERSION_KEY)


def links_changed() -> None:
    """A page's address, a document or an image changed: texts that link to one are stale."""
    structure.named_changed(LINKS_VERSION_KEY)


def article_texts_render_all() -> int:
    """Render the Vietnamese text of every live article (after a bulk import); how many."""
    from congtin.news.models import ArticlePage

    versions = structure.versions_many(VERSION_KEYS)
    count = 0
    with translation.override("vi"):
        for page in ArticlePage.objects.live().select_related("feed_image").iterator(chunk_size=200):
            article_text_render(page, request=None, versions=versions)
            count += 1
    return count
