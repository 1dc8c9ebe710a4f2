"""The signing centre's day board: desks across, slots down; each cell free / booked / arrived,
with who staffs the desk in that slot."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from salesdesk.services.appointments import AppointmentInfo, BoardCell, DayBoard
from salesdesk.ui.appointments.labels import STATE_COLOURS, desk_name, status_label


class SigningBoard(QWidget):
    """Shows a DayBoard. ``free_clicked`` carries a free slot's start; ``picked`` an
    appointment (for the page's actions)."""

    free_clicked = Signal(object)
    picked = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel()
        self.summary.setObjectName("hint")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = QTableWidget()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(64)
        self.table.setWordWrap(True)
        self.table.cellClicked.connect(self._clicked)
        self.table.cellDoubleClicked.connect(self._double_clicked)
        layout.addWidget(self.table, 1)
        self.roster = QLabel()
        self.roster.setObjectName("hint")
        self.roster.setWordWrap(True)
        layout.addWidget(self.roster)
        self.board: DayBoard | None = None

    def show_board(self, board: DayBoard) -> None:
        self.board = board
        plan = board.plan
        if not plan.open:
            note = f" · {plan.note}" if plan.note else ""
            self.summary.setText(self.tr("The signing centre is closed on %1").replace(
                "%1", f"{plan.day:%Y-%m-%d}") + note)
        else:
            booked = sum(1 for r in board.rows for c in r.cells if c.appointment)
            total = sum(len(r.cells) for r in board.rows)
            text = self.tr("%1 · open %2–%3 · %4-minute slots · %5 desks · %6 of %7 booked")
            for key, value in (("%1", board.place), ("%2", f"{plan.opens:%H:%M}"),
                               ("%3", f"{plan.closes:%H:%M}"), ("%4", str(plan.slot_minutes)),
                               ("%5", str(plan.desks)), ("%6", str(booked)),
                               ("%7", str(total))):
                text = text.replace(key, value)
            self.summary.setText(text + (f" · {plan.note}" if plan.note else ""))
        desks = len(board.rows[0].cells) if board.rows else 0
        self.table.clear()
        self.table.setRowCount(len(board.rows))
        self.table.setColumnCount(desks)
        self.table.setHorizontalHeaderLabels([desk_name(n) for n in range(1, desks + 1)])
        self.table.setVerticalHeaderLabels([r.slot.label for r in board.rows])
        bold = QFont()
        bold.setBold(True)
        for r, row in enumerate(board.rows):
            for c, cell in enumerate(row.cells):
                item = QTableWidgetItem(self._cell_text(cell))
                bg, fg = STATE_COLOURS.get(cell.state, ("#ffffff", "#243b53"))
                if cell.appointment is None and not cell.staff_name:
                    bg, fg = "#f8fafc", "#9fb3c8"
                item.setBackground(QBrush(QColor(bg)))
                item.setForeground(QBrush(QColor(fg)))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if cell.appointment is not None:
                    item.setFont(bold)
                item.setData(Qt.ItemDataRole.UserRole, cell)
                item.setToolTip(self._tooltip(cell))
                self.table.setItem(r, c, item)
        lines = [f"{desk_name(e.desk_no)}: {e.staff_name} {e.from_time}–{e.to_time}"
                 for e in board.roster]
        self.roster.setText(self.tr("Desk roster: ") + ("；".join(lines) if lines
                                                          else self.tr("nobody rostered")))

    def _cell_text(self, cell: BoardCell) -> str:
        staff = cell.staff_name or self.tr("no staff")
        a = cell.appointment
        if a is None:
            if not cell.staff_name:
                return f"{status_label('free')}\n{staff}"
            return f"{status_label('free')}\n{self.tr('Desk staff: %1').replace('%1', staff)}"
        # The board can be on a screen customers see: surname and title at most, never what
        # reception typed (it may be a full name or a phone number).
        who = a.public_salutation or self.tr("Customer")
        extra = f" · {a.unit_number}" if a.unit_number else ""
        consultant = self.tr("Consultant: %1").replace("%1", a.consultant_name or "—")
        desk = self.tr("Desk staff: %1").replace("%1", staff)
        return f"{who}{extra} · {status_label(a.status)}\n{consultant}\n{desk}"

    def _tooltip(self, cell: BoardCell) -> str:
        a = cell.appointment
        staff = cell.staff_name or self.tr("no staff rostered")
        if a is None:
            return self.tr("Free — double-click to book. Desk staff: %1").replace("%1", staff)
        consultant_text = self.tr("Consultant: %1").replace("%1", a.consultant_name)
        staff_text = self.tr("Desk staff: %1").replace("%1", staff)
        # Staff-only (a tooltip, not the cell a customer may see): resolve before signing.
        escalations = "".join(f"\n⚠ {line}" for line in a.open_escalations)
        return (f"{a.public_salutation} {a.customer_phone_masked}\n{consultant_text}\n"
                f"{staff_text}\n{status_label(a.status)}{escalations}")

    def _cell(self, row: int, col: int) -> BoardCell | None:
        item = self.table.item(row, col)
        value = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return value if isinstance(value, BoardCell) else None

    def _clicked(self, row: int, col: int) -> None:
        cell = self._cell(row, col)
        self.picked.emit(cell.appointment if cell else None)

    def _double_clicked(self, row: int, col: int) -> None:
        cell = self._cell(row, col)
        if cell is not None and cell.appointment is None and self.board is not None:
            self.free_clicked.emit(self.board.rows[row].slot.starts_at)

    def selected(self) -> AppointmentInfo | None:
        items = self.table.selectedItems()
        if not items:
            return None
        value = items[0].data(Qt.ItemDataRole.UserRole)
        return value.appointment if isinstance(value, BoardCell) else None

