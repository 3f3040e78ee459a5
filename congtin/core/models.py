from __future__ import annotations

import copy

from django.db import models
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Site

from congtin.core import structure


@register_setting(icon="site")
class JournalSettings(BaseSiteSetting):
    """The masthead a press organ must print on its home page (Press Law 2016, Art. 46)."""

    journal_name = models.CharField(_("tên tạp chí / cổng thông tin"), max_length=255, blank=True)
    journal_name_en = models.CharField(_("tên tiếng Anh"), max_length=255, blank=True)
    governing_agency = models.CharField(_("cơ quan chủ quản"), max_length=255, blank=True)
    licence_number = models.CharField(_("số giấy phép"), max_length=100, blank=True)
    licence_date = models.DateField(_("ngày cấp giấy phép"), null=True, blank=True)
    licence_issuer = models.CharField(_("cơ quan cấp giấy phép"), max_length=255, blank=True)
    editor_in_chief = models.CharField(_("tổng biên tập"), max_length=255, blank=True)
    deputy_editors = models.CharField(
        _("phó tổng biên tập"), max_length=500, blank=True, help_text=_("Cách nhau bằng dấu phẩy.")
    )
    address = models.CharField(_("địa chỉ"), max_length=500, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=100, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    copyright_notice = models.CharField(_("ghi chú bản quyền"), max_length=500, blank=True)

    panels = [
        MultiFieldPanel(
            [FieldPanel("journal_name"), FieldPanel("journal_name_en"), FieldPanel("governing_agency")],
            heading=_("Tên và cơ quan chủ quản"),
        ),
        MultiFieldPanel(
            [FieldPanel("licence_number"), FieldPanel("licence_date"), FieldPanel("licence_issuer")],
            heading=_("Giấy phép hoạt động báo chí"),
        ),
        MultiFieldPanel(
            [FieldPanel("editor_in_chief"), FieldPanel("deputy_editors")], heading=_("Ban biên tập")
        ),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("phone"), FieldPanel("email"), FieldPanel("copyright_notice")],
            heading=_("Liên hệ"),
        ),
    ]

    @classmethod
    def for_request(cls, request: HttpRequest) -> JournalSettings:
        """The site's masthead for a public page, from the cache at the current structure version.

        Every page prints it; it changes once in a long while. The admin's settings form reads the
        database (``for_site``), and saving it starts a new version (decision 0023).
        """
        attr_name = cls.get_cache_attr_name()
        if hasattr(request, attr_name):
            return getattr(request, attr_name)
        site = Site.find_for_request(request)
        shared = structure.cached_for_version(
            "journal-settings",
            site.pk if site else 0,
            structure.request_version(request),
            lambda: cls.for_site(site),
        )
        instance = copy.copy(shared)  # each request sets its own _request on it
        instance._request = request
        setattr(request, attr_name, instance)
        return instance

    class Meta:
        verbose_name = _("thông tin tạp chí (măng-sét)")


class DataVersion(models.Model):
    """A counter per kind of data that kept, derived data shows (decision 0026): ``registry`` (the
    registry's entries, issuers and citation links), ``links`` (the addresses of pages, documents and
    images) and ``listings`` (which articles are live under which section: the sections' counts). Raised in
    the same transaction as the change, so a reader sees the new data and the new version together, or
    neither; read in the same statement as the page. Raised to the clock in microseconds when behind it,
    so a value taken back by a database restore is never reached again (``structure.data_changed``)."""

    name = models.CharField(max_length=50, primary_key=True)
    counter = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("phiên bản dữ liệu dẫn xuất")
        verbose_name_plural = _("phiên bản dữ liệu dẫn xuất")

    def __str__(self) -> str:
        return f"{self.name}: {self.counter}"
