from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "congtin.core"
    label = "core"
    verbose_name = _("Nền tảng chung")

    def ready(self) -> None:
        from congtin.core import signal_handlers

        signal_handlers.connect()
