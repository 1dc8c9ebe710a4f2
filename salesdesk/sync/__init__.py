"""Sync with head office (SYNC.md): a generic push/pull protocol over the outbox, rules per kind
of record, an HTTP service on PostgreSQL (``server``) and the device side (``client``).

Neither side imports Qt; the UI drives the client from ``salesdesk.ui.sync``."""
