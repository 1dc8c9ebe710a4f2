"""Every command that reads or prints customer data signs in the same way: ``--staff CODE`` and
the PIN from the terminal or SALESDESK_PIN. Without either it stops with a clear message and
exit code 2 before anything is read, printed or written; a wrong PIN counts toward the lockout
like the app's sign-in; a run that signed in is in the audit log, without the phone number."""

from __future__ import annotations

import os
import pty
import select
import sys
import time
from pathlib import Path

import pytest

from salesdesk import cli
from salesdesk.domain.roles import Actor
from salesdesk.services.container import Services
from tests.conftest import copy_demo, staff_actor
from tests.integration.test_cli import ROOT, _table_counts, run

PHONE = "13922224444"


def _commands(tmp_path: Path) -> dict[str, list[str]]:
    out = tmp_path / "out"
    return {
        "report": ["report", "disclosure", "--from", "2026-01-01", "--to", "2026-12-31",
                   "--csv", str(out / "r.csv")],
        "print-checklist": ["print-checklist", "--customer", PHONE, "--out",
                            str(out / "c.pdf")],
        "appointment-reminders": ["appointment-reminders", "--queue"],
        "care-daily": ["care-daily"],
        "care-report": ["care-report", "--out", str(out / "s.pdf")],
    }


COMMANDS = ["report", "print-checklist", "appointment-reminders", "care-daily", "care-report"]


@pytest.fixture
def folder(demo_template: tuple[Path, Path], tmp_path: Path) -> tuple[Path, Path]:
    data, keys = tmp_path / "data", tmp_path / "keys"
    copy_demo(demo_template, data, keys)
    (tmp_path / "out").mkdir()
    return data, keys


@pytest.mark.parametrize("name", COMMANDS)
def test_without_a_terminal_or_pin_it_stops_before_anything_happens(
        folder: tuple[Path, Path], tmp_path: Path, name: str) -> None:
    data, keys = folder
    before = _table_counts(data / "salesdesk.sqlite3")
    result = run(data, keys, *_commands(tmp_path)[name], "--staff", "S001")
    assert result.returncode == 2, result.stderr
    assert "没有终端可输入 PIN" in result.stderr and "SALESDESK_PIN" in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    assert list((tmp_path / "out").iterdir()) == []
    assert _table_counts(data / "salesdesk.sqlite3") == before


def test_without_staff_it_asks_for_it(folder: tuple[Path, Path], tmp_path: Path) -> None:
    data, keys = folder
    before = _table_counts(data / "salesdesk.sqlite3")
    result = run(data, keys, *_commands(tmp_path)["report"], pin="8001")
    assert result.returncode == 2 and "--staff" in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert list((tmp_path / "out").iterdir()) == []
    assert _table_counts(data / "salesdesk.sqlite3") == before


def test_the_demo_database_has_no_bypass(folder: tuple[Path, Path], tmp_path: Path) -> None:
    """The demo used to print the disclosure report as its supervisor without a PIN."""
    data, keys = folder
    result = run(data, keys, *_commands(tmp_path)["report"])
    assert result.returncode == 2 and result.stdout == ""
    assert not (tmp_path / "out" / "r.csv").exists()


def _open(tmp_path: Path) -> Services:
    from tests.conftest import _open as open_services

    return open_services(tmp_path / "data", tmp_path / "keys")


def _cli(tmp_path: Path, *args: str) -> int:
    return cli.main(["--data-dir", str(tmp_path / "data"), *args])


@pytest.mark.parametrize("name", ["report", "print-checklist", "care-report"])
def test_a_wrong_pin_is_refused_and_counts_toward_the_lockout(
        folder: tuple[Path, Path], tmp_path: Path, name: str, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("SALESDESK_KEY_DIR", str(folder[1]))
    monkeypatch.setenv("SALESDESK_PIN", "0000")
    args = [*_commands(tmp_path)[name], "--staff", "S001"]
    assert _cli(tmp_path, *args) == 2
    captured = capsys.readouterr()
    assert "PIN 不正确" in captured.err and "Wrong PIN" in captured.err
    assert captured.out == "" and list((tmp_path / "out").iterdir()) == []
    for _ in range(4):
        assert _cli(tmp_path, *args) == 2
    # Five wrong PINs lock the account, for the command line and the app alike.
    monkeypatch.setenv("SALESDESK_PIN", "8001")
    assert _cli(tmp_path, *args) == 2
    captured = capsys.readouterr()
    assert "锁定" in captured.err and "locked" in captured.err
    assert list((tmp_path / "out").iterdir()) == []
    s = _open(tmp_path)
    try:
        entry = next(e for e in s.auth.signin_list() if e.code == "S001")
        with pytest.raises(Exception, match="锁定"):
            s.auth.sign_in(entry.id, "8001")
    finally:
        s.close()


def test_a_role_without_the_right_is_refused(folder: tuple[Path, Path], tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("SALESDESK_KEY_DIR", str(folder[1]))
    monkeypatch.setenv("SALESDESK_PIN", "1001")  # reception: no reports
    assert _cli(tmp_path, *_commands(tmp_path)["report"], "--staff", "R001") == 2
    captured = capsys.readouterr()
    assert "无权" in captured.err and captured.out == ""
    assert list((tmp_path / "out").iterdir()) == []


def _cli_runs(s: Services, supervisor: Actor) -> list[tuple[str, str | None]]:
    return [(e.detail, e.staff_id) for e in s.audit.recent(supervisor) if e.action == "cli.run"]


def test_the_right_pin_works_and_is_audited_without_the_phone(
        folder: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    from tests.integration.test_signing_migration_cli import SINGLE_FULL

    monkeypatch.setenv("SALESDESK_KEY_DIR", str(folder[1]))
    s = _open(tmp_path)
    consultant = staff_actor(s, "C102")
    c = s.customers.register(consultant, phone=PHONE, name="吴志明", consent=True,
                             owner_staff_id=consultant.staff_id)
    s.signing.save_interview(consultant, c.id, SINGLE_FULL)
    s.close()
    commands = _commands(tmp_path)
    monkeypatch.setenv("SALESDESK_PIN", "2102")  # C102
    assert _cli(tmp_path, *commands["print-checklist"], "--staff", "C102") == 0
    assert _cli(tmp_path, *commands["appointment-reminders"], "--staff", "C102") == 0
    assert _cli(tmp_path, *commands["care-daily"], "--staff", "C102") == 0
    monkeypatch.setenv("SALESDESK_PIN", "8001")  # S001
    assert _cli(tmp_path, *commands["report"], "--staff", "S001") == 0
    assert _cli(tmp_path, *commands["care-report"], "--staff", "S001") == 0
    assert {p.name for p in (tmp_path / "out").iterdir()} == {"c.pdf", "r.csv", "s.pdf"}
    capsys.readouterr()

    s = _open(tmp_path)
    try:
        supervisor, c102 = staff_actor(s, "S001"), staff_actor(s, "C102")
        runs = _cli_runs(s, supervisor)
        assert sorted(runs) == sorted([
            ("print-checklist", c102.staff_id), ("appointment-reminders", c102.staff_id),
            ("care-daily", c102.staff_id), ("report disclosure", supervisor.staff_id),
            ("care-report", supervisor.staff_id)])
        details = " ".join(f"{e.action} {e.entity} {e.row_id} {e.detail}"
                           for e in s.audit.recent(supervisor))
        assert PHONE not in details and "吴志明" not in details
    finally:
        s.close()


def _on_a_terminal(data: Path, keys: Path, args: list[str], typed: bytes) -> tuple[int, str]:
    """Runs the command line on a real pseudo-terminal, types ``typed`` once it asks for the
    PIN, and returns its exit code and everything the terminal showed."""
    env = {**os.environ, "SALESDESK_KEY_DIR": str(keys), "SALESDESK_NO_KEYRING": "1",
           "PYTHONPATH": str(ROOT)}
    env.pop("SALESDESK_PIN", None)
    pid, fd = pty.fork()
    if pid == 0:  # the child: the terminal is its controlling terminal, as in a shell
        os.chdir(ROOT)
        os.execve(sys.executable, [sys.executable, "-m", "salesdesk", "--data-dir", str(data),
                                   *args], env)
    shown, sent = b"", False
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([fd], [], [], 1.0)
            if not ready:
                continue
            try:
                chunk = os.read(fd, 4096)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            shown += chunk
            if not sent and b"PIN" in shown:
                os.write(fd, typed)
                sent = True
    finally:
        os.close(fd)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), shown.decode("utf-8", "replace")


def test_the_pin_is_asked_for_on_the_terminal_and_never_echoed(
        folder: tuple[Path, Path], tmp_path: Path) -> None:
    data, keys = folder
    args = [*_commands(tmp_path)["report"], "--staff", "S001"]
    code, shown = _on_a_terminal(data, keys, args, b"0000\n")
    assert code == 2 and "PIN 不正确" in shown and "0000" not in shown
    assert not (tmp_path / "out" / "r.csv").exists()
    code, shown = _on_a_terminal(data, keys, args, b"8001\n")
    assert code == 0, shown
    assert "陈国栋" in shown and "8001" not in shown  # the prompt names who signs in
    assert (tmp_path / "out" / "r.csv").exists()
