"""``python -m salesdesk [--data-dir DIR] COMMAND``: the command line for admins and checks.

Every command opens the same database the app uses and goes through the services. Errors a user
can fix print a clear message and exit 2; nothing is changed by a failed command."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

from salesdesk.domain.errors import DomainError
from salesdesk.domain.roles import Actor
from salesdesk.services.container import Services

Handler = Callable[[Services, argparse.Namespace], int]


def _out(text: str) -> None:
    sys.stdout.write(text + "\n")


def iso_date(text: str) -> date:
    """An argparse type: a bad date is a usage error (exit 2 with a message), not a traceback."""
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"日期格式应为 YYYY-MM-DD：{text} / expected YYYY-MM-DD"
                                         ) from exc


def _import_project(services: Services, args: argparse.Namespace) -> int:
    summary = services.importer.import_file(None, Path(args.file))
    _out(f"已导入项目 {summary.project_name}：楼栋 {summary.buildings}，新增房源 "
         f"{summary.units_added}，更新房源 {summary.units_changed}，新版本文本 "
         f"{summary.new_text_versions}，新增员工 {summary.staff_added}")
    return 0


def _demo(services: Services, args: argparse.Namespace) -> int:
    from salesdesk.services.demo import load_demo

    summary = load_demo(services)
    _out(f"演示项目已加载：{summary.project_name}（{services.db.path}）")
    return 0


def _print_notice(services: Services, args: argparse.Namespace) -> int:
    from salesdesk.services.demo import demo_actor

    actor = demo_actor(services) if args.as_demo else _system_actor(services)
    out = services.notice.print_notice(actor, Path(args.out))
    _out(f"公示已生成：{out}")
    return 0


def _system_actor(services: Services) -> Actor:
    """The command line is run by whoever administers the machine: act as the first admin."""
    from salesdesk.domain.roles import Role

    for entry in services.auth.signin_list():
        if entry.role is Role.ADMIN:
            return services.auth.actor_for(entry.id)
    raise DomainError("数据库中没有管理员账号", en="There is no admin account in this database")


def _db_verify(services: Services, args: argparse.Namespace) -> int:
    report = services.maintenance.verify()
    if args.online:
        report.findings.extend(services.ledger_anchor.online_findings())
    for f in report.findings:
        _out(f"{'OK  ' if f.ok else 'FAIL'} {f.check}: {f.detail}")
    if not report.ok:
        _out("数据库校验未通过 / verification FAILED")
        return 1
    _out("数据库校验通过 / verification passed")
    return 0


def _db_backup(services: Services, args: argparse.Namespace) -> int:
    path = services.maintenance.backup(Path(args.dest) if args.dest else None)
    _out(f"已备份到 {path}")
    return 0


# Capabilities add their commands here: (name, help, configure(parser), handler).
Command = tuple[str, str, Callable[[argparse.ArgumentParser], None], Handler]
EXTRA_COMMANDS: list[Command] = []


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m salesdesk", description="SalesDesk 命令行")
    parser.add_argument("--data-dir", help="数据文件夹（默认：系统应用数据目录）")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("import-project", help="导入总部下发的项目文件（JSON）")
    p.add_argument("file")
    p.set_defaults(handler=_import_project)
    p = sub.add_parser("demo", help="加载演示项目（可重复执行）")
    p.set_defaults(handler=_demo)
    p = sub.add_parser("print-notice", help="生成项目公示 PDF")
    p.add_argument("--out", required=True)
    p.add_argument("--as-demo", action="store_true", help=argparse.SUPPRESS)
    p.set_defaults(handler=_print_notice)
    p = sub.add_parser("db", help="数据库校验与备份")
    dbsub = p.add_subparsers(dest="db_command", required=True)
    v = dbsub.add_parser("verify", help="检查完整性、版本和披露记录哈希链")
    v.add_argument("--online", action="store_true",
                   help="同时与总部保存的告知记录链逐条比对（需已登记同步）")
    v.set_defaults(handler=_db_verify)
    b = dbsub.add_parser("backup", help="备份数据库")
    b.add_argument("--dest")
    b.set_defaults(handler=_db_backup)
    from salesdesk import commands  # noqa: F401  (registers capability commands)

    for name, help_text, configure, handler in EXTRA_COMMANDS:
        cp = sub.add_parser(name, help=help_text)
        configure(cp)
        cp.set_defaults(handler=handler)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from salesdesk.wiring import open_services

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
