from django.db import models
from django.utils.translation import gettext_lazy as _


class Generation(models.Model):
    """One row: a counter bumped whenever public content changes.

    Every fragment, route and settings cache key contains it, so a bump
    invalidates them all at once in every worker process. It lives in the
    database (not in the cache) because the default cache is per process:
    a publish handled by one gunicorn worker must reach the others, and the
    bump commits atomically with the content it announces.
    """

    value = models.BigIntegerField(_("value"), default=0)

    class Meta:
        verbose_name = _("cache generation")
        verbose_name_plural = _("cache generations")
