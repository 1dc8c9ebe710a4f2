"""The one sign-in of the command line: every command that reads or prints customer data runs
as a named staff member (``--staff CODE``) with that member's PIN, asked for on the terminal or
taken from ``SALESDESK_PIN`` (for scheduled tasks). There is no bypass, not even on the demo
database: a command line that names customers is as private as the app's screens.

A wrong PIN goes through ``AuthService.sign_in``, so it counts toward the same lockout as the
app's sign-in screen, and each run is written to the audit log (who ran which command; never the
arguments, which may hold a customer's phone number)."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import TYPE_CHECKING, TextIO

from salesdesk.domain.errors import NotFound, ValidationError
from salesdesk.domain.roles import Actor, Permission

if TYPE_CHECKING:
    from salesdesk.services.container import Services

PIN_ENV = "SALESDESK_PIN"


def add_staff_argument(parser: argparse.ArgumentParser, help_text: str = "") -> None:
    parser.add_argument("--staff", metavar="CODE",
                        help=help_text or "以哪位员工的身份执行（员工编号，例如 S001）；"
                                          f"PIN 在终端输入，或由环境变量 {PIN_ENV} 提供")


def _read_pin(prompt: str, stdin: TextIO) -> str:
    pin = os.environ.get(PIN_ENV, "")
    if pin:
        return pin
    # Without a terminal getpass would fall back to reading stdin and fail with a traceback
    # (or hang on a pipe): a scheduled task must say so and set the variable instead.
    if not stdin.isatty():
        raise ValidationError(
            f"没有终端可输入 PIN：请在终端中运行，或设置环境变量 {PIN_ENV}",
            en=f"No terminal to ask for the PIN: run it in a terminal or set {PIN_ENV}",
            field="pin")
    try:
        return getpass.getpass(prompt)
    except (EOFError, KeyboardInterrupt) as exc:
        raise ValidationError("未输入 PIN，已取消", en="No PIN given: cancelled",
                              field="pin") from exc


def sign_in(services: Services, code: str | None, command: str,
            permission: Permission | None = None, *, stdin: TextIO | None = None) -> Actor:
    """Signs ``code`` in with its PIN and records that it ran ``command``.

    Raises a DomainError (the command line prints it and exits 2) before anything is read,
    printed or written when the staff code, the PIN or the permission is missing or wrong."""
    if not code:
        raise ValidationError("请用 --staff 指定员工编号", en="Give --staff CODE",
                              field="staff")
    entry = next((e for e in services.auth.signin_list() if e.code == code), None)
    if entry is None:
        raise NotFound(f"没有员工编号 {code}", en=f"No staff member {code}", field="staff")
    pin = _read_pin(f"{entry.name}（{entry.code}）的 PIN / PIN: ", stdin or sys.stdin)
    actor = services.auth.sign_in(entry.id, pin)
    if permission is not None:
        actor.require(permission)
    services.audit.log_command(actor, command)
    return actor
