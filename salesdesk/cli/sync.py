"""``python -m salesdesk sync`` (one round now), ``sync-enrol``, ``sync-status``."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from salesdesk.cli.common import Command, no_arguments, out
from salesdesk.domain.local_time import PROJECT_TZ

if TYPE_CHECKING:
    from salesdesk.services.container import Services


def _sync(services: Services, args: argparse.Namespace) -> int:
    result = services.sync.run_round()
    out(f"同步完成：上传 {result.pushed} 条（被拒 {result.rejected}，冲突 {result.conflicts}），"
        f"下载 {result.pulled} 条，用时 {result.seconds:.1f} 秒")
    if result.clock_warning:
        out("警告：本机时钟与总部相差超过 2 分钟，请校准系统时间")
    return 0


def _enrol(services: Services, args: argparse.Namespace) -> int:
    device_id = services.sync.enrol(None, args.server, args.code, args.label or "")
    out(f"设备已登记：{device_id}")
    return 0


def _status(services: Services, args: argparse.Namespace) -> int:
    st = services.sync.status()
    if not st.enrolled:
        out("本机尚未登记到总部同步服务（python -m salesdesk sync-enrol --server URL --code 码）")
        return 0
    last = (st.last_sync_at.astimezone(PROJECT_TZ).strftime("%Y-%m-%d %H:%M:%S")
            if st.last_sync_at else "从未")
    out(f"服务：{st.server_url}\n上次同步：{last}\n待上传：{st.pending} 条\n"
        f"待处理冲突：{st.conflicts_open} 条\n时钟偏差：{st.clock_offset_s:+.1f} 秒")
    if st.needs_reenrol:
        out("需要重新登记本设备（数据库从旧备份恢复）")
    if st.last_error:
        out(f"上次错误：{st.last_error}")
    return 0


def _configure_enrol(p: argparse.ArgumentParser) -> None:
    p.add_argument("--server", required=True, help="同步服务地址，如 https://sync.example.cn")
    p.add_argument("--code", required=True, help="总部提供的一次性登记码")
    p.add_argument("--label", help="设备名称（如 前台1）")


SYNC = Command("sync", "与总部同步一次", no_arguments, _sync)
ENROL = Command("sync-enrol", "用登记码把本机登记到总部同步服务", _configure_enrol, _enrol)
STATUS = Command("sync-status", "显示同步状态", no_arguments, _status)
