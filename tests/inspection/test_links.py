"""The link checker against pages served on loopback (no outside network): ok, 404, timeout, redirect loop."""
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from inspection.links import check_urls, links_in_value, record
from inspection.models import LinkResult

PORT = 8141


class Handler(BaseHTTPRequestHandler):
    def do_HEAD(self):
        if self.path == "/ok":
            self.send_response(200)
        elif self.path == "/slow":
            time.sleep(2)
            self.send_response(200)
        elif self.path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
        elif self.path == "/head-refused":
            self.send_response(405)
        else:
            self.send_response(404)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self):
        self.send_response(200 if self.path == "/head-refused" else 404)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", PORT), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{PORT}"
    httpd.shutdown()
    httpd.server_close()


def test_ok_404_timeout_and_redirect_loop(server):
    started = time.monotonic()
    results = {r.url.rsplit("/", 1)[1]: r for r in check_urls(
        [f"{server}/ok", f"{server}/missing", f"{server}/slow", f"{server}/loop", f"{server}/head-refused"],
        timeout=0.5, workers=4)}
    assert (results["ok"].ok, results["ok"].status_code) == (True, 200)
    assert (results["missing"].ok, results["missing"].status_code) == (False, 404)
    assert (results["slow"].ok, results["slow"].error) == (False, "timeout")
    assert (results["loop"].ok, results["loop"].error) == (False, "redirect loop")
    assert results["head-refused"].ok  # HEAD refused, GET answered
    assert time.monotonic() - started < 2  # the slow link is cut off by its timeout, the others run alongside


def test_a_link_is_reported_only_after_failing_twice(server, site_tree):
    url = f"{server}/missing"
    record(check_urls([url], timeout=0.5), {url: {site_tree.pk}})
    link = LinkResult.objects.get(url=url)
    assert not link.ok and not link.reportable and link.first_failed
    record(check_urls([url], timeout=0.5), {url: {site_tree.pk}})
    link.refresh_from_db()
    assert link.reportable and list(link.pages.values_list("pk", flat=True)) == [site_tree.pk]
    record(check_urls([f"{server}/ok"], timeout=0.5), {})
    ok_link = LinkResult.objects.get(url=f"{server}/ok")
    assert ok_link.ok and ok_link.consecutive_failures == 0


def test_links_are_found_in_rich_text_and_url_blocks():
    raw = [{"type": "paragraph", "value": '<p><a href="https://example.gov.cn/a">甲</a>'
                                          '<a linktype="page" id="42">乙</a><a linktype="document" id="7">丙</a></p>'},
           {"type": "link", "value": {"url": "https://example.gov.cn/b", "title": "丁"}}]
    urls, pages, documents = links_in_value(raw)
    assert urls == {"https://example.gov.cn/a", "https://example.gov.cn/b"}
    assert (pages, documents) == ({42}, {7})
