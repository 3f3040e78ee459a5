"""Writes on the public search index: what enters it, when, and in which batches.

The rule is "only what the public may see": a page enters when it is live, not expired and no view
restriction covers it (its own or an ancestor's); an official document when it is published. Every
write re-checks that rule against the database, so a late or repeated task can never index a draft,
a scheduled revision or a withdrawn article; it removes the item instead.

Pages are indexed from their declared ``search_fields`` (Wagtail's own declaration, so there is no
list of page models here); the document registry and the published answers (Hỏi đáp) are the
non-page sources.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import html
import threading
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils.html import strip_tags
from wagtail.models import Page, Site, get_page_models
from wagtail.search import index

from congtin.core.queries import without_view_restrictions
from congtin.search.backends import get_backend
from congtin.search.backends.base import SearchDocument
from congtin.vietnamese import VIETNAM_TZ, SymbolError, nfc
from congtin.vietnamese.tokens import cited_symbol_keys, symbol_keys

if TYPE_CHECKING:
    from congtin.cases.models import QuestionAnswer
    from congtin.documents.models import OfficialDocument

DEFAULT_BATCH_SIZE = 500
# Tree depth of a site's home page; its children are the top-level sections (chuyên mục).
SECTION_DEPTH = 3


# -- keys ----------------------------------------------------------------------------------------


def search_key(obj: Any) -> str:
    """ "news.articlepage:42": the model's label and the primary key."""
    return f"{obj._meta.label_lower}:{obj.pk}"


def _page_key(page: Page) -> str:
    # Pages are keyed by their specific class even when handed the base ``Page``.
    model = page.specific_class or type(page)
    return f"{model._meta.label_lower}:{page.pk}"


# -- what a page or a document looks like to the index --------------------------------------------


def _plain(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "\n".join(_plain(item) for item in value)
    text = str(value)
    if "<" in text or "&" in text:
        text = html.unescape(strip_tags(text))
    return text


def _page_body(page: Page) -> str:
    parts: list[str] = []
    for field in page.get_search_fields():
        if isinstance(field, index.SearchField) and field.field_name != "title":
            text = _plain(field.get_value(page)).strip()
            if text:
                parts.append(text)
    return nfc("\n".join(parts))


def _section_ids(paths: Iterable[str]) -> dict[str, int]:
    steplen = Page.steplen
    prefixes = {p[: steplen * SECTION_DEPTH] for p in paths if len(p) >= steplen * SECTION_DEPTH}
    if not prefixes:
        return {}
    return dict(Page.objects.filter(path__in=prefixes).values_list("path", "pk"))


def _symbol_keys(*texts: str) -> tuple[str, ...]:
    """The symbol keys of every document number the texts cite ("Nghị định 09/2017/NĐ-CP")."""
    return tuple(dict.fromkeys(key for text in texts for key in cited_symbol_keys(text)))


def _page_document(page: Page, *, sections: dict[str, int]) -> SearchDocument:
    steplen = Page.steplen
    title = nfc(page.title)
    body = _page_body(page)
    return SearchDocument(
        key=_page_key(page),
        content_type=page._meta.label_lower,
        title=title,
        body=body,
        keys=_symbol_keys(title, body),
        url=page.get_url() or "",
        published_at=page.first_published_at,
        path=page.path,
        section_id=sections.get(page.path[: steplen * SECTION_DEPTH]),
        year=page.first_published_at.astimezone(VIETNAM_TZ).year if page.first_published_at else None,
    )


def _registry_page() -> Any:
    """The site's Tiếp cận thông tin section, whose sub-pages are the registry entries' public pages."""
    from congtin.documents.pages import AccessToInformationPage

    return AccessToInformationPage.objects.live().first()


def _document_document(document: OfficialDocument, registry: Any) -> SearchDocument:
    issued = (
        dt.datetime.combine(document.issued_on, dt.time(), tzinfo=VIETNAM_TZ) if document.issued_on else None
    )
    try:
        own_keys = tuple(symbol_keys(document.parsed_symbol()))
    except SymbolError:
        own_keys = ()
    issuer = f"{document.issuer.name} ({document.issuer.abbreviation})" if document.issuer_id else ""
    title = nfc(document.title)
    body = nfc(f"{issuer}\n{document.full_text}".strip())
    return SearchDocument(
        key=search_key(document),
        content_type=document._meta.label_lower,
        title=title,
        body=body,
        url=registry.document_url(document) if registry is not None else "",
        published_at=issued,
        keys=tuple(dict.fromkeys(own_keys + _symbol_keys(title, body))),
        document_type=document.doc_type,
        year=document.year,
    )


def _qa_page() -> Any:
    """The site's public Hỏi đáp section; without one, published answers have no address to index."""
    from congtin.cases.pages import QuestionAnswerIndexPage

    return public_pages(QuestionAnswerIndexPage).first()


def _public_qas(pks: Iterable[int] | None = None) -> list[QuestionAnswer]:
    """Published, not withdrawn answers (all, or these), if the site has a public Hỏi đáp section."""
    from congtin.cases.queries import qa_public

    queryset = qa_public() if pks is None else qa_public().filter(pk__in=list(pks))
    return list(queryset.order_by("pk"))


def _qa_document(qa: QuestionAnswer, qa_page: Any) -> SearchDocument:
    title = nfc(qa.title)
    body = nfc(f"{qa.question}\n{qa.answer}")
    return SearchDocument(
        key=search_key(qa),
        content_type=qa._meta.label_lower,
        title=title,
        body=body,
        keys=_symbol_keys(title, body),
        url=qa_page.entry_url(qa),
        published_at=qa.published_at,
        year=qa.published_at.astimezone(VIETNAM_TZ).year if qa.published_at else None,
    )


def public_pages(model: type[Page] = Page) -> Any:
    """Pages the public may see (live, not expired, unrestricted), below the tree root."""
    return without_view_restrictions(model.objects.live().filter(depth__gt=1))


def _page_is_public(page: Page) -> bool:
    return public_pages().filter(pk=page.pk).exists()


# -- services --------------------------------------------------------------------------------------


def search_index_page(page: Page) -> None:
    """Put the page in the index if the public may see it now; otherwise take it out."""
    page = page.specific
    if not _page_is_public(page):
        search_remove(_page_key(page))
        return
    sections = _section_ids([page.path])
    get_backend().index([_page_document(page, sections=sections)])


def search_index_document(document: OfficialDocument) -> None:
    """Put the registry entry in the index if it is published; otherwise take it out."""
    from congtin.documents.models import OfficialDocument

    fresh = OfficialDocument.objects.published().select_related("issuer").filter(pk=document.pk).first()
    if fresh is None:
        search_remove(search_key(document))
        return
    get_backend().index([_document_document(fresh, _registry_page())])


def search_remove(key: str) -> None:
    get_backend().remove([key])


def search_remove_subtree(page: Page) -> None:
    """Take the page and every page below it out at once (a view restriction was just added)."""
    from congtin.search.models import SearchEntry

    keys = list(SearchEntry.objects.filter(path__startswith=page.path).values_list("key", flat=True))
    get_backend().remove(keys)


def search_update(keys: Iterable[str]) -> None:
    """Bring the index in line with the database for these keys (what the background task runs).

    Each model's keys are read with one query and written to the index in one call.
    """
    from django.apps import apps

    from congtin.cases.models import QuestionAnswer
    from congtin.documents.models import OfficialDocument

    by_label: dict[str, list[int]] = defaultdict(list)
    for key in dict.fromkeys(keys):
        label, _, pk = key.partition(":")
        if pk.isdigit():
            by_label[label].append(int(pk))
    backend = get_backend()
    for label, pks in by_label.items():
        try:
            model = apps.get_model(label)
        except (LookupError, ValueError):
            model = None
        found: set[int] = set()
        if model is not None and issubclass(model, Page):
            public_ids = list(public_pages().filter(pk__in=pks).values_list("pk", flat=True))
            pages = list(Page.objects.filter(pk__in=public_ids).specific())
            _index_pages(pages)
            found = {p.pk for p in pages if _page_key(p) == f"{label}:{p.pk}"}
        elif model is not None and issubclass(model, OfficialDocument):
            documents = list(OfficialDocument.objects.published().select_related("issuer").filter(pk__in=pks))
            registry = _registry_page()
            backend.index(_document_document(d, registry) for d in documents)
            found = {d.pk for d in documents}
        elif model is not None and issubclass(model, QuestionAnswer):
            qa_page = _qa_page()
            qas = _public_qas(pks) if qa_page is not None else []
            backend.index(_qa_document(qa, qa_page) for qa in qas)
            found = {qa.pk for qa in qas}
        backend.remove(f"{label}:{pk}" for pk in pks if pk not in found)


def search_update_subtree(page_id: int) -> None:
    """Re-check a page and everything below it (after a move or a change of view restrictions)."""
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return
    search_remove_subtree(page)
    pages = public_pages().filter(path__startswith=page.path)
    for batch in _batched_pages(pages, DEFAULT_BATCH_SIZE):
        _index_pages(batch)


def _batched_pages(queryset: Any, batch_size: int) -> Iterator[list[Page]]:
    """Specific pages in batches, loading each batch's specific rows with one query per model."""
    ids = list(queryset.order_by("path").values_list("pk", flat=True))
    for start in range(0, len(ids), batch_size):
        chunk = ids[start : start + batch_size]
        pages = list(Page.objects.filter(pk__in=chunk).order_by("path").specific())
        # The sites' root paths, read once per batch for every page's get_url() (Wagtail keeps them on
        # the page it asks: one cache read per page otherwise).
        roots = Site.get_site_root_paths()
        for page in pages:
            page._wagtail_cached_site_root_paths = roots
        yield pages


def _index_pages(pages: list[Page]) -> None:
    if not pages:
        return
    sections = _section_ids(p.path for p in pages)
    get_backend().index(_page_document(p, sections=sections) for p in pages)


def search_rebuild(
    *, batch_size: int = DEFAULT_BATCH_SIZE, progress: Callable[[int, int], None] | None = None
) -> int:
    """Empty the index and fill it with everything public, ``batch_size`` items per write.

    Runs in one transaction on the database backends, and into a new index swapped in at the end on
    tantivy, so searches see the old index until the new one is complete. Returns the number of items
    indexed; ``progress(done, total)`` after each batch.
    """
    from congtin.documents.models import OfficialDocument

    page_models = [m for m in get_page_models() if m is not Page]
    pages = public_pages().filter(content_type__model__in=[m._meta.model_name for m in page_models])
    documents = OfficialDocument.objects.published().select_related("issuer").order_by("pk")
    qa_page = _qa_page()
    qas = _public_qas() if qa_page is not None else []
    total = pages.count() + documents.count() + len(qas)
    done = 0
    backend = get_backend()
    # A backend with an index of its own (tantivy) builds the new one aside and swaps it in at the end.
    rebuilding = getattr(backend, "rebuilding", None)
    with transaction.atomic(), rebuilding() if rebuilding is not None else contextlib.nullcontext():
        backend.clear()
        for batch in _batched_pages(pages, batch_size):
            _index_pages(batch)
            done += len(batch)
            if progress is not None:
                progress(done, total)
        ids = list(documents.values_list("pk", flat=True))
        registry = _registry_page()
        for start in range(0, len(ids), batch_size):
            chunk = list(documents.filter(pk__in=ids[start : start + batch_size]))
            backend.index(_document_document(d, registry) for d in chunk)
            done += len(chunk)
            if progress is not None:
                progress(done, total)
        for start in range(0, len(qas), batch_size):
            backend.index(_qa_document(qa, qa_page) for qa in qas[start : start + batch_size])
            done += len(qas[start : start + batch_size])
            if progress is not None:
                progress(done, total)
    return done


# -- catching up: an index of its own (tantivy) brought back in line with the SearchEntry rows -------

# Past this share of the rows missing from the index, the catch-up rebuilds instead of re-adding items.
CATCH_UP_REBUILD_SHARE = 0.5


@dataclass(frozen=True)
class CatchUp:
    """What ``search_catch_up`` found and did."""

    checked: bool = True  # False: the backend has no index apart from its rows (nothing can lag)
    rebuilt: int | None = None  # items indexed by a rebuild, when one was needed
    added: list[str] = dataclass_field(default_factory=list)  # keys the index lacked, re-checked and written
    dropped: int = 0  # versions the database no longer has, taken out of the index


def search_catch_up(*, full: bool = False) -> CatchUp:
    """Bring the backend's own index in line with the ``SearchEntry`` rows (decision 0024, amended).

    A process that died between its rows' commit and its index commit, or a write that gave up on the
    index's lock, leaves the two apart. Versions the database no longer has are taken out; keys whose
    row the index lacks are re-checked from the database and written as the indexing task writes them
    (an item no longer public is taken out instead). Without a live index, or with most of it missing,
    the index is rebuilt. ``full`` compares every (id, key) pair instead of counts and sums per range.
    """
    backend = get_backend()
    # Only a backend with an index apart from its rows (tantivy) has ``lag`` and ``drop``.
    lag_of, drop = getattr(backend, "lag", None), getattr(backend, "drop", None)
    if lag_of is None or drop is None:
        return CatchUp(checked=False)
    lag = lag_of(full=full)
    too_many = len(lag.missing) > max(DEFAULT_BATCH_SIZE, CATCH_UP_REBUILD_SHARE * lag.entries)
    if (lag.absent and lag.entries) or too_many:
        return CatchUp(rebuilt=search_rebuild())
    drop(lag.stale)
    for start in range(0, len(lag.missing), DEFAULT_BATCH_SIZE):
        search_update(lag.missing[start : start + DEFAULT_BATCH_SIZE])
    return CatchUp(added=lag.missing, dropped=len(lag.stale))


# -- scheduling: one background task per transaction, however many saves it holds ------------------


class _PendingBatch:
    """Keys changed in the current transaction; flushed once, after commit, as one task per batch."""

    def __init__(self) -> None:
        self.keys: dict[str, None] = {}
        self.flushed = False

    def __call__(self) -> None:
        from congtin.search.tasks import search_update_task

        self.flushed = True
        keys = list(self.keys)
        for start in range(0, len(keys), DEFAULT_BATCH_SIZE):
            search_update_task.enqueue(keys[start : start + DEFAULT_BATCH_SIZE])


_pending = threading.local()


def search_schedule_update(key: str) -> None:
    """Re-check ``key`` in the background once the current transaction commits.

    A bulk import that saves ten thousand documents in one transaction enqueues twenty tasks, not ten
    thousand, and each task writes its batch to the index in one go.
    """
    batch: _PendingBatch | None = getattr(_pending, "batch", None)
    connection = transaction.get_connection()
    registered = (
        batch is not None
        and not batch.flushed
        and connection.in_atomic_block
        and any(entry[1] is batch for entry in connection.run_on_commit)
    )
    if batch is None or not registered:
        batch = _PendingBatch()
        _pending.batch = batch
        batch.keys[key] = None
        transaction.on_commit(batch)
    else:
        batch.keys[key] = None
