"""Command-line jobs of the care capability: the daily follow-up run (for a scheduled task on
the sales-centre PC) and the satisfaction report PDF."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from salesdesk.cli import EXTRA_COMMANDS
from salesdesk.domain.errors import DomainError, NotFound
from salesdesk.services.container import Services


def _daily(services: Services, args: argparse.Namespace) -> int:
    day = date.fromisoformat(args.day) if args.day else None
    result = services.care.run_daily(None, day)
    sys.stdout.write(f"回访任务新增 {result.tasks_created} 项，短信排队 {result.messages_queued} 条\n")
    return 0


def _configure_daily(p: argparse.ArgumentParser) -> None:
    p.add_argument("--day", help="按哪一天计算（YYYY-MM-DD，默认今天）")


def _report(services: Services, args: argparse.Namespace) -> int:
    if args.as_demo:
        from salesdesk.services.demo import demo_actor

        actor = demo_actor(services)
    else:
        entry = next((e for e in services.auth.signin_list() if e.code == args.staff), None)
        if entry is None:
            raise NotFound(f"没有员工 {args.staff}", en=f"No staff {args.staff}")
        if not args.pin:
            raise DomainError("请用 --pin 提供该员工的 PIN", en="Give the staff member's --pin")
        actor = services.auth.sign_in(entry.id, args.pin)
    start = date.fromisoformat(args.start) if args.start else None
    end = date.fromisoformat(args.end) if args.end else None
    out = services.satisfaction.export_pdf(actor, Path(args.out), start, end)
    sys.stdout.write(f"满意度报告已生成：{out}\n")
    return 0


def _configure_report(p: argparse.ArgumentParser) -> None:
    p.add_argument("--out", required=True, help="PDF 文件路径")
    p.add_argument("--staff", default="", help="销售主管工号")
    p.add_argument("--pin", default="", help="该员工的 PIN")
    p.add_argument("--start", help="开始日期 YYYY-MM-DD")
    p.add_argument("--end", help="结束日期 YYYY-MM-DD")
    p.add_argument("--as-demo", action="store_true", help="在演示数据库中以演示主管身份执行")


EXTRA_COMMANDS.append(("care-daily", "生成生日、节日、每月回访任务并发送到期短信", _configure_daily,
                       _daily))
EXTRA_COMMANDS.append(("care-report", "导出客户满意度报告（PDF）", _configure_report, _report))
