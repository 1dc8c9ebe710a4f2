"""Imports each capability's command-line module, which appends to cli.EXTRA_COMMANDS."""

from salesdesk import (
    cli_appointments,  # noqa: F401
    cli_care,  # noqa: F401
    cli_customer,  # noqa: F401
    cli_disclosure,  # noqa: F401
    cli_signing,  # noqa: F401
    cli_sync,  # noqa: F401
)
