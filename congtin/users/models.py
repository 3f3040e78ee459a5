from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):  # type: ignore[django-manager-missing]  # the plugin cannot see Wagtail pages' FKs
    """A member of staff or a collaborator. Custom from the first migration so fields can grow freely."""

    pen_name = models.CharField(
        _("bút danh"),
        max_length=120,
        blank=True,
        help_text=_("Tên ký dưới bài viết; để trống thì dùng họ tên."),
    )
    position = models.CharField(_("chức vụ"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("người dùng")
        verbose_name_plural = _("người dùng")

    def get_full_name(self) -> str:
        # Vietnamese order, family name first ("Nguyễn Văn An"); Wagtail's admin and audit log show this.
        return f"{self.last_name} {self.first_name}".strip()

    @property
    def display_name(self) -> str:
        return self.pen_name or self.get_full_name() or self.get_username()
