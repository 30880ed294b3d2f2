"""The 错敏词 engine and the personal-data detector on real sentences."""
import datetime

import pytest

from inspection.words.engine import Matcher, shipped_allowed, shipped_entries
from inspection.words.personal_data import find_personal_data, id_checksum_ok, luhn_ok, valid_id_number


@pytest.fixture(scope="module")
def m():
    return Matcher(shipped_entries(), shipped_allowed())


def test_shipped_lists_have_a_few_hundred_entries_in_every_category():
    entries = shipped_entries()
    by_category = {}
    for e in entries:
        by_category.setdefault(e.category, []).append(e)
    assert len(entries) >= 400
    assert {"political", "agencies", "xinhua", "typos"} <= set(by_category)
    assert all(len(by_category[c]) >= 60 for c in ("political", "agencies", "xinhua", "typos"))
    assert all(e.term != e.suggestion for e in entries)


def test_state_name_error_blocks(m):
    hits = m.find("会上，台湾总统府发言人的表态引发关注。")
    assert [(h.term, h.severity, h.suggestion) for h in hits] == [("台湾总统府", "block", "台湾地区领导人办公室")]


def test_outdated_agency_name_only_after_the_reform_date(m):
    text = "上海市安全生产监督管理局组织开展危险化学品专项检查。"
    hits = m.find(text, on_date=datetime.date(2020, 5, 1))
    assert [(h.term, h.suggestion) for h in hits] == [("上海市安全生产监督管理局", "上海市应急管理局")]
    assert m.find(text, on_date=datetime.date(2017, 5, 1)) == []


def test_allow_list_keeps_correct_phrases(m):
    assert m.find("请各区文化部门和卫生部门配合做好节日期间安全检查。") == []
    assert [h.term for h in m.find("原文化部发布通知。")] == ["文化部"]


def test_typo_and_xinhua_usages(m):
    hits = m.find("各单位要再接再励，加强隐患排察，请领导在主席台就坐。")
    assert [(h.term, h.suggestion) for h in hits] == [("再接再励", "再接再厉"), ("隐患排察", "隐患排查"), ("主席台就坐", "主席台就座")]
    assert m.find("各单位要再接再厉，加强隐患排查，请领导在主席台就座。") == []


def test_admin_entries_override_shipped_ones():
    from inspection.words.engine import Entry

    matcher = Matcher(shipped_entries() + [Entry("再接再励", "block", "再接再厉", "本局要求", "custom")])
    (hit,) = matcher.find("再接再励")
    assert hit.severity == "block" and hit.category == "custom"


def test_id_number_checksum():
    assert id_checksum_ok("11010519491231002X") and valid_id_number("11010519491231002X")
    assert not id_checksum_ok("110105194912310021")  # one digit off the check character
    assert not valid_id_number("990105194912310029") or not id_checksum_ok("990105194912310029")
    assert not valid_id_number("110105194913310027")  # month 13


def test_personal_data_in_text():
    text = ("当事人张某，身份证号11010519491231002X，联系电话138 1234 5678，"
            "罚款缴入银行卡6222020200112233446。文号沪应急罚〔2023〕110105194912310021号。")
    kinds = [(p.kind, p.value) for p in find_personal_data(text)]
    assert ("id_number", "11010519491231002X") in kinds
    assert ("mobile", "13812345678") in kinds
    assert [k for k, _v in kinds].count("id_number") == 1  # the invalid one is not an ID
    assert ("bank_card", "6222020200112233446") in kinds
    assert not find_personal_data("银行卡6222020200112233447")  # Luhn fails


def test_luhn():
    assert luhn_ok("4111111111111111")
    assert not luhn_ok("4111111111111112")
    assert find_personal_data("卡号4111111111111112") == []
    assert [p.kind for p in find_personal_data("卡号4111 1111 1111 1111")] == ["bank_card"]


def test_landline_and_statistics_are_not_personal_data():
    assert find_personal_data("值班电话021-62750010，全年检查企业12345家，投入资金138000000元。") == []
