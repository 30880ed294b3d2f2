from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DisclosureRequestsConfig(AppConfig):
    name = "disclosure_requests"
    label = "disclosure_requests"
    verbose_name = _("Requests for government information")
    default_auto_field = "django.db.models.BigAutoField"
