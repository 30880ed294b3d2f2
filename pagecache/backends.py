"""Purge backend for nginx's proxy_cache_purge (Debian: libnginx-mod-http-cache-purge).

nginx's module is used in its separate-location form
(``location ~ ^/purge(/.*)$ { proxy_cache_purge govsite_pages $1$is_args$args; }``):
Debian's 2.3 build crashed a worker (signal 11) in the same-location
``PURGE`` form on nginx 1.22. So a purge is ``GET <LOCATION><path>``, e.g.
LOCATION ``http://127.0.0.1:8080/purge``. The module answers 404 when the URL
was simply not cached, which is not an error here.
"""
import http.client
import logging
from urllib.parse import quote, urlsplit

from wagtail.contrib.frontend_cache.backends.http import HTTPBackend

logger = logging.getLogger("govsite.pagecache")


class NginxPurgeBackend(HTTPBackend):
    def __init__(self, params):
        params = dict(params)
        self.timeout = params.pop("TIMEOUT", 5)
        self.prefix = urlsplit(params["LOCATION"]).path.rstrip("/")
        super().__init__(params)

    def _target(self, url):
        """The purge request path: nginx keys pages by ``$request_uri``, which is percent-encoded."""
        parsed = urlsplit(url)
        path = quote(parsed.path, safe="/%:@!$&'()*+,;=-._~")
        return self.prefix + path + (f"?{parsed.query}" if parsed.query else ""), parsed.netloc

    def purge(self, url):
        self.purge_batch([url])

    def purge_batch(self, urls):
        """One keep-alive connection for the whole batch (a publish can purge hundreds of URLs)."""
        connection = None
        for url in urls:
            target, host = self._target(url)
            for attempt in (1, 2):  # once more on a fresh connection if nginx closed the kept-alive one
                try:
                    if connection is None:
                        connection = http.client.HTTPConnection(self.cache_netloc, timeout=self.timeout)
                    connection.request("GET", target, headers={"Host": host or self.cache_netloc,
                                                               "User-Agent": "govsite-pagecache"})
                    response = connection.getresponse()
                    response.read()
                    # 200 purged; 404: the URL was simply not cached, which is not an error here.
                    if response.status not in (200, 404):
                        logger.error("Could not purge %s from nginx: HTTP %s", url, response.status)
                    if response.will_close:
                        connection.close()
                        connection = None
                    break
                except (http.client.HTTPException, OSError) as error:
                    if connection is not None:
                        connection.close()
                        connection = None
                    if attempt == 2:
                        logger.error("Could not purge %s from nginx: %s", url, error)
        if connection is not None:
            connection.close()
