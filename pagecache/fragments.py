"""Cache keys of per-generation fragments (template chrome, routes, site settings)."""
import hashlib

from django.core.cache import cache
from django.utils import translation

from . import generation

TIMEOUT = 24 * 3600  # keys die with their generation; the timeout only frees memory


def key(request, name, *vary):
    host = request.get_host() if request is not None else ""
    scheme = request.scheme if request is not None else ""
    raw = "|".join(str(v) for v in (name, translation.get_language(), scheme, host, *vary))
    digest = hashlib.md5(raw.encode(), usedforsecurity=False).hexdigest()
    return f"pagecache:{generation.current(request)}:{digest}"


def get_or_set(request, name, vary, compute):
    k = key(request, name, *vary)
    value = cache.get(k)
    if value is None:
        value = compute()
        cache.set(k, value, TIMEOUT)
    return value
