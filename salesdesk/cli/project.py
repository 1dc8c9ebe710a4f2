"""The project's commands: import head office's project file, print the public notice."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from salesdesk.cli.common import Command, out, system_actor

if TYPE_CHECKING:
    from salesdesk.services.container import Services


def _configure_import(p: argparse.ArgumentParser) -> None:
    p.add_argument("file")


def _import_project(services: Services, args: argparse.Namespace) -> int:
    summary = services.importer.import_file(None, Path(args.file))
    out(f"已导入项目 {summary.project_name}：楼栋 {summary.buildings}，新增房源 "
        f"{summary.units_added}，更新房源 {summary.units_changed}，新版本文本 "
        f"{summary.new_text_versions}，新增员工 {summary.staff_added}")
    return 0


def _configure_notice(p: argparse.ArgumentParser) -> None:
    p.add_argument("--out", required=True)
    p.add_argument("--as-demo", action="store_true", help=argparse.SUPPRESS)


def _print_notice(services: Services, args: argparse.Namespace) -> int:
    # The demo's seeders are loaded only when a run asks for the demo's supervisor.
    from salesdesk.demo import demo_actor

    actor = demo_actor(services) if args.as_demo else system_actor(services)
    path = services.notice.print_notice(actor, Path(args.out))
    out(f"公示已生成：{path}")
    return 0


IMPORT_PROJECT = Command("import-project", "导入总部下发的项目文件（JSON）", _configure_import,
                         _import_project)
PRINT_NOTICE = Command("print-notice", "生成项目公示 PDF", _configure_notice, _print_notice)
