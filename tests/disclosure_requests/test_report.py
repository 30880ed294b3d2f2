"""The annual report: table 三 counted from requests, table 二 from policy and 双公示,
the consistency checks, the exports read back and publication through review.
Every expected number is worked out by hand in the comments."""
import datetime
import io

import pytest

from disclosure_requests import report as reports
from disclosure_requests import services
from disclosure_requests.models import AnnualReport
from disclosure_requests.outcomes import Outcome
from disclosure_requests.report_views import publish_report

from .factories import close, make_request

D = datetime.date
COLS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]


@pytest.fixture
def seeded(office):
    e, h = office["editor"], office["head"]
    # A: natural, 2024 → closed 2025 disclosed (carried in, counted in 2025's results)
    close(make_request(D(2024, 12, 20), e), Outcome.DISCLOSED, D(2025, 1, 10), e, h)
    # B: business, 2024, still open (carried in and carried out)
    make_request(D(2024, 12, 23), e, applicant_type="business", id_type="uscc", id_number="91350100M000100Y43",
                 contact_person="王建国")
    # C: natural, 2025, partly disclosed in 2025
    close(make_request(D(2025, 3, 3), e), Outcome.PARTLY, D(2025, 3, 20), e, h)
    # D: research institution, refused to protect a third party
    close(make_request(D(2025, 4, 1), e, applicant_type="research", id_type="uscc", id_number="91110000600037341L",
                       contact_person="赵研"), Outcome.REFUSED_THIRD_PARTY, D(2025, 4, 21), e, h)
    # E: natural, lapsed (not corrected in time)
    item = make_request(D(2025, 5, 6), e)
    services.request_correction(item, e, D(2025, 5, 7), "请补充文号", period=5)
    services.lapse(item, e, D(2025, 5, 20))
    # F: legal service, received Dec 2025, closed Jan 2026 (carried out of 2025)
    close(make_request(D(2025, 12, 10), e, applicant_type="legal_service", id_type="uscc",
                       id_number="91350100M000100Y43", contact_person="钱律师"),
          Outcome.UNAVAILABLE_NOT_HELD, D(2026, 1, 8), e, h)
    # G: public-interest organisation, a repeated request
    close(make_request(D(2025, 6, 2), e, applicant_type="public_interest", id_type="uscc",
                       id_number="91350100M000100Y43", contact_person="孙公益"),
          Outcome.NOT_HANDLED_REPEAT, D(2025, 6, 20), e, h)
    # H: 2023 → 2024: nothing in 2025
    close(make_request(D(2023, 11, 1), e), Outcome.DISCLOSED, D(2024, 1, 5), e, h)
    # I: other organisation, 2025, open
    make_request(D(2025, 7, 1), e, applicant_type="other_org", id_type="uscc", id_number="91350100M000100Y43",
                 contact_person="周其他")


EXPECTED_2025 = {
    #                 nat bus res pub leg oth total
    "new":            [2, 0, 1, 1, 1, 1, 6],   # C E | D | G | F | I
    "carried_in":     [1, 1, 0, 0, 0, 0, 2],   # A | B
    "disclosed":      [1, 0, 0, 0, 0, 0, 1],   # A
    "partly":         [1, 0, 0, 0, 0, 0, 1],   # C
    "refused":        [0, 0, 1, 0, 0, 0, 1],   # D
    "refused_third_party": [0, 0, 1, 0, 0, 0, 1],
    "unavailable":    [0, 0, 0, 0, 0, 0, 0],   # F closes in 2026
    "not_handled":    [0, 0, 0, 1, 0, 0, 1],   # G
    "not_handled_repeat": [0, 0, 0, 1, 0, 0, 1],
    "other":          [1, 0, 0, 0, 0, 0, 1],   # E
    "other_no_correction": [1, 0, 0, 0, 0, 0, 1],
    "total":          [3, 0, 1, 1, 0, 0, 5],   # A C E | D | G
    "carried_out":    [0, 1, 0, 0, 1, 1, 3],   # B | F | I
}


@pytest.mark.django_db
def test_table_three_counts_match_the_hand_count(seeded):
    three = reports.table3(2025)
    for key, expected in EXPECTED_2025.items():
        assert three[key] == expected, key
    untouched = set(three) - set(EXPECTED_2025)
    assert untouched and all(three[k] == [0] * 7 for k in untouched)
    assert reports.validate({"two": reports.table2(2025), "three": three, "four": reports.table4()}) == []
    # 2026 so far: F closed (carried in from 2025), B and I still open.
    three_2026 = reports.table3(2026)
    assert three_2026["carried_in"] == [0, 1, 0, 0, 1, 1, 3]
    assert three_2026["unavailable_not_held"] == [0, 0, 0, 0, 1, 0, 1]
    assert three_2026["carried_out"] == [0, 1, 0, 0, 0, 1, 2]


# Each outcome's leaf row and its group, in the official texts of 国办公开办函〔2021〕30号.
OFFICIAL = {
    Outcome.DISCLOSED: ("（一）予以公开", None),
    Outcome.PARTLY: ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", None),
    Outcome.REFUSED_STATE_SECRET: ("（三）不予公开", "1.属于国家秘密"),
    Outcome.REFUSED_LAW: ("（三）不予公开", "2.其他法律行政法规禁止公开"),
    Outcome.REFUSED_SAFETY: ("（三）不予公开", "3.危及“三安全一稳定”"),
    Outcome.REFUSED_THIRD_PARTY: ("（三）不予公开", "4.保护第三方合法权益"),
    Outcome.REFUSED_INTERNAL: ("（三）不予公开", "5.属于三类内部事务信息"),
    Outcome.REFUSED_PROCESS: ("（三）不予公开", "6.属于四类过程性信息"),
    Outcome.REFUSED_ENFORCEMENT: ("（三）不予公开", "7.属于行政执法案卷"),
    Outcome.REFUSED_QUERY: ("（三）不予公开", "8.属于行政查询事项"),
    Outcome.UNAVAILABLE_NOT_HELD: ("（四）无法提供", "1.本机关不掌握相关政府信息"),
    Outcome.UNAVAILABLE_TO_BE_MADE: ("（四）无法提供", "2.没有现成信息需要另行制作"),
    Outcome.UNAVAILABLE_UNCLEAR: ("（四）无法提供", "3.补正后申请内容仍不明确"),
    Outcome.NOT_HANDLED_PETITION: ("（五）不予处理", "1.信访举报投诉类申请"),
    Outcome.NOT_HANDLED_REPEAT: ("（五）不予处理", "2.重复申请"),
    Outcome.NOT_HANDLED_PUBLICATION: ("（五）不予处理", "3.要求提供公开出版物"),
    Outcome.NOT_HANDLED_MASS: ("（五）不予处理", "4.无正当理由大量反复申请"),
    Outcome.NOT_HANDLED_CONFIRM: ("（五）不予处理", "5.要求行政机关确认或重新出具已获取信息"),
    Outcome.OTHER_NO_CORRECTION: ("（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    Outcome.OTHER_NO_FEE: ("（六）其他处理", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    Outcome.OTHER: ("（六）其他处理", "3.其他"),
}


@pytest.mark.django_db
def test_every_outcome_lands_in_its_table_three_row(office):
    assert set(OFFICIAL) == set(Outcome)
    e, h = office["editor"], office["head"]
    for year, outcome in enumerate(Outcome, start=2001):  # one year per outcome, so rows do not mix
        if outcome == Outcome.OTHER_NO_CORRECTION:
            item = make_request(D(year, 3, 5), e)
            services.request_correction(item, e, D(year, 3, 6), "请补充", period=3)
            services.lapse(item, e, D(year, 3, 30))
        else:
            close(make_request(D(year, 3, 5), e), outcome, D(year, 3, 20), e, h)
        rows = reports.table3_rows(reports.table3(year))
        counted = [label for label, _level, values in rows if values[0] == 1]
        group, leaf = OFFICIAL[outcome]
        expected = ["一、本年新收政府信息公开申请数量", group] + ([leaf] if leaf else []) + ["（七）总计"]
        assert counted == expected, outcome


def _tampered(three, key, column, delta):
    changed = {k: list(v) for k, v in three.items()}
    changed[key][column] += delta
    return {"two": reports.table2(2025), "three": changed, "four": reports.table4()}


@pytest.mark.django_db
def test_the_checks_refuse_a_report_that_does_not_add_up(seeded):
    three = reports.table3(2025)
    # 一 + 二 ≠ 三(七) + 四 in the 自然人 column (and the total column no longer adds up either)
    problems = reports.validate(_tampered(three, "new", 0, 1))
    assert any("第一项加第二项为 4，第三项（七）加第四项为 3" in p and "自然人" in p for p in problems)
    assert any("总计列为 6" in p for p in problems)
    # a sub-row that does not add up to its group
    problems = reports.validate(_tampered(three, "refused_law", 2, 1))
    assert any("不予公开" in p and "科研机构" in p for p in problems)
    # a negative or missing number
    bad = _tampered(three, "partly", 0, -2)
    assert any("整数" in p for p in reports.validate(bad))
    del bad["three"]["carried_out"]
    assert reports.validate(bad)
    # table 4 totals
    four = reports.table4({"review": {"upheld": 1, "corrected": 1, "other": 0, "pending": 0, "total": 3}})
    problems = reports.validate({"two": reports.table2(2025), "three": three, "four": four})
    assert problems == ["表四“行政复议”：各结果之和为 2，总计为 3。"]


@pytest.mark.django_db
def test_a_report_that_does_not_add_up_is_not_published(seeded, office):
    report = AnnualReport.objects.create(year=2025, review_litigation={
        "review": {"upheld": 1, "corrected": 0, "other": 0, "pending": 0, "total": 2}})
    with pytest.raises(reports.ReportInvalid):
        publish_report(report, office["editor"])
    report.refresh_from_db()
    assert report.frozen_tables == {} and report.page_id is None


@pytest.mark.django_db
def test_table_two_counts_policy_documents_and_sgs_decisions(site_tree, column, office):
    from plugins.builtin.shuanggongshi.models import DisclosureRecord
    from policy.models import PolicyDocumentPage, PolicyRelation

    parent = column("zwgk/zfxxgk/zcwj")

    def doc(slug, written, normative=True, doc_type="通知", publish=True, **extra):
        page = PolicyDocumentPage(title=f"文件{slug}", slug=slug, doc_number=f"沪应急规〔{written.year}〕{slug[-1]}号",
                                  written_date=written, is_normative=normative, doc_type=doc_type, live=False, **extra)
        parent.add_child(instance=page)
        if publish:
            page.save_revision().publish()
        page.refresh_from_db()
        return page

    old = doc("n1", D(2023, 2, 1))                          # in force until repealed below
    doc("n2", D(2025, 3, 1))                                # issued 2025, in force
    doc("n3", D(2025, 4, 1), expiry_date=D(2025, 9, 30))    # issued 2025, expired 2025
    doc("n4", D(2025, 5, 1), publish=False)                 # a draft: not counted
    doc("x5", D(2025, 5, 2), normative=False)               # not normative: not counted
    doc("r6", D(2025, 6, 1), normative=False, doc_type="令")  # a 规章, issued 2025
    repealer = doc("n7", D(2025, 7, 1), effective_date=D(2025, 8, 1))  # issued 2025, repeals n1 from 1 Aug
    PolicyRelation.objects.create(source=repealer, target=old, kind="repeals")
    repealer.save_revision().publish()
    two = reports.table2(2025)
    # 规范性文件: issued n2 n3 n7 = 3; repealed/expired in 2025: n1, n3 = 2; in force at 31 Dec 2025: n2 n7 = 2
    assert two["normative"] == {"issued": 3, "repealed": 2, "in_force": 2}
    assert two["rules"] == {"issued": 1, "repealed": 0, "in_force": 1}
    base = dict(party_name="上海测试有限公司", party_type="legal_person", id_number="91310115MA1K3ABC1X",
                matter="事由", legal_basis="依据", result="结果", authority="上海市应急管理局")
    for n, (kind, decided, published) in enumerate([
            ("penalty", D(2025, 2, 1), D(2025, 2, 5)), ("penalty", D(2025, 11, 3), D(2025, 11, 5)),
            ("license", D(2025, 6, 1), D(2025, 6, 3)), ("license", D(2024, 12, 30), D(2025, 1, 3)),
            ("penalty", D(2025, 3, 1), None)]):
        DisclosureRecord.objects.create(kind=kind, document_number=f"沪应急〔2025〕{n}号", decision_date=decided,
                                        published_on=published, **base)
    two = reports.table2(2025)
    # decided in 2025 and published: 2 penalties, 1 licence (the unpublished penalty and the 2024 licence are not)
    assert two["penalty"] == {"decisions": 2} and two["license"] == {"decisions": 1}


@pytest.mark.django_db
def test_exports_open_and_read_back(seeded):
    from docx import Document
    from openpyxl import load_workbook

    report = AnnualReport.objects.create(year=2025, overview="本年度，本机关认真贯彻落实《条例》。",
                                         problems="依申请公开答复质量有待提高。", other_matters="本年度未收取信息处理费。")
    tables = reports.tables_for(report)
    book = load_workbook(io.BytesIO(reports.export_xlsx(report, tables)))
    sheet = book["三、申请"]
    rows = {row[0]: list(row[2:9]) for row in sheet.iter_rows(values_only=True) if row and row[0]}
    assert rows["一、本年新收政府信息公开申请数量"] == EXPECTED_2025["new"]
    assert rows["四、结转下年度继续办理"] == EXPECTED_2025["carried_out"]
    assert rows["4.保护第三方合法权益"] == EXPECTED_2025["refused_third_party"]
    header = [c for c in list(sheet.iter_rows(min_row=3, max_row=4, values_only=True))[1] if c]
    assert header == COLS[1:6]

    document = Document(io.BytesIO(reports.export_docx(report, tables)))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "一、总体情况" in text and "本机关认真贯彻落实" in text and "本年度未收取信息处理费" in text
    table_three = document.tables[1]
    cells = {row.cells[0].text: [c.text for c in row.cells[2:]] for row in table_three.rows}
    assert cells["（七）总计"] == [str(n) for n in EXPECTED_2025["total"]]
    assert [c.text for c in table_three.rows[1].cells[2:]] == COLS


@pytest.mark.django_db
def test_publishing_freezes_the_numbers_and_submits_a_page_for_review(seeded, office, site_tree):
    from moderation.setup import ensure_workflows
    from wagtail.models import Page

    ensure_workflows()
    report = AnnualReport.objects.create(year=2025, overview="总体情况。")
    page = publish_report(report, office["editor"])
    report.refresh_from_db()
    assert report.frozen_tables["three"]["total"] == EXPECTED_2025["total"]
    page = Page.objects.get(pk=page.pk).specific
    assert not page.live and page.get_parent().slug == "xxgknb"
    assert page.current_workflow_state is not None  # in review, not published
    # Later data does not change the frozen report.
    make_request(D(2025, 8, 1), office["editor"])
    assert reports.tables_for(report)["three"]["new"] == EXPECTED_2025["new"]
    from disclosure_requests.services import RequestActionError
    with pytest.raises(RequestActionError):
        publish_report(report, office["editor"])
