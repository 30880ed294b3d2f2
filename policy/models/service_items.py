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


class ServiceItemsMixin(models.Model):
    service_count = models.PositiveSmallIntegerField(default=0, editable=False)
    first_service_name = models.CharField(max_length=200, blank=True, editable=False)
    first_service_url = models.URLField(max_length=500, blank=True, editable=False)

    class Meta:
        abstract = True

    @property
    def has_service(self):
        return self.service_count > 0

    def sync_service_summary(self):
        items = [item for item in self.service_items.all() if item.name and item.url]
        items.sort(key=lambda item: (item.sort_order is None, item.sort_order or 0))
        self.service_count = len(items)
        self.first_service_name = items[0].name if items else ""
        self.first_service_url = items[0].url if items else ""

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "service_items" in update_fields:
            self.sync_service_summary()
        super().save(*args, **kwargs)
