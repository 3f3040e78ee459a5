"""Writes on the document registry. Every write validates the whole entry first (``OfficialDocument.clean``).

Reads live in ``queries``; the import file format lives in ``importing``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page

from congtin.core import structure
from congtin.documents.choices import DocumentStatus, DocumentType, RelationKind
from congtin.documents.files import sniff_document_file
from congtin.documents.importing import ImportReport, ImportRow, RowError, RowResult, parse_row
from congtin.documents.issuers import GENERIC_CODES, KNOWN_BY_ABBREVIATION, KNOWN_ISSUERS, KnownIssuer
from congtin.documents.models import (
    IDENTITY_MESSAGE,
    DocumentAttachment,
    DocumentCitation,
    DocumentRelation,
    Field,
    OfficialDocument,
    Organisation,
    allowed_types,
    code_key,
)
from congtin.users.roles import EDITOR, EDITOR_IN_CHIEF
from congtin.vietnamese import fold
from congtin.vietnamese.symbols import ISSUERS as SYMBOL_ISSUERS

if TYPE_CHECKING:
    from congtin.documents.pages import AccessToInformationPage
    from congtin.vietnamese.symbols import DocumentSymbol

# Fields ``document_update`` may change; identity fields follow from the symbol and are derived.
EDITABLE_FIELDS = (
    "doc_type",
    "printed_symbol",
    "issuer",
    "signer",
    "signer_position",
    "issued_on",
    "year",
    "effective_on",
    "expires_on",
    "status",
    "summary",
    "full_text",
    "is_published",
)


def _save_validated(document: OfficialDocument) -> OfficialDocument:
    # clean() checks every database constraint with a message naming the conflicting entry; the
    # constraints stay as the backstop for a concurrent write, reported with the generic message.
    document.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            document.save()
    except IntegrityError as error:
        raise ValidationError(str(IDENTITY_MESSAGE)) from error
    return document


@transaction.atomic
def document_create(
    *,
    doc_type: str,
    printed_symbol: str,
    issuer: Organisation,
    issued_on: dt.date | None = None,
    year: int | None = None,
    effective_on: dt.date | None = None,
    expires_on: dt.date | None = None,
    status: str = DocumentStatus.UNKNOWN,
    summary: str = "",
    signer: str = "",
    signer_position: str = "",
    full_text: str = "",
    fields: Iterable[Field] = (),
    co_issuers: Iterable[Organisation] = (),
    is_published: bool = False,
) -> OfficialDocument:
    """Add a document to the registry; a second entry with the same identity is refused.

    ``year`` is needed only when neither the symbol nor ``issued_on`` gives it (a Party document
    known by its year alone).
    """
    document = OfficialDocument(
        doc_type=doc_type,
        printed_symbol=printed_symbol,
        issuer=issuer,
        issued_on=issued_on,
        year=year,
        effective_on=effective_on,
        expires_on=expires_on,
        status=status,
        summary=summary,
        signer=signer,
        signer_position=signer_position,
        full_text=full_text,
        is_published=is_published,
    )
    _save_validated(document)
    document.fields.set(list(fields))
    document.co_issuers.set(list(co_issuers))
    document_citations_refresh(document=document)
    return document


@transaction.atomic
def document_update(
    *,
    document: OfficialDocument,
    fields: Iterable[Field] | None = None,
    co_issuers: Iterable[Organisation] | None = None,
    **changes: Any,
) -> OfficialDocument:
    """Change the given attributes (see ``EDITABLE_FIELDS``) and validate the entry as a whole."""
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"document_update() cannot change {', '.join(sorted(unknown))}")
    before = {name: getattr(document, name) for name in changes}
    for name, value in changes.items():
        setattr(document, name, value)
    try:
        _save_validated(document)
    except ValidationError:
        # Leave the caller's instance as it was, not half-changed.
        for name, value in before.items():
            setattr(document, name, value)
        raise
    if fields is not None:
        document.fields.set(list(fields))
    if co_issuers is not None:
        document.co_issuers.set(list(co_issuers))
    document_citations_refresh(document=document)
    return document


@transaction.atomic
def document_set_status(
    *,
    document: OfficialDocument,
    status: str,
    effective_on: dt.date | None = None,
    expires_on: dt.date | None = None,
) -> OfficialDocument:
    """Record a change of validity, with the date it took effect when known.

    An expired document keeps its expiry date; "hết hiệu lực" with an expiry date in the future
    contradicts itself and is refused.
    """
    if status not in DocumentStatus.values:
        raise ValidationError(_("Tình trạng hiệu lực không hợp lệ: %(status)s") % {"status": status})
    if status == DocumentStatus.EXPIRED and expires_on is not None and expires_on > timezone.localdate():
        raise ValidationError(
            {"expires_on": _("Văn bản chưa tới ngày hết hiệu lực nên chưa thể ghi là đã hết hiệu lực.")}
        )
    changes: dict[str, Any] = {"status": status}
    if effective_on is not None:
        changes["effective_on"] = effective_on
    if expires_on is not None:
        changes["expires_on"] = expires_on
    return document_update(document=document, **changes)


@transaction.atomic
def document_relate(
    *, source: OfficialDocument, target: OfficialDocument, kind: str, note: str = ""
) -> DocumentRelation:
    """Record that ``source`` acts on ``target`` (replaces it, guides it…); idempotent.

    Asking again for a relation that exists returns it unchanged (the note is updated when given).
    """
    if kind not in RelationKind.values:
        raise ValidationError(_("Loại quan hệ không hợp lệ: %(kind)s") % {"kind": kind})
    existing = DocumentRelation.objects.filter(source=source, target=target, kind=kind).first()
    if existing is not None:
        if note and note != existing.note:
            existing.note = note
            existing.save(update_fields=["note"])
        return existing
    relation = DocumentRelation(source=source, target=target, kind=kind, note=note)
    relation.full_clean()
    relation.save()
    return relation


@transaction.atomic
def document_attach(*, document: OfficialDocument, file: File[Any], title: str) -> DocumentAttachment:
    """Attach a PDF or DOCX file; its type is read from its content and its size is limited."""
    sniffed = sniff_document_file(file)
    attachment = DocumentAttachment(
        document=document,
        title=title,
        file=file,
        content_type=sniffed.content_type,
        size=sniffed.size,
        sort_order=document.attachments.count(),
    )
    attachment.full_clean()
    attachment.save()
    return attachment


def _organisation_for(known: KnownIssuer, *, successor: Organisation | None) -> Organisation:
    """An unsaved organisation from the table of known issuers."""
    return Organisation(
        abbreviation=known.abbreviation,
        symbol_code=known.symbol_code,
        name=known.name,
        name_en=known.name_en,
        kind=known.kind,
        successor=successor,
    )


@transaction.atomic
def organisation_ensure_known(*, abbreviation: str) -> Organisation | None:
    """The organisation ``abbreviation`` from the table of central bodies, created with its successors.

    Returns None for an abbreviation the table does not hold.
    """
    existing = Organisation.objects.filter(abbreviation=abbreviation).first()
    if existing is not None:
        return existing
    known = KNOWN_BY_ABBREVIATION.get(abbreviation)
    if known is None:
        return None
    successor = organisation_ensure_known(abbreviation=known.successor) if known.successor else None
    organisation = _organisation_for(known, successor=successor)
    organisation.full_clean()
    organisation.save()
    return organisation


@transaction.atomic
def field_ensure(*, name: str) -> Field:
    """The lĩnh vực called ``name``, created when missing."""
    field = Field(name=name)
    field.clean()
    existing = Field.objects.filter(name=field.name).first() or Field.objects.filter(slug=field.slug).first()
    if existing is not None:
        return existing
    field.full_clean()
    field.save()
    return field


# Who edits the registry. Editors draft and correct entries; the editor-in-chief, who answers for
# what the portal publishes, also publishes and deletes them.
EDITOR_PERMISSIONS = (
    "add_officialdocument",
    "change_officialdocument",
    "add_documentattachment",
    "change_documentattachment",
    "delete_documentattachment",
    "add_documentrelation",
    "change_documentrelation",
    "delete_documentrelation",
    "add_organisation",
    "change_organisation",
    "add_field",
    "change_field",
)
EDITOR_IN_CHIEF_PERMISSIONS = (*EDITOR_PERMISSIONS, "delete_officialdocument", "publish_officialdocument")


@transaction.atomic
def documents_permissions_setup() -> dict[str, Group]:
    """Give the editorial groups their registry permissions (idempotent, no data migration needed).

    Run by the demo loader; on a real installation run it once after ``editorial_roles_setup``
    (``manage.py shell -c "from congtin.documents.services import documents_permissions_setup as s; s()"``).
    """
    grants = {EDITOR: EDITOR_PERMISSIONS, EDITOR_IN_CHIEF: EDITOR_IN_CHIEF_PERMISSIONS}
    groups: dict[str, Group] = {}
    for role, codenames in grants.items():
        group, _created = Group.objects.get_or_create(name=role.group_name)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="documents", codename__in=codenames)
        )
        group.permissions.add(
            Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
        )
        groups[role.key] = group
    return groups


class _IssuerResolver:
    """Finds the issuing body of an import row, creating a central body the first time it is met.

    Bodies created for a row that is then refused are forgotten along with the row's savepoint.
    """

    def __init__(self) -> None:
        self.created_in_row: list[Organisation] = []
        self._bodies: list[Organisation] | None = None

    @property
    def bodies(self) -> list[Organisation]:
        if self._bodies is None:
            self._bodies = list(Organisation.objects.all())
        return self._bodies

    def forget_row(self) -> None:
        """The row was refused: the bodies it created were rolled back with it."""
        created = {o.pk for o in self.created_in_row}
        self._bodies = [o for o in self.bodies if o.pk not in created]
        self.created_in_row = []

    def _create(self, organisation: Organisation) -> Organisation:
        organisation.full_clean()
        organisation.save()
        self.bodies.append(organisation)
        self.created_in_row.append(organisation)
        return organisation

    def _ensure_known(self, known: KnownIssuer) -> Organisation:
        for body in self.bodies:
            if body.abbreviation == known.abbreviation:
                return body
        successor = self._ensure_known(KNOWN_BY_ABBREVIATION[known.successor]) if known.successor else None
        return self._create(_organisation_for(known, successor=successor))

    def resolve(self, *, code: str, name: str, party: bool) -> Organisation:
        for known in KNOWN_ISSUERS:
            if Organisation(abbreviation=known.abbreviation, symbol_code=known.symbol_code).matches_code(
                code
            ):
                self._ensure_known(known)
        candidates = [o for o in self.bodies if o.matches_code(code)]
        if len(candidates) > 1 and name:
            candidates = [o for o in candidates if _names_body(name, o)] or candidates
        if len(candidates) == 1:
            return candidates[0]
        if len(candidates) > 1:
            raise RowError(
                [
                    _("ký hiệu %(code)s dùng chung cho %(names)s: cần ghi rõ cơ quan ban hành")
                    % {"code": code, "names": ", ".join(o.name for o in candidates)}
                ]
            )
        if code_key(code) in {code_key(c) for c in GENERIC_CODES}:
            raise RowError(
                [
                    _(
                        "ký hiệu %(code)s không cho biết cơ quan cụ thể nào: "
                        "cần tạo cơ quan đó trong danh mục và ghi tên cơ quan"
                    )
                    % {"code": code}
                ]
            )
        if any(o.abbreviation == code for o in self.bodies):
            raise RowError([_("đã có cơ quan viết tắt %(code)s nhưng với ký hiệu khác") % {"code": code}])
        # A body outside the tables is created only when the row names it and the name bears the
        # code out: a truncated symbol ("13/2018/TT-BL") must not invent a body called "BL".
        if code in SYMBOL_ISSUERS:
            name = SYMBOL_ISSUERS[code]
        elif not (name and _initials_match(name, code)):
            raise RowError(
                [
                    _(
                        "cơ quan ký hiệu %(code)s chưa có trong danh mục và dòng không ghi tên cơ quan "
                        "khớp ký hiệu: thêm cơ quan vào danh mục trước"
                    )
                    % {"code": code}
                ]
            )
        return self._create(Organisation(abbreviation=code, name=name, kind="party" if party else "state"))


def _names_body(name: str, body: Organisation) -> bool:
    key, body_key = fold(name), fold(body.name)
    return key in (body_key, fold(body.abbreviation)) or (
        len(key) >= 6 and (key in body_key or body_key in key)
    )


def _initials_match(name: str, code: str) -> bool:
    """ "Bộ Lao động - Thương binh và Xã hội" has the initials of "BLĐTBXH"."""
    words = [w for w in fold(name).replace("-", " ").replace(",", " ").split() if w != "va"]
    return "".join(w[0] for w in words) == fold(code).replace("&", "")


def _is_party(symbol: DocumentSymbol) -> bool:
    from congtin.vietnamese.symbols import Grammar

    return symbol.grammar == Grammar.PARTY


def _infer_type(symbol: DocumentSymbol) -> str | None:
    """The type the symbol alone implies, or None when only the text can say (Luật or Nghị quyết)."""
    allowed = allowed_types(symbol)
    if not allowed:
        return DocumentType.KHAC
    if len(allowed) == 1:
        return allowed[0]
    # A state "QĐ" is a Quyết định (a state Quy định prints "QyĐ"); a Party "QĐ" may be either.
    if code_key(symbol.type_code or "") == "QĐ" and not _is_party(symbol):
        return DocumentType.QUYET_DINH
    return None


_TRACKED = (
    "doc_type",
    "issued_on",
    "effective_on",
    "expires_on",
    "status",
    "summary",
    "signer",
    "signer_position",
    "full_text",
    "is_published",
)


def _import_one(
    row: ImportRow,
    *,
    resolver: _IssuerResolver,
    publish: bool,
    seen: dict[tuple[int, str, int, str], int],
) -> RowResult:
    from congtin.vietnamese.symbols import SymbolError, parse_symbol

    result = RowResult(line=row.line, symbol=row.number, action="refused")
    try:
        symbol = parse_symbol(row.number)
    except SymbolError as error:
        raise RowError(
            [
                _("số ký hiệu “%(symbol)s” không đọc được: %(reason)s")
                % {"symbol": row.number, "reason": error}
            ]
        ) from None
    result.symbol = symbol.canonical
    doc_type = row.doc_type or _infer_type(symbol)
    if doc_type is None:
        raise RowError(
            [
                _("không xác định được loại văn bản từ ký hiệu %(symbol)s: cần ghi loại văn bản")
                % {"symbol": symbol.canonical}
            ]
        )
    issuer = resolver.resolve(code=symbol.issuers[0], name=row.issuer, party=_is_party(symbol))
    joint = [
        resolver.resolve(code=code, name="", party=_is_party(symbol)) for code in symbol.issuers[1:] if code
    ]
    year = symbol.year or (row.issue_date.year if row.issue_date else row.year)
    if year is None:
        raise RowError(
            [
                _("số ký hiệu %(symbol)s không ghi năm và thiếu ngày ban hành: không xác định được văn bản")
                % {"symbol": symbol.canonical}
            ]
        )
    key = (issuer.pk, symbol.series, year, symbol.number)
    if key in seen:
        raise RowError([_("trùng văn bản ở dòng %(line)s của tệp") % {"line": seen[key]}])
    document = OfficialDocument.objects.filter(
        issuer=issuer, series=symbol.series, year=year, number=symbol.number
    ).first()
    created = document is None
    if document is None:
        document = OfficialDocument(printed_symbol=row.number, issuer=issuer, doc_type=doc_type, year=year)
    before = {name: getattr(document, name) for name in _TRACKED}
    if row.doc_type:
        document.doc_type = row.doc_type
    values = {
        "issued_on": row.issue_date,
        "effective_on": row.effective_date,
        "expires_on": row.expiry_date,
        "status": row.status,
        "summary": row.title,
        "signer": row.signer,
        "signer_position": row.signer_position,
        "full_text": row.full_text,
        "is_published": row.published,
    }
    for name, value in values.items():
        if value not in (None, ""):
            setattr(document, name, value)
    if publish and row.published is None and not document.is_published:
        if document.summary:
            document.is_published = True
        else:
            result.notes.append(_("chưa công bố: thiếu trích yếu"))
    try:
        document.full_clean(validate_constraints=False)
    except ValidationError as error:
        raise RowError(
            [message for messages in error.message_dict.values() for message in messages]
        ) from None
    changed = created or any(getattr(document, name) != value for name, value in before.items())
    if changed:
        document.save()
        if created or document.full_text != before["full_text"]:
            document_citations_refresh(document=document)
    fields = [field_ensure(name=name) for name in row.fields]
    co_issuers = list(joint)
    for abbreviation in row.co_issuers:
        body = Organisation.objects.filter(abbreviation=abbreviation).first() or organisation_ensure_known(
            abbreviation=abbreviation
        )
        if body is None:
            raise RowError([_("không có cơ quan cùng ban hành viết tắt %(code)s") % {"code": abbreviation}])
        co_issuers.append(body)
    if fields and not set(fields) <= set(document.fields.all()):
        document.fields.add(*fields)
        changed = True
    if co_issuers and not set(co_issuers) <= set(document.co_issuers.all()):
        document.co_issuers.add(*co_issuers)
        changed = True
    seen[key] = row.line
    result.document_id = document.pk
    result.action = "created" if created else "updated" if changed else "unchanged"
    return result


def document_import(
    *,
    rows: Iterable[tuple[int, dict[str, Any] | str]],
    partial: bool = False,
    dry_run: bool = False,
    publish: bool = False,
    progress: Callable[[int], None] | None = None,
) -> ImportReport:
    """Validate every row and apply the file: all of it, or nothing when any row is refused.

    With ``partial`` the valid rows are applied and the refused ones only reported. ``dry_run``
    validates and reports without writing. Idempotent: a row whose document exists (same issuer,
    series, year and number) updates the values the row gives and never erases one it leaves empty;
    importing the same file twice reports every row "không đổi" the second time. Entries are created
    unpublished unless the row's ``published`` column or ``publish`` says otherwise.
    """
    report = ImportReport(dry_run=dry_run, partial=partial)
    resolver = _IssuerResolver()
    seen: dict[tuple[int, str, int, str], int] = {}
    with transaction.atomic():
        for done, (line, raw) in enumerate(rows, start=1):
            resolver.created_in_row = []
            try:
                with transaction.atomic():
                    if isinstance(raw, str):
                        raise RowError([raw])
                    row = parse_row(line, raw)
                    result = _import_one(row, resolver=resolver, publish=publish, seen=seen)
            except RowError as error:
                resolver.forget_row()
                symbol = "" if isinstance(raw, str) else str(raw.get("number") or raw.get("so_ky_hieu") or "")
                result = RowResult(line=line, symbol=symbol, action="refused", reasons=error.reasons)
            else:
                report.organisations_created += [o.abbreviation for o in resolver.created_in_row]
                result.notes += [
                    _("tạo mới cơ quan ban hành %(code)s") % {"code": o.abbreviation}
                    for o in resolver.created_in_row
                ]
            report.results.append(result)
            if progress is not None:
                progress(done)
        report.applied = not dry_run and (partial or not report.refused)
        if not report.applied:
            transaction.set_rollback(True)
    return report


# -- citations ------------------------------------------------------------------------------------

#: The fields of a registry entry whose citations are indexed.
DOCUMENT_CITABLE_FIELDS = ("full_text",)


@transaction.atomic
def citations_index(*, source: Page | OfficialDocument) -> list[DocumentCitation]:
    """Find the citations in a published page or a registry entry and store them, replacing the old.

    A page names its text fields in ``citable_fields`` (``ArticlePage``: the summary and the body);
    an entry's full text is indexed. Each citation is stored with the span to link and is resolved to
    the registry entry it names, drafts included (pages show only published ones), so publishing the
    entry later needs no re-indexing. An entry citing itself (its own number in its header) is skipped.
    """
    from congtin.documents import citing
    from congtin.documents.queries import citation_candidates, citation_pick

    is_page = isinstance(source, Page)
    fields = getattr(source, "citable_fields", ()) if is_page else DOCUMENT_CITABLE_FIELDS
    owner: dict[str, Any] = {"source_page": source} if is_page else {"source_document": source}
    found = [
        (passage, item) for passage in citing.passages_of(source, fields) for item in citing.locate(passage)
    ]
    candidates = citation_candidates(item.citation.symbol.canonical for _passage, item in found)
    rows = []
    for position, (passage, item) in enumerate(found):
        citation = item.citation
        document = citation_pick(candidates.get(citation.symbol.canonical, []), citation.issued)
        if not is_page and document is not None and document.pk == source.pk:
            continue
        rows.append(
            DocumentCitation(
                **owner,
                location=passage.location,
                source_hash=citing.source_hash(passage.source),
                position=position,
                start=item.start,
                end=item.end,
                printed=citation.printed[:200],
                canonical=citation.symbol.canonical,
                type_name=(citation.doc_type or "")[:100],
                issued_on=citation.issued,
                document=document,
            )
        )
    DocumentCitation.objects.filter(**owner).delete()
    return DocumentCitation.objects.bulk_create(rows)


@transaction.atomic
def citations_clear(*, source: Page | OfficialDocument) -> int:
    """Forget a source's citations: the page was unpublished or withdrawn. Returns how many went."""
    owner: dict[str, Any] = (
        {"source_page": source} if isinstance(source, Page) else {"source_document": source}
    )
    deleted, _by_model = DocumentCitation.objects.filter(**owner).delete()
    return deleted


@transaction.atomic
def citations_resolve(*, document: OfficialDocument) -> int:
    """Point the stored citations of ``document``'s number at it, and away from it if its number changed.

    Run after an entry is saved, so an article published before the entry existed links to it
    without being republished. Returns how many citations changed.
    """
    from congtin.documents.queries import citation_candidates, citation_pick

    rows = list(
        DocumentCitation.objects.filter(
            Q(canonical=document.canonical_symbol) | Q(document=document)
        ).exclude(source_document=document)
    )
    candidates = citation_candidates(row.canonical for row in rows)
    changed = []
    for row in rows:
        picked = citation_pick(candidates.get(row.canonical, []), row.issued_on)
        if (picked.pk if picked else None) != row.document_id:
            row.document = picked
            changed.append(row)
    DocumentCitation.objects.bulk_update(changed, ["document"])
    if changed:
        # Articles citing the number now link to another entry (or to none): their kept texts are stale.
        structure.data_changed(structure.REGISTRY_DATA)
    return len(changed)


@transaction.atomic
def citations_reindex() -> dict[str, int]:
    """Index every live page that names ``citable_fields`` and every entry's full text, from scratch.

    For an installation upgraded to the citation index, or after the finder improves; publishing keeps
    the index current otherwise. Returns how many pages, entries and citations were indexed.
    """
    pages = entries = citations = 0
    for page in Page.objects.live().specific().iterator(chunk_size=200):
        if getattr(page, "citable_fields", None):
            citations += len(citations_index(source=page))
            pages += 1
    for document in OfficialDocument.objects.exclude(full_text="").iterator(chunk_size=200):
        citations += len(citations_index(source=document))
        entries += 1
    structure.data_changed(structure.REGISTRY_DATA)
    return {"pages": pages, "documents": entries, "citations": citations}


@transaction.atomic
def document_citations_refresh(*, document: OfficialDocument) -> None:
    """After an entry is saved: index its full text and resolve the citations of its number."""
    citations_index(source=document)
    citations_resolve(document=document)


# -- the public section ---------------------------------------------------------------------------


@transaction.atomic
def access_to_information_ensure(
    *, home: Page, title: str = "", intro: str = ""
) -> tuple[AccessToInformationPage, bool]:
    """The site's "Tiếp cận thông tin" section under ``home``, created and published when missing.

    Returns the page and whether it was created. Idempotent: an existing section is left as editors
    made it.
    """
    from congtin.documents.pages import AccessToInformationPage

    existing = AccessToInformationPage.objects.child_of(home).first()
    if existing is not None:
        return existing, False
    page = AccessToInformationPage(title=title or _("Tiếp cận thông tin"), intro=intro, show_in_menus=True)
    home.add_child(instance=page)
    page.save_revision().publish()
    return page, True
