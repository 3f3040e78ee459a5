"""Reads of the document registry shared by the pages, the JSON API, the CSV export and verification.

Public reads return only published entries and apply the joins their callers need, so a listing
runs the same number of queries for ten documents as for a thousand.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import urlencode

from django.db.models import F, Prefetch, Q, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from wagtail.models import Page
from wagtail.query import PageQuerySet

from congtin.core.queries import without_view_restrictions
from congtin.core.structure import request_structure
from congtin.documents import citing
from congtin.documents.choices import RELATION_LABELS, DocumentStatus, RelationKind
from congtin.documents.headers import parse_header
from congtin.documents.models import (
    DocumentAttachment,
    DocumentCitation,
    DocumentRelation,
    Field,
    OfficialDocument,
    OfficialDocumentQuerySet,
    Organisation,
)
from congtin.vietnamese import find_citations, fold, format_date, nfc

if TYPE_CHECKING:
    from congtin.documents.pages import AccessToInformationPage


def documents_all() -> OfficialDocumentQuerySet:
    """Every entry, drafts included, with the joins a listing needs (staff-side reads)."""
    return (
        OfficialDocument.objects.select_related("issuer", "issuer__successor")
        .prefetch_related(
            "fields",
            "co_issuers",
            Prefetch("attachments", queryset=DocumentAttachment.objects.order_by("sort_order", "pk")),
        )
        .order_by("-issued_on", "-year", "-pk")
    )


def documents_public() -> OfficialDocumentQuerySet:
    """Published entries only, newest first, with issuer, fields and files joined."""
    return documents_all().published()


def _symbol_key(text: str) -> str:
    return " ".join(fold(text).split())


def documents_by_symbol(
    text: str, *, queryset: OfficialDocumentQuerySet | None = None
) -> OfficialDocumentQuerySet:
    """Entries whose symbol is ``text``, however it was typed ("9/2017/nd-cp", "09/2017/NĐ-CP").

    A symbol is matched on its canonical form. Text that is not a symbol but the way people cite
    one ("Nghị định 09/2017", "CT 12") is matched on the folded lookup keys, and may find several.
    A symbol without a year ("2761/BNV-TC") can match one document per year.
    """
    from congtin.vietnamese.symbols import SymbolError, parse_symbol

    queryset = documents_public() if queryset is None else queryset
    text = text.strip()
    if not text:
        return queryset.none()
    try:
        return queryset.filter(canonical_symbol=parse_symbol(text).canonical)
    except SymbolError:
        return queryset.filter(search_keys__contains=f"|{_symbol_key(text)}|")


def document_by_symbol(
    text: str, *, queryset: OfficialDocumentQuerySet | None = None
) -> OfficialDocument | None:
    """The entry with symbol ``text``; when several years share it, the most recently issued."""
    return documents_by_symbol(text, queryset=queryset).first()


def document_by_key(key: str, *, queryset: OfficialDocumentQuerySet | None = None) -> OfficialDocument | None:
    """Look up by database id ("42") or by symbol ("09/2017/NĐ-CP"), as the API's detail URL allows."""
    queryset = documents_public() if queryset is None else queryset
    key = key.strip().strip("/")
    if key.isdigit():
        return queryset.filter(pk=int(key)).first()
    return document_by_symbol(key, queryset=queryset)


def documents_filter(
    *,
    doc_type: str | None = None,
    issuer: str | None = None,
    field: str | None = None,
    year: int | None = None,
    status: str | None = None,
    q: str | None = None,
    queryset: OfficialDocumentQuerySet | None = None,
) -> OfficialDocumentQuerySet:
    """Public entries narrowed by type (value), issuer (abbreviation), field (slug), year, status and words.

    ``q`` matches a symbol in any spelling, or every word of it (marks and case ignored) in the
    symbol, type, trích yếu, signer and issuer.
    """
    queryset = documents_public() if queryset is None else queryset
    if doc_type:
        queryset = queryset.filter(doc_type=doc_type)
    if issuer:
        queryset = queryset.filter(
            Q(issuer__abbreviation__iexact=issuer) | Q(co_issuers__abbreviation__iexact=issuer)
        )
        queryset = queryset.distinct()
    if field:
        queryset = queryset.filter(fields__slug=field)
    if year:
        queryset = queryset.filter(year=year)
    if status:
        queryset = queryset.filter(status=status)
    if q and q.strip():
        by_words = Q()
        for word in fold(q).split():
            by_words &= Q(search_text__contains=word)
        by_symbol = documents_by_symbol(q, queryset=OfficialDocument.objects.all()).values("pk")
        queryset = queryset.filter(by_words | Q(pk__in=by_symbol))
    return queryset


@dataclass(frozen=True)
class RelatedDocument:
    """One relation seen from one document's page: "this document <label> <document>"."""

    relation: DocumentRelation
    document: OfficialDocument
    direction: Literal["out", "in"]
    kind: str
    label: str
    heading: str


def document_relations(document: OfficialDocument, *, public: bool = True) -> list[RelatedDocument]:
    """Both directions of every relation of ``document``, labelled, in one query.

    Outgoing rows read with the kind's forward label ("thay thế"), incoming rows with its inverse
    ("bị thay thế bởi"). With ``public``, documents at the other end that are not published are left
    out, so a draft never shows through a published page.
    """
    rows = (
        DocumentRelation.objects.filter(Q(source=document) | Q(target=document))
        .select_related("source", "source__issuer", "target", "target__issuer")
        .order_by("kind", "pk")
    )
    order = list(RELATION_LABELS)
    related: list[RelatedDocument] = []
    for row in rows:
        labels = RELATION_LABELS[row.kind]
        if row.source_id == document.pk:
            other, direction, label, heading = row.target, "out", labels.forward, labels.forward_heading
        else:
            other, direction, label, heading = row.source, "in", labels.inverse, labels.inverse_heading
        if public and not other.is_published:
            continue
        related.append(
            RelatedDocument(
                relation=row,
                document=other,
                direction=direction,  # type: ignore[arg-type]
                kind=row.kind,
                label=str(label),
                heading=str(heading),
            )
        )
    related.sort(key=lambda r: (order.index(r.kind), r.direction == "in", r.document.canonical_symbol))
    return related


def document_relation_groups(
    document: OfficialDocument, *, public: bool = True
) -> list[tuple[str, list[RelatedDocument]]]:
    """The relations grouped under vbpl.vn-style headings ("Văn bản bị thay thế", "Căn cứ ban hành")."""
    groups: dict[str, list[RelatedDocument]] = {}
    for item in document_relations(document, public=public):
        groups.setdefault(item.heading, []).append(item)
    return list(groups.items())


# -- verification ------------------------------------------------------------------------------


@dataclass
class VerificationResult:
    """Whether the registry holds a document and how a claimed copy differs from it.

    ``mismatches`` are plain-Vietnamese sentences a reader can act on ("ngày ban hành không khớp:
    văn bản gốc ngày 12/05/2021"); ``warnings`` are remarks on how the symbol was written.
    """

    symbol: str
    found: bool = False
    document: OfficialDocument | None = None
    mismatches: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    candidates: list[OfficialDocument] = field(default_factory=list)
    issued_on: dt.date | None = None
    issuer: str = ""
    signer: str = ""

    @property
    def ok(self) -> bool:
        return self.found and not self.mismatches


REGISTRY_MODEL = "documents.accesstoinformationpage"
_POSITION_PREFIXES = ("bo truong ", "thong doc ", "chanh an ", "vien truong ", "tong kiem toan ")


def _body_key(name: str) -> str:
    key = " ".join(fold(name).replace("-", " ").split())
    for prefix in _POSITION_PREFIXES:
        if key.startswith(prefix) and len(key) > len(prefix):
            return key[len(prefix) :]
    return key


def _issuer_matches(claimed: str, body: Organisation) -> bool:
    key = _body_key(claimed)
    names = {_body_key(body.name), fold(body.abbreviation), fold(body.code)}
    return key in names or _body_key(body.name) in key


def _signer_matches(claimed: str, signer: str) -> bool:
    claimed_key, signer_key = " ".join(fold(claimed).split()), " ".join(fold(signer).split())
    return claimed_key == signer_key or claimed_key.endswith(signer_key)


def document_verify(
    *,
    symbol: str = "",
    issued_on: dt.date | None = None,
    issuer: str | None = None,
    signer: str | None = None,
    text: str | None = None,
) -> VerificationResult:
    """Check a claimed document against the published registry and list every difference.

    When ``text`` (a pasted document) is given, its header supplies whatever the other arguments
    leave empty: the symbol after "Số", the date line, the issuing body and the signer at the end
    (see ``headers.parse_header``, best effort).
    """
    from congtin.vietnamese.symbols import SymbolError, parse_symbol

    if text:
        header = parse_header(text)
        symbol = symbol or header.symbol
        issued_on = issued_on or header.issued_on
        issuer = issuer or header.issuer
        signer = signer or header.signer
    symbol = nfc(symbol.strip())
    result = VerificationResult(
        symbol=symbol, issued_on=issued_on, issuer=(issuer or "").strip(), signer=(signer or "").strip()
    )
    if not symbol:
        result.mismatches.append(_("không tìm thấy số ký hiệu của văn bản"))
        return result

    parsed = None
    try:
        parsed = parse_symbol(symbol)
    except SymbolError as error:
        result.warnings.append(
            _("số ký hiệu “%(symbol)s” không đúng quy tắc: %(reason)s") % {"symbol": symbol, "reason": error}
        )
    if parsed is not None:
        result.warnings.extend(parsed.warnings)
        if parsed.canonical != symbol:
            result.warnings.append(_("số ký hiệu viết chuẩn là %(symbol)s") % {"symbol": parsed.canonical})

    candidates = list(documents_by_symbol(symbol))
    if len(candidates) > 1 and issued_on is not None:
        same_year = [d for d in candidates if d.year == issued_on.year]
        candidates = same_year or candidates
    if len(candidates) > 1 and result.issuer:
        same_issuer = [d for d in candidates if _issuer_matches(result.issuer, d.issuer)]
        candidates = same_issuer or candidates
    result.candidates = candidates
    if not candidates:
        shown = parsed.canonical if parsed is not None else symbol
        result.mismatches.append(_("không có văn bản số %(symbol)s trong cơ sở dữ liệu") % {"symbol": shown})
        return result
    if len(candidates) > 1:
        years = ", ".join(str(d.year) for d in candidates)
        result.mismatches.append(
            _(
                "có %(count)s văn bản cùng số %(symbol)s (các năm %(years)s); "
                "cần ghi ngày ban hành để xác định văn bản"
            )
            % {"count": len(candidates), "symbol": candidates[0].canonical_symbol, "years": years}
        )
        return result

    document = candidates[0]
    result.found, result.document = True, document
    if issued_on is not None and document.issued_on is not None and issued_on != document.issued_on:
        result.mismatches.append(
            _("ngày ban hành không khớp: văn bản gốc ngày %(date)s")
            % {"date": format_date(document.issued_on)}
        )
    if result.issuer and not _issuer_matches(result.issuer, document.issuer):
        current = document.issuer.current
        if current.pk != document.issuer.pk and _issuer_matches(result.issuer, current):
            result.warnings.append(
                _("văn bản do %(issuer)s ban hành; chức năng của cơ quan này nay thuộc %(current)s")
                % {"issuer": document.issuer.name, "current": current.name}
            )
        else:
            result.mismatches.append(
                _("cơ quan ban hành không khớp: văn bản gốc do %(issuer)s ban hành")
                % {"issuer": document.issuer.name}
            )
    if result.signer and document.signer and not _signer_matches(result.signer, document.signer):
        result.mismatches.append(
            _("người ký không khớp: văn bản gốc do %(signer)s ký") % {"signer": document.signer}
        )
    result.mismatches.extend(_status_mismatches(document))
    return result


def _status_mismatches(document: OfficialDocument) -> list[str]:
    if document.status == DocumentStatus.EXPIRED:
        message = _("văn bản đã hết hiệu lực")
        if document.expires_on is not None:
            message = _("văn bản đã hết hiệu lực từ ngày %(date)s") % {
                "date": format_date(document.expires_on)
            }
        ended_by = [
            r
            for r in document_relations(document)
            if r.direction == "in" and r.kind in (RelationKind.REPLACES, RelationKind.REPEALS)
        ]
        if ended_by:
            message += "; " + "; ".join(
                _("%(label)s %(document)s") % {"label": r.label, "document": r.document} for r in ended_by
            )
        return [message]
    if document.status == DocumentStatus.PARTLY_EXPIRED:
        return [_("văn bản đã hết hiệu lực một phần")]
    if document.status == DocumentStatus.NOT_YET_IN_FORCE:
        message = _("văn bản chưa có hiệu lực")
        if document.effective_on is not None:
            message = _("văn bản chưa có hiệu lực (có hiệu lực từ ngày %(date)s)") % {
                "date": format_date(document.effective_on)
            }
        return [message]
    return []


# -- the public section (Tiếp cận thông tin) ----------------------------------------------------


def documents_listing() -> OfficialDocumentQuerySet:
    """Published entries for a listing: issuer joined, newest first, undated ones last on every database."""
    return (
        OfficialDocument.objects.published()
        .select_related("issuer")
        .order_by(F("issued_on").desc(nulls_last=True), "-year", "-pk")
    )


@dataclass(frozen=True)
class FilterOptions:
    """What the listing's filters offer: only values some published entry has."""

    issuers: list[Organisation]
    fields: list[Field]
    years: list[int]


def registry_filter_options() -> FilterOptions:
    published = OfficialDocument.objects.published()
    return FilterOptions(
        issuers=list(Organisation.objects.filter(documents__in=published).distinct().order_by("name")),
        fields=list(Field.objects.filter(documents__in=published).distinct().order_by("name")),
        years=sorted(set(published.values_list("year", flat=True)), reverse=True),
    )


_SO_WORD_RE = re.compile(r"(?<!\w)so\s*:?(?=\s)")


def _lookup_key(text: str) -> str:
    """A typed lookup as the index stores its keys: folded, "số" dropped, single spaces."""
    key = _SO_WORD_RE.sub(" ", fold(text))
    return " ".join(key.split())


def documents_lookup(
    text: str, *, queryset: OfficialDocumentQuerySet | None = None
) -> OfficialDocumentQuerySet:
    """Entries a typed number points at, in any of the forms people type.

    A full symbol in any spelling ("09/2017/nd-cp", "Số: 12/CT-TTg"), a citation ("Nghị định số
    09/2017/NĐ-CP ngày 09/02/2017"), or a short form the lookup keys hold ("09/2017", "nđ 09/2017",
    "nghị định 09", "12 ct ttg"). Words that are not a number match nothing here: that is the
    listing's word search (``documents_filter``).
    """
    from congtin.vietnamese.symbols import SymbolError, parse_symbol

    queryset = documents_listing() if queryset is None else queryset
    text = nfc(text).strip()
    if not text or len(text) > 200:
        return queryset.none()
    try:
        return queryset.filter(canonical_symbol=parse_symbol(text).canonical)
    except SymbolError:
        pass
    citations = find_citations(text)
    if len(citations) == 1:
        return queryset.filter(canonical_symbol=citations[0].symbol.canonical)
    key = _lookup_key(text)
    if not key or not any(char.isdigit() for char in key):
        return queryset.none()
    return queryset.filter(search_keys__contains=f"|{key}|")


def document_by_slug(slug: str) -> OfficialDocument | None:
    """A published entry by its address (``09-2017-nd-cp``), or by id for entries saved before slugs."""
    queryset = documents_public().select_related("issuer__successor")
    if slug.isdigit():
        return queryset.filter(pk=int(slug)).first()
    return queryset.filter(slug=slug).first()


def document_citing_pages(document: OfficialDocument) -> PageQuerySet:
    """Live, unrestricted pages whose published text cites ``document``, newest first."""
    cited_by = DocumentCitation.objects.filter(document=document, source_page__isnull=False).values(
        "source_page"
    )
    return without_view_restrictions(Page.objects.live().filter(pk__in=cited_by)).order_by(
        "-first_published_at", "-pk"
    )


def document_citing_documents(document: OfficialDocument) -> OfficialDocumentQuerySet:
    """Published entries whose full text cites ``document``."""
    cited_by = DocumentCitation.objects.filter(document=document, source_document__isnull=False).values(
        "source_document"
    )
    return documents_listing().filter(pk__in=cited_by).exclude(pk=document.pk)


def disclosure_list() -> OfficialDocumentQuerySet:
    """The registry as the list of information that must be published (Decree 13/2018, Art. 6)."""
    return documents_listing().prefetch_related("attachments")


# -- citations in published content ---------------------------------------------------------------


def citation_candidates(canonicals: Iterable[str]) -> dict[str, list[OfficialDocument]]:
    """Every entry, drafts included, under each canonical symbol; one query. Newest first."""
    wanted = set(canonicals)
    found: dict[str, list[OfficialDocument]] = {}
    if not wanted:
        return found
    for document in OfficialDocument.objects.filter(canonical_symbol__in=wanted).order_by(
        F("issued_on").desc(nulls_last=True), "-year", "-pk"
    ):
        found.setdefault(document.canonical_symbol, []).append(document)
    return found


def citation_pick(candidates: Sequence[OfficialDocument], issued: dt.date | None) -> OfficialDocument | None:
    """The entry a citation means: the one of the cited date or year when several share the symbol."""
    if not candidates:
        return None
    if issued is not None:
        for document in candidates:
            if document.issued_on == issued:
                return document
        for document in candidates:
            if document.year == issued.year:
                return document
    return candidates[0]


@dataclass(frozen=True)
class CitedDocument:
    """One item of "Văn bản liên quan": an entry of the registry, or a cited number it lacks."""

    label: str
    url: str | None
    document: OfficialDocument | None
    canonical: str


class CitationIndex:
    """The stored citations of one source, ready to render: links, cards and the related list."""

    def __init__(
        self,
        rows: Sequence[DocumentCitation],
        registry: AccessToInformationPage | None,
        request: HttpRequest | None,
    ) -> None:
        self.rows = list(rows)
        self.by_location: dict[str, list[DocumentCitation]] = {}
        for row in self.rows:
            self.by_location.setdefault(row.location, []).append(row)
        self._base = registry.get_url(request) if registry is not None else None
        self._registry = registry

    def __bool__(self) -> bool:
        return bool(self.rows)

    def public_document(self, row: DocumentCitation) -> OfficialDocument | None:
        document = row.document
        return document if document is not None and document.is_published else None

    def url_for(self, row: DocumentCitation) -> str | None:
        """The entry's page, or the page saying what was cited when the registry lacks it."""
        if self._base is None or self._registry is None:
            return None
        document = self.public_document(row)
        if document is not None:
            return self._base + self._registry.reverse_subpage("document", args=(document.url_slug,))
        return self._base + self._registry.reverse_subpage("symbol") + "?" + urlencode({"so": row.canonical})

    def rows_for(self, location: str, source: str) -> list[DocumentCitation]:
        """The linkable citations of a passage, if the passage is still the text that was indexed."""
        rows = self.by_location.get(location, [])
        if not rows or rows[0].source_hash != citing.source_hash(source):
            return []
        return [row for row in rows if row.linkable]

    @property
    def related(self) -> list[CitedDocument]:
        """Each cited document once, in order of first mention: "Văn bản liên quan"."""
        seen: set[str] = set()
        related: list[CitedDocument] = []
        for row in self.rows:
            document = self.public_document(row)
            key = f"#{document.pk}" if document is not None else row.canonical
            if key in seen:
                continue
            seen.add(key)
            label = (
                str(document)
                if document is not None
                else " ".join(filter(None, [row.type_name, row.canonical]))
            )
            related.append(
                CitedDocument(label=label, url=self.url_for(row), document=document, canonical=row.canonical)
            )
        return related


def _citation_rows(**source: Any) -> QuerySet[DocumentCitation]:
    return (
        DocumentCitation.objects.filter(**source)
        .select_related("document", "document__issuer")
        .order_by("position", "pk")
    )


def page_citations(page: Page, *, request: HttpRequest | None = None) -> CitationIndex:
    """The stored citations of a published page, with the address of its site's registry.

    One query: the registry page comes from the site's cached structure (``core.structure``); a second
    only for a site too large for that structure, or without a request.
    """
    from congtin.documents.pages import AccessToInformationPage

    if page.pk is None:  # the preview of an article not yet saved: nothing indexed
        return CitationIndex([], None, request)
    rows = list(_citation_rows(source_page=page))
    if not rows:
        return CitationIndex([], None, request)
    under = page.path[: page.steplen * 2]  # the site's root
    snapshot = request_structure(request)
    registry: tuple[int, str] | None
    if snapshot is not None and snapshot.complete:
        entry = snapshot.first_public(REGISTRY_MODEL, under=under)
        registry = (entry.pk, entry.url_path) if entry is not None else None
    else:
        registry = (
            without_view_restrictions(AccessToInformationPage.objects.live().filter(path__startswith=under))
            .order_by("path")
            .values_list("pk", "url_path")
            .first()
        )
    # Enough of the page to build its URLs; Wagtail reads the site's root paths from its cache.
    stub = AccessToInformationPage(pk=registry[0], url_path=registry[1]) if registry is not None else None
    return CitationIndex(rows, stub, request)


def document_citations(
    document: OfficialDocument, *, registry: AccessToInformationPage, request: HttpRequest | None = None
) -> CitationIndex:
    """The stored citations of an entry's full text; one query."""
    return CitationIndex(list(_citation_rows(source_document=document)), registry, request)


@dataclass(frozen=True)
class OutdatedCitation:
    """A document a draft cites that is no longer (wholly) in force, and why, for the editor."""

    document: OfficialDocument
    printed: str
    reasons: list[str]


def citations_outdated(passages: Iterable[citing.Passage]) -> list[OutdatedCitation]:
    """Cited entries that have expired, partly expired, or been replaced; two queries.

    Runs the finder, so it is for the admin (an editor opening or saving a draft), never for public
    pages. Drafts of the registry count: the editor should know even before the entry is published.
    """
    found = [
        (item.citation.printed, item.citation.symbol.canonical, item.citation.issued)
        for passage in passages
        for item in citing.locate(passage)
    ]
    candidates = citation_candidates(canonical for _printed, canonical, _issued in found)
    chosen: dict[int, tuple[str, OfficialDocument]] = {}
    for printed, canonical, issued in found:
        document = citation_pick(candidates.get(canonical, []), issued)
        if document is not None and document.pk not in chosen:
            chosen[document.pk] = (printed, document)
    if not chosen:
        return []
    ended_by: dict[int, list[DocumentRelation]] = {}
    for relation in DocumentRelation.objects.filter(
        target__in=list(chosen), kind__in=(RelationKind.REPLACES, RelationKind.REPEALS)
    ).select_related("source"):
        ended_by.setdefault(relation.target_id, []).append(relation)
    outdated = []
    for pk, (printed, document) in chosen.items():
        reasons = []
        if document.status in (DocumentStatus.EXPIRED, DocumentStatus.PARTLY_EXPIRED):
            reasons.append(str(document.get_status_display()).lower())
        for relation in ended_by.get(pk, []):
            labels = RELATION_LABELS[relation.kind]
            reasons.append(
                _("%(label)s %(document)s") % {"label": labels.inverse, "document": relation.source}
            )
        if reasons:
            outdated.append(OutdatedCitation(document=document, printed=printed, reasons=reasons))
    return outdated
