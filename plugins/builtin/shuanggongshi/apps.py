from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ShuanggongshiConfig(AppConfig):
    name = "plugins.builtin.shuanggongshi"
    label = "shuanggongshi"
    verbose_name = _("Licensing and penalty disclosure")
    default_auto_field = "django.db.models.BigAutoField"
