"""Options for the chaos run: ``--chaos-seeds=N`` runs the long run with N seeds
(``make chaos SEEDS=N``); the normal suite runs one short seed and the negative controls."""

from __future__ import annotations

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--chaos-seeds", type=int, default=0,
                     help="long chaos run: how many seeds (0: skip the long run)")
    parser.addoption("--chaos-seconds", type=float, default=30.0,
                     help="long chaos run: seconds of faults per seed")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "chaos_seed" in metafunc.fixturenames:
        n = metafunc.config.getoption("--chaos-seeds")
        metafunc.parametrize("chaos_seed", list(range(1, n + 1)) or [0])
