"""Resident identity card numbers (居民身份证): validated with python-stdnum, masked on screens."""

from __future__ import annotations

from stdnum import exceptions as stdnum_exceptions
from stdnum.cn import ric

from salesdesk.domain.errors import ValidationError


def validate_id_number(raw: str) -> str:
    """Return the compact 18-character number or raise ValidationError (never echoes it)."""
    try:
        return str(ric.validate(raw))
    except stdnum_exceptions.ValidationError as exc:
        raise ValidationError(
            "身份证号码无效（请检查位数和校验位）",
            en="The ID card number is not valid (check length and check digit)",
            field="id_number",
        ) from exc


def mask_id_number(number: str) -> str:
    """110101********1234."""
    if len(number) < 10:
        return "*" * len(number)
    return number[:6] + "*" * (len(number) - 10) + number[-4:]
