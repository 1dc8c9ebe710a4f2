"""Sync in the window: the top-bar status, the background driver, the conflict inbox page."""
