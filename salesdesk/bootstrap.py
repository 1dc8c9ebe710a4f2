"""Opening SalesDesk without the GUI: data folder, logging, database, services and the hooks
between capabilities. The command line uses it as is; ``app.py`` adds the Qt side. Nothing
imports it back (an import-linter contract), so it may see everything.

The services are imported inside the functions: the window imports this module before it paints
its sign-in screen and opens the services in the background (``Opening``) meanwhile."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from salesdesk.paths import default_data_dir

if TYPE_CHECKING:
    from salesdesk.services.container import Services


def install_hooks(services: Services) -> None:
    """Where each capability hooks into the shared pieces (verifiers, demo seeders, ...) once
    the services are built: one line per capability keeps merges painless. The hooks between
    the services themselves are made by ``build_services``; none is needed here today."""


def data_folder(data_dir: Path | None = None) -> Path:
    """The data folder asked for, or the platform's app-data folder."""
    return Path(data_dir) if data_dir else default_data_dir()


def open_services(data_dir: Path | None = None) -> Services:
    """The data folder (made if missing), its log files, the migrated database, the services."""
    from salesdesk.logsetup import setup_logging
    from salesdesk.paths import key_dir
    from salesdesk.services.container import build_services
    from salesdesk.store.database import open_database

    data = data_folder(data_dir)
    data.mkdir(parents=True, exist_ok=True)
    setup_logging(data)
    db = open_database(data, key_dir())
    services = build_services(db)
    install_hooks(services)
    return services


class Opening:
    """``open_services`` on a background thread, started once the sign-in screen is on screen.
    ``wait`` blocks until it is done (the PIN check waits there if the user is faster) and gives
    the services or raises what the opening raised. ``then`` callbacks run on the opening's
    thread when it finishes, with the services or the exception."""

    def __init__(self, data_dir: Path, after: Callable[[], None] | None = None) -> None:
        self.data_dir = data_dir
        self._after = after  # more loading on the same thread (the UI's pages), not waited for
        self._done = threading.Event()
        self._services: Services | None = None
        self._error: BaseException | None = None
        self._thread: threading.Thread | None = None
        self._then: list[Callable[[Services | BaseException], None]] = []

    def then(self, fn: Callable[[Services | BaseException], None]) -> None:
        self._then.append(fn)

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="salesdesk-open",
                                            daemon=True)
            self._thread.start()

    @property
    def started(self) -> bool:
        return self._thread is not None

    def done(self) -> bool:
        return self._done.is_set()

    def _run(self) -> None:
        outcome: Services | BaseException
        try:
            self._services = open_services(self.data_dir)
            outcome = self._services
        except BaseException as exc:
            self._error = exc
            outcome = exc
        self._done.set()
        for fn in self._then:
            fn(outcome)
        if self._after is not None and self._error is None:
            self._after()

    def wait(self) -> Services:
        self.start()  # a caller that needs the services before the screen painted: open now
        self._done.wait()
        if self._error is not None:
            raise self._error
        assert self._services is not None
        return self._services
