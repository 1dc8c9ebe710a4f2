"""Encryption at rest for ID numbers and phone numbers (PIPL: sensitive personal information).

The key lives outside the database file: in the system keyring where one works, otherwise in a
key file readable only by the user, in the configuration folder (not the data folder), so a
copied database file alone reveals nothing."""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING

from salesdesk.domain.errors import DomainError

if TYPE_CHECKING:
    from cryptography.fernet import Fernet

log = logging.getLogger(__name__)
KEYRING_SERVICE = "SalesDesk"


def _keyring_get(key_id: str) -> str | None:
    if os.environ.get("SALESDESK_NO_KEYRING"):
        return None
    try:
        import keyring
        from keyring.backends import fail

        if isinstance(keyring.get_keyring(), fail.Keyring):
            return None
        return keyring.get_password(KEYRING_SERVICE, key_id)
    except Exception:  # no usable backend on this machine (headless Linux, kiosk)
        return None


def _keyring_set(key_id: str, key: str) -> bool:
    if os.environ.get("SALESDESK_NO_KEYRING"):
        return False
    try:
        import keyring
        from keyring.backends import fail

        if isinstance(keyring.get_keyring(), fail.Keyring):
            return False
        keyring.set_password(KEYRING_SERVICE, key_id, key)
        return keyring.get_password(KEYRING_SERVICE, key_id) == key
    except Exception:
        return False


class IdCipher:
    """Fernet (AES-128-CBC + HMAC-SHA256). The cryptography package is loaded on first use:
    start-up does not need it."""

    def __init__(self, key: bytes) -> None:
        self._key = key
        self._fernet: Fernet | None = None

    def _f(self) -> Fernet:
        if self._fernet is None:
            from cryptography.fernet import Fernet

            self._fernet = Fernet(self._key)
        return self._fernet

    def encrypt(self, text: str) -> bytes:
        return self._f().encrypt(text.encode())

    def decrypt(self, token: bytes) -> str:
        from cryptography.fernet import InvalidToken

        try:
            return self._f().decrypt(token).decode()
        except InvalidToken as exc:
            raise DomainError(
                "无法解密身份证号（密钥不匹配）", en="Cannot decrypt the ID number (wrong key)"
            ) from exc


PHONE_HASH_CONTEXT = b"salesdesk-phone-hash"
# 128 bits of HMAC-SHA256 in hex: collisions stay out of reach for any number of customers,
# and the index keys stay short.
HASH_CHARS = 32


class PhoneSeal:
    """Phone numbers at rest: the number encrypted with the file's key (shown only decrypted,
    masked) and found by keyed hashes of the whole number and of its last four digits. Without
    the key a copied file gives away neither: a plain hash of the 10,000 possible last fours (or
    of every mobile number) would be reversed by trying them all."""

    def __init__(self, cipher: IdCipher, key: bytes) -> None:
        self.cipher = cipher
        self._hash_key = hmac.new(key, PHONE_HASH_CONTEXT, hashlib.sha256).digest()

    def _hash(self, kind: bytes, text: str) -> str:
        if not text:
            return ""
        return hmac.new(self._hash_key, kind + text.encode(), hashlib.sha256
                        ).hexdigest()[:HASH_CHARS]

    def number_hash(self, e164: str) -> str:
        return self._hash(b"n:", e164)

    def last4_hash(self, last4: str) -> str:
        return self._hash(b"4:", last4)

    def seal(self, e164: str, last4: str) -> tuple[bytes | None, str, str]:
        """(encrypted number, number hash, last-four hash); a blank number (erased) stays blank."""
        if not e164:
            return None, "", ""
        return self.cipher.encrypt(e164), self.number_hash(e164), self.last4_hash(last4)

    def reveal(self, sealed: bytes | None) -> str:
        if not sealed:
            return ""
        try:
            return self.cipher.decrypt(sealed)
        except DomainError as exc:
            raise DomainError("无法解密手机号（密钥不匹配）",
                              en="Cannot decrypt the phone number (wrong key)") from exc


class MissingKey(DomainError):
    """The database holds encrypted data but its key is not where we look."""


def load_or_create_key(key_id: str, key_dir: Path, *, may_create: bool = True) -> bytes:
    """The key for one database file, identified by ``key_id`` stored in that file.

    A new key is made only for a database that has never had one: making a fresh key for a
    file whose key went missing (another key folder, a keyring that stopped working) would
    silently make every stored ID number unreadable."""
    stored = _keyring_get(key_id)
    if stored:
        return stored.encode()
    path = key_dir / f"{key_id}.key"
    if path.exists():
        return path.read_bytes().strip()
    if not may_create:
        raise MissingKey(
            f"找不到本数据库的加密密钥（编号 {key_id[:8]}…，应在系统钥匙串或 {key_dir}）。"
            "请恢复密钥文件后再打开；数据库未作任何改动。",
            en=f"The encryption key of this database (id {key_id[:8]}…) is neither in the "
            f"system keyring nor in {key_dir}. Restore the key file and open it again; the "
            "database was not changed.",
        )
    from cryptography.fernet import Fernet

    key = Fernet.generate_key()
    if _keyring_set(key_id, key.decode()):
        return key
    key_dir.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, stat.S_IRUSR | stat.S_IWUSR)
    with os.fdopen(fd, "wb") as fh:
        fh.write(key)
    log.info("encryption key kept in a key file (no system keyring available)")
    return key
