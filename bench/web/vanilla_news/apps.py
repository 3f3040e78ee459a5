from django.apps import AppConfig


class VanillaNewsConfig(AppConfig):
    name = "bench.web.vanilla_news"
    label = "vanilla_news"
    default_auto_field = "django.db.models.BigAutoField"
