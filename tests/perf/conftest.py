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


LISTED_ITEMS = 20


def _publish_items_counterparts(items):
    """The items' 繁體 copies in one batch, and their English drafts published."""
    from multilingual.sync import PageSync

    PageSync().sync_many(items)
    keys = [item.translation_key for item in items]
    for target in Page.objects.filter(translation_key__in=keys, locale__language_code="en", live=False):
        target.specific.save_revision().publish()


@pytest.fixture
def multilingual_content(settings, column, site_tree, publish):
    """{"zh-hans"|"zh-hant"|"en": {page kind: url}} for home, section, column, article and policy page."""
    from policy.models import PolicyDocumentPage
    from sections.models import ArticlePage

    settings.MULTILINGUAL = {**getattr(settings, "MULTILINGUAL", {}), "AUTO_SYNC": False}
    news = column("xwzx/xw")
    # The column listing shows a full first page (ITEMS_PER_PAGE = 20 items, in every
    # language), so a query per listed item would show in the counts.
    items = [
        publish(news, ArticlePage(title=f"安全生产检查通报第{n}期", slug=f"perf-item-{n}", summary=f"第{n}期摘要"))
        for n in range(1, LISTED_ITEMS)
    ]
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
    _publish_counterparts(article)
    _publish_counterparts(doc)
    _publish_items_counterparts(items)
    pages = {"home": site_tree, "section": news.get_parent(), "column": news, "article": article, "policy": doc}
    result = {"_news": news}
    for code in ("zh-hans", "zh-hant", "en"):
        result[code] = {}
        for kind, page in pages.items():
            target = Page.objects.get(translation_key=page.translation_key, locale__language_code=code)
            assert target.live, (code, kind)
            result[code][kind] = target.url
    return result
