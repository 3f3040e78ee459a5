"""The public face of the registry: the "Tiếp cận thông tin" section of a portal.

One page per site, under the home page, whose sub-addresses serve the registry (Law 104/2016 on
access to information; Decree 13/2018, Art. 6, on the list of information that must be published):

=======================  ====================================================================
``""``                   the listing: filters, lookup by number in any form, 20 a page
``van-ban/<slug>/``      an entry: all its fields, files, relations, what cites it
``ky-hieu/?so=<symbol>`` a cited number the registry lacks: what was read from it (noindex)
``xac-thuc/``            verification of a claimed document (Xác thực văn bản)
``danh-muc/``            Danh mục thông tin phải công khai, and ``danh-muc/csv/``
=======================  ====================================================================

The routes only hand the request to ``documents.views``, which read through ``documents.queries``.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from congtin.core.pages import BasePage

DEFAULT_PUBLICATION_FORM = "Đăng tải trên cổng thông tin điện tử"


class AccessToInformationPage(RoutablePageMixin, BasePage):
    """Tiếp cận thông tin: the registry's listing, entries, verification and danh mục."""

    intro = models.TextField(_("giới thiệu"), blank=True)
    publication_form = models.CharField(
        _("hình thức công khai"),
        max_length=255,
        default=DEFAULT_PUBLICATION_FORM,
        help_text=_("Ghi ở cột “Hình thức công khai” của danh mục thông tin phải công khai."),
    )

    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("publication_form")]
    parent_page_types = ["news.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1
    show_in_menus_default = True

    class Meta:
        verbose_name = _("tiếp cận thông tin")
        verbose_name_plural = _("tiếp cận thông tin")

    @path("", name="listing")
    def listing(self, request: HttpRequest) -> HttpResponse:
        from congtin.documents import views

        return views.registry_listing(request, page=self)

    @path("van-ban/<slug:slug>/", name="document")
    def document(self, request: HttpRequest, slug: str) -> HttpResponse:
        from congtin.documents import views

        return views.registry_document(request, page=self, slug=slug)

    @path("ky-hieu/", name="symbol")
    def symbol(self, request: HttpRequest) -> HttpResponse:
        from congtin.documents import views

        return views.registry_symbol(request, page=self)

    @path("xac-thuc/", name="verify")
    def verify(self, request: HttpRequest) -> HttpResponse:
        from congtin.documents import views

        return views.registry_verify(request, page=self)

    @path("danh-muc/", name="disclosure")
    def disclosure(self, request: HttpRequest) -> HttpResponse:
        from congtin.documents import views

        return views.registry_disclosure(request, page=self)

    @path("danh-muc/csv/", name="disclosure_csv")
    def disclosure_csv(self, request: HttpRequest) -> HttpResponseBase:
        from congtin.documents import views

        return views.registry_disclosure_csv(request, page=self)

    def document_url(self, document: Any, request: HttpRequest | None = None) -> str:
        return str(self.get_url(request)) + self.reverse_subpage("document", args=(document.url_slug,))

    def get_sitemap_urls(self, request: HttpRequest | None = None) -> list[dict[str, Any]]:
        """The section and every published entry's page, so search engines find the registry."""
        from congtin.documents import queries

        urls: list[dict[str, Any]] = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        if base is None:
            return urls
        for slug, pk, updated in queries.documents_listing().values_list("slug", "pk", "updated_at"):
            location = base + self.reverse_subpage("document", args=(slug or str(pk),))
            urls.append({"location": location, "lastmod": updated})
        return urls
