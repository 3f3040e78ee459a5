"""Citations in articles and in documents' full text link to the registry, computed at publish time."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from django.urls import reverse
from wagtail.models import PageViewRestriction

from congtin.documents import services
from congtin.documents.choices import DocumentStatus, DocumentType, RelationKind
from congtin.documents.models import DocumentCitation
from congtin.documents.tests.factories import (
    DocumentRelationFactory,
    OfficialDocumentFactory,
    OrganisationFactory,
)
from congtin.news import services as news_services
from congtin.news.tests.factories import SectionPageFactory
from congtin.news.tests.helpers import published_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def directive(db):
    return OfficialDocumentFactory(
        doc_type=DocumentType.CHI_THI,
        printed_symbol="12/CT-TTg",
        issuer=OrganisationFactory(abbreviation="TTg", name="Thủ tướng Chính phủ"),
        issued_on=dt.date(2021, 5, 12),
        summary="Về tăng cường công tác tuyên truyền, định hướng hoạt động truyền thông, báo chí",
        status=DocumentStatus.IN_FORCE,
    )


@pytest.fixture
def decree(db):
    return OfficialDocumentFactory(
        printed_symbol="09/2017/NĐ-CP",
        issued_on=dt.date(2017, 2, 9),
        summary="Quy định chi tiết việc phát ngôn và cung cấp thông tin cho báo chí",
    )


def _paragraph(html: str) -> dict:
    return {"type": "paragraph", "value": html}


def _article(site_tree, *blocks: dict, **kwargs):
    article = published_article(site_tree.news, body=list(blocks), **kwargs)
    article.refresh_from_db()
    return article


def _links(html: str) -> list[tuple[str, str]]:
    return re.findall(r'<a class="citation[^"]*" href="([^"]+)"[^>]*>(.*?)</a>', html)


def test_citations_in_an_article_link_to_their_entries_and_unknown_ones_to_what_was_parsed(
    client, site_tree, registry_page, directive, decree
):
    article = _article(
        site_tree,
        _paragraph(
            "<p>Thực hiện <b>Chỉ thị số 12/CT-TTg ngày 12/5/2021</b> của Thủ tướng Chính phủ và "
            "Nghị định số 99/2020/NĐ-CP.</p>"
        ),
        {
            "type": "list",
            "value": {"style": "ul", "items": ["Bảo đảm thực hiện Nghị định số 09/2017/NĐ-CP."]},
        },
        summary="Bộ Nội vụ triển khai Chỉ thị 12/CT-TTg.",
    )
    html = client.get(article.url).content.decode()
    assert _links(html) == [
        ("/tiep-can-thong-tin/van-ban/12-ct-ttg-2021/", "Chỉ thị 12/CT-TTg"),  # the summary
        ("/tiep-can-thong-tin/van-ban/12-ct-ttg-2021/", "Chỉ thị số 12/CT-TTg"),
        ("/tiep-can-thong-tin/ky-hieu/?so=99%2F2020%2FN%C4%90-CP", "Nghị định số 99/2020/NĐ-CP"),
        ("/tiep-can-thong-tin/van-ban/09-2017-nd-cp/", "Nghị định số 09/2017/NĐ-CP"),
    ]
    assert "<b><a " in html  # the link sits inside the bold, which stays whole
    parsed = client.get("/tiep-can-thong-tin/ky-hieu/?so=99%2F2020%2FN%C4%90-CP")
    assert parsed.status_code == 200
    assert "Văn bản này chưa có trong cơ sở dữ liệu" in parsed.content.decode()


def test_the_card_gives_type_issuer_date_summary_and_validity_and_is_named_by_the_link(
    client, site_tree, registry_page, directive
):
    article = _article(site_tree, _paragraph("<p>Theo Chỉ thị số 12/CT-TTg và Chỉ thị số 13/CT-TTg.</p>"))
    html = client.get(article.url).content.decode()
    first, unknown = re.findall(r'aria-describedby="(trich-dan-\d+)"', html)
    card = re.search(
        rf'<span class="citation-card" role="tooltip" id="{first}">(.*?)</span></span>', html
    ).group(1)
    text = re.sub(r"<[^>]+>", "", card)
    for expected in (
        "Chỉ thị 12/CT-TTg",
        "Cơ quan ban hành: Thủ tướng Chính phủ",
        "Ngày ban hành: 12/05/2021",
        "Trích yếu: Về tăng cường công tác tuyên truyền",
        "Tình trạng: Còn hiệu lực",
    ):
        assert expected in text
    missing = re.search(rf'id="{unknown}">(.*?)</span></span>', html).group(1)
    assert "Văn bản này chưa có trong cơ sở dữ liệu." in missing


def test_citations_inside_existing_links_or_attributes_are_not_linked(
    client, site_tree, registry_page, directive
):
    article = _article(
        site_tree,
        _paragraph(
            '<p><a href="https://vbpl.vn/chi-thi">Chỉ thị số 12/CT-TTg</a> đã nêu; '
            '<a href="https://example.com/12/CT-TTg">xem thêm</a>.</p>'
        ),
    )
    html = client.get(article.url).content.decode()
    assert _links(html) == []
    assert '<a href="https://vbpl.vn/chi-thi">Chỉ thị số 12/CT-TTg</a>' in html
    # Still a cited document of the article.
    assert "Văn bản liên quan" in html


def test_the_index_is_refreshed_on_republish_and_public_pages_never_run_the_finder(
    client, site_tree, registry_page, directive, decree, monkeypatch
):
    article = _article(site_tree, _paragraph("<p>Theo Chỉ thị số 12/CT-TTg.</p>"))
    draft = article.get_latest_revision_as_object()
    draft.body = [_paragraph("<p>Theo Nghị định số 09/2017/NĐ-CP.</p>")]
    revision = draft.save_revision()

    def finder_must_not_run(text):
        raise AssertionError("the citation finder ran during a public request")

    monkeypatch.setattr("congtin.documents.citing.find_citations", finder_must_not_run)
    assert [label for _url, label in _links(client.get(article.url).content.decode())] == [
        "Chỉ thị số 12/CT-TTg"
    ]
    monkeypatch.undo()

    revision.publish()
    html = client.get(article.url).content.decode()
    assert [label for _url, label in _links(html)] == ["Nghị định số 09/2017/NĐ-CP"]
    assert list(DocumentCitation.objects.filter(source_page=article).values_list("canonical", flat=True)) == [
        "09/2017/NĐ-CP"
    ]


def test_a_block_changed_since_indexing_renders_plain_rather_than_misplaced(
    client, site_tree, registry_page, directive
):
    article = _article(site_tree, _paragraph("<p>Theo Chỉ thị số 12/CT-TTg.</p>"))
    DocumentCitation.objects.filter(source_page=article).update(source_hash="0" * 32)
    html = client.get(article.url).content.decode()
    assert _links(html) == []
    assert "Theo Chỉ thị số 12/CT-TTg." in html


def test_unpublishing_or_withdrawing_an_article_clears_its_citations(site_tree, staff, directive):
    first = _article(site_tree, _paragraph("<p>Theo Chỉ thị số 12/CT-TTg.</p>"))
    second = _article(site_tree, _paragraph("<p>Thực hiện Chỉ thị số 12/CT-TTg.</p>"))
    assert DocumentCitation.objects.filter(document=directive).count() == 2
    first.unpublish()
    news_services.article_withdraw(article=second, reason="Sai thông tin.", user=staff.editor_in_chief)
    assert not DocumentCitation.objects.filter(document=directive).exists()


def test_the_article_lists_its_related_documents_once_each_in_order_of_mention(
    client, site_tree, registry_page, directive, decree
):
    article = _article(
        site_tree,
        _paragraph("<p>Nghị định số 09/2017/NĐ-CP, Chỉ thị số 12/CT-TTg, lại Nghị định 09/2017/NĐ-CP.</p>"),
        _paragraph("<p>Và Nghị định số 99/2020/NĐ-CP.</p>"),
    )
    html = client.get(article.url).content.decode()
    section = html.split('id="van-ban-lien-quan"', 1)[1].split("</section>", 1)[0]
    items = re.findall(r"<li>(.*?)</li>", section, re.S)
    assert [re.sub(r"<[^>]+>", "", item).split("  ")[0] for item in items] == [
        "Nghị định 09/2017/NĐ-CP Quy định chi tiết việc phát ngôn và cung cấp thông tin cho báo chí (còn hiệu lực)",
        "Chỉ thị 12/CT-TTg Về tăng cường công tác tuyên truyền, định hướng hoạt động truyền thông, báo chí "
        "(còn hiệu lực)",
        "Nghị định 99/2020/NĐ-CP (chưa có trong cơ sở dữ liệu)",
    ]


def test_an_entry_added_after_the_article_was_published_is_linked_without_republishing(
    client, site_tree, registry_page
):
    article = _article(site_tree, _paragraph("<p>Theo Nghị định số 09/2017/NĐ-CP.</p>"))
    assert "ky-hieu" in _links(client.get(article.url).content.decode())[0][0]
    services.document_create(
        doc_type=DocumentType.NGHI_DINH,
        printed_symbol="09/2017/NĐ-CP",
        issuer=OrganisationFactory(),
        issued_on=dt.date(2017, 2, 9),
        summary="Quy định chi tiết việc phát ngôn",
        is_published=True,
    )
    assert (
        _links(client.get(article.url).content.decode())[0][0] == "/tiep-can-thong-tin/van-ban/09-2017-nd-cp/"
    )


def test_a_cited_draft_entry_shows_as_not_in_the_registry(client, site_tree, registry_page, directive):
    directive.is_published = False
    directive.save()
    article = _article(site_tree, _paragraph("<p>Theo Chỉ thị số 12/CT-TTg.</p>"))
    html = client.get(article.url).content.decode()
    ((url, _label),) = _links(html)
    assert url == "/tiep-can-thong-tin/ky-hieu/?so=12%2FCT-TTg"
    assert "Về tăng cường công tác tuyên truyền" not in html
    assert "Văn bản này chưa có trong cơ sở dữ liệu." in html
    page = client.get(url)
    assert page.status_code == 200
    assert "Về tăng cường công tác tuyên truyền" not in page.content.decode()


def test_the_document_page_lists_published_citing_articles_and_documents_only(
    client, site_tree, registry_page, directive
):
    cited_by = _article(
        site_tree, _paragraph("<p>Theo Chỉ thị số 12/CT-TTg.</p>"), title="Bài đã đăng trích dẫn"
    )
    withdrawn = _article(site_tree, _paragraph("<p>Theo Chỉ thị 12/CT-TTg.</p>"), title="Bài đã gỡ xuống")
    withdrawn.unpublish()
    private_section = SectionPageFactory(parent=site_tree.home, title="Nội bộ")
    PageViewRestriction.objects.create(page=private_section, restriction_type="login")
    published_article(private_section, body=[_paragraph("<p>Chỉ thị số 12/CT-TTg.</p>")], title="Bài nội bộ")
    draft = published_article(site_tree.news, title="Bản nháp trích dẫn")
    draft.body = [_paragraph("<p>Chỉ thị số 12/CT-TTg.</p>")]
    draft.save_revision()
    guidance = OfficialDocumentFactory(
        printed_symbol="130/2021/NĐ-CP",
        full_text="Căn cứ Chỉ thị số 12/CT-TTg ngày 12/5/2021 của Thủ tướng Chính phủ;",
        issued_on=dt.date(2021, 6, 1),
    )
    hidden = OfficialDocumentFactory(
        printed_symbol="131/2021/NĐ-CP", full_text="Căn cứ Chỉ thị số 12/CT-TTg;", is_published=False
    )
    for document in (guidance, hidden):
        services.document_citations_refresh(document=document)

    html = client.get(f"/tiep-can-thong-tin/van-ban/{directive.slug}/").content.decode()
    articles = html.split('id="bai-viet-trich-dan"', 1)[1].split("</section>", 1)[0]
    assert cited_by.title in articles
    for title in ("Bài đã gỡ xuống", "Bài nội bộ", "Bản nháp trích dẫn"):
        assert title not in html
    documents = html.split('id="van-ban-trich-dan"', 1)[1].split("</section>", 1)[0]
    assert "130/2021/NĐ-CP" in documents
    assert "131/2021/NĐ-CP" not in html


def test_a_documents_full_text_links_its_citations_but_not_its_own_number(client, registry_page, directive):
    decree = services.document_create(
        doc_type=DocumentType.NGHI_DINH,
        printed_symbol="130/2021/NĐ-CP",
        issuer=OrganisationFactory(),
        issued_on=dt.date(2021, 6, 1),
        summary="Hướng dẫn công tác thông tin",
        full_text="CHÍNH PHỦ\nSố: 130/2021/NĐ-CP\n\nCăn cứ Chỉ thị số 12/CT-TTg ngày 12/5/2021;\nÁp dụng <b>ngay</b>.",
        is_published=True,
    )
    html = client.get(f"/tiep-can-thong-tin/van-ban/{decree.slug}/").content.decode()
    assert _links(html) == [("/tiep-can-thong-tin/van-ban/12-ct-ttg-2021/", "Chỉ thị số 12/CT-TTg")]
    assert "Áp dụng &lt;b&gt;ngay&lt;/b&gt;." in html


def test_the_editor_is_warned_about_cited_documents_that_expired_or_were_replaced(
    client, site_tree, staff, directive
):
    old = OfficialDocumentFactory(
        printed_symbol="43/2011/NĐ-CP", issued_on=dt.date(2011, 6, 13), status=DocumentStatus.EXPIRED
    )
    DocumentRelationFactory(
        source=OfficialDocumentFactory(printed_symbol="42/2022/NĐ-CP", issued_on=dt.date(2022, 6, 24)),
        target=old,
        kind=RelationKind.REPLACES,
    )
    article = _article(
        site_tree,
        _paragraph("<p>Theo Nghị định số 43/2011/NĐ-CP và Chỉ thị số 12/CT-TTg.</p>"),
    )
    client.force_login(staff.editor)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).content.decode()
    assert "Bài viết trích dẫn Nghị định 43/2011/NĐ-CP" in html
    assert "hết hiệu lực; bị thay thế bởi Nghị định 42/2022/NĐ-CP" in html
    assert "Bài viết trích dẫn Chỉ thị 12/CT-TTg" not in html


def test_the_editor_is_not_warned_about_documents_in_force(client, site_tree, staff, directive):
    article = _article(site_tree, _paragraph("<p>Theo Chỉ thị số 12/CT-TTg.</p>"))
    client.force_login(staff.editor)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).content.decode()
    assert "Bài viết trích dẫn" not in html


def test_previewing_a_new_article_renders_its_citations_as_plain_text(client, site_tree, staff, directive):
    from wagtail.test.utils.form_data import rich_text, streamfield

    from congtin.news.tests.helpers import article_form_data

    client.force_login(staff.editor)
    url = reverse("wagtailadmin_pages:preview_on_add", args=["news", "articlepage", site_tree.news.pk])
    data = article_form_data(
        body=streamfield([("paragraph", rich_text("<p>Theo Chỉ thị số 12/CT-TTg.</p>"))])
    )
    assert client.post(url, data).json()["is_valid"]
    preview = client.get(url)
    assert preview.status_code == 200
    assert "Theo Chỉ thị số 12/CT-TTg." in preview.content.decode()


def test_index_citations_rebuilds_the_index_of_live_articles_and_entries(
    client, site_tree, registry_page, directive
):
    from django.core.management import call_command

    article = _article(site_tree, _paragraph("<p>Theo Chỉ thị số 12/CT-TTg.</p>"))
    withdrawn = _article(site_tree, _paragraph("<p>Chỉ thị số 12/CT-TTg.</p>"))
    withdrawn.unpublish()
    citing = OfficialDocumentFactory(
        printed_symbol="130/2021/NĐ-CP", full_text="Căn cứ Chỉ thị số 12/CT-TTg;"
    )
    DocumentCitation.objects.all().delete()  # as on a site upgraded to the index
    call_command("index_citations", stdout=io.StringIO())
    assert set(DocumentCitation.objects.values_list("source_page", "source_document")) == {
        (article.pk, None),
        (None, citing.pk),
    }
    assert _links(client.get(article.url).content.decode())


def test_the_registry_address_is_the_same_from_the_cached_structure_and_from_the_database(
    rf, site_tree, registry_page, directive
):
    from congtin.documents import queries

    article = _article(site_tree, _paragraph("<p>Theo Chỉ thị số 12/CT-TTg.</p>"))
    request = rf.get(article.url, HTTP_HOST="testserver")
    from_structure = queries.page_citations(article, request=request)
    from_database = queries.page_citations(article)  # no request: no structure to read it from
    (row,) = from_structure.rows
    assert (
        from_structure.url_for(row)
        == from_database.url_for(row)
        == "/tiep-can-thong-tin/van-ban/12-ct-ttg-2021/"
    )
