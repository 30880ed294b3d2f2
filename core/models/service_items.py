"""The "办" summary that listings show without a query per item (阅办联动).

Abstract, so it lives on the bottom floor: ``sections.ArticlePage`` and the
policy pages inherit it. The ``ServiceItem`` rows themselves are a model of
``policy`` (``related_name="service_items"`` on ``wagtailcore.Page``); this
mixin reaches them only through that reverse relation, never by import.
"""
from django.db import models


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

    def prepare_bulk_create(self, parent):
        """What ``save()`` derives, for ``core.bulk_pages`` (which inserts without calling it)."""
        self.sync_service_summary()
        prepare = getattr(super(), "prepare_bulk_create", None)
        if prepare is not None:
            prepare(parent)

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "service_items" in update_fields:
            self.sync_service_summary()
        super().save(*args, **kwargs)
