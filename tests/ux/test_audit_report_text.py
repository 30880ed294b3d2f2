"""Defect 7: the audit report's 操作 column is text for every kind of row; exports give Beijing times like the screen."""
import csv
import datetime
import io
import re

import openpyxl
import pytest
from wagtail.log_actions import log
from wagtail.models import Locale, PageLogEntry

from sections.models import ArticlePage

PYTHON_TEXT = re.compile(r"bound method|<function|<lambda|object at 0x|<locals>")
UTC_STAMP = datetime.datetime(2026, 3, 1, 2, 30, tzinfo=datetime.timezone.utc)  # 10:30 in Beijing


@pytest.fixture
def logged_rows(column, publish, users):
    page = publish(column("xwzx/xw"), ArticlePage(title="审核记录文字测试", slug="audit-text", summary="摘要"))
    hant_locale, _ = Locale.objects.get_or_create(language_code="zh-hant")
    hant = page.copy_for_translation(hant_locale, copy_parents=True)
    hant.title = "審核記錄文字測試"
    hant.save_revision().publish()
    user = users["chushen"]
    log(page, "moderation.step_skipped", user=user, data={"task": {"id": 1, "title": "分管局领导"}, "reason": "not_important"})
    log(page, "moderation.removal_requested", user=user, data={"reason": "信息已过时效"})
    log(page, "moderation.removed", user=user, data={"reason": "信息已过时效"})
    log(page, "moderation.correction", user=user, data={"date": "2026-03-01", "note": "更正了发布日期"})
    log(hant, "moderation.step_skipped", user=user, data={"task": {"id": 1, "title": "主要领导"}, "reason": "not_important"})
    log(hant, "moderation.correction", user=user, data={"date": "2026-03-01", "note": "更正了发布日期"})
    stamped = log(page, "moderation.confidentiality_review", user=user, data={"review_id": 1, "conclusion": "可以公开",
                                                                                 "reviewer": "保密员"})
    PageLogEntry.objects.filter(pk=stamped.pk).update(timestamp=UTC_STAMP)
    return page, hant


def test_action_column_is_text_for_every_row(logged_rows, users, as_user):
    body = as_user(users["chushen"]).get("/admin/moderation/audit/results/").content.decode()
    cells = re.findall(r"<tr>\s*<td>.*?</tr>", body, re.S)
    assert len(cells) >= 7
    assert not PYTHON_TEXT.search(body), PYTHON_TEXT.search(body).group(0)
    for expected in ("分管局领导", "信息已过时效", "更正了发布日期", "審核記錄文字測試", "主要领导"):
        assert expected in body
    old = as_user(users["chushen"]).get("/admin/moderation/audit/results/",
                                        {"timestamp_from": "2026-03-01", "timestamp_to": "2026-03-01"}).content.decode()
    assert "2026-03-01 10:30" in old  # the screen shows Beijing time


def _csv_rows(response):
    raw = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))


def test_exports_give_beijing_time_and_text(logged_rows, users, as_user):
    client = as_user(users["chushen"])
    rows = _csv_rows(client.get("/admin/moderation/audit/", {"export": "csv"}))
    flat = "\n".join(",".join(r) for r in rows)
    assert not PYTHON_TEXT.search(flat)
    stamped = [r for r in rows if "保密" in ",".join(r) and "2026-03-01" in r[0]]
    assert stamped and stamped[0][0] == "2026-03-01 10:30:00", stamped
    assert "+00:00" not in flat

    response = client.get("/admin/moderation/audit/", {"export": "xlsx"})
    raw = b"".join(response.streaming_content) if response.streaming else response.content
    sheet = openpyxl.load_workbook(io.BytesIO(raw)).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    stamps = [row[0] for row in values[1:] if isinstance(row[0], datetime.datetime) and row[0].date() == UTC_STAMP.date()]
    assert datetime.datetime(2026, 3, 1, 10, 30) in stamps, stamps
    assert not PYTHON_TEXT.search(" ".join(str(v) for row in values for v in row))
