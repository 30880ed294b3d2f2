"""Purge backend for nginx's proxy_cache_purge (Debian: libnginx-mod-http-cache-purge).

nginx's module is used in its separate-location form
(``location ~ ^/purge(/.*)$ { proxy_cache_purge govsite_pages $1$is_args$args; }``):
Debian's 2.3 build crashed a worker (signal 11) in the same-location
``PURGE`` form on nginx 1.22. So a purge is ``GET <LOCATION><path>``, e.g.
LOCATION ``http://127.0.0.1:8080/purge``. The module answers 404 when the URL
was simply not cached, which is not an error here.
"""
import logging
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import Request, urlopen

from wagtail.contrib.frontend_cache.backends.http import HTTPBackend

logger = logging.getLogger("govsite.pagecache")


class NginxPurgeBackend(HTTPBackend):
    def __init__(self, params):
        params = dict(params)
        self.timeout = params.pop("TIMEOUT", 5)
        self.prefix = urlsplit(params["LOCATION"]).path.rstrip("/")
        super().__init__(params)

    def purge(self, url):
        parsed = urlsplit(url)
        request = Request(
            url=urlunsplit([self.cache_scheme, self.cache_netloc, self.prefix + parsed.path, parsed.query, ""]),
            headers={"Host": parsed.netloc or self.cache_netloc, "User-Agent": "govsite-pagecache"},
        )
        try:
            urlopen(request, timeout=self.timeout)  # noqa: S310 - the configured LOCATION
        except HTTPError as error:
            if error.code != 404:
                logger.error("Could not purge %s from nginx: HTTP %s", url, error.code)
        except (URLError, OSError) as error:
            logger.error("Could not purge %s from nginx: %s", url, error)
