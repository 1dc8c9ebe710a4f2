"""The task runner is generic in its result type: mypy checks that a callback takes what the
background call returns, so a mistyped call site fails the type check rather than the user."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

SNIPPET = textwrap.dedent("""
    from salesdesk.ui.tasks import TaskControl, TaskRunner

    def count() -> int:
        return 3

    def show_text(text: str) -> None:
        print(text)

    def show_number(n: int) -> None:
        print(n)

    def long_count(control: TaskControl) -> int:
        return 3

    def progress(done: int, total: int, text: str) -> None:
        pass

    def wire(runner: TaskRunner) -> None:
        runner.run(count, show_number)
        runner.run_long(long_count, progress, show_number)
        runner.run(count, show_text){mark_run}
        runner.run_long(long_count, progress, show_text){mark_long}
""")


def _mypy(tmp_path: Path, source: str) -> tuple[str, int]:
    module = tmp_path / "call_sites.py"
    module.write_text(source, encoding="utf-8")
    root = Path(__file__).resolve().parents[2]
    # In a child process: mypy's compiled modules, loaded into the test process, made it abort
    # while the interpreter shut down.
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--ignore-missing-imports",
         "--follow-imports=silent", "--no-error-summary", "--show-error-codes",
         "--warn-unused-ignores", "--cache-dir", str(root / ".mypy_cache"), "--config-file", "",
         str(module)],
        capture_output=True, text=True, cwd=root, timeout=600, check=False)
    return done.stdout + done.stderr, done.returncode


def test_a_callback_of_the_wrong_type_is_caught(tmp_path: Path) -> None:
    out, status = _mypy(tmp_path, SNIPPET.format(mark_run="", mark_long=""))
    assert status == 1, out
    errors = [line for line in out.splitlines() if ": error:" in line]
    # Both mistyped lines, and only them: the well-typed calls above pass.
    assert len(errors) == 2, out
    lines = SNIPPET.splitlines()
    wrong = {n for n, line in enumerate(lines, start=1) if "show_text){" in line}
    assert {int(line.split(":")[1]) for line in errors} == wrong, out


def test_the_mistyped_lines_are_the_only_errors(tmp_path: Path) -> None:
    # --strict warns about an unneeded ignore, so this passes only if exactly those two lines
    # are wrong and nothing else in the snippet is.
    ignore = "  # type: ignore[misc]"
    out, status = _mypy(tmp_path, SNIPPET.format(mark_run=ignore, mark_long=ignore))
    assert status == 0, out
