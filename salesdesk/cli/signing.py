"""Command line for signing materials: print a customer's checklist (signed in like every
command that names customers, ``cli/signin.py``), import a rule pack."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from salesdesk.cli import signin
from salesdesk.cli.common import Command, out, system_actor
from salesdesk.domain.roles import Permission

if TYPE_CHECKING:
    from salesdesk.services.container import Services


def _configure_print(p: argparse.ArgumentParser) -> None:
    p.add_argument("--customer", required=True, metavar="PHONE", help="客户手机号")
    p.add_argument("--out", required=True, help="输出 PDF 文件")
    p.add_argument("--kind", choices=("checklist", "mortgage", "flow"), default="checklist",
                   help="checklist 签约资料清单（默认）/ mortgage 按揭资料清单 / flow 签约流程单")
    signin.add_staff_argument(p, "以该员工身份打印（员工编号）；PIN 在终端输入，"
                                 "或由环境变量 SALESDESK_PIN 提供")


def _print_checklist(services: Services, args: argparse.Namespace) -> int:
    actor = signin.sign_in(services, args.staff, "print-checklist",
                           Permission.PRINT_CHECKLIST)
    path = services.signing.print_for_phone(actor, args.customer, Path(args.out), args.kind)
    out(f"已生成：{path}")
    return 0


def _configure_import(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help="总部下发的规则包（JSON）")


def _import_rule_pack(services: Services, args: argparse.Namespace) -> int:
    info = services.signing.import_rule_pack(system_actor(services), Path(args.file))
    scope = f"城市 {info.city} · 项目 {info.project}"
    if info.created:
        out(f"已导入规则包 {info.pack_id} 版本 {info.version}（{scope}，材料 {info.materials} 项）")
    else:
        out(f"规则包 {info.pack_id} 版本 {info.version} 已存在，未作改动")
    return 0


PRINT_CHECKLIST = Command("print-checklist", "打印客户的签约资料清单 / 按揭资料清单 / 签约流程单",
                          _configure_print, _print_checklist)
IMPORT_RULE_PACK = Command("import-rule-pack", "导入总部下发的签约资料规则包（JSON，按版本保存）",
                           _configure_import, _import_rule_pack)
