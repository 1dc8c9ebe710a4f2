"""``python -m salesdesk demo``: load the demo sales centre (again: nothing changes)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from salesdesk.cli.common import Command, no_arguments, out

if TYPE_CHECKING:
    from salesdesk.services.container import Services


def _demo(services: Services, args: argparse.Namespace) -> int:
    # Loaded on use: every other command runs without the demo's seeders.
    from salesdesk.demo import load_demo

    summary = load_demo(services)
    out(f"演示项目已加载：{summary.project_name}（{services.db.path}）")
    return 0


DEMO = Command("demo", "加载演示项目（可重复执行）", no_arguments, _demo)
