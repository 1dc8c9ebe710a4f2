"""Exponential backoff with full jitter after failed rounds: 1 s doubling up to 5 min."""

from __future__ import annotations

import random


class Backoff:
    def __init__(self, first: float = 1.0, cap: float = 300.0,
                 rng: random.Random | None = None) -> None:
        self.first = first
        self.cap = cap
        self.failures = 0
        self._rng = rng or random.Random()

    def success(self) -> None:
        self.failures = 0

    def failure(self) -> float:
        """Record a failure; returns how long to wait before the next try."""
        self.failures += 1
        ceiling: float = min(self.cap, self.first * (2 ** (self.failures - 1)))
        # Full jitter, but never less than half the step, so retries do not hammer the server.
        return float(ceiling / 2 + self._rng.random() * ceiling / 2)
