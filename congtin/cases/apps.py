from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "congtin.cases"
    label = "cases"
    verbose_name = _("Hồ sơ phản ánh, yêu cầu")
    default_auto_field = "django.db.models.BigAutoField"
