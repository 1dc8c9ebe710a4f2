"""Imports each capability's command-line module, which appends to cli.EXTRA_COMMANDS."""

from salesdesk import cli_care  # noqa: F401
