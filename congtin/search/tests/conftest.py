"""The search tests that hold for every backend run once per backend the test database can use."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.conf import settings as django_settings

from congtin.documents.choices import DocumentType
from congtin.documents.tests.factories import OfficialDocumentFactory, OrganisationFactory
from congtin.news.tests.factories import SectionPageFactory
from congtin.search.backends import BY_VENDOR, SQLITE_FTS5
from congtin.search.services import search_rebuild
from congtin.search.tests.helpers import Corpus, article


def backends_for_this_database() -> list[str]:
    """SQLite: tantivy (the default) and FTS5. PostgreSQL: its own backend and tantivy, which keeps
    its index outside any database and its ``SearchEntry`` rows in whichever one runs."""
    if django_settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"):
        return [BY_VENDOR["sqlite"], SQLITE_FTS5]
    return [BY_VENDOR["postgresql"], BY_VENDOR["sqlite"]]


@pytest.fixture(params=backends_for_this_database(), ids=lambda path: path.rsplit(".", 1)[-1])
def search_backend(request: Any, settings: Any) -> str:
    """Selects each backend in turn through ``CONGTIN_SEARCH_BACKEND``, as a site would."""
    settings.CONGTIN_SEARCH_BACKEND = request.param
    return str(request.param)


@pytest.fixture
def corpus(site_tree: Any, registry_page: Any) -> Corpus:
    """Articles in three sections and two registry entries, indexed: the search page tests' items."""
    site_tree.home.title = "Trang chủ"  # not "Tạp chí Tổ chức nhà nước": the home page is indexed too
    site_tree.home.save()
    theory = SectionPageFactory(parent=site_tree.research, title="Lý luận")
    government = OrganisationFactory()
    home_affairs = OrganisationFactory(abbreviation="BNV", name="Bộ Nội vụ")
    corpus = Corpus(
        news_article=article(
            site_tree.news,
            "Hội thảo về tổ chức nhà nước",
            "Các đại biểu bàn về tổ chức nhà nước trong giai đoạn mới &amp; bộ máy.",
        ),
        research_article=article(
            site_tree.research,
            "Nghiên cứu mô hình chính quyền",
            "Bài viết phân tích tổ chức nhà nước ở địa phương.",
            when=dt.datetime(2023, 3, 1, 2, 0, tzinfo=dt.UTC),
        ),
        theory=theory,
        theory_article=article(
            theory,
            "Lý luận về nhà nước pháp quyền",
            "Tổ chức nhà nước theo nguyên tắc pháp quyền.",
            when=dt.datetime(2023, 5, 1, 2, 0, tzinfo=dt.UTC),
        ),
        decree=OfficialDocumentFactory(
            printed_symbol="09/2017/NĐ-CP",
            issuer=government,
            issued_on=dt.date(2017, 2, 9),
            summary="Quy định chi tiết về phát ngôn và cung cấp thông tin cho báo chí",
        ),
        circular=OfficialDocumentFactory(
            printed_symbol="05/2022/TT-BNV",
            doc_type=DocumentType.THONG_TU,
            issuer=home_affairs,
            issued_on=dt.date(2022, 8, 1),
            summary="Hướng dẫn về tổ chức nhà nước ở cấp xã",
        ),
    )
    search_rebuild()
    return corpus
