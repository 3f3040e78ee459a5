from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


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

    class Meta:
        verbose_name = _("thông tin tạp chí (măng-sét)")
