from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteSearchConfig(AppConfig):
    # "search" would clash with nothing, but "sitesearch" keeps it obviously
    # apart from wagtail.search (label "wagtailsearch") in tables and logs.
    name = "search"
    label = "sitesearch"
    verbose_name = _("Site search")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signal_handlers

        signal_handlers.connect()
