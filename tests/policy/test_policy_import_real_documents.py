"""The importer takes real documents as they are: no 文号, ﹝﹞ brackets, 公告第N号, an empty 发文机关."""
import pytest

from policy.doc_numbers import normalise_doc_number
from policy.models import PolicyDocumentPage

from .test_policy_import import row, run, write_csv

pytestmark = pytest.mark.django_db


def real(n, **kw):
    """A real-looking row: not a normative document, no tags or topics."""
    base = row(n, is_normative="否", tags="", topics="", effective_date="")
    base.update(kw)
    return base


def test_real_documents_are_imported_as_they_are(tmp_path, column, catalogue):
    rows = [
        real(1, title="上海市应急管理局2023年政府信息公开工作年度报告", doc_number="", doc_type="报告"),
        real(2, title="关于印发应急预案的通知", doc_number="沪应急规﹝2023﹞3号"),
        real(3, title="关于烟花爆竹禁放的公告", doc_number="上海市应急管理局公告第3号", doc_type="公告"),
        real(4, title="应急管理部关于修改规章的决定", doc_number="应急管理部令第2号", issuer="", doc_type="决定"),
    ]
    out, err = run(write_csv(tmp_path / "docs.csv", rows))
    assert "4 created, 0 updated, 0 unchanged, 0 failed" in out, err
    docs = {d.index_number: d for d in PolicyDocumentPage.objects.filter(index_number__startswith="SHYJ-2022-")}
    assert docs["SHYJ-2022-00001"].doc_number == ""
    assert docs["SHYJ-2022-00002"].doc_number == "沪应急规〔2023〕3号"
    assert docs["SHYJ-2022-00003"].doc_number == "上海市应急管理局公告第3号"
    assert docs["SHYJ-2022-00004"].issuer == ""  # never filled with this bureau's name
    assert docs["SHYJ-2022-00004"].doc_number == "应急管理部令第2号"


def test_nonsense_doc_numbers_are_refused_with_a_clear_message(tmp_path, column, catalogue):
    rows = [real(11, doc_number="见附件"), real(12, doc_number="2023-3"), real(13, doc_number="<b>1</b>号"),
            real(14, doc_number="", is_normative="是")]
    out, err = run(write_csv(tmp_path / "docs.csv", rows))
    assert "0 created, 0 updated, 0 unchanged, 4 failed" in out
    assert "row 2: doc_number: '见附件': Not a document number" in err or "row 2: doc_number: '见附件'" in err
    assert "row 3: doc_number: '2023-3'" in err
    assert "row 5: doc_number: missing (required for an administrative normative document" in err


def test_explicit_defaults_for_issuer_and_date(tmp_path, column, catalogue):
    rows = [real(21, issuer="", written_date=""), real(22, written_date="")]
    out, err = run(write_csv(tmp_path / "docs.csv", rows))
    assert "2 failed" in out and "row 2: written_date: missing" in err  # reported without a default
    out, err = run(write_csv(tmp_path / "docs.csv", rows), default_issuer="上海市应急管理局", default_date="2023-01-02")
    assert "2 created" in out, err
    doc = PolicyDocumentPage.objects.get(index_number="SHYJ-2022-00021")
    assert doc.issuer == "上海市应急管理局" and str(doc.written_date) == "2023-01-02"


@pytest.mark.parametrize("raw, expected", [
    ("沪应急规﹝2023﹞3号", "沪应急规〔2023〕3号"),
    ("公告第3号", "公告第3号"),
    ("上海市应急管理局公告 第 12 号", "上海市应急管理局公告第12号"),
    ("国家安全监管总局公告2015年第5号", "国家安全监管总局公告2015年第5号"),
    ("应急管理部令第2号", "应急管理部令第2号"),
])
def test_normaliser_accepts_real_forms(raw, expected):
    assert normalise_doc_number(raw) == expected


@pytest.mark.parametrize("raw", ["见附件", "公告", "第3号", "公告第号", "2023-3", "无", "公告第3号" * 8])
def test_normaliser_still_refuses_garbage(raw):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        normalise_doc_number(raw)
