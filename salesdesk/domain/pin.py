"""PINs: hashed with scrypt (slow on purpose), five wrong tries lock the account five minutes."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from salesdesk.domain.errors import ValidationError

MAX_FAILED_ATTEMPTS = 5
LOCK_DURATION = timedelta(minutes=5)
# n=2**14, r=8: about 16 MiB and tens of milliseconds per try, which makes guessing a
# 6-digit PIN offline from a stolen database file expensive without slowing a sign-in.
_SCRYPT_N, _SCRYPT_R, _SCRYPT_P = 2**14, 8, 1


def check_pin_format(pin: str) -> None:
    if not (pin.isascii() and pin.isdigit()) or not 4 <= len(pin) <= 8:
        raise ValidationError("PIN 须为 4 至 8 位数字", en="A PIN is 4 to 8 digits", field="pin")


def hash_pin(pin: str, salt: bytes | None = None) -> str:
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=_SCRYPT_N, r=_SCRYPT_R, p=_SCRYPT_P)
    return f"scrypt${_SCRYPT_N}${_SCRYPT_R}${_SCRYPT_P}${salt.hex()}${digest.hex()}"


def verify_pin(pin: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt_hex, digest_hex = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    digest = hashlib.scrypt(
        pin.encode(), salt=bytes.fromhex(salt_hex), n=int(n), r=int(r), p=int(p)
    )
    return hmac.compare_digest(digest.hex(), digest_hex)


@dataclass(frozen=True)
class LockState:
    failed_attempts: int
    locked_until: datetime | None

    def is_locked(self, now: datetime) -> bool:
        return self.locked_until is not None and now < self.locked_until


def after_failure(state: LockState, now: datetime) -> LockState:
    failed = state.failed_attempts + 1
    if failed >= MAX_FAILED_ATTEMPTS:
        return LockState(0, now + LOCK_DURATION)
    return LockState(failed, None)
