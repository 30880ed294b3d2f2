import pytest
from django.core.exceptions import ValidationError

from policy.doc_numbers import normalise_doc_number


@pytest.mark.parametrize("raw, expected", [
    ("沪应急办〔2023〕20号", "沪应急办〔2023〕20号"),
    ("沪应急规[2023]3号", "沪应急规〔2023〕3号"),
    ("沪应急规［2023］3号", "沪应急规〔2023〕3号"),
    ("沪应急规（2023）3号", "沪应急规〔2023〕3号"),
    ("沪应急规(2023)3号", "沪应急规〔2023〕3号"),
    ("沪应急规【2023】3号", "沪应急规〔2023〕3号"),
    (" 沪府办发 〔2016〕 9号 ", "沪府办发〔2016〕9号"),
    ("沪应急宣培〔2021〕第59号", "沪应急宣培〔2021〕第59号"),
    ("上海市人民政府令第32号", "上海市人民政府令第32号"),
])
def test_accepts_and_normalises(raw, expected):
    assert normalise_doc_number(raw) == expected


@pytest.mark.parametrize("raw", [
    "", "20号", "沪应急办2023 20号", "沪应急办〔23〕20号", "沪应急办〔2023〕号", "沪应急办〔2023〕20",
    "<script>alert(1)</script>", "沪应急办〔2023〕20号" * 10, "沪应急办〔1899〕1号",
])
def test_rejects(raw):
    with pytest.raises(ValidationError):
        normalise_doc_number(raw)
