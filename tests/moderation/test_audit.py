"""The audit trail: every step is a log entry, in order; the report filters and exports it."""
import csv
import io

import openpyxl
from wagtail.models import PageLogEntry

from .moderation_helpers import act, confidentiality_form, create_and_submit


def _run_disclosure_chain(users, as_user, column, slug="audit-1", title="关于公布安全生产行政许可事项的公告"):
    page = create_and_submit(as_user(users["zcfg_editor"]), column("zwgk/zfxxgk/zcwj"), title, slug)
    act(as_user(users["zcfg_head"]), page, "approve", comment="负责人同意")
    act(as_user(users["chushen"]), page, "approve", comment="初审通过")
    act(as_user(users["baomi"]), page, "approve", **confidentiality_form(comment="公开审核通过"))
    page.refresh_from_db()
    return page


def test_log_holds_the_full_trail_in_order(users, as_user, column):
    page = _run_disclosure_chain(users, as_user, column)
    assert page.live
    entries = list(PageLogEntry.objects.filter(page=page).order_by("timestamp", "pk"))
    actions = [e.action for e in entries]
    trail = [a for a in actions if a.startswith(("wagtail.workflow", "moderation.", "wagtail.publish"))]
    assert trail == [
        "wagtail.workflow.start",
        "wagtail.workflow.approve",          # 本部门负责人
        "wagtail.workflow.approve",          # 初审
        "moderation.confidentiality_review",  # 保密审查表
        "wagtail.workflow.approve",          # 公开审核与保密复核
        "moderation.step_skipped",           # 分管局领导 (not important)
        "moderation.step_skipped",           # 主要领导
        "wagtail.publish",
    ]
    approvals = [e for e in entries if e.action == "wagtail.workflow.approve"]
    assert [e.user.username for e in approvals] == ["zcfg_head", "chushen", "baomi"]
    assert [e.data["comment"] for e in approvals] == ["负责人同意", "初审通过", "公开审核通过"]
    assert all(e.revision_id for e in approvals)
    publish = [e for e in entries if e.action == "wagtail.publish"][0]
    assert publish.user.username == "baomi"


def test_custom_actions_read_in_chinese(users, as_user, column):
    page = _run_disclosure_chain(users, as_user, column, slug="audit-zh")
    response = as_user(users["zcfg_editor"]).get(f"/admin/pages/{page.pk}/history/", HTTP_ACCEPT_LANGUAGE="zh-hans")
    body = response.content.decode()
    assert response.status_code == 200
    assert "保密审查表" in body
    assert "跳过" in body


def test_audit_report_filters_and_exports(users, as_user, column):
    news = create_and_submit(as_user(users["xcpx_editor"]), column("xwzx/xw"), "报表新闻", "report-news")
    act(as_user(users["xcpx_head"]), news, "approve", comment="同意发布")
    _run_disclosure_chain(users, as_user, column, slug="report-zw", title="报表政务公开")
    client = as_user(users["chushen"])
    response = client.get("/admin/moderation/audit/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "报表新闻" in body and "报表政务公开" in body

    from departments.models import Department

    xcpx = Department.objects.get(name="宣传培训处")
    body = client.get("/admin/moderation/audit/results/", {"department": xcpx.pk}).content.decode()
    assert "报表新闻" in body and "报表政务公开" not in body
    body = client.get("/admin/moderation/audit/results/", {"column": column("zwgk").pk}).content.decode()
    assert "报表新闻" not in body and "报表政务公开" in body
    body = client.get("/admin/moderation/audit/results/", {"reviewer": users["xcpx_head"].pk}).content.decode()
    assert "报表新闻" in body and "报表政务公开" not in body
    body = client.get("/admin/moderation/audit/results/", {"timestamp_from": "2000-01-01", "timestamp_to": "2000-01-02"}).content.decode()
    assert "报表新闻" not in body

    response = client.get("/admin/moderation/audit/", {"export": "csv", "department": xcpx.pk})
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig") if hasattr(response, "streaming_content") else response.content.decode("utf-8-sig"))))
    assert len(rows) >= 3
    flat = "\n".join(",".join(r) for r in rows)
    assert "报表新闻" in flat and "同意发布" in flat and "宣传培训处" in flat and "报表政务公开" not in flat

    response = client.get("/admin/moderation/audit/", {"export": "xlsx"})
    assert response.status_code == 200
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content) if hasattr(response, "streaming_content") else response.content))
    values = [str(c.value) for row in workbook.active.iter_rows() for c in row if c.value is not None]
    assert any("报表政务公开" in v for v in values)


def test_audit_report_refused_to_plain_editors(users, as_user):
    response = as_user(users["xcpx_editor"]).get("/admin/moderation/audit/")
    assert response.status_code in (302, 403)
    response = as_user(users["xcpx_editor"]).get("/admin/moderation/audit/", {"export": "csv"})
    assert response.status_code in (302, 403)


def test_audit_report_survives_hostile_filters(users, as_user):
    client = as_user(users["chushen"])
    for params in ({"department": "abc"}, {"column": "-1"}, {"reviewer": "x" * 5000},
                   {"timestamp_from": "not-a-date"}, {"action": "<script>"}, {"export": "exe"}, {"p": "99999"}):
        response = client.get("/admin/moderation/audit/", params)
        assert response.status_code in (200, 404), params


def test_audit_export_neutralises_formula_titles_and_has_bom(users, as_user, column):
    """A hostile title cannot run as a spreadsheet formula in the 审核记录 export (issue 18)."""
    title = '=HYPERLINK("http://evil.example/","点击")'
    page = create_and_submit(as_user(users["xcpx_editor"]), column("xwzx/xw"), title, "formula-title")
    act(as_user(users["xcpx_head"]), page, "approve", comment="-1+1 同意")
    client = as_user(users["chushen"])
    response = client.get("/admin/moderation/audit/", {"export": "csv"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    body = b"".join(response.streaming_content)
    assert body.startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 only with a BOM
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    titles = {row[2] for row in rows[1:]}
    assert "'" + title in titles and title not in titles
    assert "'-1+1 同意" in {row[9] for row in rows[1:]}

    response = client.get("/admin/moderation/audit/", {"export": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)
                                              if hasattr(response, "streaming_content") else response.content)).active
    cells = [c for row in sheet.iter_rows(min_row=2) for c in row if c.value is not None]
    assert any(c.value == "'" + title and c.data_type == "s" for c in cells)
    assert not any(c.data_type == "f" for c in cells)
