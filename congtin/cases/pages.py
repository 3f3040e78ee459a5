"""The public "Hỏi đáp" section: published answers to citizens' questions.

One page per site, under the home page:

=======================  ====================================================================
``""``                   the listing, newest first, 20 a page, ``?linh-vuc=<slug>`` by field
``<id>/``                one question and its answer
=======================  ====================================================================

Both read ``queries.qa_public`` only (confirmed, anonymised text; never the case itself).
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from congtin.core.pages import BasePage


class QuestionAnswerIndexPage(RoutablePageMixin, BasePage):
    """Hỏi đáp: questions from citizens and the agency's answers, personal data removed."""

    intro = models.TextField(_("giới thiệu"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    parent_page_types = ["news.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1
    show_in_menus_default = True

    class Meta:
        verbose_name = _("hỏi đáp")
        verbose_name_plural = _("hỏi đáp")

    @path("", name="listing")
    def listing(self, request: HttpRequest) -> HttpResponse:
        from congtin.cases import qa_views

        return qa_views.qa_listing(request, page=self)

    @path("<int:pk>/", name="entry")
    def entry(self, request: HttpRequest, pk: int) -> HttpResponse:
        from congtin.cases import qa_views

        return qa_views.qa_entry(request, page=self, pk=pk)

    def entry_url(self, qa: Any, request: HttpRequest | None = None) -> str:
        return str(self.get_url(request)) + self.reverse_subpage("entry", args=(qa.pk,))

    def get_sitemap_urls(self, request: HttpRequest | None = None) -> list[dict[str, Any]]:
        """The section and every published answer, so search engines find them."""
        from congtin.cases import queries

        urls: list[dict[str, Any]] = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        if base is None:
            return urls
        for pk, published_at in queries.qa_public().values_list("pk", "published_at"):
            urls.append(
                {"location": base + self.reverse_subpage("entry", args=(pk,)), "lastmod": published_at}
            )
        return urls
