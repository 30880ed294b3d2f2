"""The content generation: read once per request, bumped on every public change."""
from django.db.models import F

from .models import Generation

_ATTR = "_pagecache_generation"


def current(request=None):
    """The generation (one tiny query, remembered on ``request``)."""
    if request is not None and hasattr(request, _ATTR):
        return getattr(request, _ATTR)
    value = Generation.objects.filter(pk=1).values_list("value", flat=True).first() or 0
    if request is not None:
        setattr(request, _ATTR, value)
    return value


def bump():
    if not Generation.objects.filter(pk=1).update(value=F("value") + 1):
        Generation.objects.get_or_create(pk=1, defaults={"value": 1})
