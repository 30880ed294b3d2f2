"""Defect 13a: an article whose body opens with its summary prints the summary once."""
from wagtail.test.utils.form_data import rich_text  # noqa: F401

from sections.models import ArticlePage

TEXT = "各区应急管理局要进一步加强组织领导，细化工作方案。"


def _body(*paragraphs):
    return [("paragraph", f"<p>{p}</p>") for p in paragraphs]


def test_summary_repeated_in_body_is_printed_once(column, publish, client):
    page = publish(column("xwzx/xw"), ArticlePage(title="摘要重复测试", slug="summary-twice", summary=TEXT,
                                                  body=_body(TEXT, "第二段。")))
    html = client.get(page.url).content.decode()
    assert html.count("细化工作方案") == 1


def test_distinct_summary_is_still_shown(column, publish, client):
    page = publish(column("xwzx/xw"), ArticlePage(title="摘要单独测试", slug="summary-once", summary="本文摘要一句话。",
                                                  body=_body(TEXT)))
    html = client.get(page.url).content.decode()
    assert html.count("本文摘要一句话") >= 1 and 'class="summary"' in html
