"""The command line's parser and entry point. Every command opens the same database the app
uses and goes through the services. Errors a user can fix print a clear message and exit 2;
nothing is changed by a failed command."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from salesdesk.bootstrap import open_services
from salesdesk.cli import appointments, care, customers, db, demo, disclosure, project, signing
from salesdesk.cli import sync as sync_commands
from salesdesk.cli.common import Command, Handler
from salesdesk.domain.errors import DomainError

# Every command, in the order ``--help`` lists them: a new command is added here, once.
COMMANDS: tuple[Command, ...] = (
    project.IMPORT_PROJECT,
    demo.DEMO,
    project.PRINT_NOTICE,
    db.DB,
    appointments.REMINDERS,
    care.DAILY,
    care.REPORT,
    customers.CUSTOMER,
    disclosure.REPORT,
    signing.PRINT_CHECKLIST,
    signing.IMPORT_RULE_PACK,
    sync_commands.SYNC,
    sync_commands.ENROL,
    sync_commands.STATUS,
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m salesdesk", description="SalesDesk 命令行")
    parser.add_argument("--data-dir", help="数据文件夹（默认：系统应用数据目录）")
    sub = parser.add_subparsers(dest="command", required=True)
    for command in COMMANDS:
        p = sub.add_parser(command.name, help=command.help)
        command.configure(p)
        p.set_defaults(handler=command.handler)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        services = open_services(Path(args.data_dir) if args.data_dir else None)
    except DomainError as exc:
        sys.stderr.write(f"错误：{exc.message}\nError: {exc.en}\n")
        return 2
    try:
        handler: Handler = args.handler
        return handler(services, args)
    except DomainError as exc:
        sys.stderr.write(f"错误：{exc.message}\nError: {exc.en}\n")
        return 2
    finally:
        services.close()
