"""Telling a consultant at once that the rotation called them: a banner that stays until
acknowledged, a sound, and their window brought forward.

The sound is injectable: this PySide6 build ships no QtMultimedia, so the default is the
system beep, and offscreen tests pass a recorder instead of needing audio hardware."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from salesdesk.services.reception import QueueEntry


class Sound(Protocol):
    def play(self) -> None: ...


class Beep:
    """The platform's alert sound (QApplication.beep)."""

    def play(self) -> None:
        QApplication.beep()


def bring_forward(widget: QWidget) -> None:
    """Un-minimise and raise the window holding ``widget``; where the window manager refuses
    focus stealing, ``alert`` still flashes it in the task bar. Headless platforms have no
    windows to raise (and warn if asked)."""
    if QGuiApplication.platformName() in ("offscreen", "minimal"):
        return
    w = widget.window()
    if w.isMinimized():
        w.setWindowState(w.windowState() & ~Qt.WindowState.WindowMinimized)
    w.raise_()
    w.activateWindow()
    QApplication.alert(w)


class CallBanner(QFrame):
    """Shown for newly called parties; only the consultant's "Got it" hides it, so a call is
    not missed by someone who looked away while the screen refreshed."""

    acknowledged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("callBanner")
        self.setStyleSheet("QFrame#callBanner { background: #fff3cd; border: 2px solid #e0a800;"
                           " border-radius: 6px; } QFrame#callBanner QLabel {"
                           " font-size: 16px; font-weight: 600; color: #5c4400; }")
        lay = QHBoxLayout(self)
        self.text = QLabel()
        self.text.setWordWrap(True)
        lay.addWidget(self.text, 1)
        self.ack_button = QPushButton(self.tr("Got it"))
        self.ack_button.setObjectName("primary")
        self.ack_button.clicked.connect(self.acknowledge)
        lay.addWidget(self.ack_button)
        self.parties: list[QueueEntry] = []
        self.setVisible(False)

    def announce(self, parties: list[QueueEntry]) -> None:
        self.parties = parties
        names = "、".join(f"{p.ticket} {p.display_name}".strip() for p in parties)
        self.text.setText(self.tr("You are called: %1 · please go to reception").replace(
            "%1", names))
        self.setVisible(True)

    def acknowledge(self) -> None:
        self.parties = []
        self.setVisible(False)
        self.acknowledged.emit()


class CallWatcher:
    """Decides which called parties are new to this consultant: each visit is announced once
    (a recall by the consultant or a refresh does not sound again)."""

    def __init__(self) -> None:
        self.announced: set[str] = set()

    def new_calls(self, parties: tuple[QueueEntry, ...]) -> list[QueueEntry]:
        fresh = [p for p in parties if p.status == "called" and p.visit_id not in self.announced]
        self.announced |= {p.visit_id for p in fresh}
        return fresh
