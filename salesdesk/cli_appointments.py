"""``python -m salesdesk appointment-reminders --staff S001``: tomorrow's reminders from the
command line (the evening run, e.g. from a scheduled task): lists them with their text, and
with ``--queue`` puts the due ones in the reminder outbox. Asks for the staff member's PIN."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from datetime import date

from salesdesk import cli
from salesdesk.domain.appointments import local
from salesdesk.domain.errors import NotFound
from salesdesk.services.container import Services


def _configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("--staff", required=True, help="员工编号，例如 S001")
    p.add_argument("--day", help="日期 YYYY-MM-DD（默认：明天）")
    p.add_argument("--queue", action="store_true", help="将未发送的提醒加入待发送")


def _reminders(services: Services, args: argparse.Namespace) -> int:
    entry = next((e for e in services.auth.signin_list() if e.code == args.staff), None)
    if entry is None:
        raise NotFound(f"没有员工 {args.staff}", en=f"No staff {args.staff}")
    pin = os.environ.get("SALESDESK_PIN") or getpass.getpass("PIN: ")
    actor = services.auth.sign_in(entry.id, pin)
    day = date.fromisoformat(args.day) if args.day else None
    if args.queue:
        added = services.reminders.queue(actor, day)
        sys.stdout.write(f"已加入待发送 {added} 条 / queued {added}\n")
    for item in services.reminders.due(actor, day):
        a = item.appointment
        sys.stdout.write(f"\n[{item.status}] {local(a.starts_at):%Y-%m-%d %H:%M} "
                         f"{a.kind_label} {a.customer_salutation} · {a.consultant_name}\n")
        sys.stdout.write(item.text + "\n")
    return 0


cli.EXTRA_COMMANDS.append(("appointment-reminders", "列出（并排队）明天的预约提醒",
                           _configure, _reminders))
