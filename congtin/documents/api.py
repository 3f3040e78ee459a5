"""The registry's read-only JSON API and CSV export: parse the request, call a query, serialise.

Only published entries are ever listed, looked up or exported. Filters take the English names or
their Vietnamese equivalents (``type``/``loai``, ``issuer``/``co_quan``, ``field``/``linh_vuc``,
``year``/``nam``, ``status``/``tinh_trang``, ``q``, ``page``/``trang``, ``page_size``).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterator
from typing import Any

from django.core.paginator import EmptyPage, Paginator
from django.http import HttpRequest, JsonResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from congtin.documents import queries
from congtin.documents.choices import DocumentStatus, DocumentType
from congtin.documents.importing import RowError, parse_date
from congtin.documents.models import OfficialDocument, OfficialDocumentQuerySet

PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
MAX_VERIFY_TEXT = 200_000
EXPORT_CHUNK = 500
JSON_OPTIONS = {"ensure_ascii": False}

# Export columns are the import columns (docs/documents-import.md), so an export imports back.
EXPORT_COLUMNS = (
    "number",
    "doc_type",
    "issue_date",
    "issuer",
    "title",
    "signer",
    "signer_position",
    "effective_date",
    "expiry_date",
    "status",
    "fields",
    "co_issuers",
    "url",
)


class BadRequest(ValueError):
    pass


def _param(request: HttpRequest, *names: str) -> str:
    for name in names:
        value = request.GET.get(name, "").strip()
        if value:
            return value
    return ""


def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _filtered(request: HttpRequest) -> OfficialDocumentQuerySet:
    doc_type = _param(request, "type", "loai")
    if doc_type and doc_type not in DocumentType.values:
        raise BadRequest(_("Loại văn bản không hợp lệ: %(value)s") % {"value": doc_type})
    status = _param(request, "status", "tinh_trang")
    if status and status not in DocumentStatus.values:
        raise BadRequest(_("Tình trạng hiệu lực không hợp lệ: %(value)s") % {"value": status})
    year_text = _param(request, "year", "nam")
    if year_text and not year_text.isdigit():
        raise BadRequest(_("Năm phải là số: %(value)s") % {"value": year_text})
    return queries.documents_filter(
        doc_type=doc_type or None,
        issuer=_param(request, "issuer", "co_quan") or None,
        field=_param(request, "field", "linh_vuc") or None,
        year=int(year_text) if year_text else None,
        status=status or None,
        q=_param(request, "q") or None,
    )


def document_brief(document: OfficialDocument, request: HttpRequest) -> dict[str, Any]:
    """The fields every listing shows; needs ``issuer`` joined and nothing else."""
    return {
        "id": document.pk,
        "symbol": document.canonical_symbol,
        "type": {"code": document.doc_type, "label": document.get_doc_type_display()},
        "summary": document.summary,
        "issued_on": _date(document.issued_on),
        "issuer": {"abbreviation": document.issuer.abbreviation, "name": document.issuer.name},
        "status": {"code": document.status, "label": document.get_status_display()},
        "url": request.build_absolute_uri(reverse("documents:api_detail", args=[document.pk])),
    }


def document_json(
    document: OfficialDocument, request: HttpRequest, *, detail: bool = False
) -> dict[str, Any]:
    """An entry as the API returns it; relations and full text only on the detail endpoint."""
    issuer = document.issuer
    successor = issuer.successor
    data = {
        **document_brief(document, request),
        "printed_symbol": document.printed_symbol,
        "number": document.number,
        "year": document.year,
        "series": document.series,
        "grammar": document.grammar,
        "issuer": {
            "abbreviation": issuer.abbreviation,
            "name": issuer.name,
            "name_en": issuer.name_en,
            "successor": (
                {"abbreviation": successor.abbreviation, "name": successor.name}
                if successor is not None
                else None
            ),
        },
        "co_issuers": [{"abbreviation": o.abbreviation, "name": o.name} for o in document.co_issuers.all()],
        "signer": document.signer,
        "signer_position": document.signer_position,
        "effective_on": _date(document.effective_on),
        "expires_on": _date(document.expires_on),
        "in_force": document.is_in_force,
        "fields": [{"slug": f.slug, "name": f.name} for f in document.fields.all()],
        "attachments": [
            {
                "title": a.title,
                "content_type": a.content_type,
                "size": a.size,
                "url": request.build_absolute_uri(reverse("documents:attachment", args=[a.pk])),
            }
            for a in document.attachments.all()
        ],
        "updated_at": document.updated_at.isoformat(),
    }
    if detail:
        data["relations"] = [
            {
                "kind": item.kind,
                "direction": item.direction,
                "label": item.label,
                "heading": item.heading,
                "note": item.relation.note,
                "document": document_brief(item.document, request),
            }
            for item in queries.document_relations(document)
        ]
        data["full_text"] = document.full_text
    return data


def _error(message: str, status: int) -> JsonResponse:
    return JsonResponse({"error": message}, status=status, json_dumps_params=JSON_OPTIONS)


@require_GET
def document_list(request: HttpRequest) -> JsonResponse:
    """``GET /api/documents/``: published entries, newest first, filtered and paginated."""
    try:
        queryset = _filtered(request)
        size_text = request.GET.get("page_size", "")
        page_size = (
            min(int(size_text), MAX_PAGE_SIZE) if size_text.isdigit() and int(size_text) > 0 else PAGE_SIZE
        )
        page_text = _param(request, "page", "trang") or "1"
        if not page_text.isdigit():
            raise BadRequest(_("Số trang phải là số: %(value)s") % {"value": page_text})
    except BadRequest as error:
        return _error(str(error), 400)
    paginator = Paginator(queryset, page_size)
    try:
        page = paginator.page(int(page_text))
    except EmptyPage:
        return _error(_("Không có trang %(page)s.") % {"page": page_text}, 404)

    def page_url(number: int) -> str:
        params = request.GET.copy()
        params["page"] = str(number)
        params.pop("trang", None)
        return request.build_absolute_uri(f"{request.path}?{params.urlencode()}")

    return JsonResponse(
        {
            "count": paginator.count,
            "page": page.number,
            "page_size": page_size,
            "num_pages": paginator.num_pages,
            "next": page_url(page.next_page_number()) if page.has_next() else None,
            "previous": page_url(page.previous_page_number()) if page.has_previous() else None,
            "results": [document_json(document, request) for document in page.object_list],
        },
        json_dumps_params=JSON_OPTIONS,
    )


@require_GET
def document_detail(request: HttpRequest, key: str) -> JsonResponse:
    """``GET /api/documents/<id or symbol>/``: one published entry with its relations."""
    document = queries.document_by_key(key)
    if document is None:
        return _error(_("Không có văn bản %(key)s.") % {"key": key}, 404)
    return JsonResponse(document_json(document, request, detail=True), json_dumps_params=JSON_OPTIONS)


def _verify_input(request: HttpRequest) -> dict[str, str]:
    if request.method == "POST":
        if request.content_type == "application/json":
            try:
                body = json.loads(request.body or b"{}")
            except json.JSONDecodeError as error:
                raise BadRequest(_("Nội dung gửi lên không phải JSON hợp lệ.")) from error
            if not isinstance(body, dict):
                raise BadRequest(_("Nội dung gửi lên phải là một đối tượng JSON."))
            source: Any = body
        else:
            source = request.POST
    else:
        source = request.GET
    return {
        name: str(source.get(name) or "").strip() for name in ("so", "ngay", "co_quan", "nguoi_ky", "van_ban")
    }


@csrf_exempt  # read-only: it changes nothing and reads no session, so there is nothing to forge
@require_http_methods(["GET", "POST"])
def document_verify(request: HttpRequest) -> JsonResponse:
    """``/api/documents/verify/?so=…&ngay=dd/mm/YYYY&co_quan=…&nguoi_ky=…``; POST may add ``van_ban``.

    ``van_ban`` is a pasted document: its header supplies whatever the other fields leave empty.
    """
    try:
        values = _verify_input(request)
        if len(values["van_ban"]) > MAX_VERIFY_TEXT:
            raise BadRequest(_("Văn bản dán vào quá dài."))
        if not values["so"] and not values["van_ban"]:
            raise BadRequest(_("Cần số ký hiệu (so) hoặc nội dung văn bản (van_ban)."))
        try:
            issued_on = parse_date(values["ngay"], _("ngày ban hành"))
        except RowError as error:
            raise BadRequest("; ".join(error.reasons)) from error
    except BadRequest as error:
        return _error(str(error), 400)
    result = queries.document_verify(
        symbol=values["so"],
        issued_on=issued_on,
        issuer=values["co_quan"] or None,
        signer=values["nguoi_ky"] or None,
        text=values["van_ban"] or None,
    )
    return JsonResponse(
        {
            "found": result.found,
            "ok": result.ok,
            "symbol": result.symbol,
            "query": {
                "issued_on": _date(result.issued_on),
                "issuer": result.issuer,
                "signer": result.signer,
            },
            "mismatches": result.mismatches,
            "warnings": result.warnings,
            "document": document_json(result.document, request) if result.document is not None else None,
            "candidates": [document_brief(d, request) for d in result.candidates] if not result.found else [],
        },
        json_dumps_params=JSON_OPTIONS,
    )


class _Echo:
    def write(self, value: str) -> str:
        return value


def _export_rows(queryset: OfficialDocumentQuerySet, request: HttpRequest) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield "\ufeff"  # so spreadsheet programs read the file as UTF-8
    yield writer.writerow(EXPORT_COLUMNS)
    for document in queryset.iterator(chunk_size=EXPORT_CHUNK):
        yield writer.writerow(
            [
                document.canonical_symbol,
                document.get_doc_type_display(),
                _date(document.issued_on) or "",
                document.issuer.name,
                document.summary,
                document.signer,
                document.signer_position,
                _date(document.effective_on) or "",
                _date(document.expires_on) or "",
                document.get_status_display(),
                "; ".join(f.name for f in document.fields.all()),
                "; ".join(o.abbreviation for o in document.co_issuers.all()),
                request.build_absolute_uri(reverse("documents:api_detail", args=[document.pk])),
            ]
        )


@require_GET
def document_export_csv(request: HttpRequest) -> HttpResponseBase:
    """``GET /api/documents.csv``: every published entry matching the list filters, as CSV.

    The list Decree 13/2018 Art. 6 asks for (name, number and symbol, date…) in one file; the
    columns are the import columns, so the file can be imported into another installation.
    """
    try:
        queryset = _filtered(request)
    except BadRequest as error:
        return _error(str(error), 400)
    response = StreamingHttpResponse(_export_rows(queryset, request), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="van-ban.csv"'
    return response
