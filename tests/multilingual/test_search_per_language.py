"""Stock Wagtail search, filtered by locale, returns each language's pages only.

The search app (another branch) indexes a locale field of its own; this test
covers the Wagtail query the public search is built on, so the lead can
cross-check once both are merged.
"""
import pytest
from ml_helpers import (
    NEWS_EDITORS_GROUP, approve, counterpart, create_article_via_admin, publish_via_admin, submit_for_review,
    translate_every_segment, translation_into,
)
from wagtail.models import Locale, Page

from multilingual.machine_translator import convert


@pytest.fixture
def drill(news_column, english_news_column, superuser_client, client_for, translator, reviewer):
    editor = client_for("news-editor", groups=[NEWS_EDITORS_GROUP])
    page = create_article_via_admin(editor, news_column, "地铁站点防汛演练", ["演练检验了地下空间排水能力。"], "dtyl")
    page = publish_via_admin(superuser_client, page, "地铁站点防汛演练", ["演练检验了地下空间排水能力。"])
    en = counterpart(page, "en")
    translate_every_segment(translator, translation_into(page, "en"), {"title": "Metro station flood drill"})
    submit_for_review(translator, en)
    approve(reviewer, en)
    return page


def search(language_code, query):
    locale = Locale.objects.get(language_code=language_code)
    return list(Page.objects.live().filter(locale=locale).search(query))


def test_each_language_finds_only_its_own_pages(drill):
    hans = search("zh-hans", "地铁站点防汛演练")
    hant = search("zh-hant", convert("地铁站点防汛演练"))
    english = search("en", "Metro station flood drill")

    assert [p.pk for p in hans] == [drill.pk]
    assert [p.pk for p in hant] == [counterpart(drill, "zh-hant").pk]
    assert [p.pk for p in english] == [counterpart(drill, "en").pk]
    # Cross-language queries find nothing in the other trees.
    assert search("en", "地铁站点防汛演练") == []
    assert search("zh-hans", "Metro station flood drill") == []


def test_pending_english_translation_is_not_searchable(news_column, english_news_column, superuser_client, client_for):
    editor = client_for("news-editor", groups=[NEWS_EDITORS_GROUP])
    page = create_article_via_admin(editor, news_column, "台风预警发布", ["请做好防范。"], "tfyj")
    publish_via_admin(superuser_client, page, "台风预警发布", ["请做好防范。"])

    # The pending English page still carries the Chinese text, but it is not live.
    assert search("en", "台风预警发布") == []
