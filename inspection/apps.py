from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InspectionConfig(AppConfig):
    name = "inspection"
    label = "inspection"
    verbose_name = _("Website inspection")
    default_auto_field = "django.db.models.BigAutoField"
