from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from congtin.documents import services
from congtin.documents.choices import DocumentStatus, DocumentType, RelationKind
from congtin.documents.tests.factories import (
    FieldFactory,
    OfficialDocumentFactory,
    OrganisationFactory,
    pdf_bytes,
    upload,
)

pytestmark = pytest.mark.django_db

LIST = "/api/documents/"


def _make(count: int, **kwargs) -> list:
    field = FieldFactory(name="Cán bộ, công chức", slug="can-bo-cong-chuc")
    ministry = OrganisationFactory(abbreviation="BNV", name="Bộ Nội vụ")
    documents = []
    for _index in range(count):
        document = OfficialDocumentFactory(fields=[field], **kwargs)
        document.co_issuers.add(ministry)
        services.document_attach(document=document, file=upload("x.pdf", pdf_bytes()), title="Toàn văn")
        documents.append(document)
    return documents


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_list_is_paginated_and_newest_first(client):
    _make(3)
    latest = OfficialDocumentFactory(issued_on=dt.date(2021, 12, 30))
    data = client.get(LIST, {"page_size": 2}).json()
    assert (data["count"], data["num_pages"], data["page"]) == (4, 2, 1)
    assert data["results"][0]["symbol"] == latest.canonical_symbol
    assert data["next"].endswith("page=2&page_size=2") or "page=2" in data["next"]
    second = client.get(data["next"]).json()
    assert len(second["results"]) == 2 and second["next"] is None
    assert client.get(LIST, {"page": 9}).status_code == 404


def test_unpublished_entries_are_never_listed_nor_looked_up(client):
    draft = OfficialDocumentFactory(is_published=False, summary="Bản nháp bí mật")
    OfficialDocumentFactory()
    data = client.get(LIST).json()
    assert data["count"] == 1
    assert "Bản nháp" not in str(data)
    assert client.get(f"/api/documents/{draft.pk}/").status_code == 404
    assert client.get(f"/api/documents/{draft.canonical_symbol}/").status_code == 404
    assert "Bản nháp" not in client.get("/api/documents.csv").getvalue().decode()


def test_filters_narrow_the_list(client):
    ministry = services.organisation_ensure_known(abbreviation="BNV")
    field = FieldFactory(name="Văn thư", slug="van-thu")
    circular = services.document_create(
        doc_type=DocumentType.THONG_TU,
        printed_symbol="02/2021/TT-BNV",
        issuer=ministry,
        issued_on=dt.date(2021, 6, 11),
        summary="Quy định mã số, tiêu chuẩn chuyên môn các ngạch công chức hành chính và văn thư",
        status=DocumentStatus.IN_FORCE,
        fields=[field],
        is_published=True,
    )
    OfficialDocumentFactory(status=DocumentStatus.EXPIRED, issued_on=dt.date(2021, 2, 1))

    def symbols(**params):
        return [d["symbol"] for d in client.get(LIST, params).json()["results"]]

    assert symbols(type="thong_tu") == ["02/2021/TT-BNV"]
    assert symbols(loai="thong_tu") == ["02/2021/TT-BNV"]
    assert symbols(issuer="BNV") == ["02/2021/TT-BNV"]
    assert symbols(field="van-thu") == ["02/2021/TT-BNV"]
    assert symbols(status="het_hieu_luc") != ["02/2021/TT-BNV"]
    assert len(symbols(year=2021)) == 2
    assert symbols(year=2020) == []
    assert symbols(q="ngach cong chuc van thu") == [circular.canonical_symbol]  # marks and case ignored
    assert symbols(q="tuổi nghỉ hưu") == []
    assert symbols(q="2/2021/tt-bnv") == ["02/2021/TT-BNV"]
    assert client.get(LIST, {"year": "hai nghìn"}).status_code == 400
    assert client.get(LIST, {"status": "sai"}).json()["error"].startswith("Tình trạng hiệu lực không hợp lệ")


def test_the_list_runs_the_same_number_of_queries_for_few_and_many_entries(client):
    _make(2)
    few = _queries(client, LIST)
    _make(12)
    assert _queries(client, LIST) == few
    assert few <= 6


def test_the_detail_is_found_by_id_or_by_symbol_and_lists_relations_both_ways(client):
    government = services.organisation_ensure_known(abbreviation="CP")
    old = OfficialDocumentFactory(
        issuer=government, printed_symbol="43/2011/NĐ-CP", issued_on=dt.date(2011, 6, 13)
    )
    new = OfficialDocumentFactory(
        issuer=government, printed_symbol="42/2022/NĐ-CP", issued_on=dt.date(2022, 6, 24)
    )
    services.document_relate(source=new, target=old, kind=RelationKind.REPLACES)

    by_symbol = client.get("/api/documents/42/2022/NĐ-CP/").json()
    assert by_symbol["id"] == new.pk
    assert by_symbol["relations"] == [
        {
            "kind": "thay_the",
            "direction": "out",
            "label": "thay thế",
            "heading": "Văn bản bị thay thế",
            "note": "",
            "document": by_symbol["relations"][0]["document"],
        }
    ]
    assert by_symbol["relations"][0]["document"]["symbol"] == "43/2011/NĐ-CP"
    by_id = client.get(reverse("documents:api_detail", args=[old.pk])).json()
    assert by_id["relations"][0]["label"] == "bị thay thế bởi"
    assert client.get("/api/documents/9/2011/nd-cp/").status_code == 404


def test_the_csv_export_holds_the_import_columns_and_runs_constant_queries(client):
    _make(2)
    response = client.get("/api/documents.csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert len(rows) == 2
    assert rows[0]["doc_type"] == "Nghị định"
    assert rows[0]["issuer"] == "Chính phủ"
    assert rows[0]["co_issuers"] == "BNV"

    def exported_queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            b"".join(client.get("/api/documents.csv").streaming_content)
        return len(captured)

    few = exported_queries()
    _make(10)
    assert exported_queries() == few
