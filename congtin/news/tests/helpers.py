from __future__ import annotations

import datetime as dt

from congtin.news.models import ArticlePage, SectionPage
from congtin.news.tests.factories import ArticlePageFactory


def published_article(section: SectionPage, when: dt.datetime | None = None, **kwargs: object) -> ArticlePage:
    """An article published through Wagtail's own publish action, optionally back-dated."""
    article = ArticlePageFactory(parent=section, live=False, **kwargs)
    article.save_revision().publish()
    if when is not None:
        ArticlePage.objects.filter(pk=article.pk).update(first_published_at=when)
        article.refresh_from_db()
    return article


def article_form_data(**overrides: object) -> dict[str, object]:
    """POST data for the Wagtail admin's ArticlePage create/edit form, as the browser sends it."""
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

    data: dict[str, object] = {
        "title": "Bộ Nội vụ triển khai thực hiện Chỉ thị",
        "slug": "",
        "dateline_place": "Hà Nội",
        "dateline_date": "20/06/2021",
        "summary": "Bộ Nội vụ ban hành văn bản số 2761/BNV-TC.",
        "body": streamfield([("paragraph", rich_text("<p>Nội dung bài viết.</p>"))]),
        "byline": "PV",
        "tags": "",
        "go_live_at": "",
        "expire_at": "",
        "comments": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)
