"""Defect 13: the translator's main button in the translation editor is 提交译文审核, not 删除.

wagtail-localize makes the last action it offers the main one; a translator of the reviewed English tree
may not publish, so that was 删除. multilingual's template gives them their own footer."""
import re

from ml_helpers import counterpart, submit_for_review, translate_every_segment, translation_into
from wagtail.models import Page


def _footer(html):
    match = re.search(r"<footer[^>]*data-translator-footer.*?</footer>", html, re.S)
    return match.group(0) if match else None


def test_translator_main_action_is_submit_for_review(news_column, translator, superuser_client):
    home = Page.objects.get(pk=news_column.get_ancestors().get(depth=2).pk)
    en = counterpart(home, "en")
    edit_url = f"/admin/pages/{en.pk}/edit/"
    html = translator.get(edit_url, HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert "js-translation-editor" in html  # wagtail-localize's editor
    footer = _footer(html)
    assert footer, "no translator footer"
    first_button = re.search(r"<(button|a)\b[^>]*>.*?</\1>", footer.split("footer__container", 1)[1], re.S).group(0)
    assert "提交译文审核" in first_button and "删除" not in first_button, first_button
    assert f'action="/admin/multilingual/review/{en.pk}/"' in footer
    assert ".js-translation-editor footer.footer { display: none; }" in html  # the library's footer (删除 first) is hidden

    # The main button submits: once every segment is translated the page goes into review.
    translate_every_segment(translator, translation_into(home, "en"), {"title": "Home"})
    assert submit_for_review(translator, en).status_code == 302
    assert Page.objects.get(pk=en.pk).workflow_in_progress

    # Whoever may publish keeps the library's footer with its publish button.
    assert _footer(superuser_client.get(edit_url).content.decode()) is None
