from __future__ import annotations

from typing import Any

from django.core.paginator import Paginator
from django.db import models
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

PAGE_SIZE = 20
LATEST = 5


class NewsHomePage(Page):
    intro = models.TextField(blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["vanilla_news.NewsSectionPage"]

    def get_context(self, request: Any, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        articles = NewsArticlePage.objects.live().descendant_of(self).order_by("-first_published_at")
        context["top_stories"] = articles.filter(is_top_story=True)[:LATEST]
        context["sections"] = [
            {"section": section, "articles": articles.child_of(section)[:LATEST]}
            for section in NewsSectionPage.objects.live().child_of(self)
        ]
        return context


class NewsSectionPage(Page):
    intro = models.TextField(blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["vanilla_news.NewsArticlePage"]

    def get_context(self, request: Any, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        articles = NewsArticlePage.objects.live().child_of(self).order_by("-first_published_at")
        context["articles"] = Paginator(articles, PAGE_SIZE).get_page(request.GET.get("page"))
        return context


class NewsArticlePage(Page):
    dateline_place = models.CharField(max_length=100, blank=True)
    dateline_date = models.DateField(null=True, blank=True)
    summary = models.TextField(max_length=1000)
    body = StreamField(
        [("heading", blocks.CharBlock(form_classname="title")), ("paragraph", blocks.RichTextBlock())]
    )
    byline = models.CharField(max_length=255, blank=True)
    is_top_story = models.BooleanField(default=False)

    content_panels = [
        *Page.content_panels,
        FieldPanel("dateline_place"),
        FieldPanel("dateline_date"),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("byline"),
        FieldPanel("is_top_story"),
    ]
    parent_page_types = ["vanilla_news.NewsSectionPage"]
    subpage_types: list[str] = []
    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("body")]

    def related(self) -> Any:
        return (
            NewsArticlePage.objects.live()
            .sibling_of(self, inclusive=False)
            .order_by("-first_published_at")[:LATEST]
        )
