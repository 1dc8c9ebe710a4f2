"""The sales-control grid (销控表): building × floor × unit, each cell coloured by its sale
status, so staff pick a unit from the building's picture instead of a long drop-down. A click
on a cell emits ``unit_picked`` with the unit's id."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidgetItem,
    QWidget,
)

from salesdesk.domain.project import UnitStatus
from salesdesk.services.project import UnitInfo
from salesdesk.ui.forms.ui_unit_grid import Ui_UnitGrid
from salesdesk.ui.widgets import money

OUTSIDE_PERMIT = "outside_permit"  # sellable False: outside every presale permit

# Fill colours, light enough for the unit number to stay readable on each.
COLOURS: dict[str, str] = {
    UnitStatus.AVAILABLE.value: "#d1fadf",
    UnitStatus.RESERVED.value: "#fef0c7",
    UnitStatus.SUBSCRIBED.value: "#d1e9ff",
    UnitStatus.SIGNED.value: "#b2ccff",
    UnitStatus.WITHHELD.value: "#e4e7ec",
    OUTSIDE_PERMIT: "#fee4e2",
}


def status_key(unit: UnitInfo) -> str:
    return unit.status.value if unit.sellable else OUTSIDE_PERMIT


def status_labels() -> dict[str, str]:
    return {
        UnitStatus.AVAILABLE.value: QCoreApplication.translate("UnitGrid", "For sale"),
        UnitStatus.RESERVED.value: QCoreApplication.translate("UnitGrid", "Reserved"),
        UnitStatus.SUBSCRIBED.value: QCoreApplication.translate("UnitGrid", "Subscribed"),
        UnitStatus.SIGNED.value: QCoreApplication.translate("UnitGrid", "Signed"),
        UnitStatus.WITHHELD.value: QCoreApplication.translate("UnitGrid", "Withheld"),
        OUTSIDE_PERMIT: QCoreApplication.translate("UnitGrid",
                                                   "Not for sale (no presale permit)"),
    }


def position(unit: UnitInfo) -> str:
    """The unit's place on its floor: "1-1502" on floor 15 is "02"."""
    suffix = unit.number.rsplit("-", 1)[-1]
    floor = str(unit.floor)
    return suffix[len(floor):] if suffix.startswith(floor) and len(suffix) > len(floor) \
        else suffix


class UnitGrid(QWidget):
    unit_picked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._units: list[UnitInfo] = []
        self._cells: dict[str, QTableWidgetItem] = {}
        # The layout is forms/unit_grid.ui; what it does is here.
        self.ui = ui = Ui_UnitGrid()
        ui.setupUi(self)
        self.building = ui.buildingCombo
        self.building.currentIndexChanged.connect(self._draw)
        labels = status_labels()
        for key, colour in COLOURS.items():
            chip = QLabel(labels[key])
            chip.setStyleSheet(f"background: {colour}; padding: 2px 8px; border-radius: 4px;")
            ui.legend.addWidget(chip)
        self.table = ui.unitTable
        self.table.setObjectName("unitGrid")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(30)
        self.table.cellClicked.connect(self._clicked)

    def set_units(self, units: list[UnitInfo]) -> None:
        current = self.building.currentText()
        self._units = units
        names = sorted({u.building_name for u in units})
        self.building.blockSignals(True)
        self.building.clear()
        self.building.addItems(names)
        self.building.setCurrentIndex(max(0, self.building.findText(current)))
        self.building.blockSignals(False)
        self._draw()

    def cell(self, unit_id: str) -> QTableWidgetItem | None:
        return self._cells.get(unit_id)

    def _draw(self) -> None:
        name = self.building.currentText()
        units = [u for u in self._units if u.building_name == name]
        floors = sorted({u.floor for u in units}, reverse=True)  # the top floor at the top
        places = sorted({position(u) for u in units})
        self.table.clear()
        self._cells = {}
        self.table.setRowCount(len(floors))
        self.table.setColumnCount(len(places))
        self.table.setVerticalHeaderLabels([f"{f}F" for f in floors])
        self.table.setHorizontalHeaderLabels(places)
        labels = status_labels()
        for u in units:
            key = status_key(u)
            item = QTableWidgetItem(u.number)
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            item.setBackground(QBrush(QColor(COLOURS[key])))
            item.setData(Qt.ItemDataRole.UserRole, u.id)
            item.setToolTip(f"{u.number} · {labels[key]}\n{u.layout} · {u.build_area:.2f} m²"
                            f" · {money(u.total_price)}")
            self.table.setItem(floors.index(u.floor), places.index(position(u)), item)
            self._cells[u.id] = item

    def _clicked(self, row: int, column: int) -> None:
        item = self.table.item(row, column)
        if item is not None:
            self.unit_picked.emit(str(item.data(Qt.ItemDataRole.UserRole)))
