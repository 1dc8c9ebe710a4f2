"""Command line for signing materials: print a customer's checklist, import a rule pack."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from salesdesk import cli
from salesdesk.domain.errors import DomainError
from salesdesk.domain.roles import Actor, Permission, Role
from salesdesk.services.container import Services


def _out(text: str) -> None:
    sys.stdout.write(text + "\n")


def _staff_actor(services: Services, code: str | None) -> Actor:
    """The command line is run by whoever administers the machine; it prints as a named staff
    member (``--staff``) or the first supervisor, since printing needs a consultant's rights."""
    entries = services.auth.signin_list()
    for entry in entries:
        if (code and entry.code == code) or (not code and entry.role is Role.SUPERVISOR):
            actor = services.auth.actor_for(entry.id)
            actor.require(Permission.PRINT_CHECKLIST)
            return actor
    raise DomainError(f"没有员工 {code}" if code else "数据库中没有销售主管账号",
                      en=f"No staff {code}" if code else "There is no supervisor account")


def _configure_print(p: argparse.ArgumentParser) -> None:
    p.add_argument("--customer", required=True, metavar="PHONE", help="客户手机号")
    p.add_argument("--out", required=True, help="输出 PDF 文件")
    p.add_argument("--kind", choices=("checklist", "mortgage", "flow"), default="checklist",
                   help="checklist 签约资料清单（默认）/ mortgage 按揭资料清单 / flow 签约流程单")
    p.add_argument("--staff", help="以该员工身份打印（员工编号，默认第一位销售主管）")


def _print_checklist(services: Services, args: argparse.Namespace) -> int:
    actor = _staff_actor(services, args.staff)
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
