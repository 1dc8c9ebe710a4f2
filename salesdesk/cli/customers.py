"""``python -m salesdesk customer export|erase|retention``: the customer's data (issue 15 §1).
Each signs in (``cli/signin.py``); the phone number given is never written to the log."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from salesdesk.cli import signin
from salesdesk.cli.common import Command

if TYPE_CHECKING:
    from salesdesk.services.container import Services


def _export(services: Services, args: argparse.Namespace) -> int:
    actor = signin.sign_in(services, args.staff, "customer-export")
    rights = services.customer_rights
    cid = rights.customer_id_for_phone(actor, args.phone)
    result = rights.export(actor, cid, Path(args.out))
    sys.stdout.write(f"已导出客户资料：{result.json_path}\n摘要 PDF：{result.pdf_path}\n")
    return 0


def _erase(services: Services, args: argparse.Namespace) -> int:
    actor = signin.sign_in(services, args.staff, "customer-erase")
    rights = services.customer_rights
    cid = rights.customer_id_for_phone(actor, args.phone)
    result = rights.erase(actor, cid, args.reason)
    if not result.erased:
        sys.stdout.write(f"未删除：{result.reason}。已改为限制处理（不发短信，搜索不到）。\n"
                         f"Not erased: a subscription or signing is open; processing is "
                         f"restricted instead.\n")
        return 1
    sys.stdout.write(f"已删除客户个人信息，现显示为 {result.pseudonym}；"
                     f"已清理备份 {result.backups_scrubbed} 个。同步后总部和其他设备同样删除。\n")
    return 0


def _retention(services: Services, args: argparse.Namespace) -> int:
    actor = signin.sign_in(services, args.staff, "customer-retention")
    rights = services.customer_rights
    if args.apply:
        n = rights.run_retention(actor)
        sys.stdout.write(f"已匿名化 {n} 位长期未到访的客户\n")
        return 0
    found = rights.retention_candidates(actor)
    months = rights.retention_months()
    sys.stdout.write(f"{len(found)} 位客户超过 {months} 个月无认购、无来访：\n")
    for c in found:
        sys.stdout.write(f"  {c.label}  最后一次 {c.last_seen.isoformat()}\n")
    sys.stdout.write("每日任务（--apply）只匿名化本名单上仍然符合条件的客户。\n")
    return 0


def _configure(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="customer_command", required=True)
    e = sub.add_parser("export", help="导出该客户的全部资料（JSON）和一页摘要（PDF）")
    e.add_argument("--phone", required=True, help="客户的手机号")
    e.add_argument("--out", required=True, help="JSON 文件路径（PDF 摘要写在同名 .pdf）")
    signin.add_staff_argument(e)
    e.set_defaults(customer_handler=_export)
    d = sub.add_parser("erase", help="删除该客户的个人信息（销售主管或管理员）")
    d.add_argument("--phone", required=True, help="客户的手机号")
    d.add_argument("--reason", required=True, help="删除原因（记入审计日志）")
    signin.add_staff_argument(d)
    d.set_defaults(customer_handler=_erase)
    r = sub.add_parser("retention", help="列出长期无认购、无来访的客户；--apply 为每日匿名化任务")
    r.add_argument("--apply", action="store_true", help="匿名化主管已看过名单中的客户")
    signin.add_staff_argument(r)
    r.set_defaults(customer_handler=_retention)


def _customer(services: Services, args: argparse.Namespace) -> int:
    return int(args.customer_handler(services, args))


CUSTOMER = Command("customer", "客户个人信息：导出、删除、保留期", _configure, _customer)
