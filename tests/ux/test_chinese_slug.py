"""Defect 1: a page with only a Chinese title saves, with a readable pinyin slug."""
from django.urls import reverse
from wagtail.models import Page

from tests.moderation.moderation_helpers import article_data


def _add_url(parent):
    return reverse("wagtailadmin_pages:add", args=("sections", "articlepage", parent.pk))


def test_pinyin_slug_is_readable_and_ascii():
    from core.slugs import pinyin_slug

    assert pinyin_slug("全市应急管理工作会议召开") == "quan-shi-ying-ji-guan-li-gong-zuo-hui-yi-zhao-kai"
    assert pinyin_slug("2026年第3号 通知（试行）") == "2026-nian-di-3-hao-tong-zhi-shi-xing"
    assert pinyin_slug("  ") == ""
    assert len(pinyin_slug("长" * 300)) <= 80
    assert pinyin_slug("Safety <script>") == "safety-script"


def test_news_item_saves_with_only_a_chinese_title(users, as_user, column):
    news = column("xwzx/xw")
    editor = as_user(users["xcpx_editor"])
    data = article_data("全市应急管理工作会议召开", "")
    response = editor.post(_add_url(news), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = Page.objects.child_of(news).get(title="全市应急管理工作会议召开")
    assert page.slug == "quan-shi-ying-ji-guan-li-gong-zuo-hui-yi-zhao-kai"

    # A second item with the same title gets its own slug, and the first keeps its slug on edit.
    response = editor.post(_add_url(news), article_data("全市应急管理工作会议召开", ""))
    assert response.status_code == 302
    slugs = sorted(Page.objects.child_of(news).filter(title="全市应急管理工作会议召开").values_list("slug", flat=True))
    assert slugs == ["quan-shi-ying-ji-guan-li-gong-zuo-hui-yi-zhao-kai", "quan-shi-ying-ji-guan-li-gong-zuo-hui-yi-zhao-kai-2"]
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = editor.post(edit, article_data("会议召开（更新标题）", ""))
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.slug == "quan-shi-ying-ji-guan-li-gong-zuo-hui-yi-zhao-kai"


def test_validation_error_message_is_chinese(users, as_user, column):
    editor = as_user(users["xcpx_editor"])
    response = editor.post(_add_url(column("xwzx/xw")), article_data("", ""))
    assert response.status_code == 200
    text = response.content.decode()
    assert "could not be created" not in text
    assert "页面未能创建" in text


def test_hostile_titles_do_not_break_the_save(users, as_user, column):
    editor = as_user(users["xcpx_editor"])
    for title in ("（）【】！", "\u200b\u200b", "😀😀", "标" * 255):
        response = editor.post(_add_url(column("xwzx/xw")), article_data(title, ""))
        assert response.status_code in (200, 302)
        if response.status_code == 302:
            page = Page.objects.child_of(column("xwzx/xw")).filter(title=title).get()
            assert page.slug and page.slug.isascii()
