"""``python -m salesdesk report disclosure --from DATE --to DATE --pdf F.pdf --csv F.csv``.

The report names customers, so it is run as a supervisor: ``--staff CODE`` and the PIN (asked
for, or ``SALESDESK_PIN``). On the demo database the demo supervisor is used without a PIN."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from datetime import date
from pathlib import Path

from salesdesk import cli
from salesdesk.domain.errors import NotFound, ValidationError
from salesdesk.domain.roles import Actor
from salesdesk.services.container import Services


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"日期格式应为 YYYY-MM-DD：{text}") from exc


def _configure(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="report", required=True)
    p = sub.add_parser("disclosure", help="告知审计报告（按顾问、未完整告知的认购、回访比对、开盘前清单）")
    p.add_argument("--from", dest="date_from", type=_date, required=True, help="开始日期 YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", type=_date, required=True, help="结束日期 YYYY-MM-DD")
    p.add_argument("--pdf", help="输出 PDF 文件")
    p.add_argument("--csv", help="输出 CSV 文件（UTF-8 带 BOM）")
    p.add_argument("--staff", help="以哪位主管的身份生成（员工编号）")


def _actor(services: Services, code: str | None) -> Actor:
    from salesdesk.services.demo import DEMO_SUPERVISOR_CODE, demo_actor, is_demo

    if code is None and is_demo(services):
        return demo_actor(services, DEMO_SUPERVISOR_CODE)
    if code is None:
        raise ValidationError("请用 --staff 指定主管的员工编号", en="Give --staff CODE (a supervisor)",
                              field="staff")
    for entry in services.auth.signin_list():
        if entry.code == code:
            pin = os.environ.get("SALESDESK_PIN") or getpass.getpass(f"{entry.name} 的 PIN：")
            return services.auth.sign_in(entry.id, pin)
    raise NotFound(f"没有员工编号 {code}", en=f"No staff member {code}", field="staff")


def _report(services: Services, args: argparse.Namespace) -> int:
    if not args.pdf and not args.csv:
        raise ValidationError("请至少指定 --pdf 或 --csv", en="Give --pdf and/or --csv")
    actor = _actor(services, args.staff)

    def progress(done: int, total: int, what: str) -> None:
        sys.stderr.write(f"\r[{done}/{total}] {what}      ")

    data = services.disclosure_audit.export(
        actor, args.date_from, args.date_to, pdf=Path(args.pdf) if args.pdf else None,
        csv_path=Path(args.csv) if args.csv else None, progress=progress)
    sys.stderr.write("\n")
    rounds = sum(c.rounds for c in data.consultants)
    sys.stdout.write(
        f"告知审计 {args.date_from} 至 {args.date_to}：告知 {rounds} 轮，"
        f"未完整告知的认购 {len(data.incomplete_subscriptions)}，回访不一致 {len(data.mismatches)}，"
        f"开盘前清单 {len(data.pre_opening)} 位客户，未关闭升级任务 {len(data.open_escalations)}\n")
    for path in (args.pdf, args.csv):
        if path:
            sys.stdout.write(f"已生成 {path}\n")
    return 0


cli.EXTRA_COMMANDS.append(("report", "生成报表（告知审计等）", _configure, _report))
