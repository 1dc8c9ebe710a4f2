"""``python -m salesdesk appointment-reminders --staff S001``: tomorrow's reminders from the
command line (the evening run, e.g. from a scheduled task): lists them with their text, and
with ``--queue`` puts the due ones in the reminder outbox. Signs in like every command that
names customers (``cli/signin.py``)."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import TYPE_CHECKING

from salesdesk.cli import signin
from salesdesk.cli.common import Command, iso_date
from salesdesk.domain.local_time import local
from salesdesk.domain.roles import Permission

if TYPE_CHECKING:
    from salesdesk.services.container import Services


def _configure(p: argparse.ArgumentParser) -> None:
    signin.add_staff_argument(p)
    p.add_argument("--day", type=iso_date, help="日期 YYYY-MM-DD（默认：明天）")
    p.add_argument("--queue", action="store_true", help="将未发送的提醒加入待发送")


def _reminders(services: Services, args: argparse.Namespace) -> int:
    day: date | None = args.day
    actor = signin.sign_in(services, args.staff, "appointment-reminders",
                           Permission.BOOK_APPOINTMENT)
    if args.queue:
        added = services.reminders.queue(actor, day)
        sys.stdout.write(f"已加入待发送 {added} 条 / queued {added}\n")
    for item in services.reminders.due(actor, day):
        a = item.appointment
        sys.stdout.write(f"\n[{item.status}] {local(a.starts_at):%Y-%m-%d %H:%M} "
                         f"{a.kind_label} {a.customer_salutation} · {a.consultant_name}\n")
        sys.stdout.write(item.text + "\n")
    return 0


REMINDERS = Command("appointment-reminders", "列出（并排队）明天的预约提醒", _configure, _reminders)
