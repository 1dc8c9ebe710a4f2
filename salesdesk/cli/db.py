"""``python -m salesdesk db verify|backup``: the database file's own checks and copies."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from salesdesk.cli.common import Command, out

if TYPE_CHECKING:
    from salesdesk.services.container import Services


def _verify(services: Services, args: argparse.Namespace) -> int:
    report = services.maintenance.verify(thorough=args.thorough)
    if args.online:
        report.findings.extend(services.ledger_anchor.online_findings())
    for f in report.findings:
        out(f"{'OK  ' if f.ok else 'FAIL'} {f.check}: {f.detail}")
    if not report.ok:
        out("数据库校验未通过 / verification FAILED")
        return 1
    out("数据库校验通过 / verification passed")
    return 0


def _backup(services: Services, args: argparse.Namespace) -> int:
    path = services.maintenance.backup(Path(args.dest) if args.dest else None)
    out(f"已备份到 {path}")
    return 0


def _configure(p: argparse.ArgumentParser) -> None:
    dbsub = p.add_subparsers(dest="db_command", required=True)
    v = dbsub.add_parser("verify", help="检查完整性、版本和披露记录哈希链")
    v.add_argument("--online", action="store_true",
                   help="同时与总部保存的告知记录链逐条比对（需已登记同步）")
    v.add_argument("--thorough", action="store_true",
                   help="同时逐条核对每个索引与其表（PRAGMA integrity_check；大文件需数分钟）")
    v.set_defaults(db_handler=_verify)
    b = dbsub.add_parser("backup", help="备份数据库")
    b.add_argument("--dest")
    b.set_defaults(db_handler=_backup)


def _db(services: Services, args: argparse.Namespace) -> int:
    return int(args.db_handler(services, args))


DB = Command("db", "数据库校验与备份", _configure, _db)
