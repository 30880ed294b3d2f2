from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home and site settings")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from sections.site_tree import roots

        from . import site_root

        roots.register(site_root.ensure_home, site_root.apply_site_settings)
