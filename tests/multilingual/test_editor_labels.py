"""Defect 9: wagtail-localize's translation editor showed English inside the Chinese admin.

Its React bundle hard-codes the heading "简体中文 to English translation" and the screen-reader label
"More actions"; no catalogue reaches them. multilingual/static/multilingual/js/editor_labels.js relabels
them from Django i18n. Driven in Chromium, because only the rendered editor shows the strings."""
import pytest
from django.test import Client
from ml_helpers import EN_TRANSLATORS_GROUP, counterpart
from wagtail.models import Page

from tests.browser import DESKTOP, new_page, shot

pytestmark = pytest.mark.browser


def test_translation_editor_shows_no_hard_coded_english(transactional_db, live_server, news_column, make_user,
                                                          chromium):
    home = Page.objects.get(pk=news_column.get_ancestors().get(depth=2).pk)
    en = counterpart(home, "en")
    client = Client()
    client.force_login(make_user("translator-browser", groups=[EN_TRANSLATORS_GROUP]))
    page = new_page(chromium, DESKTOP)
    page.context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}])
    page.goto(f"{live_server.url}/admin/pages/{en.pk}/edit/")
    page.wait_for_selector(".js-translation-editor .w-tabs__panel, .js-translation-editor h2, .js-translation-editor li")
    page.wait_for_function("!document.body.innerText.includes(' to English translation')", timeout=10000)
    shot(page, "translation-editor-desktop", full_page=False)

    text = page.evaluate("document.body.innerText")
    sr_only = page.evaluate("[...document.querySelectorAll('.w-sr-only')].map(e => e.textContent).join('|')")
    assert "简体中文 → English 翻译" in text
    assert " to English translation" not in text
    assert "More actions" not in sr_only and "更多操作" in sr_only
