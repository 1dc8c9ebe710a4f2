"""Helpers shared by benchmarks: temporary data folders, timing, medians."""

from __future__ import annotations

import atexit
import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any


def temp_dirs(label: str) -> tuple[Path, Path]:
    root = Path(tempfile.mkdtemp(prefix=f"salesdesk-bench-{label}-"))
    # A full run writes gigabytes (the 2,000,000-record ledger alone is 2.8 GB): gone at exit.
    atexit.register(shutil.rmtree, root, ignore_errors=True)
    keys = root / "keys"
    os.environ["SALESDESK_KEY_DIR"] = str(keys)
    return root / "data", keys


def time_ms(fn: Callable[[], Any], repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def median(values: list[float]) -> float:
    return float(statistics.median(values))


def result(name: str, value: float, unit: str, **context: Any) -> dict[str, Any]:
    return {"name": name, "value": round(value, 4), "unit": unit, **context}
