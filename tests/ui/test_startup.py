"""Start-up: the sign-in screen paints from a quick read of the file, before SQLAlchemy, the
models, reportlab and the services load; they open behind it while the PIN is typed."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from salesdesk.app import close_window, start_window
from salesdesk.services.signin import quick_signin
from salesdesk.store import migrate
from salesdesk.store.database import DatabaseTooNew
from salesdesk.store.signin_roster import DB_FILE_NAME
from tests.conftest import copy_demo

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.ui

HEAVY = ("sqlalchemy", "salesdesk.store.models", "salesdesk.services.container")

# Builds and shows the window as main.py does, then reports (before the event loop turns, so
# before the background opening starts) which heavy modules the sign-in path has loaded.
PROBE = """
import json, sys
from pathlib import Path
from salesdesk.app import make_application, start_window
app = make_application(sys.argv[:1])
window = start_window(app, Path(sys.argv[1]))
window.show()
heavy = sorted(m for m in sys.modules if m.split(".")[0] in ("sqlalchemy", "alembic", "reportlab")
               or m.startswith(("salesdesk.store.models", "salesdesk.store.database",
                                "salesdesk.services.container", "salesdesk.services.auth")))
print(json.dumps({"heavy": heavy, "shown": window.stack.currentWidget() is window.signin,
                  "staff": [e.code for e in window.signin._staff]}))
"""


def _app() -> QApplication:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app


def test_the_signin_path_imports_no_sqlalchemy_models_or_reportlab(
        demo_template: tuple[Path, Path], tmp_path: Path) -> None:
    data, keys = tmp_path / "data", tmp_path / "keys"
    copy_demo(demo_template, data, keys)
    env = {**os.environ, "SALESDESK_KEY_DIR": str(keys), "QT_QPA_PLATFORM": "offscreen",
           "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", PROBE, str(data)], capture_output=True,
                          text=True, env=env, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout.strip().splitlines()[-1])
    assert out["heavy"] == []
    assert out["shown"] and "R001" in out["staff"]
    # The check itself sees them when they are there: the full opening does load them.
    full = subprocess.run([sys.executable, "-c", "import sys; import salesdesk.bootstrap as b;"
                           f" b.open_services(__import__('pathlib').Path({str(data)!r})).close();"
                           f" print(all(m in sys.modules for m in {HEAVY!r}))"],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert full.returncode == 0, full.stderr
    assert full.stdout.strip() == "True"


def test_the_window_signs_in_while_the_services_open_and_shows_reception(
        qtbot, demo_template: tuple[Path, Path], data_dir: Path, key_dir: Path) -> None:
    copy_demo(demo_template, data_dir, key_dir)
    window = start_window(_app(), data_dir)
    qtbot.addWidget(window)
    assert not window.ctx.services_ready
    window.show()
    assert window.stack.currentWidget() is window.signin
    assert window.signin.loading_label.isVisibleTo(window.signin)
    quick_codes = [e.code for e in window.signin._staff]
    entry = next(e for e in window.signin._staff if e.code == "R001")
    qtbot.mouseClick(window.signin._buttons[entry.id], Qt.MouseButton.LeftButton)
    for digit in "1001":
        window.signin._key(digit)
    qtbot.keyClick(window.signin.ui.pinEdit, Qt.Key.Key_Return)  # the check waits if need be
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=20000)
    assert window.workspace is not None and window.ctx.actor is not None
    assert window.ctx.actor.name == entry.name
    assert window.workspace.nav.currentItem().data(Qt.ItemDataRole.UserRole) == "reception"
    qtbot.waitUntil(lambda: window.ctx.services_ready
                    and not window.signin.loading_label.isVisibleTo(window.signin),
                    timeout=20000)
    # The quick read and the open database agree on who may sign in, in the same order.
    assert quick_codes == [e.code for e in window.ctx.services.auth.signin_list()]
    # Signing out shows the sign-in screen again, now from the services; a wrong PIN is refused.
    window.switch_user()
    assert window.stack.currentWidget() is window.signin
    window.signin.select(entry)
    window.signin.ui.pinEdit.setText("9999")
    window.signin.submit()
    qtbot.waitUntil(lambda: window.signin.ui.errorLabel.isVisibleTo(window.signin),
                    timeout=20000)
    assert window.workspace is None and window.ctx.actor is None
    close_window(window)


def test_a_first_start_opens_the_database_first_and_asks_for_the_first_admin(
        qtbot, data_dir: Path, key_dir: Path) -> None:
    assert quick_signin(data_dir) is None  # no file yet
    window = start_window(_app(), data_dir)
    qtbot.addWidget(window)
    assert window.ctx.services_ready
    assert window.stack.currentWidget() is window.first_admin
    assert quick_signin(data_dir) is None  # a file now, but nobody to sign in
    close_window(window)


def test_a_file_to_upgrade_or_refuse_is_never_read_quickly(
        qtbot, demo_template: tuple[Path, Path], data_dir: Path, key_dir: Path) -> None:
    copy_demo(demo_template, data_dir, key_dir)
    assert quick_signin(data_dir) is not None
    path = data_dir / DB_FILE_NAME
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'ffffffffffff'")
    conn.close()
    before = path.read_bytes()
    assert quick_signin(data_dir) is None
    with sqlite3.connect(path) as conn:  # an older revision: it must be upgraded first
        conn.execute("UPDATE alembic_version SET version_num = ?",
                     (migrate.revision_graph()[migrate.fast_head()],))
    conn.close()
    assert quick_signin(data_dir) is None
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'ffffffffffff'")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseTooNew):
        start_window(_app(), data_dir)  # as before: refused before any window, file untouched
    assert path.read_bytes() == before


def test_a_file_that_is_not_a_database_is_left_to_the_full_opening(
        data_dir: Path, key_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / DB_FILE_NAME).write_bytes(b"not a database at all" * 100)
    assert quick_signin(data_dir) is None
