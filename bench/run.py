"""Benchmarks: ``python bench/run.py [--only PREFIX] [--quick]``.

Prints one JSON object per line: {"name", "value", "unit", ...context}. Each module in
MODULES has ``run(quick: bool) -> Iterator[dict]``; ``--only`` keeps benches whose name starts
with PREFIX (a module is skipped when none of its names can match; a name belongs to the module
with the longest prefix it starts with, so ``--only sync.fleet`` runs the fleet bench alone
while ``--only sync`` runs both sync benches). Targets are judged by
ratios against a floor measured in the same run, never by absolute times in tests."""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("SALESDESK_NO_KEYRING", "1")

# module name -> the prefix its bench names share
MODULES: dict[str, str] = {
    "bench_startup": "startup.",
    "bench_signing": "signing.",
    "bench_appointments": "appointments.",
    "bench_sync": "sync.",
    "bench_sync_fleet": "sync.fleet",
    "bench_disclosure": "disclosure.",
    "bench_reception": "reception.",
}


def selected(only: str) -> list[str]:
    """The modules that can print a name starting with ``only``, in MODULES order."""
    matching = [m for m, prefix in MODULES.items()
                if not only or prefix.startswith(only) or only.startswith(prefix)]
    # bench_sync's "sync." also matches "sync.fleet...", but those names are the fleet bench's:
    # drop a module when the request lies wholly inside a longer prefix of another module.
    return [m for m in matching
            if not any(MODULES[n] != MODULES[m] and MODULES[n].startswith(MODULES[m])
                       and only.startswith(MODULES[n]) for n in matching)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", default="", help="run benches whose name starts with this")
    parser.add_argument("--quick", action="store_true", help="smaller scale, under a minute")
    args = parser.parse_args(argv)
    for module_name in selected(args.only):
        module = importlib.import_module(module_name)
        for result in module.run(args.quick):
            if result["name"].startswith(args.only):
                print(json.dumps(result, ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
