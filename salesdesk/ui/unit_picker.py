"""The unit picker every page shares (issue 14 §2): type part of a unit number, a building or a
layout and pick from what matches ("1203" offers 1-1203 and 2-1203), or open the sales-control
grid (销控表) and tap the cell. Never a 202-item drop-down.

The picker only ever holds a real unit: text that names no unit, or several, is refused with a
message under the field and the earlier choice stays. The chosen unit's sale status sits beside
it, coloured as on the grid, so "已认购" is seen before going on."""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from salesdesk.services.project import UnitInfo
from salesdesk.ui.forms.ui_unit_grid_dialog import Ui_UnitGridDialog
from salesdesk.ui.unit_grid import COLOURS, status_key, status_labels
from salesdesk.ui.widgets import error_label

SEPARATOR = " · "


def normalise(text: str) -> str:
    """Full-width digits and dashes (a Chinese input method's) count as their ASCII twins."""
    return unicodedata.normalize("NFKC", text).strip().upper().replace(" ", "")


def entry_text(unit: UnitInfo, labels: dict[str, str] | None = None) -> str:
    """One line of the completion list: what may be searched, with the status to see.
    ``labels`` (status_labels()) once for a whole list: translating them again for each of a
    project's units cost the GUI thread a thousand Qt calls."""
    status = (labels or status_labels())[status_key(unit)]
    return SEPARATOR.join((unit.number, unit.building_name, unit.layout, status))


def matches(units: list[UnitInfo], text: str) -> list[UnitInfo]:
    """The units the text names: an exact number (or a whole completion line) first; else every
    unit whose number ends with it ("1203"); else every unit whose number, building or layout
    contains it."""
    wanted = normalise(text.split(SEPARATOR, 1)[0])
    if not wanted:
        return []
    exact = [u for u in units if normalise(u.number) == wanted]
    if exact:
        return exact
    tail = [u for u in units if normalise(u.number).endswith(wanted)]
    if tail:
        return tail
    return [u for u in units
            if wanted in normalise(u.number + u.building_name + u.layout)]


class UnitGridDialog(QDialog):
    """The sales-control grid in a dialog: a tap on a cell picks that unit and closes."""

    def __init__(self, units: list[UnitInfo], current: UnitInfo | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # The layout is forms/unit_grid_dialog.ui; what it does is here.
        self.ui = ui = Ui_UnitGridDialog()
        ui.setupUi(self)
        self.setObjectName("unitGridDialog")
        ui.hintLabel.setObjectName("hint")  # the stylesheet's class for help lines
        self.picked: str | None = None
        self.grid = ui.unitGrid
        self.grid.set_units(units)
        if current is not None:  # open on the unit already chosen, in its building
            self.grid.building.setCurrentIndex(
                max(0, self.grid.building.findText(current.building_name)))
            cell = self.grid.cell(current.id)
            if cell is not None:
                self.grid.table.setCurrentItem(cell)
                self.grid.table.scrollToItem(cell)
        self.grid.unit_picked.connect(self._picked)
        # From the keyboard too: arrows to the cell, Enter.
        self.grid.table.itemActivated.connect(
            lambda item: self._picked(str(item.data(Qt.ItemDataRole.UserRole))))
        cancel = ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel"))
        cancel.setAutoDefault(False)  # Enter on a cell picks it; Esc cancels
        ui.buttonBox.rejected.connect(self.reject)

    def _picked(self, unit_id: str) -> None:
        if self.picked is None:  # a click and the activation it also makes pick once
            self.picked = unit_id
            self.accept()


class UnitPicker(QWidget):
    """Emits ``unit_changed`` with the chosen unit's id (None once the field is emptied)."""

    unit_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._units: list[UnitInfo] = []
        self._by_id: dict[str, UnitInfo] = {}
        self._unit: UnitInfo | None = None
        self._pending: str | None = None  # chosen before the units arrived
        self.grid_dialog: UnitGridDialog | None = None
        self.edit = QLineEdit()
        self.edit.setObjectName("unitEdit")
        self.edit.setPlaceholderText(self.tr("Unit number, building or layout"))
        self.edit.setClearButtonEnabled(True)
        self.edit.setMinimumWidth(150)
        self._model = QStringListModel(self)
        self.completer = QCompleter(self._model, self)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setMaxVisibleItems(12)
        # Driven by hand, not QLineEdit.setCompleter: that would write the whole completion
        # line (building, layout, status) into the field; a pick keeps just the number.
        self.completer.setWidget(self.edit)
        self.completer.activated.connect(self._completed)
        self.edit.textEdited.connect(self._typed)
        self.edit.returnPressed.connect(self.resolve)
        self.edit.editingFinished.connect(self._finished)
        self.status = QLabel()
        self.status.setObjectName("unitStatus")
        self.status.setVisible(False)
        self.grid_button = QPushButton(self.tr("Grid…"))
        self.grid_button.setObjectName("unitGridButton")
        self.grid_button.setToolTip(self.tr("Pick the unit on the sales-control grid"))
        self.grid_button.setAutoDefault(False)
        self.grid_button.clicked.connect(self.open_grid)
        self.error = error_label()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.status)
        row.addWidget(self.grid_button)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(2)
        outer.addLayout(row)
        outer.addWidget(self.error)
        self.setFocusProxy(self.edit)

    # ---- what the host reads -------------------------------------------------------------

    @property
    def unit_id(self) -> str | None:
        return self._unit.id if self._unit is not None else None

    @property
    def unit(self) -> UnitInfo | None:
        return self._unit

    @property
    def units(self) -> list[UnitInfo]:
        return list(self._units)

    def count(self) -> int:
        """How many units there are to pick from (0 until they are loaded)."""
        return len(self._units)

    def text(self) -> str:
        return self.edit.text()

    # ---- what the host sets --------------------------------------------------------------

    def set_units(self, units: list[UnitInfo]) -> None:
        """The units to pick from; the choice stays when its unit is still there (with its
        status as it is now)."""
        self._units = list(units)
        self._by_id = {u.id: u for u in units}
        labels = status_labels()
        self._model.setStringList([entry_text(u, labels) for u in units])
        kept = self._by_id.get(self._unit.id) if self._unit is not None else None
        pending, self._pending = self._pending, None
        if pending in self._by_id:
            self._set(self._by_id[pending])
        else:
            self._set(kept, emit=self._unit is not None and kept is None)

    def select(self, unit_id: str | None) -> bool:
        """Choose a unit by id (a carried-over unit, a grid cell); False when it is unknown.
        Before the units are loaded, the choice waits for them."""
        if unit_id and not self._units:
            self._pending = unit_id
            return True
        self._pending = None
        unit = self._by_id.get(unit_id) if unit_id else None
        if unit_id and unit is None:
            return False
        self._set(unit)
        return True

    def clear(self) -> None:
        self._set(None)

    # ---- picking -------------------------------------------------------------------------

    def resolve(self) -> bool:
        """Turn what was typed into the unit. Empty text means no unit. Text that names no
        unit or several is refused: the message shows under the field and the choice stays."""
        text = self.edit.text()
        if self._unit is not None and text == self._unit.number:
            self.error.setVisible(False)
            return True
        if not normalise(text):
            self._set(None)
            return True
        found = matches(self._units, text)
        if len(found) == 1:
            self._set(found[0])
            return True
        if not found:
            message = self.tr("No unit matches “%1”.").replace("%1", text.strip())
        else:
            shown = "、".join(u.number for u in found[:6]) + ("…" if len(found) > 6 else "")
            message = self.tr("“%1” matches %2 units (%3): pick one from the list.").replace(
                "%1", text.strip()).replace("%2", str(len(found))).replace("%3", shown)
        if self._unit is not None:
            message = self.tr("%1 The unit stays %2.").replace("%2", self._unit.number) \
                .replace("%1", message)
        self.error.setText(message)
        self.error.setVisible(True)
        return False

    def open_grid(self) -> None:
        dialog = UnitGridDialog(self._units, self._unit, self)
        dialog.finished.connect(lambda _r: self._grid_closed(dialog))
        self.grid_dialog = dialog
        dialog.open()

    def _grid_closed(self, dialog: UnitGridDialog) -> None:
        if dialog.picked:
            self.select(dialog.picked)
        self.grid_dialog = None
        dialog.deleteLater()

    def _finished(self) -> None:
        popup = self.completer.popup()
        if popup is None or not popup.isVisible():  # not while a choice is being made
            self.resolve()

    def _typed(self, text: str) -> None:
        self.error.setVisible(False)  # being put right
        if normalise(text):
            self.completer.setCompletionPrefix(text.strip())
            self.completer.complete()
        elif (popup := self.completer.popup()) is not None:
            popup.hide()

    def _completed(self, line: str) -> None:
        self.edit.setText(line.split(SEPARATOR, 1)[0])
        self.resolve()

    def _set(self, unit: UnitInfo | None, *, emit: bool | None = None) -> None:
        """Show the unit (or none); tell the host when the choice changed (or ``emit`` says)."""
        changed = (unit.id if unit else None) != self.unit_id
        if emit is not None:
            changed = emit
        self._unit = unit
        self.error.setVisible(False)
        self.edit.setText(unit.number if unit is not None else "")
        if unit is None:
            self.status.setVisible(False)
        else:
            key = status_key(unit)
            self.status.setText(status_labels()[key])
            self.status.setStyleSheet(f"background: {COLOURS[key]}; color: #102a43; "
                                      "padding: 2px 8px; border-radius: 8px;")
            self.status.setToolTip(f"{unit.layout} · {unit.build_area:.2f} m²")
            self.status.setVisible(True)
        if changed:
            self.unit_changed.emit(self.unit_id)
