from __future__ import annotations

import datetime as dt

import pytest

from congtin.documents import queries, services
from congtin.documents.choices import DocumentStatus, DocumentType, RelationKind
from congtin.documents.headers import parse_header

pytestmark = pytest.mark.django_db

PASTED = """THỦ TƯỚNG CHÍNH PHỦ
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 12/CT-TTg
Hà Nội, ngày 12 tháng 5 năm 2021

CHỈ THỊ
VỀ TĂNG CƯỜNG CÔNG TÁC TUYÊN TRUYỀN, ĐỊNH HƯỚNG HOẠT ĐỘNG TRUYỀN THÔNG, BÁO CHÍ

Bảo vệ Tổ quốc Việt Nam xã hội chủ nghĩa là nhiệm vụ trọng yếu, thường xuyên.

Nơi nhận:
- Ban Bí thư Trung ương Đảng;
- Lưu: VT, KGVX.
THỦ TƯỚNG
(Đã ký)
Phạm Minh Chính
"""


@pytest.fixture
def directive():
    prime_minister = services.organisation_ensure_known(abbreviation="TTg")
    return services.document_create(
        doc_type=DocumentType.CHI_THI,
        printed_symbol="12/CT-TTg",
        issuer=prime_minister,
        issued_on=dt.date(2021, 5, 12),
        summary="Về tăng cường công tác tuyên truyền",
        signer="Phạm Minh Chính",
        signer_position="Thủ tướng",
        status=DocumentStatus.IN_FORCE,
        is_published=True,
    )


def test_a_matching_claim_is_found_without_mismatches(directive):
    result = queries.document_verify(
        symbol="12/CT-TTg",
        issued_on=dt.date(2021, 5, 12),
        issuer="Thủ tướng Chính phủ",
        signer="Phạm Minh Chính",
    )
    assert (result.found, result.document, result.mismatches, result.ok) == (True, directive, [], True)


def test_every_mismatch_is_listed_in_plain_vietnamese(directive):
    result = queries.document_verify(
        symbol="12/ct-ttg", issued_on=dt.date(2021, 5, 21), issuer="Bộ Nội vụ", signer="Nguyễn Văn A"
    )
    assert result.found and not result.ok
    assert result.mismatches == [
        "ngày ban hành không khớp: văn bản gốc ngày 12/05/2021",
        "cơ quan ban hành không khớp: văn bản gốc do Thủ tướng Chính phủ ban hành",
        "người ký không khớp: văn bản gốc do Phạm Minh Chính ký",
    ]


def test_an_expired_document_says_so_and_names_what_replaced_it():
    government = services.organisation_ensure_known(abbreviation="CP")
    old = services.document_create(
        doc_type=DocumentType.NGHI_DINH,
        printed_symbol="43/2011/NĐ-CP",
        issuer=government,
        issued_on=dt.date(2011, 6, 13),
        status=DocumentStatus.EXPIRED,
        summary="Quy định về việc cung cấp thông tin",
        is_published=True,
    )
    new = services.document_create(
        doc_type=DocumentType.NGHI_DINH,
        printed_symbol="42/2022/NĐ-CP",
        issuer=government,
        issued_on=dt.date(2022, 6, 24),
        summary="Quy định về việc cung cấp thông tin",
        is_published=True,
    )
    services.document_relate(source=new, target=old, kind=RelationKind.REPLACES)
    result = queries.document_verify(symbol="43/2011/NĐ-CP")
    assert result.found
    assert result.mismatches == ["văn bản đã hết hiệu lực; bị thay thế bởi Nghị định 42/2022/NĐ-CP"]


def test_an_unknown_number_is_not_found(directive):
    result = queries.document_verify(symbol="13/CT-TTg", issued_on=dt.date(2021, 5, 12))
    assert (result.found, result.mismatches) == (False, ["không có văn bản số 13/CT-TTg trong cơ sở dữ liệu"])


def test_the_grammar_warnings_come_back(directive):
    result = queries.document_verify(symbol="12/CT-TTg.")
    assert result.found
    assert (
        queries.document_verify(symbol="2761/CV-BNV").warnings[0].startswith("công văn của cơ quan nhà nước")
    )


def test_a_pasted_document_is_checked_from_its_header_and_signature():
    header = parse_header(PASTED)
    assert (header.symbol, header.issued_on, header.place) == ("12/CT-TTg", dt.date(2021, 5, 12), "Hà Nội")
    assert (header.issuer, header.signer, header.signer_position) == (
        "Thủ tướng chính phủ",
        "Phạm Minh Chính",
        "THỦ TƯỚNG",
    )


def test_the_json_api_verifies_by_query_and_by_pasted_text(client, directive):
    data = client.get("/api/documents/verify/", {"so": "12/CT-TTg", "ngay": "13/05/2021"}).json()
    assert data["found"] is True and data["ok"] is False
    assert data["mismatches"] == ["ngày ban hành không khớp: văn bản gốc ngày 12/05/2021"]
    assert data["document"]["symbol"] == "12/CT-TTg"

    pasted = client.post(
        "/api/documents/verify/", {"van_ban": PASTED.replace("Phạm Minh Chính", "Trần Văn B")}
    ).json()
    assert pasted["found"] is True
    assert pasted["mismatches"] == ["người ký không khớp: văn bản gốc do Phạm Minh Chính ký"]

    as_json = client.post(
        "/api/documents/verify/", {"van_ban": PASTED}, content_type="application/json"
    ).json()
    assert as_json["ok"] is True

    missing = client.get("/api/documents/verify/", {"so": "99/CT-TTg"}).json()
    assert (missing["found"], missing["document"]) == (False, None)
    assert client.get("/api/documents/verify/", {"so": "12/CT-TTg", "ngay": "31/02/2021"}).status_code == 400
    assert client.get("/api/documents/verify/").status_code == 400


def test_drafts_cannot_be_verified(client):
    prime_minister = services.organisation_ensure_known(abbreviation="TTg")
    services.document_create(
        doc_type=DocumentType.CHI_THI,
        printed_symbol="20/CT-TTg",
        issuer=prime_minister,
        issued_on=dt.date(2021, 5, 12),
    )
    assert client.get("/api/documents/verify/", {"so": "20/CT-TTg"}).json()["found"] is False
