"""Command line for signing materials: print a customer's checklist (signed in like every
command that names customers, ``cli_signin``), import a rule pack."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from salesdesk import cli, cli_signin
from salesdesk.domain.roles import Permission
from salesdesk.services.container import Services


def _out(text: str) -> None:
    sys.stdout.write(text + "\n")


def _configure_print(p: argparse.ArgumentParser) -> None:
    p.add_argument("--customer", required=True, metavar="PHONE", help="客户手机号")
    p.add_argument("--out", required=True, help="输出 PDF 文件")
    p.add_argument("--kind", choices=("checklist", "mortgage", "flow"), default="checklist",
                   help="checklist 签约资料清单（默认）/ mortgage 按揭资料清单 / flow 签约流程单")
    cli_signin.add_staff_argument(p, "以该员工身份打印（员工编号）；PIN 在终端输入，"
                                     "或由环境变量 SALESDESK_PIN 提供")


def _print_checklist(services: Services, args: argparse.Namespace) -> int:
    actor = cli_signin.sign_in(services, args.staff, "print-checklist",
                               Permission.PRINT_CHECKLIST)
    out = services.signing.print_for_phone(actor, args.customer, Path(args.out), args.kind)
    _out(f"已生成：{out}")
    return 0


def _configure_import(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help="总部下发的规则包（JSON）")


def _import_rule_pack(services: Services, args: argparse.Namespace) -> int:
    info = services.signing.import_rule_pack(cli._system_actor(services), Path(args.file))
    scope = f"城市 {info.city} · 项目 {info.project}"
    if info.created:
        _out(f"已导入规则包 {info.pack_id} 版本 {info.version}（{scope}，材料 {info.materials} 项）")
    else:
        _out(f"规则包 {info.pack_id} 版本 {info.version} 已存在，未作改动")
    return 0


cli.EXTRA_COMMANDS.append(("print-checklist", "打印客户的签约资料清单 / 按揭资料清单 / 签约流程单",
                           _configure_print, _print_checklist))
cli.EXTRA_COMMANDS.append(("import-rule-pack", "导入总部下发的签约资料规则包（JSON，按版本保存）",
                           _configure_import, _import_rule_pack))
