"""Traditional Chinese is the OpenCC conversion of the published source; overrides survive."""
import pytest
from ml_helpers import (
    HANT_PROOFREADERS_GROUP, NEWS_EDITORS_GROUP, counterpart, create_article_via_admin, publish_via_admin,
    put_segment, segment_for,
)
from django.core.management import call_command
from wagtail.models import Locale, Revision
from wagtail_localize.models import StringTranslation, Translation

from multilingual.machine_translator import OpenCCTranslator, convert
from multilingual.sync import PageSync

TITLE = "关于发布网络安全应急预案的通知"
BODY = "各区应急管理局：现将软件系统应急预案发布给你们，请认真贯彻执行。"


def hant_translation(source):
    return Translation.objects.get(source__object_id=source.translation_key, target_locale__language_code="zh-hant")


@pytest.fixture
def published_source(news_column, client_for, superuser_client):
    editor = client_for("news-editor", groups=[NEWS_EDITORS_GROUP])
    source = create_article_via_admin(editor, news_column, TITLE, [BODY], "wlaq", summary="软件与网络安全")
    return publish_via_admin(superuser_client, source, TITLE, [BODY], summary="软件与网络安全")


def test_published_source_yields_a_live_traditional_page_with_the_opencc_text(published_source, client):
    hant = counterpart(published_source, "zh-hant").specific

    assert hant.live
    assert hant.title == convert(TITLE) == "關於發布網絡安全應急預案的通知"
    assert hant.summary == convert("软件与网络安全") == "軟件與網絡安全"
    source_html = published_source.body[0].value.source
    assert BODY in source_html
    assert hant.body[0].value.source == convert(source_html)
    response = client.get(hant.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert convert(BODY) in html and BODY not in html
    assert response.request["PATH_INFO"].startswith("/zh-hant/")
    # Conversions are recorded as machine translations by OpenCC: that is their provenance.
    rows = StringTranslation.objects.filter(locale__language_code="zh-hant", context__object_id=published_source.translation_key)
    assert rows.exists() and all(r.translation_type == "machine" and r.tool_name.startswith("OpenCC") for r in rows)


def test_english_is_not_published_by_the_machine_path(published_source, client):
    en = counterpart(published_source, "en")

    assert en is not None and not en.live
    # The English tree is not live, so /en/ must not show the Chinese page under its prefix.
    response = client.get("/en/xwzx/xw/wlaq/")
    assert response.status_code == 302 and response["Location"] == "/xwzx/xw/wlaq/"


def test_proofreader_override_survives_a_later_refresh(published_source, client_for, superuser_client):
    translation = hant_translation(published_source)
    title_segment = segment_for(translation, "title")
    proofreader = client_for("proofreader", groups=[HANT_PROOFREADERS_GROUP])

    response = put_segment(proofreader, translation, title_segment, "關於發佈網絡安全應急預案的通知")
    assert response.status_code in (200, 201), response.content
    # The proofreader publishes from wagtail-localize's editor.
    hant = counterpart(published_source, "zh-hant")
    response = proofreader.post(f"/admin/pages/{hant.pk}/edit/", {"action": "publish"})
    assert response.status_code == 302
    hant.refresh_from_db()
    assert hant.title == "關於發佈網絡安全應急預案的通知"

    # The source is republished with a changed body: the body is re-converted, the title override kept.
    new_body = "请各单位于本月底前报送演练总结。"
    publish_via_admin(superuser_client, published_source, TITLE, [new_body], summary="软件与网络安全")

    hant = counterpart(published_source, "zh-hant").specific
    assert hant.live
    assert hant.title == "關於發佈網絡安全應急預案的通知"
    published_source.refresh_from_db()
    assert new_body in published_source.body[0].value.source
    assert hant.body[0].value.source == convert(published_source.body[0].value.source)
    override = StringTranslation.objects.get(
        locale__language_code="zh-hant", context=title_segment.context, translation_of=title_segment.string
    )
    assert override.translation_type == "manual"


def test_deleting_an_override_hands_the_segment_back_to_the_converter(published_source, client_for):
    translation = hant_translation(published_source)
    title_segment = segment_for(translation, "title")
    proofreader = client_for("proofreader", groups=[HANT_PROOFREADERS_GROUP])
    put_segment(proofreader, translation, title_segment, "人工標題")

    response = proofreader.delete(f"/admin/localize/translate/{translation.pk}/strings/{title_segment.pk}/edit/")
    assert response.status_code == 200
    # What sync_zh_hant does for each page (the whole-tree command is run by the test below).
    PageSync().sync(published_source, refresh=True)

    assert counterpart(published_source, "zh-hant").title == convert(TITLE)


def test_news_editor_cannot_override_traditional_text(published_source, client_for):
    translation = hant_translation(published_source)
    editor = client_for("news-editor-2", groups=[NEWS_EDITORS_GROUP])

    response = put_segment(editor, translation, segment_for(translation, "title"), "惡意文字")

    assert response.status_code == 403
    assert not StringTranslation.objects.filter(data="惡意文字").exists()


def test_unpublishing_the_source_withdraws_its_translations(published_source, superuser_client):
    response = superuser_client.post(f"/admin/pages/{published_source.pk}/unpublish/")
    assert response.status_code == 302

    assert not counterpart(published_source, "zh-hant").live


def test_resync_without_changes_adds_no_revision(published_source):
    hant = counterpart(published_source, "zh-hant")
    before = Revision.page_revisions.filter(object_id=str(hant.pk)).count()

    call_command("sync_zh_hant", stdout=_Null())

    assert Revision.page_revisions.filter(object_id=str(hant.pk)).count() == before


def test_regional_variant_is_selectable(db):
    hans, hant = Locale.objects.get(language_code="zh-hans"), Locale.objects.get(language_code="zh-hant")
    en = Locale.objects.get(language_code="en")
    taiwan, hong_kong = OpenCCTranslator({"CONFIG": "s2twp"}), OpenCCTranslator({"CONFIG": "s2hk"})
    from wagtail_localize.strings import StringValue

    text = StringValue("软件和网络")
    assert taiwan.translate(hans, hant, [text])[text].data == "軟體和網路"
    assert hong_kong.translate(hans, hant, [text])[text].data == "軟件和網絡"
    assert taiwan.can_translate(hans, hant) and not taiwan.can_translate(hans, en)
    with pytest.raises(ValueError):
        OpenCCTranslator({"CONFIG": "../../etc/passwd"})


class _Null:
    def write(self, *args, **kwargs):
        pass

    def flush(self):
        pass


def test_deleting_the_source_withdraws_its_translations(published_source, superuser_client):
    hant = counterpart(published_source, "zh-hant")

    response = superuser_client.post(f"/admin/pages/{published_source.pk}/delete/")
    assert response.status_code == 302

    hant.refresh_from_db()
    assert not hant.live
