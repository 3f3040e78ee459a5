from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index

from congtin.core import structure
from congtin.core.blocks import BodyBlock
from congtin.core.pages import BasePage, TypedChildRouteMixin
from congtin.news import queries
from congtin.news.feeds import serve_feed
from congtin.news.structured_data import news_article_json_ld

SECTION_PAGE_SIZE = 20
RELATED_LIMIT = 5


class CountedPaginator(Paginator):
    """A paginator told how many objects there are, instead of counting them."""

    def __init__(self, object_list: Any, per_page: int, *, count: int) -> None:
        super().__init__(object_list, per_page)
        self.__dict__["count"] = count  # Paginator.count is a cached_property


class HomePage(RoutablePageMixin, TypedChildRouteMixin, BasePage):
    """The journal's front page: top stories, the latest of each section and the masthead."""

    intro = models.TextField(_("giới thiệu"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    subpage_types = ["news.SectionPage", "documents.AccessToInformationPage", "cases.QuestionAnswerIndexPage"]
    child_route_models = (("news.SectionPage", ()), ("documents.AccessToInformationPage", ()))
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("trang chủ")
        verbose_name_plural = _("trang chủ")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context["top_stories"] = queries.top_stories(home=self)
        context["sections"] = queries.latest_by_section(home=self)
        return context

    @path("chu-de/<str:tag_slug>/", name="tag")
    def tag_listing(self, request: HttpRequest, tag_slug: str) -> HttpResponse:
        tag = queries.tag_by_slug(tag_slug)
        paginator = Paginator(queries.articles_tagged(home=self, tag=tag), SECTION_PAGE_SIZE)
        return TemplateResponse(
            request,
            "news/tag_page.html",
            {
                "page": self,
                "self": self,
                "tag": tag,
                "articles": paginator.get_page(request.GET.get("trang")),
            },
        )

    @path("rss/", name="feed")
    def feed(self, request: HttpRequest) -> HttpResponse:
        """RSS of the newest articles of the whole site."""
        return serve_feed(request, page=self)


class SectionPage(RoutablePageMixin, TypedChildRouteMixin, BasePage):
    """A chuyên mục: sub-sections, one featured article and the paginated list of its articles."""

    intro = models.TextField(_("giới thiệu chuyên mục"), blank=True)
    featured_article = models.ForeignKey(
        "news.ArticlePage",
        verbose_name=_("bài nổi bật"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Để trống thì dùng bài mới nhất của chuyên mục."),
    )

    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("featured_article")]
    parent_page_types = ["news.HomePage", "news.SectionPage"]
    subpage_types = ["news.SectionPage", "news.ArticlePage"]
    child_route_models = (("news.ArticlePage", ("feed_image",)), ("news.SectionPage", ()))

    class Meta:
        verbose_name = _("chuyên mục")
        verbose_name_plural = _("chuyên mục")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        articles = queries.section_articles(section=self)
        featured = queries.section_featured(section=self)
        if featured is not None:
            articles = articles.exclude(pk=featured.pk)
        context["featured"] = featured
        context["subsections"] = queries.subsections(section=self)
        snapshot = structure.request_structure(request)
        if snapshot is None or self.path not in snapshot.pages or snapshot.restricts_within(self.path):
            # Restricted articles are not listed; a section not live in this site's structure (a preview)
            # has no restrictions to tell.
            paginator = Paginator(articles, SECTION_PAGE_SIZE)
        else:
            # The count the lean path prints, kept per listings version (decision 0026).
            count = queries.section_article_count(
                section_id=self.pk,
                path=self.path,
                depth=self.depth,
                version=queries.listings_version(),
                structure_version=structure.request_version(request),
            )
            paginator = CountedPaginator(articles, SECTION_PAGE_SIZE, count=count - (1 if featured else 0))
        context["articles"] = paginator.get_page(request.GET.get("trang"))
        return context

    @path("rss/", name="feed")
    def feed(self, request: HttpRequest) -> HttpResponse:
        """RSS of the newest articles of this section and its sub-sections."""
        return serve_feed(request, page=self)


class ArticlePageTag(TaggedItemBase):
    content_object = ParentalKey("news.ArticlePage", related_name="tagged_items", on_delete=models.CASCADE)


class ArticlePage(RoutablePageMixin, BasePage):
    """A news article (tin bài) as the reference page shows it."""

    dateline_place = models.CharField(_("địa danh"), max_length=100, blank=True, default="Hà Nội")
    dateline_date = models.DateField(
        _("ngày ghi ở đầu bài"), null=True, blank=True, help_text=_("Ví dụ: Hà Nội, ngày 20/06/2021.")
    )
    summary = models.TextField(_("sa-pô (tóm tắt)"), max_length=1000)
    body = StreamField(BodyBlock(), verbose_name=_("nội dung"))
    feed_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("ảnh đại diện"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("tác giả (nhân sự tòa soạn hoặc cộng tác viên)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
    )
    byline = models.CharField(
        _("ký tên"),
        max_length=255,
        blank=True,
        help_text=_('Chữ ký in cuối bài, ví dụ "PV" hoặc "Minh Anh". Để trống thì dùng tên tác giả.'),
    )
    tags = ClusterTaggableManager(through=ArticlePageTag, blank=True, verbose_name=_("từ khóa"))
    is_top_story = models.BooleanField(_("tin nổi bật trên trang chủ"), default=False)

    content_panels = [
        *BasePage.content_panels,
        FieldRowPanel([FieldPanel("dateline_place"), FieldPanel("dateline_date")], heading=_("Đầu bài")),
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("author"), FieldPanel("byline")], heading=_("Tác giả"), icon="user"),
        FieldPanel("feed_image"),
        FieldPanel("tags"),
        FieldPanel("is_top_story"),
    ]
    parent_page_types = ["news.SectionPage"]
    subpage_types: list[str] = []
    # Indexed for citations of official documents when published (documents.services.citations_index).
    citable_fields = ("summary", "body")

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("first_published_at"),
    ]
    api_fields = [
        APIField("dateline_place"),
        APIField("dateline_date"),
        APIField("summary"),
        APIField("body"),
        APIField("byline_text"),
        APIField("tags"),
    ]

    class Meta:
        verbose_name = _("tin bài")
        verbose_name_plural = _("tin bài")
        indexes = [
            # The home page's top stories are a handful among thousands of articles (decision 0026).
            models.Index(
                fields=["is_top_story"], condition=models.Q(is_top_story=True), name="news_article_top_story"
            ),
        ]

    def clean(self) -> None:
        super().clean()
        # The admin form checks this too; the model repeats it for imports and services.
        if self.go_live_at and self.expire_at and self.expire_at <= self.go_live_at:
            raise ValidationError({"expire_at": _("Thời điểm hết hạn phải sau thời điểm bắt đầu xuất bản.")})

    @property
    def byline_text(self) -> str:
        if self.byline:
            return self.byline
        return self.author.display_name if self.author else ""

    @cached_property
    def related_in_section(self) -> list[ArticlePage]:
        return list(queries.related_in_section(article=self, limit=RELATED_LIMIT))

    @cached_property
    def public_corrections(self) -> list[ArticleCorrection]:
        if self.pk is None:  # the preview of an article not yet saved
            return []
        return list(self.corrections.order_by("published_at"))

    def json_ld(self, request: HttpRequest | None = None) -> str:
        """schema.org NewsArticle, escaped for inline <script> use."""
        return news_article_json_ld(
            title=self.title,
            description=self.search_description or self.summary,
            url=self.get_full_url(request),
            published=self.first_published_at,
            modified=self.last_published_at,
            byline=self.byline_text,
        )

    @path("", name="article")
    def article(self, request: HttpRequest) -> HttpResponse:
        return self.render(request)

    @path("ban-in/", name="print")
    def print_view(self, request: HttpRequest) -> HttpResponse:
        return self.render(request, template="news/article_page_print.html")


class ArticleCorrection(models.Model):
    """A dated correction notice printed under a published article (Press Law 2016, Art. 42)."""

    article = models.ForeignKey(
        ArticlePage, verbose_name=_("tin bài"), on_delete=models.CASCADE, related_name="corrections"
    )
    text = models.TextField(_("nội dung đính chính"))
    published_at = models.DateTimeField(_("thời điểm đính chính"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người đính chính"), null=True, on_delete=models.SET_NULL
    )

    class Meta:
        verbose_name = _("đính chính")
        verbose_name_plural = _("đính chính")
        ordering = ["published_at"]

    def __str__(self) -> str:
        return f"{self.article.title} — {self.published_at:%d/%m/%Y}"


class ArticleWithdrawal(models.Model):
    """A withdrawn article: taken off the site but kept stored, its URL answering 410 with this notice."""

    article = models.ForeignKey(
        ArticlePage, verbose_name=_("tin bài"), on_delete=models.CASCADE, related_name="withdrawals"
    )
    url_path = models.CharField(_("đường dẫn lúc gỡ"), max_length=1000, db_index=True)
    reason = models.TextField(_("lý do gỡ bài"))
    withdrawn_at = models.DateTimeField(_("thời điểm gỡ"), default=timezone.now)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người gỡ"), null=True, on_delete=models.SET_NULL
    )

    class Meta:
        verbose_name = _("bài đã gỡ")
        verbose_name_plural = _("bài đã gỡ")
        ordering = ["-withdrawn_at"]

    def __str__(self) -> str:
        return self.article.title
