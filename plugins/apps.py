from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PluginsConfig(AppConfig):
    name = "plugins"
    label = "plugins"
    verbose_name = _("Plugins")

    def ready(self):
        from .placements import apply_page_placements
        from . import signal_handlers  # noqa: F401

        apply_page_placements()
