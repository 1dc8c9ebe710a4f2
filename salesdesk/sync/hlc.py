"""A hybrid logical clock (HLC) for field-level last-writer-wins.

Physical milliseconds, a logical counter for ties, and the node (device) id so two devices
never compare equal. ``tick`` and ``recv`` never go backwards, whatever the wall clock does."""

from __future__ import annotations

from dataclasses import dataclass

# How far a device clock may be from head office's before the status bar warns.
CLOCK_WARN_MS = 120_000


@dataclass(frozen=True, order=True)
class Hlc:
    ms: int
    logical: int
    node: str

    def tick(self, now_ms: int) -> Hlc:
        """The stamp for a local event at wall time ``now_ms``."""
        if now_ms > self.ms:
            return Hlc(now_ms, 0, self.node)
        return Hlc(self.ms, self.logical + 1, self.node)

    def recv(self, remote: Hlc, now_ms: int) -> Hlc:
        """Merge a stamp seen from elsewhere (so our next stamps come after it)."""
        top = max(self.ms, remote.ms, now_ms)
        if top == self.ms == remote.ms:
            logical = max(self.logical, remote.logical) + 1
        elif top == self.ms:
            logical = self.logical + 1
        elif top == remote.ms:
            logical = remote.logical + 1
        else:
            logical = 0
        return Hlc(top, logical, self.node)

    def clamp(self, limit_ms: int) -> Hlc:
        """The server's view of a device stamp: never later than the server received it, so a
        kiosk whose clock runs two hours fast cannot win every conflict."""
        if self.ms <= limit_ms:
            return self
        return Hlc(limit_ms, self.logical, self.node)

    def encode(self) -> str:
        return f"{self.ms:015d}:{self.logical:06d}:{self.node}"

    @staticmethod
    def decode(text: str) -> Hlc:
        ms, logical, node = text.split(":", 2)
        return Hlc(int(ms), int(logical), node)

    @staticmethod
    def zero(node: str) -> Hlc:
        return Hlc(0, 0, node)
