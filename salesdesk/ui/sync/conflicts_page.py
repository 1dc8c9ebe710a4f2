"""The conflict inbox: a supervisor goes through kept losers (two devices edited the same
field), attribution decisions, bookings that lost their signing slot (with free alternatives),
tamper alarms, duplicate customers (the same phone registered on two devices offline, which
a supervisor merges into the first registration) and units sold twice offline (refund or another
unit), and decides each one. A decision is an ordinary synced edit. Pulled rows this device
could not apply are listed too, with the reason, and can be retried."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from salesdesk.ui.context import UiContext
from salesdesk.ui.ops import OpChanges
from salesdesk.ui.pages.base import Page
from salesdesk.ui.sync.labels import conflict_kind_label
from salesdesk.ui.sync.sale_conflict_panel import SaleConflictPanel
from salesdesk.ui.table_model import Column, RecordTableModel
from salesdesk.ui.widgets import error_label, page_title


def _value(v: Any) -> str:
    if isinstance(v, str):
        return v
    return json.dumps(v, ensure_ascii=False)


class ConflictsPage(Page):
    areas = frozenset({"sync"})

    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx)
        layout = QVBoxLayout(self)
        layout.addWidget(page_title(self.tr("Sync conflicts")))
        hint = QLabel(self.tr("When two devices changed the same thing offline, the losing "
                              "value is kept here until a supervisor decides. Nothing is "
                              "dropped."))
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.model: RecordTableModel[Any] = RecordTableModel([
            Column(self.tr("Kind"), lambda c: conflict_kind_label(c.kind)),
            Column(self.tr("Record"), self._record),
            Column(self.tr("Field"), lambda c: c.field),
            Column(self.tr("Kept (lost) value"), lambda c: _value(c.kept_value)),
            Column(self.tr("Current value"), lambda c: _value(c.current_value)),
            Column(self.tr("Free alternatives"),
                   lambda c: "、".join(" ".join(str(v) for v in o.slot) for o in c.alternatives)),
            Column(self.tr("Details"), lambda c: c.summary),
        ])
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        layout.addWidget(self.table, 1)
        self.empty = QLabel(self.tr("No conflicts need attention."))
        self.empty.setObjectName("hint")
        layout.addWidget(self.empty)
        row = QHBoxLayout()
        self.keep = QPushButton(self.tr("Keep current value"))
        self.use_kept = QPushButton(self.tr("Use kept value"))
        self.alternative = QComboBox()
        self.rebook = QPushButton(self.tr("Move booking to this slot"))
        self.rebook.setObjectName("primary")
        self.cancel = QPushButton(self.tr("Cancel booking"))
        self.acknowledge = QPushButton(self.tr("Acknowledge"))
        self.merge = QPushButton(self.tr("Merge into the first registration"))
        self.merge.setObjectName("primary")
        self.merge.setToolTip(self.tr("Moves the later customer's visits, rounds, "
                                      "subscriptions, appointments, tasks and numbers to the "
                                      "customer registered first, and records it in the "
                                      "attribution history"))
        self.retry = QPushButton(self.tr("Try to apply again"))
        for w in (self.keep, self.use_kept, self.alternative, self.rebook, self.cancel,
                  self.merge, self.acknowledge, self.retry):
            row.addWidget(w)
        row.addStretch(1)
        layout.addLayout(row)
        self.error = error_label()
        layout.addWidget(self.error)
        # Sale conflicts (one unit sold twice offline) are decided by refund or another unit.
        self._sales: dict[str, Any] = {}
        self._units: list[Any] = []
        self.sale = SaleConflictPanel(ctx, self.report_error)
        self.sale.resolved.connect(self.refresh)
        layout.addWidget(self.sale)
        self.keep.clicked.connect(lambda: self._resolve("keep_current"))
        self.use_kept.clicked.connect(lambda: self._resolve("use_kept"))
        self.rebook.clicked.connect(lambda: self._resolve("rebook"))
        self.cancel.clicked.connect(lambda: self._resolve("cancel"))
        self.acknowledge.clicked.connect(lambda: self._resolve("acknowledge"))
        self.retry.clicked.connect(lambda: self._resolve("retry"))
        self.merge.clicked.connect(self._merge)
        self._selection_changed()

    def refresh(self) -> None:
        actor = self.ctx.require_actor()
        services = self.ctx.services

        def work() -> tuple[list[Any], dict[str, Any], list[Any]]:
            rows = services.sync.conflicts(actor)
            sales = {v.conflict_id: v for v in services.sale_conflicts.conflicts(actor)}
            units: list[Any] = []
            if sales:  # the move-to picker shows the units a deposit may be taken on now
                movable = {u.id for u in services.sale_conflicts.units_for_move(actor)}
                units = [u for u in services.projects.units(actor) if u.id in movable]
            return rows, sales, units

        self.ctx.runner.run(work, self._loaded, lambda exc: self.report_error(exc, self.error))

    def _loaded(self, result: tuple[list[Any], dict[str, Any], list[Any]]) -> None:
        rows, self._sales, self._units = result
        self._show(rows)

    def _record(self, c: Any) -> str:
        sale = self._sales.get(c.id)
        return sale.summary if sale is not None else f"{c.entity} {c.row_id[:8]}"

    def _show(self, rows: list[Any]) -> None:
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        self.empty.setVisible(not rows)
        if rows:
            self.table.selectRow(0)
        self._selection_changed()

    def _current(self) -> Any:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def _selection_changed(self, *args: Any) -> None:
        c = self._current()
        kind = c.kind if c is not None else ""
        self.keep.setVisible(kind == "field")
        self.use_kept.setVisible(kind == "field")
        for w in (self.alternative, self.rebook, self.cancel):
            w.setVisible(kind == "slot")
        # A duplicate may also be acknowledged: two people who really share one number.
        self.acknowledge.setVisible(kind in ("attribution", "tamper", "duplicate_customer",
                                             "rejected"))
        self.merge.setVisible(kind == "duplicate_customer")
        self.retry.setVisible(kind == "setaside")
        self.sale.show_conflict(self._sales.get(c.id) if c is not None and kind == "subscription"
                                else None, self._units)
        self.alternative.clear()
        if c is not None and kind == "slot":
            for option in c.alternatives:
                self.alternative.addItem(
                    self.tr("%1 (%2 free)").replace("%1", " ".join(str(v) for v in option.slot))
                    .replace("%2", str(option.free)), option.slot)
        self.rebook.setEnabled(self.alternative.count() > 0)

    def _resolve(self, choice: str) -> None:
        c = self._current()
        if c is None:
            return
        actor = self.ctx.require_actor()
        slot = self.alternative.currentData() if choice == "rebook" else None
        self.error.setVisible(False)

        def work() -> None:
            self.ctx.services.sync.resolve(actor, c.id, choice,
                                           tuple(slot) if slot is not None else None)

        def failed(exc: BaseException) -> None:
            self.report_error(exc, self.error)
            if choice == "retry":
                self.refresh()  # a retry still refused: the list shows the try it took

        self.ctx.run_op(work, OpChanges(sync=True), lambda _r: self.refresh(), failed,
                        origin=self)

    def _merge(self) -> None:
        c = self._current()
        if c is None or c.kind != "duplicate_customer":
            return
        actor = self.ctx.require_actor()
        self.error.setVisible(False)
        self.ctx.run_op(
            lambda: self.ctx.services.customer_merge.merge_conflict(actor, c.id),
            OpChanges(sync=True, customers=True), lambda _r: self.refresh(),
            lambda exc: self.report_error(exc, self.error), origin=self)
