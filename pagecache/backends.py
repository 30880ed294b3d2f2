"""Purge backend for nginx's proxy_cache_purge (Debian: libnginx-mod-http-cache-purge).

Wagtail's HTTPBackend already sends ``PURGE <path>`` to the cache; nginx's
module answers 404 when the URL was simply not cached, which is not an error
here (most purged listings were never requested since the last publish).
"""
import logging
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import urlopen

from wagtail.contrib.frontend_cache.backends.http import HTTPBackend, PurgeRequest

logger = logging.getLogger("govsite.pagecache")


class NginxPurgeBackend(HTTPBackend):
    def __init__(self, params):
        params = dict(params)
        self.timeout = params.pop("TIMEOUT", 5)
        super().__init__(params)

    def purge(self, url):
        parsed = urlsplit(url)
        request = PurgeRequest(
            url=urlunsplit([self.cache_scheme, self.cache_netloc, parsed.path, parsed.query, ""]),
            headers={"Host": parsed.netloc or self.cache_netloc, "User-Agent": "govsite-pagecache"},
        )
        try:
            urlopen(request, timeout=self.timeout)  # noqa: S310 - the configured LOCATION
        except HTTPError as error:
            if error.code != 404:
                logger.error("Could not purge %s from nginx: HTTP %s", url, error.code)
        except (URLError, OSError) as error:
            logger.error("Could not purge %s from nginx: %s", url, error)
