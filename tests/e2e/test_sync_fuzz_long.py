"""The long run of the generated-bodies test (``make chaos``): 10,000 bodies."""

from __future__ import annotations

import pytest

from salesdesk.sync.server.devcluster import ServerThread, enrol_code
from tests.sync_fuzz import run_fuzz

pytestmark = [pytest.mark.postgres, pytest.mark.slow,
              pytest.mark.filterwarnings("ignore::hypothesis.errors.HypothesisWarning")]


def test_no_body_makes_the_server_fail_long_run(request: pytest.FixtureRequest,
                                                sync_server: ServerThread,
                                                sync_db: str) -> None:
    if not request.config.getoption("--chaos-seeds"):
        pytest.skip("long run: make chaos")
    assert run_fuzz(sync_server.url, sync_db, enrol_code(sync_db), examples=10_000) > 0
