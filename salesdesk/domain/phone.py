"""Phone numbers: normalised to E.164 with phonenumbers, masked wherever the public can see."""

from __future__ import annotations

from salesdesk.domain.errors import ValidationError


def normalise_phone(raw: str, region: str = "CN") -> str:
    """Return the number in E.164 (+8613812345678) or raise ValidationError."""
    import phonenumbers  # loaded on first use: its metadata is not needed to start the app

    text = (raw or "").strip().replace(" ", "").replace("-", "")
    if not text:
        raise ValidationError("请输入手机号码", en="Please enter a phone number", field="phone")
    try:
        parsed = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException as exc:
        raise ValidationError(
            "手机号码格式不正确", en="The phone number is not valid", field="phone"
        ) from exc
    if not phonenumbers.is_valid_number(parsed):
        raise ValidationError("手机号码格式不正确", en="The phone number is not valid", field="phone")
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def national_digits(e164: str) -> str:
    """+8613812345678 -> 13812345678 (what people read and type)."""
    if e164.startswith("+86"):
        return e164[3:]
    return e164.lstrip("+")


def last_four(e164: str) -> str:
    return national_digits(e164)[-4:]


def mask_phone(e164_or_digits: str) -> str:
    """138****5678: enough for a customer to recognise their own number, no more."""
    digits = national_digits(e164_or_digits) if e164_or_digits.startswith("+") else e164_or_digits
    if len(digits) <= 4:
        return "*" * len(digits)
    if len(digits) <= 7:
        return "*" * (len(digits) - 4) + digits[-4:]
    return digits[:3] + "*" * (len(digits) - 7) + digits[-4:]
