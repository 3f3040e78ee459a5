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
