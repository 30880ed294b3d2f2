from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MultilingualConfig(AppConfig):
    name = "multilingual"
    label = "multilingual"
    verbose_name = _("Multilingual")

    def ready(self):
        from . import checks, signal_handlers  # noqa: F401

        signal_handlers.register()
