import pytest

from disclosure_requests.validators import id_card_check_char, is_valid_id_card, is_valid_uscc, uscc_check_char


def test_identity_card_checksum_and_birth_date():
    assert is_valid_id_card("11010519491231002X")
    assert is_valid_id_card("11010519491231002x ")  # lower-case x and spaces are normalised
    assert not is_valid_id_card("110105194912310021")  # wrong check character
    assert not is_valid_id_card("110105194913310027")  # month 13
    assert not is_valid_id_card("1101051949123100")  # too short
    assert not is_valid_id_card("")
    # Hand computation for 44052418800101001: weights 7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2
    digits = "44052418800101001"
    total = 4*7 + 4*9 + 0*10 + 5*5 + 2*8 + 4*4 + 1*2 + 8*1 + 8*6 + 0*3 + 0*7 + 1*9 + 0*10 + 1*5 + 0*8 + 0*4 + 1*2
    assert total == 195 and total % 11 == 8
    assert id_card_check_char(digits) == "4"  # "10X98765432"[8]
    assert is_valid_id_card(digits + "4")


@pytest.mark.parametrize("code", ["91350100M000100Y43", "91110000600037341L"])
def test_known_credit_codes_are_valid(code):
    assert is_valid_uscc(code)


def test_credit_code_refusals():
    assert not is_valid_uscc("91350100M000100Y44")  # wrong check character
    assert not is_valid_uscc("91350100M000100I43")  # I is not in the alphabet
    assert not is_valid_uscc("91350100M000100Y4")  # 17 characters
    assert uscc_check_char("91350100M000100Y4") == "3"
