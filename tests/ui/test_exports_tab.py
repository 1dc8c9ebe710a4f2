"""The audit page's Exports tab lists every file with customer data that left the application:
who, what, format and how many customers, in Chinese."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabWidget

from salesdesk.domain.roles import Actor
from salesdesk.services.container import Services
from salesdesk.ui.context import UiContext
from salesdesk.ui.events import AppEvents
from salesdesk.ui.pages import page_spec
from salesdesk.ui.privacy.exports_tab import ExportsTab
from salesdesk.ui.tasks import TaskRunner


def test_exports_tab_lists_the_export_log(qtbot, demo: Services, supervisor: Actor,  # type: ignore[no-untyped-def]
                                          consultant: Actor, tmp_path: Path) -> None:
    c = demo.customers.register(consultant, phone="13911112222", name="欧阳娜娜", consent=True)
    demo.customer_rights.export(consultant, c.id, tmp_path / "c.json")
    demo.satisfaction.export_pdf(supervisor, tmp_path / "s.pdf")

    ctx = UiContext(demo, TaskRunner(), AppEvents(), actor=supervisor)
    page = page_spec("audit").factory(ctx)
    qtbot.addWidget(page)
    tabs = page.findChild(QTabWidget, "auditTabs")
    assert tabs is not None
    titles = [tabs.tabText(i) for i in range(tabs.count())]
    assert "导出记录" in titles
    tab = tabs.widget(titles.index("导出记录"))
    assert isinstance(tab, ExportsTab)
    page.show()
    tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2, timeout=10000)

    def cell(row: int, col: int) -> str:
        return str(tab.model.data(tab.model.index(row, col), Qt.ItemDataRole.DisplayRole))

    rows = {cell(r, 2): (cell(r, 1), cell(r, 3), cell(r, 4)) for r in range(2)}
    assert rows["单个客户的全部资料（应客户要求）"] == ("李娜", "JSON+PDF", "1")
    assert rows["满意度报告"][0] == "陈国栋" and rows["满意度报告"][1] == "PDF"
    assert "13911112222" not in "".join(cell(r, k) for r in range(2) for k in range(5))
