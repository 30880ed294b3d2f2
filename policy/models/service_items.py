"""阅办联动: service items (事项名称 + 一网通办 URL) for any page type.

``ServiceItem`` hangs off ``wagtailcore.Page``, so any page model can add an
``InlinePanel("service_items")``. Pages that show the "办" icon in listings
also inherit ``ServiceItemsMixin``, which copies the first item onto the page
row when it is saved, so listings render the icon from the page itself with no
query per listed item.
"""
from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

http_url_validator = URLValidator(schemes=["http", "https"])


class ServiceItem(Orderable):
    page = ParentalKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="service_items")
    name = models.CharField(_("service name"), max_length=200)
    url = models.URLField(
        _("online service address"), max_length=500, validators=[http_url_validator],
        help_text=_("The 一网通办 address of the service (http or https)."),
    )

    panels = [FieldPanel("name"), FieldPanel("url")]

    class Meta(Orderable.Meta):
        verbose_name = _("service item")
        verbose_name_plural = _("service items")

    def __str__(self):
        return self.name


# Kept importable from here for the policy app's own modules.
from core.models.service_items import ServiceItemsMixin  # noqa: E402,F401
