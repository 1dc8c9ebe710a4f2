"""Printable documents built with reportlab from plain data (no database, no Qt)."""
