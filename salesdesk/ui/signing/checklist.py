"""The checklist grouped by stage, one tick box per material; "only missing" for signing day."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from salesdesk.domain.local_time import PROJECT_TZ
from salesdesk.domain.rule_pack import Stage
from salesdesk.services.signing import ChecklistView

ITEM_ROLE = Qt.ItemDataRole.UserRole


class ChecklistTree(QTreeWidget):
    """Emits ``ticked(item_id, received)`` when the consultant ticks or unticks a material."""

    ticked = Signal(str, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checklistTree")
        self.setColumnCount(4)
        self.setHeaderLabels([self.tr("Material"), self.tr("Original / copies"), self.tr("Note"),
                              self.tr("Received")])
        header = self.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.setWordWrap(True)
        self.setUniformRowHeights(False)
        self.setAlternatingRowColors(True)
        # Roomier rows: the consultant ticks these with a finger on a touch laptop too.
        self.setStyleSheet("QTreeWidget::item { padding: 5px 2px; }")
        self.only_missing = False
        self._view: ChecklistView | None = None
        self._filling = False
        self.itemChanged.connect(self._changed)

    def stage_title(self, stage: Stage) -> str:
        return {Stage.SUBSCRIPTION: self.tr("Subscription stage"),
                Stage.SIGNING: self.tr("Signing stage"),
                Stage.MORTGAGE: self.tr("Mortgage stage")}[stage]

    def show_checklist(self, view: ChecklistView | None) -> None:
        self._view = view
        self._filling = True
        try:
            self.clear()
            if view is None:
                return
            bold = QFont()
            bold.setBold(True)
            grey = QBrush(QColor("#627d98"))
            # Each group is built whole, then all go into the tree at once: an item added to
            # a tree already there made the view lay itself out again, item by item.
            groups: list[QTreeWidgetItem] = []
            for stage, items in view.by_stage():
                shown = [i for i in items if not (self.only_missing and i.received)]
                if not shown:
                    continue
                done = sum(1 for i in items if i.received)
                group = QTreeWidgetItem([f"{self.stage_title(stage)}  {done}/{len(items)}"])
                group.setFont(0, bold)
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                rows: list[QTreeWidgetItem] = []
                for i in shown:
                    when = ""
                    if i.received_at is not None:
                        when = f"{i.received_at.astimezone(PROJECT_TZ):%m-%d %H:%M} {i.received_by}"
                    row = QTreeWidgetItem([i.name, i.form, i.note, when])
                    row.setData(0, ITEM_ROLE, i.id)
                    row.setToolTip(2, i.note)
                    row.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
                                 | Qt.ItemFlag.ItemIsSelectable)
                    row.setCheckState(0, Qt.CheckState.Checked if i.received
                                      else Qt.CheckState.Unchecked)
                    if i.received:
                        row.setForeground(0, grey)
                    rows.append(row)
                group.addChildren(rows)
                groups.append(group)
            self.addTopLevelItems(groups)
            for group in groups:
                group.setExpanded(True)
        finally:
            self._filling = False

    def set_only_missing(self, only: bool) -> None:
        self.only_missing = only
        self.show_checklist(self._view)

    def _changed(self, item: QTreeWidgetItem, column: int) -> None:
        if self._filling or column != 0:
            return
        item_id = item.data(0, ITEM_ROLE)
        if item_id:
            self.ticked.emit(str(item_id), item.checkState(0) == Qt.CheckState.Checked)
