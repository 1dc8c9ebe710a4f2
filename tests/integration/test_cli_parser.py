"""The command line's list of commands is explicit: every command is named once in cli/main.py,
in the order ``--help`` shows, and importing a command module registers nothing."""

from __future__ import annotations

import argparse
import importlib

from salesdesk.cli import build_parser
from salesdesk.cli.main import COMMANDS

EXPECTED = ["import-project", "demo", "print-notice", "db", "appointment-reminders",
            "care-daily", "care-report", "customer", "report", "print-checklist",
            "import-rule-pack", "sync", "sync-enrol", "sync-status"]


def _names(parser: argparse.ArgumentParser) -> list[str]:
    [sub] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return list(sub.choices)


def test_every_command_once_in_help_order() -> None:
    assert [c.name for c in COMMANDS] == EXPECTED
    assert _names(build_parser()) == EXPECTED


def test_importing_a_command_module_again_adds_nothing() -> None:
    for name in ("appointments", "care", "customers", "db", "demo", "disclosure", "project",
                 "signing", "sync"):
        importlib.reload(importlib.import_module(f"salesdesk.cli.{name}"))
    assert _names(build_parser()) == EXPECTED


def test_sub_commands_parse_as_before() -> None:
    args = build_parser().parse_args(["--data-dir", "d", "db", "verify", "--online"])
    assert args.command == "db" and args.db_command == "verify" and args.online
    args = build_parser().parse_args(["report", "disclosure", "--from", "2026-11-01",
                                      "--to", "2026-11-30", "--csv", "x.csv"])
    assert args.report == "disclosure" and str(args.date_from) == "2026-11-01"
