"""Starts chaos devices fast: this process imports everything once, then forks one child per
device run (a fresh interpreter would spend seconds importing on a busy 2-core machine).

Reads one JSON argument list per line on stdin, answers each with the child's pid; exits when
stdin closes. Children are reaped automatically (SIGCHLD ignored)."""

from __future__ import annotations

import json
import os
import signal
import sys

import tests.e2e.chaos_device as device
import tests.e2e.chaos_server as server


def main() -> None:
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)
    for line in sys.stdin:
        argv = json.loads(line)
        log_path = argv.pop(0)
        pid = os.fork()
        if pid == 0:
            code = 0
            try:
                fd = os.open(log_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
                os.dup2(fd, 1)
                os.dup2(fd, 2)
                role = argv.pop(0)
                (server.main if role == "server" else device.main)(argv)
            except BaseException:
                import traceback

                traceback.print_exc()
                code = 1
            finally:
                sys.stdout.flush()
                sys.stderr.flush()
                os._exit(code)
        sys.stdout.write(f"{pid}\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
