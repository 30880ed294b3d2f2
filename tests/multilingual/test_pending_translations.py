"""Creating a source page in the admin creates pending translations in the other languages."""
from wagtail_localize.models import Translation

from ml_helpers import NEWS_EDITORS_GROUP, counterpart, create_article_via_admin


def test_department_editor_creating_a_draft_creates_pending_translations(news_column, client_for):
    editor = client_for("news-editor", groups=[NEWS_EDITORS_GROUP])

    source = create_article_via_admin(editor, news_column, "市应急局召开防汛工作会议", ["会议部署了汛期安全工作。"], "fxhy")

    assert not source.live
    for code in ("zh-hant", "en"):
        target = counterpart(source, code)
        assert target is not None, code
        assert not target.live, code
        assert target.alias_of_id is None
        assert target.get_parent().translation_key == news_column.translation_key
        translation = Translation.objects.get(source__object_id=source.translation_key, target_locale__language_code=code)
        assert translation.enabled
    # The Traditional draft is already converted; the English one waits for a translator.
    assert counterpart(source, "zh-hant").title == "市應急局召開防汛工作會議"
    en = Translation.objects.get(source__object_id=source.translation_key, target_locale__language_code="en")
    total, done = en.get_progress()
    assert total >= 2 and done == 0


def test_pending_translations_are_listed_in_the_translations_report(news_column, client_for, superuser_client):
    editor = client_for("news-editor", groups=[NEWS_EDITORS_GROUP])
    create_article_via_admin(editor, news_column, "汛期安全提示", ["注意防范强降雨。"], "xqts")

    response = superuser_client.get("/admin/localize/reports/translations/results/?target_locale=en&source_title=汛期&waiting_for_translation=true")

    assert response.status_code == 200
    assert "汛期安全提示" in response.content.decode()


def test_editor_cannot_create_pages_outside_their_columns(news_column, column, client_for):
    editor = client_for("news-editor", groups=[NEWS_EDITORS_GROUP])
    other = column("zwgk/zfxxgk/zcwj")

    response = editor.post(f"/admin/pages/add/sections/articlepage/{other.pk}/", {"title": "x", "slug": "x"})

    assert response.status_code in (302, 403)
    assert not other.get_children().filter(slug="x").exists()
