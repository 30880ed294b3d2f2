"""CSV import: per-row transactions, row-numbered errors, re-import updates, encodings, hostile files."""
import datetime as dt

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from departments.models import Department
from plugins.builtin.shuanggongshi.importer import ImportError_, decode, import_rows
from plugins.builtin.shuanggongshi.models import DisclosureRecord

from tests.plugins.builtin.sgs_helpers import HEADER

pytestmark = pytest.mark.django_db

GOOD = "沪应急罚〔2025〕1号,上海锦程化工有限公司,法人及非法人组织,91310115MA1K3ABC1X,2025-09-03,事由一,依据一,罚款五万元,上海市应急管理局,2025-09-09\n"
PERSON = "沪应急罚〔2025〕2号,王建国,自然人,310104197508123456,2025年9月26日,事由二,依据二,罚款,上海市应急管理局,2025/10/16\n"
BAD_DATE = "沪应急罚〔2025〕3号,某公司,法人,,2025-13-45,事由,依据,结果,上海市应急管理局,\n"
BAD_TYPE = "沪应急罚〔2025〕4号,某公司,外星人,,2025-09-01,事由,依据,结果,上海市应急管理局,\n"
MISSING = ",某公司,法人,,2025-09-01,事由,依据,结果,上海市应急管理局,\n"
BACKWARDS = "沪应急罚〔2025〕5号,某公司,法人,,2025-09-10,事由,依据,结果,上海市应急管理局,2025-09-01\n"


def test_valid_rows_are_imported():
    result = import_rows(HEADER + GOOD + PERSON, kind="penalty")
    assert (result.created, result.updated, result.errors) == (2, 0, [])
    person = DisclosureRecord.objects.get(document_number="沪应急罚〔2025〕2号")
    assert person.party_type == "natural_person"
    assert person.decision_date == dt.date(2025, 9, 26)
    assert person.published_on == dt.date(2025, 10, 16)


def test_bad_rows_are_reported_by_row_number_and_leave_no_data():
    result = import_rows(HEADER + GOOD + BAD_DATE + BAD_TYPE + MISSING + BACKWARDS, kind="penalty")
    assert result.created == 1
    rows = dict(result.errors)
    assert sorted(rows) == [3, 4, 5, 6]
    assert "2025-13-45" in rows[3]
    assert "外星人" in rows[4]
    assert rows[6] == "公示日期: 公示日期早于决定日期。"  # messages are translated (zh-hans site)
    assert list(DisclosureRecord.objects.values_list("document_number", flat=True)) == ["沪应急罚〔2025〕1号"]


def test_reimport_updates_instead_of_duplicating():
    import_rows(HEADER + GOOD, kind="penalty")
    result = import_rows(HEADER + GOOD.replace("罚款五万元", "罚款六万元"), kind="penalty")
    assert (result.created, result.updated) == (0, 1)
    assert DisclosureRecord.objects.get().result == "罚款六万元"
    # The same number as a licence is a different record.
    assert import_rows(HEADER + GOOD, kind="license").created == 1


def test_department_and_default_publication_date():
    department = Department.objects.first()
    row = GOOD.replace(",2025-09-09\n", ",\n")
    import_rows(HEADER + row, kind="penalty", department=department, default_published_on=dt.date(2025, 9, 10))
    record = DisclosureRecord.objects.get()
    assert record.department == department
    assert record.published_on == dt.date(2025, 9, 10)


def test_encodings_and_hostile_files():
    assert decode((HEADER + GOOD).encode("gb18030")) == HEADER + GOOD
    assert decode(("\ufeff" + HEADER).encode("utf-8")) == HEADER
    with pytest.raises(ImportError_):
        decode(b"\xff\xfe\x00\x81\x00\xff" * 10)
    with pytest.raises(ImportError_, match="决定文书号"):
        import_rows("a,b,c\n1,2,3\n", kind="penalty")
    with pytest.raises(ImportError_):
        import_rows("", kind="penalty")
    result = import_rows(HEADER + GOOD.rstrip("\n") + ",extra,cells\n", kind="penalty")
    assert result.errors and result.created == 0
    long_row = GOOD.replace("上海锦程化工有限公司", "长" * 5000)
    result = import_rows(HEADER + long_row, kind="penalty")
    assert result.errors and DisclosureRecord.objects.count() == 0


def test_dry_run_saves_nothing():
    result = import_rows(HEADER + GOOD + PERSON, kind="penalty", dry_run=True)
    assert result.created == 2
    assert DisclosureRecord.objects.count() == 0


def test_command(tmp_path, capsys):
    good = tmp_path / "good.csv"
    good.write_bytes((HEADER + GOOD + PERSON).encode("gb18030"))
    call_command("import_sgs", str(good), "--kind", "penalty", "--department", "aqsczfjcc")
    assert "2 record(s) were created" in capsys.readouterr().out
    assert DisclosureRecord.objects.filter(department__key="aqsczfjcc").count() == 2

    mixed = tmp_path / "mixed.csv"
    mixed.write_text(HEADER + BAD_DATE + GOOD.replace("1号", "9号"), encoding="utf-8")
    with pytest.raises(CommandError, match="1 row"):
        call_command("import_sgs", str(mixed), "--kind", "penalty")
    assert "row 2:" in capsys.readouterr().err
    assert DisclosureRecord.objects.count() == 3  # the good row of the mixed file was kept

    for args in (["--kind", "penalty", "--department", "nope"], ["--kind", "penalty", "--published-on", "soon"]):
        with pytest.raises(CommandError):
            call_command("import_sgs", str(good), *args)
    with pytest.raises(CommandError):
        call_command("import_sgs", str(tmp_path / "missing.csv"), "--kind", "penalty")
