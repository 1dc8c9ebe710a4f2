"""Widgets, pages, dialogs. Calls services only; never the store, never SQL."""
