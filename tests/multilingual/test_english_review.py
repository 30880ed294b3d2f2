"""An English page is private until it is fully translated and approved by the final reviewer."""
import re

import pytest
from ml_helpers import (
    EN_TRANSLATORS_GROUP, NEWS_EDITORS_GROUP, REVIEWERS_GROUP, approve, counterpart, create_article_via_admin,
    publish_via_admin, refused, submit_for_review, translate_every_segment, translation_into,
)
from wagtail.models import Page


@pytest.fixture
def source_article(news_column, client_for, superuser_client):
    editor = client_for("news-editor", groups=[NEWS_EDITORS_GROUP])
    page = create_article_via_admin(editor, news_column, "全市开展防汛演练", ["各区同步开展防汛应急演练。"], "fxyl")
    return publish_via_admin(superuser_client, page, "全市开展防汛演练", ["各区同步开展防汛应急演练。"])


def test_english_page_stays_private_until_translated_and_approved(
    english_news_column, source_article, translator, reviewer, client_for, client
):
    en = counterpart(source_article, "en")
    translation = translation_into(source_article, "en")
    url = "/en/xwzx/xw/fxyl/"
    assert not en.live and client.get(url).status_code == 404

    # Half translated: submission is refused and nothing goes live.
    translate_every_segment(translator, translation, {"title": "City-wide flood drill"}, skip={"title"})
    response = submit_for_review(translator, en)
    assert response.status_code == 200
    assert response.context["refusal"] and response.context["done"] < response.context["total"]
    assert not Page.objects.get(pk=en.pk).workflow_in_progress

    # Fully translated and submitted: still private while in review.
    translate_every_segment(translator, translation, {"title": "City-wide flood drill"})
    assert submit_for_review(translator, en).status_code == 302
    en.refresh_from_db()
    assert en.workflow_in_progress and not en.live
    assert client.get(url).status_code == 404

    # Someone outside the final review group cannot approve.
    outsider = client_for("outsider", groups=[NEWS_EDITORS_GROUP])
    response = approve(outsider, en)
    assert refused(response)
    en.refresh_from_db()
    assert not en.live and en.workflow_in_progress

    # The final reviewer approves: the English page goes live with the English text.
    assert approve(reviewer, en).status_code == 302
    en.refresh_from_db()
    assert en.live and en.title == "City-wide flood drill"
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "City-wide flood drill" in html
    assert "Publication date" in html  # metadata labels in English
    assert re.search(r"<time [^>]*>\d{1,2} [A-Z][a-z]+ \d{4}</time>", html)  # and dates in English format
    # ...and is listed in the English column, while the untranslated Chinese items are not.
    listing = client.get("/en/xwzx/xw/").content.decode()
    assert "City-wide flood drill" in listing and "全市开展防汛演练" not in listing


def test_translator_cannot_publish_english_directly(english_news_column, source_article, translator):
    en = counterpart(source_article, "en")
    translate_every_segment(translator, translation_into(source_article, "en"), {})

    response = translator.post(f"/admin/pages/{en.pk}/edit/", {"action": "publish"})

    assert refused(response)
    assert not Page.objects.get(pk=en.pk).live


def test_reviewer_cannot_publish_outside_the_workflow(english_news_column, source_article, reviewer):
    en = counterpart(source_article, "en")

    response = reviewer.post(f"/admin/pages/{en.pk}/edit/", {"action": "publish"})

    assert refused(response)
    assert not Page.objects.get(pk=en.pk).live


def test_child_cannot_be_submitted_before_its_parent_is_live(news_column, source_article, translator):
    en = counterpart(source_article, "en")
    translate_every_segment(translator, translation_into(source_article, "en"), {})

    response = submit_for_review(translator, en)

    assert response.status_code == 200
    english_parent = en.get_parent()
    assert not english_parent.live and english_parent.title in response.context["refusal"]
    assert not Page.objects.get(pk=en.pk).workflow_in_progress


def test_submit_view_refuses_strangers_and_other_languages(source_article, client_for, translator):
    stranger = client_for("stranger", groups=[NEWS_EDITORS_GROUP])
    en = counterpart(source_article, "en")

    assert refused(submit_for_review(stranger, en))
    assert submit_for_review(translator, source_article).status_code == 404
    assert translator.post("/admin/multilingual/review/999999999/").status_code == 404


def test_republishing_the_source_does_not_publish_or_unpublish_english(
    english_news_column, source_article, translator, reviewer, superuser_client
):
    en = counterpart(source_article, "en")
    translate_every_segment(translator, translation_into(source_article, "en"), {"title": "Flood drill"})
    submit_for_review(translator, en)
    approve(reviewer, en)

    publish_via_admin(superuser_client, source_article, "全市开展防汛演练（更新）", ["新增内容。"])

    en.refresh_from_db()
    assert en.live and en.title == "Flood drill"
    # The new source text is waiting in the English translation.
    total, done = translation_into(source_article, "en").get_progress()
    assert done < total
