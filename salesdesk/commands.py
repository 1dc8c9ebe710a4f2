"""Imports each capability's command-line module, which appends to cli.EXTRA_COMMANDS."""

from salesdesk import cli_care, cli_signing  # noqa: F401
