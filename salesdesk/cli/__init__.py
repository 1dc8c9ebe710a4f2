"""``python -m salesdesk [--data-dir DIR] COMMAND``: the command line for admins and checks.

One module per capability, each listing its commands; ``cli/main.py`` names every module once,
so importing any of them registers nothing."""

from __future__ import annotations

from salesdesk.cli.main import build_parser, main

__all__ = ["build_parser", "main"]
