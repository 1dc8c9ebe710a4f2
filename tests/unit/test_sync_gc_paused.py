"""The sync client pauses cyclic garbage collection while it handles a batch or a page
(sync/client/engine.py, ``gc_paused``): it must never leave the collector off for the app,
and must not turn it on where someone else turned it off."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from salesdesk.sync.client.engine import gc_paused


@pytest.fixture(autouse=True)
def _restore_gc() -> Iterator[None]:
    was = gc.isenabled()
    yield
    if was:
        gc.enable()
    else:
        gc.disable()


def test_collection_is_off_inside_and_back_on_after() -> None:
    gc.enable()
    with gc_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_collection_comes_back_after_an_error() -> None:
    gc.enable()
    with pytest.raises(RuntimeError), gc_paused():
        raise RuntimeError("a failed page")
    assert gc.isenabled()


def test_collection_turned_off_elsewhere_stays_off() -> None:
    gc.disable()
    with gc_paused():
        pass
    assert not gc.isenabled()
