"""Sync in the window: the top-bar status, the background driver, the conflict inbox page."""

from typing import Any

from PySide6.QtCore import QCoreApplication

# The navigation title of the conflict inbox (the page registry looks it up at run time).
QCoreApplication.translate("Pages", "Conflicts")


def attach(workspace: Any, ctx: Any) -> Any:
    """Put the sync status into a workspace's top bar (``status_slot``) and start the
    background driver; the conflicts button opens the conflict inbox. Returns the driver."""
    from salesdesk.ui.sync.driver import SyncDriver
    from salesdesk.ui.sync.status import SyncStatusWidget

    driver = SyncDriver(ctx, parent=workspace)
    widget = SyncStatusWidget(ctx, driver)
    workspace.status_slot.addWidget(widget)
    if hasattr(workspace, "show_page") and any(
            getattr(spec, "name", "") == "conflicts" for spec in getattr(workspace, "specs", [])):
        widget.conflicts_requested.connect(lambda: workspace.show_page("conflicts"))
    driver.start()
    return driver
