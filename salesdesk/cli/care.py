"""Command-line jobs of the care capability: the daily follow-up run (for a scheduled task on
the sales-centre PC: ``SALESDESK_PIN`` in its environment) and the satisfaction report PDF. Both
read customer data, so both sign in (``cli/signin.py``)."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from salesdesk.cli import signin
from salesdesk.cli.common import Command, iso_date
from salesdesk.domain.roles import Permission

if TYPE_CHECKING:
    from salesdesk.services.container import Services


def _daily(services: Services, args: argparse.Namespace) -> int:
    day: date | None = args.day
    actor = signin.sign_in(services, args.staff, "care-daily", Permission.RECORD_FOLLOW_UP)
    result = services.care.run_daily(actor, day)
    sys.stdout.write(f"回访任务新增 {result.tasks_created} 项，短信排队 {result.messages_queued} 条\n")
    # The scheduled run is what moves an overdue escalation up when nobody opens a page.
    moved = services.follow_up.escalate_overdue(actor)
    sys.stdout.write(f"逾期升级任务 {len(moved)} 项\n")
    return 0


def _configure_daily(p: argparse.ArgumentParser) -> None:
    p.add_argument("--day", type=iso_date, help="按哪一天计算（YYYY-MM-DD，默认今天）")
    signin.add_staff_argument(p)


def _report(services: Services, args: argparse.Namespace) -> int:
    start: date | None = args.start
    end: date | None = args.end
    actor = signin.sign_in(services, args.staff, "care-report", Permission.EXPORT_REPORTS)
    out = services.satisfaction.export_pdf(actor, Path(args.out), start, end)
    sys.stdout.write(f"满意度报告已生成：{out}\n")
    return 0


def _configure_report(p: argparse.ArgumentParser) -> None:
    p.add_argument("--out", required=True, help="PDF 文件路径")
    signin.add_staff_argument(p, "销售主管工号；PIN 在终端输入，或由环境变量 SALESDESK_PIN 提供")
    p.add_argument("--start", type=iso_date, help="开始日期 YYYY-MM-DD")
    p.add_argument("--end", type=iso_date, help="结束日期 YYYY-MM-DD")


DAILY = Command("care-daily", "生成生日、节日、每月回访任务并发送到期短信", _configure_daily, _daily)
REPORT = Command("care-report", "导出客户满意度报告（PDF）", _configure_report, _report)
