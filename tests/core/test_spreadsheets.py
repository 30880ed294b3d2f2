"""core/spreadsheets.py: every CSV/XLSX export neutralises formula cells and carries a UTF-8 BOM."""
import csv
import io
import re
from pathlib import Path

import openpyxl
import pytest

from core.spreadsheets import csv_response, csv_streaming_response, csv_text, neutralise, xlsx_bytes

HOSTILE = ["=HYPERLINK(\"http://evil.example/\",\"点我\")", "+1+1", "-2+3", "@SUM(A1:A2)", "\tx", "\rx"]


@pytest.mark.parametrize("value", HOSTILE)
def test_formula_cells_get_an_apostrophe(value):
    assert neutralise(value) == "'" + value


@pytest.mark.parametrize("value", ["关于印发通知", "a=b", " =x", "", "'=already"])
def test_ordinary_text_unchanged(value):
    assert neutralise(value) == value


def test_numbers_and_dates_unchanged():
    import datetime

    day = datetime.date(2026, 1, 2)
    assert neutralise(-5) == -5 and neutralise(1.5) == 1.5 and neutralise(day) is day and neutralise(None) is None


def test_csv_round_trip_with_bom():
    rows = [["标题", "数量"], *[[value, 3] for value in HOSTILE], ["普通标题", -1], [None, ""]]
    text = csv_text(rows)
    assert text.startswith("\ufeff")
    back = list(csv.reader(io.StringIO(text.encode("utf-8").decode("utf-8-sig"), newline="")))
    assert back[0] == ["标题", "数量"]
    assert [r[0] for r in back[1:len(HOSTILE) + 1]] == ["'" + v for v in HOSTILE]
    assert back[-2] == ["普通标题", "-1"]  # a number is not text: no apostrophe
    assert back[-1] == ["", ""]


def test_csv_responses_are_attachments_in_utf8():
    for response in (csv_response([["=1"]], "x.csv"), csv_streaming_response(iter([["=1"]]), "x.csv")):
        body = response.content if hasattr(response, "content") and not response.streaming else \
            b"".join(response.streaming_content)
        assert response["Content-Type"] == "text/csv; charset=utf-8"
        assert response["Content-Disposition"] == 'attachment; filename="x.csv"'
        assert body.startswith(b"\xef\xbb\xbf") and body.decode("utf-8-sig").strip() == "'=1"


def test_xlsx_cells_are_text_never_formulas():
    book = openpyxl.load_workbook(io.BytesIO(xlsx_bytes([["标题"], *[[v] for v in HOSTILE], [7]])))
    cells = [row[0] for row in book.active.iter_rows()]
    assert [c.value for c in cells[1:len(HOSTILE) + 1]] == ["'" + v for v in HOSTILE]
    assert all(c.data_type == "s" for c in cells[:-1])
    assert cells[-1].value == 7


def test_no_export_writes_csv_by_itself():
    """One helper for every export: no app module builds a CSV writer or a text/csv response on its own."""
    root = Path(__file__).resolve().parents[2]
    offenders = []
    apps = [d for d in root.iterdir() if d.is_dir() and (d / "__init__.py").exists() and d.name not in ("tests", "benchmarks")]
    assert {"core", "interaction", "moderation", "participation"} <= {d.name for d in apps}
    for path in (p for app in apps for p in app.rglob("*.py")):
        rel = path.relative_to(root).as_posix()
        if rel == "core/spreadsheets.py" or "/migrations/" in rel:
            continue
        source = path.read_text(encoding="utf-8")
        if re.search(r"csv\.(writer|DictWriter)\(|text/csv", source):
            offenders.append(rel)
    assert offenders == []
