"""Sync with head office (client and server)."""
