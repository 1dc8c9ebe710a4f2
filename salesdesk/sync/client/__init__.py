"""The device side of sync: push the outbox, pull the feed (Qt-free; the UI drives it)."""
