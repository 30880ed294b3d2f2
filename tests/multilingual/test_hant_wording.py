"""Defect 10 (issue 17): 繁體 wording is OpenCC s2t plus the project phrase dictionary, never s2twp's
software vocabulary; names outside the page content are converted too; Simplified queries on the
繁體 search find what their 繁體 form finds."""
import re

import pytest
from ml_helpers import counterpart
from wagtail.models import Site

from core import hant
from departments.models import Department
from multilingual.machine_translator import convert
from multilingual.sync import PageSync
from sections.models import ArticlePage

pytestmark = pytest.mark.django_db

SOURCE = "依据《中华人民共和国政府信息公开条例》，现将社区应急预案文件发布如下，系统运行正常。"


def test_conversion_keeps_government_wording():
    text = convert(SOURCE)
    assert text == "依據《中華人民共和國政府信息公開條例》，現將社區應急預案文件發布如下，系統運行正常。"
    for software_word in ("釋出", "檔案", "資訊", "社群", "執行"):
        assert software_word not in text
    assert hant.convert("发布部门") == "發布部門" and hant.convert("政策文件") == "政策文件"


def test_phrase_dictionary_is_read_from_settings_and_checked(tmp_path, settings):
    phrases = tmp_path / "phrases.tsv"
    phrases.write_text("# test\n应急管理局\t應急管理處\n", encoding="utf-8")
    settings.ZH_HANT_PHRASES_FILE = phrases
    assert hant.convert("上海市应急管理局") == "上海市應急管理處"
    phrases.write_text("信息\t資訊內容\n", encoding="utf-8")
    settings.ZH_HANT_PHRASES_FILE = tmp_path / "bad.tsv"
    (tmp_path / "bad.tsv").write_text("信息\t資訊內容\n", encoding="utf-8")
    with pytest.raises(hant.PhraseFileError, match="differ in length"):
        hant.convert("信息")


def test_interface_catalogue_uses_the_same_rule():
    import polib
    from django.conf import settings

    po = polib.pofile(str(settings.BASE_DIR / "locale" / "zh_Hant" / "LC_MESSAGES" / "django.po"))
    label = po.find("Publishing department")
    assert label is not None and label.msgstr == "發布部門"


@pytest.fixture
def hant_article(news_column, publish, django_capture_on_commit_callbacks):
    department = Department.objects.get(name="宣传培训处")
    with django_capture_on_commit_callbacks(execute=True):  # the site search indexes after commit
        page = publish(news_column, ArticlePage(title="社区应急预案文件发布", slug="sq", department=department,
                                                body=[("paragraph", f"<p>{SOURCE}</p>")]))
        PageSync().sync(page)
    return counterpart(page, "zh-hant").specific


def test_traditional_page_converts_site_name_footer_and_department(client, hant_article, site_tree):
    from home.models import SiteSettings

    settings = SiteSettings.for_site(Site.objects.get(root_page=site_tree))
    assert settings.agency_name == "上海市应急管理局" and settings.address
    html = client.get(hant_article.url).content.decode()
    assert '<span class="site-name">上海市應急管理局</span>' in html
    assert f"<title>{hant_article.title} - 上海市應急管理局</title>" in html
    meta = re.search(r'<dl class="page-meta">(.*?)</dl>', html, re.S).group(1)
    assert "<dt>發布部門</dt><dd>宣傳培訓處</dd>" in meta
    footer = html[html.index("<footer"):]
    assert "上海市應急管理局" in footer and hant.convert(settings.address) in footer
    assert "上海市应急管理局" not in html


def test_simplified_and_traditional_queries_find_the_same_traditional_documents(client, hant_article):
    def found(query):
        data = client.get("/zh-hant/search/api/", {"q": query}).json()
        return sorted(r["url"] for r in data["results"])

    traditional = found("社區應急預案")
    assert any("/zh-hant/" in url for url in traditional)
    assert found("社区应急预案") == traditional
    assert found("发布") == found("發布") != []
