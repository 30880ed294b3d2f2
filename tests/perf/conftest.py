"""Fixtures for the performance tests: one article and one policy document, live in every language."""
import datetime

import pytest
from wagtail.models import Page


def _publish_counterparts(page):
    """Sync ``page`` into 繁體 (published by OpenCC) and publish its English draft and its ancestors' drafts."""
    from multilingual.sync import PageSync

    PageSync().sync(page)
    for source in page.get_ancestors(inclusive=True).filter(depth__gt=1):
        for target in Page.objects.filter(translation_key=source.translation_key).exclude(pk=source.pk):
            if not target.live:
                target.specific.save_revision().publish()


@pytest.fixture
def multilingual_content(settings, column, site_tree, publish):
    """{"zh-hans"|"zh-hant"|"en": {page kind: url}} for home, section, column, article and policy page."""
    from policy.models import PolicyDocumentPage
    from sections.models import ArticlePage

    settings.MULTILINGUAL = {**getattr(settings, "MULTILINGUAL", {}), "AUTO_SYNC": False}
    news = column("xwzx/xw")
    article = publish(news, ArticlePage(
        title="全市安全生产工作会议召开", slug="perf-meeting",
        body=[("paragraph", "<p>会议强调要压实安全生产责任。</p>")],
    ))
    policy_column = column("zwgk/zfxxgk/zcwj")
    doc = PolicyDocumentPage(
        title="上海市应急管理局关于测试文件的通知", slug="perf-doc", doc_number="沪应急规〔2023〕9号",
        written_date=datetime.date(2023, 3, 1), summary="测试摘要",
    )
    doc.live = False
    policy_column.add_child(instance=doc)
    doc.save_revision().publish()
    doc.refresh_from_db()
    for page in (article, doc):
        _publish_counterparts(page)
    pages = {"home": site_tree, "section": news.get_parent(), "column": news, "article": article, "policy": doc}
    result = {}
    for code in ("zh-hans", "zh-hant", "en"):
        result[code] = {}
        for kind, page in pages.items():
            target = Page.objects.get(translation_key=page.translation_key, locale__language_code=code)
            assert target.live, (code, kind)
            result[code][kind] = target.url
    return result
