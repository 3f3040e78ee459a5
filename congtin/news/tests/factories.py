from __future__ import annotations

import datetime as dt

import factory
import wagtail_factories
from django.utils import timezone

from congtin.news.models import ArticlePage, HomePage, SectionPage


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HomePage

    title = "Tạp chí Tổ chức nhà nước"
    slug = "trang-chu"


class SectionPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = SectionPage

    title = factory.Sequence(lambda n: f"Chuyên mục {n}")
    slug = ""
    intro = "Giới thiệu chuyên mục."


class ArticlePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ArticlePage

    title = factory.Sequence(lambda n: f"Bản tin số {n} về cải cách hành chính")
    slug = ""
    summary = "Tóm tắt ngắn của bản tin."
    dateline_place = "Hà Nội"
    dateline_date = dt.date(2021, 6, 20)
    byline = "PV"
    body = factory.LazyFunction(
        lambda: [{"type": "paragraph", "value": "<p>Nội dung chính của bản tin.</p>"}]
    )
    first_published_at = factory.LazyFunction(timezone.now)
