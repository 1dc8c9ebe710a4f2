from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from salesdesk.domain.errors import ValidationError
from salesdesk.domain.id_number import mask_id_number, validate_id_number
from salesdesk.domain.phone import last_four, mask_phone, normalise_phone

VALID_ID = "11010519491231002X"  # the standard's own example number


@pytest.mark.parametrize("raw", ["13812345678", "138 1234 5678", "+86 138-1234-5678",
                                 "008613812345678"])
def test_mobile_numbers_normalise_to_e164(raw: str) -> None:
    assert normalise_phone(raw) == "+8613812345678"


@pytest.mark.parametrize("raw", ["", "12345", "1381234567", "23812345678", "abc"])
def test_bad_numbers_are_refused_with_a_field(raw: str) -> None:
    with pytest.raises(ValidationError) as info:
        normalise_phone(raw)
    assert info.value.field == "phone"
    assert "手机" in info.value.message


def test_masking_keeps_only_what_a_customer_recognises() -> None:
    assert mask_phone("+8613812345678") == "138****5678"
    assert last_four("+8613812345678") == "5678"


@given(st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True))
def test_mask_never_shows_the_middle_digits(digits: str) -> None:
    masked = mask_phone(digits)
    assert masked[3:7] == "****"
    assert masked.endswith(digits[-4:])


def test_id_number_validation_and_mask() -> None:
    assert validate_id_number(VALID_ID) == VALID_ID
    assert mask_id_number(VALID_ID) == "110105********002X"
    with pytest.raises(ValidationError) as info:
        validate_id_number("110105194912310021")  # wrong check digit
    assert info.value.field == "id_number"
    assert "110105" not in info.value.message  # the message never echoes the number
