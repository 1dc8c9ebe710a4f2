"""``python -m salesdesk report disclosure --from DATE --to DATE --pdf F.pdf --csv F.csv``.

The report names customers, so it is run as a supervisor: ``--staff CODE`` and the PIN (asked
for, or ``SALESDESK_PIN``), on every database, the demo's included (``cli/signin.py``)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from salesdesk.cli import signin
from salesdesk.cli.common import Command, iso_date
from salesdesk.domain.errors import ValidationError
from salesdesk.domain.roles import Permission

if TYPE_CHECKING:
    from salesdesk.services.container import Services


def _configure(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="report", required=True)
    p = sub.add_parser("disclosure", help="告知审计报告（按顾问、未完整告知的认购、回访比对、开盘前清单）")
    p.add_argument("--from", dest="date_from", type=iso_date, required=True, help="开始日期 YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", type=iso_date, required=True, help="结束日期 YYYY-MM-DD")
    p.add_argument("--pdf", help="输出 PDF 文件")
    p.add_argument("--csv", help="输出 CSV 文件（UTF-8 带 BOM）")
    signin.add_staff_argument(p, "以哪位主管的身份生成（员工编号）；PIN 在终端输入，"
                                 "或由环境变量 SALESDESK_PIN 提供")


def _report(services: Services, args: argparse.Namespace) -> int:
    if not args.pdf and not args.csv:
        raise ValidationError("请至少指定 --pdf 或 --csv", en="Give --pdf and/or --csv")
    actor = signin.sign_in(services, args.staff, "report disclosure",
                           Permission.EXPORT_REPORTS)

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


REPORT = Command("report", "生成报表（告知审计等）", _configure, _report)
