"""自查报告: the latest run's findings grouped by indicator, as XLSX (read back here) and as a printable page."""
import datetime
import io

import openpyxl
import pytest
from django.urls import reverse

from inspection.models import FindingAcknowledgement
from inspection.profile import run_profile
from sections.models import ArticlePage

DAY = datetime.date(2026, 11, 2)
HOME = reverse("wagtailadmin_home")


@pytest.fixture
def run(column, publish):
    page = ArticlePage(title="=HYPERLINK(\"http://evil\")旧新闻", slug="old-news", summary="各单位要再接再励。",
                       display_date=datetime.datetime(2026, 10, 1, 9, tzinfo=datetime.timezone.utc))
    publish(column("xwzx/xw"), page)
    run = run_profile(today=DAY)
    finding = run.findings.get(rule="sensitive_words")
    FindingAcknowledgement.objects.create(rule=finding.rule, key=finding.key, comment="已改正，待重新发布")
    return run


def _rows(response):
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    sheet = book.active
    return sheet.title, [tuple(row) for row in sheet.iter_rows(values_only=True)]


def test_xlsx_lists_every_indicator_and_its_findings(run, users, as_user):
    title, rows = _rows(as_user(users["chushen"]).get(reverse("inspection:report_xlsx")))
    assert title == "自查报告"
    assert rows[0][0] == "网站检查自查报告（2026-11-02）"
    assert rows[2][:2] == ("检查日期", "2026-11-02")
    labels = [r[0] for r in rows]
    for indicator in ("首页不更新", "栏目不更新", "空白栏目", "互动回应差", "严重错误（错敏词）", "不可用链接", "个人信息"):
        assert indicator in labels, indicator
    # The 错敏词 group: a header row, then the finding with its page, department and the acknowledgement.
    start = [i for i, r in enumerate(rows) if r[0] == "严重错误（错敏词）"][-1]
    assert rows[start + 1][:3] == ("级别", "问题", "页面")
    finding = rows[start + 2]
    assert "再接再励" in finding[1] and finding[4] == "宣传培训处" and finding[5] == "2026-11-02"
    assert finding[7] == "已改正，待重新发布"
    assert finding[2].startswith("=HYPERLINK")  # stored as text, not as a formula
    book = openpyxl.load_workbook(io.BytesIO(as_user(users["chushen"]).get(reverse("inspection:report_xlsx")).content))
    cell = [c for row in book.active.iter_rows() for c in row if c.value == finding[2]][0]
    assert cell.data_type == "s"
    # The empty columns of the tree are counted in the summary table.
    summary = [r for r in rows if r[0] == "空白栏目"][0]
    assert summary[1] == "是" and summary[3] == run.findings.filter(rule="column_empty").exclude(key="site").count()


def test_printable_page_groups_by_indicator(run, users, as_user, make_user):
    for user in (users["zhongshen"], make_user("admin", is_superuser=True)):
        response = as_user(user).get(reverse("inspection:report"))
        html = response.content.decode()
        assert response.status_code == 200
        assert "网站检查自查报告（2026-11-02）" in html and "@media print" in html
        assert html.index("首页不更新") < html.index("空白栏目") < html.index("个人信息")
        assert "再接再励" in html and "已改正，待重新发布" in html and "北京时间" in html


def test_department_editors_and_heads_are_refused(run, users, as_user):
    for name in ("xcpx_editor", "xcpx_head", "zf_editor"):
        for url in (reverse("inspection:report"), reverse("inspection:report_xlsx")):
            response = as_user(users[name]).get(url)
            assert (response.status_code, response.url) == (302, HOME), (name, url)


def test_no_run_yet(users, as_user):
    client = as_user(users["chushen"])
    assert "尚未进行检查" in client.get(reverse("inspection:report")).content.decode()
    response = client.get(reverse("inspection:report_xlsx"))
    assert (response.status_code, response.url) == (302, reverse("inspection:overview"))
