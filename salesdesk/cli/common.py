"""What every command module shares: the command's shape, output, date arguments, and the
administrator the commands that name no staff member act as."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from salesdesk.domain.errors import DomainError
from salesdesk.domain.roles import Actor, Role

if TYPE_CHECKING:
    from salesdesk.services.container import Services

Handler = Callable[["Services", argparse.Namespace], int]


@dataclass(frozen=True)
class Command:
    """One sub-command: ``configure`` adds its arguments, ``handler`` runs it (exit code)."""

    name: str
    help: str
    configure: Callable[[argparse.ArgumentParser], None]
    handler: Handler


def no_arguments(parser: argparse.ArgumentParser) -> None:
    """For commands that take nothing but ``--data-dir``."""


def out(text: str) -> None:
    sys.stdout.write(text + "\n")


def iso_date(text: str) -> date:
    """An argparse type: a bad date is a usage error (exit 2 with a message), not a traceback."""
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"日期格式应为 YYYY-MM-DD：{text} / expected YYYY-MM-DD"
                                         ) from exc


def system_actor(services: Services) -> Actor:
    """The command line is run by whoever administers the machine: act as the first admin."""
    for entry in services.auth.signin_list():
        if entry.role is Role.ADMIN:
            return services.auth.actor_for(entry.id)
    raise DomainError("数据库中没有管理员账号", en="There is no admin account in this database")
