"""The "Tiếp cận thông tin" section: listing, lookup, entries, verification and the danh mục."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from congtin.documents import services
from congtin.documents.choices import DocumentStatus, DocumentType, RelationKind
from congtin.documents.pages import AccessToInformationPage
from congtin.documents.tests.factories import (
    DocumentAttachmentFactory,
    DocumentRelationFactory,
    FieldFactory,
    OfficialDocumentFactory,
    OrganisationFactory,
)
from congtin.news.tests.helpers import published_article

pytestmark = pytest.mark.django_db

BASE = "/tiep-can-thong-tin/"


@pytest.fixture
def registry(registry_page):
    """A decree, a directive, a circular of the same number as the decree, and an unpublished draft."""
    press = FieldFactory(name="Thông tin, báo chí", slug="thong-tin-bao-chi")
    ttg = OrganisationFactory(abbreviation="TTg", name="Thủ tướng Chính phủ")
    bnv = OrganisationFactory(abbreviation="BNV", name="Bộ Nội vụ")
    return {
        "decree": OfficialDocumentFactory(
            printed_symbol="09/2017/NĐ-CP",
            issued_on=dt.date(2017, 2, 9),
            summary="Quy định chi tiết việc phát ngôn và cung cấp thông tin cho báo chí",
            signer="Nguyễn Xuân Phúc",
            fields=[press],
        ),
        "directive": OfficialDocumentFactory(
            doc_type=DocumentType.CHI_THI,
            printed_symbol="12/CT-TTg",
            issuer=ttg,
            issued_on=dt.date(2021, 5, 12),
            summary="Về tăng cường công tác tuyên truyền",
            signer="Phạm Minh Chính",
            status=DocumentStatus.EXPIRED,
            fields=[press],
        ),
        "circular": OfficialDocumentFactory(
            doc_type=DocumentType.THONG_TU,
            printed_symbol="09/2017/TT-BNV",
            issuer=bnv,
            issued_on=dt.date(2017, 12, 29),
            summary="Quy định chi tiết về tiêu chuẩn nghiệp vụ",
        ),
        "draft": OfficialDocumentFactory(
            printed_symbol="15/2020/NĐ-CP",
            issued_on=dt.date(2020, 2, 3),
            summary="Dự thảo chưa công bố về xử phạt",
            is_published=False,
        ),
    }


def _listed(html: str) -> list[str]:
    return re.findall(r'class="doc-title" href="[^"]+">([^<]+)</a>', html)


def test_the_section_is_one_per_site_under_the_home_page_and_in_the_menu(client, site_tree, registry_page):
    assert not AccessToInformationPage.can_create_at(site_tree.home)
    assert not AccessToInformationPage.can_create_at(site_tree.news)
    html = client.get("/").content.decode()
    assert '<a href="/tiep-can-thong-tin/">Tiếp cận thông tin</a>' in html


def test_the_listing_shows_published_entries_newest_first(client, registry):
    html = client.get(BASE).content.decode()
    assert _listed(html) == ["Chỉ thị 12/CT-TTg", "Thông tư 09/2017/TT-BNV", "Nghị định 09/2017/NĐ-CP"]
    assert "15/2020" not in html


def test_the_listing_filters_by_type_issuer_field_year_and_status(client, registry):
    def listed(query: str) -> list[str]:
        return _listed(client.get(BASE + "?" + query).content.decode())

    assert listed("loai=thong_tu") == ["Thông tư 09/2017/TT-BNV"]
    assert listed("co_quan=TTg") == ["Chỉ thị 12/CT-TTg"]
    assert listed("linh_vuc=thong-tin-bao-chi") == ["Chỉ thị 12/CT-TTg", "Nghị định 09/2017/NĐ-CP"]
    assert listed("nam=2017") == ["Thông tư 09/2017/TT-BNV", "Nghị định 09/2017/NĐ-CP"]
    assert listed("tinh_trang=het_hieu_luc") == ["Chỉ thị 12/CT-TTg"]
    assert listed("nam=2017&q=ph%C3%A1t+ng%C3%B4n") == ["Nghị định 09/2017/NĐ-CP"]


def test_a_filter_value_that_does_not_exist_is_refused_with_a_message(client, registry):
    response = client.get(BASE + "?loai=khong-co&nam=1800")
    assert response.status_code == 400
    assert "Điều kiện tra cứu không hợp lệ" in response.content.decode()


@pytest.mark.parametrize(
    ("typed", "symbol"),
    [
        ("nđ 09/2017", "09-2017-nd-cp"),
        ("NĐ 9/2017", "09-2017-nd-cp"),
        ("nghị định 09", "09-2017-nd-cp"),
        ("Nghị định số 09/2017/NĐ-CP ngày 09/02/2017", "09-2017-nd-cp"),
        ("9/2017/nd-cp", "09-2017-nd-cp"),
        ("12/CT-TTg", "12-ct-ttg-2021"),
        ("12 ct ttg", "12-ct-ttg-2021"),
        ("chỉ thị 12", "12-ct-ttg-2021"),
    ],
)
def test_a_number_typed_in_any_form_goes_straight_to_its_document(client, registry, typed, symbol):
    response = client.get(BASE, {"q": typed})
    assert response.status_code == 302
    assert response["Location"] == f"{BASE}van-ban/{symbol}/"


def test_a_number_several_documents_share_lists_them(client, registry):
    response = client.get(BASE, {"q": "09/2017"})
    assert response.status_code == 200
    assert _listed(response.content.decode()) == ["Thông tư 09/2017/TT-BNV", "Nghị định 09/2017/NĐ-CP"]
    # With another filter chosen, a single match is shown in the list rather than opened.
    narrowed = client.get(BASE, {"q": "09/2017", "nam": "2017", "loai": "nghi_dinh"})
    assert _listed(narrowed.content.decode()) == ["Nghị định 09/2017/NĐ-CP"]


def test_a_number_the_registry_lacks_says_so_and_links_to_what_was_parsed(client, registry):
    html = client.get(BASE, {"q": "99/2020/nđ-cp"}).content.decode()
    assert "Không có văn bản số <strong>99/2020/NĐ-CP</strong> trong cơ sở dữ liệu." in html
    assert f'href="{BASE}ky-hieu/?so=99/2020/N%C4%90-CP"' in html


def test_unpublished_entries_are_never_shown(client, registry):
    draft = registry["draft"]
    assert "15/2020" not in client.get(BASE).content.decode()
    assert client.get(f"{BASE}van-ban/{draft.slug}/").status_code == 404
    assert client.get(f"{BASE}van-ban/{draft.pk}/").status_code == 404
    lookup = client.get(BASE, {"q": "15/2020/NĐ-CP"})
    assert lookup.status_code == 200
    assert "Dự thảo chưa công bố" not in lookup.content.decode()
    parsed = client.get(f"{BASE}ky-hieu/", {"so": "15/2020/NĐ-CP"})
    assert parsed.status_code == 200
    assert "Dự thảo chưa công bố" not in parsed.content.decode()
    assert "15/2020" not in client.get(f"{BASE}danh-muc/").content.decode()
    assert "15/2020" not in b"".join(client.get(f"{BASE}danh-muc/csv/").streaming_content).decode()
    verified = client.get(f"{BASE}xac-thuc/", {"so": "15/2020/NĐ-CP"}).content.decode()
    assert "Không có văn bản số này trong cơ sở dữ liệu." in verified
    assert "Dự thảo chưa công bố" not in verified


def test_the_document_page_shows_every_field_files_and_relations_both_ways(client, registry):
    decree = registry["decree"]
    DocumentAttachmentFactory(document=decree, title="Toàn văn")
    newer = OfficialDocumentFactory(printed_symbol="20/2022/NĐ-CP", issued_on=dt.date(2022, 1, 5))
    DocumentRelationFactory(source=newer, target=decree, kind=RelationKind.AMENDS)
    DocumentRelationFactory(
        source=decree,
        target=OfficialDocumentFactory(printed_symbol="30/2016/NĐ-CP", issued_on=dt.date(2016, 1, 5)),
        kind=RelationKind.REPLACES,
    )
    response = client.get(f"{BASE}van-ban/09-2017-nd-cp/")
    assert response.status_code == 200
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))
    for expected in (
        "Nghị định 09/2017/NĐ-CP",
        "Quy định chi tiết việc phát ngôn và cung cấp thông tin cho báo chí",
        "Cơ quan ban hành Chính phủ",
        "Người ký Nguyễn Xuân Phúc",
        "Ngày ban hành 09/02/2017",
        "Tình trạng hiệu lực Còn hiệu lực",
        "Lĩnh vực Thông tin, báo chí",
        "Toàn văn (PDF,",
        "Văn bản sửa đổi, bổ sung Nghị định 20/2022/NĐ-CP",
        "Văn bản bị thay thế Nghị định 30/2016/NĐ-CP",
    ):
        assert expected in text, expected
    # The id form of the address leads to the canonical one.
    moved = client.get(f"{BASE}van-ban/{decree.pk}/")
    assert (moved.status_code, moved["Location"]) == (301, f"{BASE}van-ban/09-2017-nd-cp/")


def test_the_parsed_number_page_says_what_was_read_and_is_not_indexed(client, registry):
    response = client.get(f"{BASE}ky-hieu/", {"so": "5/2020/nđ-cp"})
    html = response.content.decode()
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    assert response.status_code == 200
    assert '<meta name="robots" content="noindex">' in html
    for expected in (
        "Văn bản này chưa có trong cơ sở dữ liệu",
        "Số ký hiệu chuẩn 05/2020/NĐ-CP",
        "Loại văn bản Nghị định (NĐ)",
        "Số 05",
        "Năm 2020",
        "Cơ quan ban hành CP: Chính phủ",
        "số thứ tự dưới 10 không có số 0 đứng trước",
    ):
        assert expected in text, expected
    known = client.get(f"{BASE}ky-hieu/", {"so": "12/ct-ttg"})
    assert (known.status_code, known["Location"]) == (302, f"{BASE}van-ban/12-ct-ttg-2021/")
    assert client.get(f"{BASE}ky-hieu/", {"so": "không phải số"}).status_code == 404


def _verify(client, **params):
    response = client.get(f"{BASE}xac-thuc/", params)
    return response, re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def test_verification_confirms_a_matching_copy(client, registry):
    response, text = _verify(client, so="09/2017/NĐ-CP", ngay="09/02/2017", co_quan="Chính phủ")
    assert response.status_code == 200
    assert "Có văn bản này trong cơ sở dữ liệu; thông tin bạn nhập khớp với văn bản gốc." in text


def test_verification_lists_every_mismatch_in_plain_vietnamese(client, registry):
    response, text = _verify(
        client, so="12/CT-TTg", ngay="13/05/2021", co_quan="Bộ Nội vụ", nguoi_ky="Nguyễn Văn A"
    )
    assert response.status_code == 200
    assert "Có văn bản này trong cơ sở dữ liệu, nhưng có điểm cần lưu ý" in text
    for expected in (
        "Ngày ban hành không khớp: văn bản gốc ngày 12/05/2021",
        "Cơ quan ban hành không khớp: văn bản gốc do Thủ tướng Chính phủ ban hành",
        "Người ký không khớp: văn bản gốc do Phạm Minh Chính ký",
        "Văn bản đã hết hiệu lực",
    ):
        assert expected in text, expected


def test_verification_says_when_there_is_no_such_number(client, registry):
    response, text = _verify(client, so="77/2019/NĐ-CP")
    assert response.status_code == 200
    assert "Không có văn bản số này trong cơ sở dữ liệu." in text
    assert "Không có văn bản số 77/2019/NĐ-CP trong cơ sở dữ liệu" in text


def test_verification_refuses_bad_input_with_a_clear_message_and_keeps_what_was_typed(client, registry):
    response, text = _verify(client, so="12/CT-TTg", ngay="31/02/2021", co_quan="Thủ tướng")
    assert response.status_code == 400
    assert "Ngày ban hành “31/02/2021” không có thật trên lịch" in text
    html = response.content.decode()
    assert 'value="31/02/2021"' in html and 'value="12/CT-TTg"' in html and 'value="Thủ tướng"' in html
    empty, text = _verify(client, so="", ngay="")
    assert empty.status_code == 400
    assert "Hãy nhập số ký hiệu của văn bản, hoặc dán nội dung văn bản cần xác thực." in text
    unknown_format, text = _verify(client, so="12/CT-TTg", ngay="ngày mai")
    assert unknown_format.status_code == 400
    assert "không đọc được" in text


def test_verification_reads_a_pasted_document(client, registry):
    pasted = (
        "THỦ TƯỚNG CHÍNH PHỦ\nSố: 12/CT-TTg\nHà Nội, ngày 12 tháng 5 năm 2021\n\nCHỈ THỊ\n"
        "Về tăng cường công tác tuyên truyền\n...\nTHỦ TƯỚNG\n(Đã ký)\nPhạm Minh Chính\n"
    )
    response = client.post(f"{BASE}xac-thuc/", {"van_ban": pasted})
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))
    assert response.status_code == 200
    assert "Có văn bản này trong cơ sở dữ liệu" in text
    assert "Văn bản đã hết hiệu lực" in text
    assert "Ngày ban hành không khớp" not in text
    empty = client.post(f"{BASE}xac-thuc/", {"van_ban": "  "})
    assert empty.status_code == 400


def test_the_danh_muc_lists_the_decree_13_fields_in_html_and_csv(client, registry):
    DocumentAttachmentFactory(document=registry["decree"])
    html = client.get(f"{BASE}danh-muc/").content.decode()
    header = re.findall(r'<th scope="col">([^<]+)</th>', html)
    assert header == [
        "STT",
        "Tên văn bản, thông tin",
        "Số, ký hiệu",
        "Ngày ban hành",
        "Thời điểm, thời hạn công khai",
        "Hình thức công khai",
    ]
    rows = list(
        csv.reader(io.StringIO(b"".join(client.get(f"{BASE}danh-muc/csv/").streaming_content).decode()))
    )
    assert rows[0][0] == "\ufeffSTT"
    by_symbol = {row[2]: row for row in rows[1:]}
    assert set(by_symbol) == {"12/CT-TTg", "09/2017/TT-BNV", "09/2017/NĐ-CP"}
    decree = by_symbol["09/2017/NĐ-CP"]
    assert (
        decree[1]
        == "Nghị định 09/2017/NĐ-CP Quy định chi tiết việc phát ngôn và cung cấp thông tin cho báo chí"
    )
    assert decree[3] == "09/02/2017"
    assert decree[4].startswith("Công khai từ ngày ") and decree[4].endswith(
        "trong thời gian văn bản còn hiệu lực"
    )
    assert decree[5] == "Đăng tải trên cổng thông tin điện tử; toàn văn tải về được"
    assert decree[6] == f"http://testserver{BASE}van-ban/09-2017-nd-cp/"


def test_the_sitemap_lists_every_published_entry(client, registry):
    xml = client.get("/sitemap.xml").content.decode()
    assert f"http://testserver{BASE}van-ban/09-2017-nd-cp/" in xml
    assert registry["draft"].slug not in xml


def _count_queries(client, url: str) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_the_listing_and_danh_muc_run_the_same_number_of_queries_for_few_and_many_entries(client, registry):
    few = [_count_queries(client, url) for url in (BASE, f"{BASE}danh-muc/", f"{BASE}?co_quan=CP")]
    for index in range(25):
        document = OfficialDocumentFactory(
            printed_symbol=f"{index + 40}/2019/NĐ-CP", issued_on=dt.date(2019, 1, 1 + index)
        )
        DocumentAttachmentFactory(document=document)
    many = [_count_queries(client, url) for url in (BASE, f"{BASE}danh-muc/", f"{BASE}?co_quan=CP")]
    assert many == few
    assert max(many) <= 15


def test_the_document_page_runs_the_same_number_of_queries_whatever_it_is_related_to(
    client, site_tree, registry
):
    decree = registry["decree"]
    url = f"{BASE}van-ban/{decree.slug}/"
    services.document_update(document=decree, full_text="Căn cứ Chỉ thị số 12/CT-TTg;")
    published_article(
        site_tree.news, body=[{"type": "paragraph", "value": "<p>Nghị định 09/2017/NĐ-CP.</p>"}]
    )
    DocumentAttachmentFactory(document=decree)
    few = _count_queries(client, url)
    for index in range(6):
        other = OfficialDocumentFactory(
            printed_symbol=f"{index + 60}/2019/NĐ-CP", issued_on=dt.date(2019, 3, 1)
        )
        DocumentRelationFactory(source=decree, target=other, kind=RelationKind.REPLACES)
        DocumentAttachmentFactory(document=decree)
        published_article(
            site_tree.news, body=[{"type": "paragraph", "value": "<p>Theo Nghị định số 09/2017/NĐ-CP.</p>"}]
        )
        citing = OfficialDocumentFactory(
            printed_symbol=f"{index + 80}/2020/NĐ-CP",
            issued_on=dt.date(2020, 3, 1),
            full_text="Căn cứ 09/2017/NĐ-CP.",
        )
        services.document_citations_refresh(document=citing)
    services.document_update(
        document=decree,
        full_text="Căn cứ Chỉ thị số 12/CT-TTg; Thông tư 09/2017/TT-BNV; Nghị định 99/2020/NĐ-CP.",
    )
    many = _count_queries(client, url)
    assert many == few
    # Routing and the site frame take 9; the entry with its fields, co-issuers and files 4; relations,
    # citing articles, citing entries and its own citations one each.
    assert many <= 17
