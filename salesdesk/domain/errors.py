"""Errors a user can fix. Each carries a Simplified Chinese message (the default language) and
an English one, and optionally the name of the input field it is about, so a screen can show it
next to that field."""

from __future__ import annotations


class DomainError(Exception):
    """A rule said no. Nothing was changed."""

    def __init__(self, message: str, *, en: str | None = None, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.en = en or message
        self.field = field

    def text(self, lang: str = "zh_CN") -> str:
        return self.en if lang.startswith("en") else self.message


class ValidationError(DomainError):
    """Bad input."""


class NotFound(DomainError):
    """The thing asked for does not exist (or is deleted)."""


class PermissionDenied(DomainError):
    """The signed-in role may not do this."""


class Conflict(DomainError):
    """The request clashes with the current state (slot full, duplicate, already done)."""
