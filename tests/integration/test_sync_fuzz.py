"""1,000 generated bodies against the real sync service and PostgreSQL: only 2xx or 4xx, no
traceback logged, nothing stored on a 4xx (tests/sync_fuzz.py; 10,000 under ``make chaos``)."""

from __future__ import annotations

import pytest

from salesdesk.sync.server.devcluster import ServerThread, enrol_code
from tests.sync_fuzz import run_fuzz

pytestmark = [pytest.mark.postgres,
              pytest.mark.filterwarnings("ignore::hypothesis.errors.HypothesisWarning")]


def test_no_body_makes_the_server_fail(sync_server: ServerThread, sync_db: str) -> None:
    ok = run_fuzz(sync_server.url, sync_db, enrol_code(sync_db), examples=1000)
    assert ok > 0  # some bodies were the protocol's and went through
