from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FrontcacheConfig(AppConfig):
    name = "congtin.frontcache"
    label = "frontcache"
    verbose_name = _("Bộ đệm phía trước")

    def ready(self) -> None:
        from congtin.frontcache import signal_handlers

        signal_handlers.connect()
