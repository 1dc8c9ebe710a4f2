"""The record table model answers the roles a view asks of its cells (text, right alignment,
colour, the record itself) and nothing else."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush
from pytestqt.qtbot import QtBot

from salesdesk.ui.table_model import Column, RecordTableModel

R = Qt.ItemDataRole


def test_cells_answer_text_alignment_colour_and_record(qtbot: QtBot) -> None:
    model: RecordTableModel[dict[str, object]] = RecordTableModel([
        Column("Name", lambda r: r["name"], colour=lambda r: "#b42318" if r["late"] else None),
        Column("Price", lambda r: r["price"], align_right=True),
    ])
    rows: list[dict[str, object]] = [{"name": "王先生", "price": 120, "late": True},
                                     {"name": None, "price": None, "late": False}]
    model.set_rows(rows)
    name, price = model.index(0, 0), model.index(0, 1)
    assert (model.data(name), model.data(price)) == ("王先生", "120")
    assert model.data(model.index(1, 0)) == ""  # no value: an empty cell, not "None"
    right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    assert model.data(price, R.TextAlignmentRole) == int(right.value)
    assert model.data(name, R.TextAlignmentRole) is None
    brush = model.data(name, R.ForegroundRole)
    assert isinstance(brush, QBrush) and brush.color().name() == "#b42318"
    assert model.data(model.index(1, 0), R.ForegroundRole) is None  # its colour says none
    assert model.data(price, R.ForegroundRole) is None  # a column without colours
    assert model.data(price, R.UserRole) is rows[0]
    for role in (R.FontRole, R.DecorationRole, R.ToolTipRole, R.SizeHintRole, R.EditRole):
        assert model.data(name, role) is None
    assert model.data(QModelIndex()) is None
    assert model.data(QModelIndex(), R.UserRole) is None
    # As a view calls it: the role as a plain number.
    assert model.data(price, int(R.DisplayRole.value)) == "120"
    assert model.data(price, int(R.TextAlignmentRole.value)) == int(right.value)
