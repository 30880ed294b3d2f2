from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InteractionConfig(AppConfig):
    name = "interaction"
    label = "interaction"
    verbose_name = _("Public interaction")
    default_auto_field = "django.db.models.BigAutoField"
