"""Defect 9 of issue 17: the main admin views, as each demo role, show no untranslated English.

Each role's user opens the views an editor, reviewer or handler works in (dashboard, page explorer, the
edit and add views of a column and an item of their department, workflow reports, documents, images,
search, account, letters, requests). Every page that is shown (200) is read the way a person sees it: the
text, and the words in title / aria-label / placeholder / alt and button values. A run of English words
is a finding, except for names that are English everywhere (Wagtail, PDF, JavaScript, ...), key names in
<kbd>, command text in <code>, language names (English in the language menus) and the test's own data
(the usernames of the demo roles, the slugs of its pages).
"""
import re
from html.parser import HTMLParser

import pytest
from django.test import Client

from tests.security.test_permission_matrix import matrix_users  # noqa: F401

# One role of each kind (the permission matrix has all 18): superuser, department editor and head, the
# review steps, translators, and the handlers of letters and requests.
ROLES = ("admin", "xcpx_editor", "xcpx_head", "chushen", "baomi", "zhuyao", "en_translator", "hant_proofreader",
         "xjxx_editor", "bgs_editor")

pytestmark = pytest.mark.django_db

# Words a Chinese admin shows in English on purpose: product and format names, units.
ALLOWED_WORDS = {
    "wagtail", "pdf", "docx", "xlsx", "csv", "json", "rss", "url", "html", "api", "id", "utf", "gb", "mb", "kb",
    "gif", "jpg", "jpeg", "png", "webp", "svg", "avif", "heic", "ico", "txt", "zip", "doc", "xls", "ppt", "pptx",
    "opencc", "deepl", "qr", "sql", "www", "http", "https", "gov", "cn", "example", "com", "javascript",
}
ATTRIBUTES = ("title", "aria-label", "placeholder", "alt", "data-w-tooltip-content-value")
SKIPPED_TAGS = {"script", "style", "svg", "code", "pre", "kbd"}


class _VisibleText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in SKIPPED_TAGS:
            self._skip += 1
        attrs = dict(attrs)
        for name in ATTRIBUTES:
            if attrs.get(name):
                self.parts.append(attrs[name])
        if tag == "input" and attrs.get("type") in ("submit", "button") and attrs.get("value"):
            self.parts.append(attrs["value"])

    def handle_endtag(self, tag):
        if tag in SKIPPED_TAGS and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip and data.strip():
            self.parts.append(data)


def english_findings(html, ignore=()):
    """Runs of English words a reader sees in html; the strings in ignore (data, not interface) are skipped."""
    parser = _VisibleText()
    parser.feed(html)
    findings = set()
    ignore = sorted(ignore, key=len, reverse=True)
    for part in parser.parts:
        for text in ignore:
            part = part.replace(text, " ")
        for match in re.finditer(r"[A-Za-z][A-Za-z'’-]*(?:\s+[A-Za-z][A-Za-z'’-]*)*", part):
            words = [w.lower() for w in re.findall(r"[A-Za-z]+", match.group())]
            if any(len(w) > 2 and w not in ALLOWED_WORDS for w in words):
                findings.add(match.group())
    return findings


def _views(site_tree, column):
    from sections.models import ArticlePage

    news = column("xwzx/xw")
    item = ArticlePage(title="全市应急管理系统冬季安全生产工作会议召开", slug="admin-zh-item")
    news.add_child(instance=item)
    item.save_revision()
    return [
        "/admin/", f"/admin/pages/{site_tree.pk}/", f"/admin/pages/{news.pk}/", f"/admin/pages/{item.pk}/edit/",
        f"/admin/pages/add/sections/articlepage/{news.pk}/", f"/admin/pages/{news.pk}/add_subpage/",
        f"/admin/pages/{item.pk}/history/", "/admin/pages/search/?q=安全", "/admin/reports/workflow/",
        "/admin/reports/locked/", "/admin/documents/", "/admin/images/", "/admin/account/",
        "/admin/letters/", "/admin/disclosure-requests/", "/admin/disclosure-requests/reports/",
        "/admin/inspection/", "/admin/participation/", "/admin/localize/",
    ]


def _data_not_interface(users):
    """The test's own data: usernames, page slugs, and language names (shown in their own language)."""
    from django.conf import settings
    from wagtail.models import Page

    names = {name for _, name in settings.LANGUAGES + list(settings.WAGTAILADMIN_PERMITTED_LANGUAGES)}
    return {user.get_username() for user in users} | set(Page.objects.values_list("slug", flat=True)) | names


def test_english_findings_reads_text_and_attributes_but_not_code_keys_or_data():
    html = """<p>页面已保存</p><button aria-label="Close dialog">关闭</button><input type="submit" value="Save">
        <p>运行 <code>manage.py run_inspection</code>，按 <kbd>Ctrl</kbd>+<kbd>S</kbd> 保存。由 xcpx_editor 创建</p>
        <a title="Wagtail 指南">PDF</a><p>Schedule to publish</p>"""
    assert english_findings(html, ignore={"xcpx_editor"}) == {"Close dialog", "Save", "Schedule to publish"}
    assert english_findings(html) == {"Close dialog", "Save", "Schedule to publish", "xcpx", "editor"}


def test_admin_views_show_no_english(site_tree, column, matrix_users):  # noqa: F811
    urls = _views(site_tree, column)
    ignore = _data_not_interface(matrix_users.values())
    found, shown = {}, 0
    for username in ROLES:
        client = Client()
        client.force_login(matrix_users[username])
        for url in urls:
            response = client.get(url, HTTP_ACCEPT_LANGUAGE="zh-hans")
            if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
                continue
            shown += 1
            for text in english_findings(response.content.decode(), ignore):
                found.setdefault(text, set()).add(url)
    assert shown > len(ROLES) * 4  # every role sees at least the dashboard, explorer, account and search
    report = "\n".join(f"{text!r}: {sorted(urls)[:3]}" for text, urls in sorted(found.items()))
    assert not found, f"untranslated English in the admin:\n{report}"
