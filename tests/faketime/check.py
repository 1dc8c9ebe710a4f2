"""Run by ``make test-future`` before the suite: proves the clocks really are moved ahead (so
a broken preload cannot pass the suite on today's date) and that sleeping, timed waits and
subprocesses still work under it. Exits non-zero otherwise."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from datetime import UTC, datetime, timedelta


def main(days: int) -> int:
    real = datetime.fromtimestamp(int(subprocess.run(
        ["env", "-u", "LD_PRELOAD", "date", "+%s"], capture_output=True, text=True,
        check=True).stdout), UTC)
    faked = datetime.now(UTC)
    child = datetime.fromtimestamp(int(subprocess.run(
        ["date", "+%s"], capture_output=True, text=True, check=True, timeout=10).stdout), UTC)
    ahead = timedelta(days=days)
    problems = []
    if abs(faked - real - ahead) > timedelta(minutes=5):
        problems.append(f"this process sees {faked:%Y-%m-%d}, expected {real + ahead:%Y-%m-%d}")
    if abs(child - real - ahead) > timedelta(minutes=5):
        problems.append(f"a subprocess sees {child:%Y-%m-%d}")
    start = time.monotonic()
    time.sleep(0.05)
    threading.Event().wait(0.05)
    if not 0.09 <= time.monotonic() - start < 5:
        problems.append("sleep or timed wait misbehaves under libfaketime")
    for p in problems:
        sys.stderr.write(f"faketime check: {p}\n")
    if not problems:
        sys.stdout.write(f"faketime check: clocks at {faked:%Y-%m-%d} ({days} days ahead)\n")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main(int(sys.argv[1])))
