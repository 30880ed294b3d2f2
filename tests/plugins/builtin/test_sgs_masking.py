"""Personal data of natural persons is masked before it is shown."""
from plugins.builtin.shuanggongshi.masking import (
    INDIVIDUAL_BUSINESS, LEGAL_PERSON, NATURAL_PERSON, mask_id_number, mask_name, mask_text, public_id_number,
    public_party_name,
)


def test_names():
    assert mask_name("张三") == "张*"
    assert mask_name("王建国") == "王**"
    assert mask_name("欧阳娜娜") == "欧***"
    assert mask_name(" 李 ") == "李*"
    assert mask_name("") == ""


def test_id_numbers():
    assert mask_id_number("310104197508123456") == "310104********3456"
    assert mask_id_number("31011019820304216X") == "310110********216X"
    assert mask_id_number("310104750812345") == "310104*****2345"
    assert mask_id_number("123") == "***"


def test_party_types():
    assert public_party_name("王建国", NATURAL_PERSON) == "王**"
    assert public_party_name("上海锦程化工有限公司", LEGAL_PERSON) == "上海锦程化工有限公司"
    assert public_party_name("川沙宏达五金加工厂", INDIVIDUAL_BUSINESS) == "川沙宏达五金加工厂"
    assert public_id_number("91310115MA1K3ABC1X", LEGAL_PERSON) == "91310115MA1K3ABC1X"
    assert public_id_number("92310115MA1HT5K28B", INDIVIDUAL_BUSINESS) == "92310115MA1HT5K28B"
    assert public_id_number("310104197508123456", INDIVIDUAL_BUSINESS) == "310104********3456"
    assert public_id_number("310104197508123456", NATURAL_PERSON) == "310104********3456"


def test_free_text():
    text = "王建国（身份证号310104197508123456）未履行职责，王建国应当改正。"
    masked = mask_text(text, ["王建国"])
    assert "王建国" not in masked
    assert "197508" not in masked
    assert masked == "王**（身份证号310104********3456）未履行职责，王**应当改正。"
