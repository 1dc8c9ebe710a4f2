"""One way for every page that makes a PDF to put it on paper: the system print dialog first
(QPrintDialog), "Save as PDF…" as the other choice.

This PySide6 has no QtPdf (no QPdfDocument to rasterise our PDF onto a QPrinter), so printing
goes one way for every page (signing's too): the dialog picks the destination, "print to file" copies
the very same PDF, a printer gets it through the system's ``lp``; without ``lp`` the user is
told where the PDF is, and nothing pretends to have printed. Both dialogs are attributes a test
replaces, so an offscreen test never blocks on a modal dialog."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QFileDialog, QMenu, QSizePolicy, QToolButton, QWidget

from salesdesk.ui.context import UiContext


@dataclass(frozen=True)
class PrintOutcome:
    ok: bool
    destination: str  # file path or printer name
    detail: str = ""


def lp_command() -> str | None:
    return shutil.which("lp")


def send_to_printer(pdf: Path, printer_name: str, copies: int = 1) -> PrintOutcome:
    """Hand one PDF to the system spooler (runs in a worker thread: it may block briefly)."""
    lp = lp_command()
    if lp is None:
        return PrintOutcome(False, printer_name, "no lp")
    cmd = [lp, "-n", str(max(1, copies))]
    if printer_name:
        cmd += ["-d", printer_name]
    proc = subprocess.run([*cmd, str(pdf)], capture_output=True, text=True, timeout=60,
                          check=False)
    return PrintOutcome(proc.returncode == 0, printer_name, (proc.stderr or proc.stdout).strip())


def deliver(pdf: Path, printer: QPrinter) -> PrintOutcome:
    """Where the print dialog pointed: a PDF file (copy it) or a printer (spool it)."""
    target = printer.outputFileName()
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and target:
        if Path(target).resolve() != pdf.resolve():
            shutil.copyfile(pdf, target)
        return PrintOutcome(True, target)
    return send_to_printer(pdf, printer.printerName(), printer.copyCount())


MakePdf = Callable[[Path], Path]


def spool_path() -> Path:
    """Where a PDF for the printer is made: a fresh private folder (mkdtemp is 0700), kept so
    that without ``lp`` the user can still open the file."""
    return Path(tempfile.mkdtemp(prefix="salesdesk-print-")) / "document.pdf"

Say = Callable[[str, bool], None]  # (message, is_error)


class PdfOutput:
    """Generates a PDF off the GUI thread, then prints it or saves it where the user says."""

    def __init__(self, ctx: UiContext, parent: QWidget, say: Say) -> None:
        self.ctx = ctx
        self.parent = parent
        self.say = say
        self.last_pdf: Path | None = None
        self.last_outcome: PrintOutcome | None = None
        self.busy = False

    # ---- the two dialogs (tests replace these) ---------------------------------------------

    def exec_print_dialog(self, printer: QPrinter) -> bool:
        dialog = QPrintDialog(printer, self.parent)
        return bool(dialog.exec() == QPrintDialog.DialogCode.Accepted)

    def ask_save_path(self, suggested: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(
            self.parent, QCoreApplication.translate("Printing", "Save as PDF"),
            str(Path.home() / suggested),
            QCoreApplication.translate("Printing", "PDF files (*.pdf)"))
        return Path(path) if path else None

    # ---- the two actions -------------------------------------------------------------------

    def print_pdf(self, make: MakePdf, doc_name: str) -> None:
        """The print dialog first, then the PDF is made in a private temporary folder and sent
        where the dialog pointed. Asking first means a cancelled dialog writes no file and logs
        no export (the services log one whenever they make a PDF with customer data)."""
        printer = self.choose_printer(doc_name)
        if printer is not None:
            self._generate(make, spool_path(), lambda pdf: self.send(pdf, printer))

    def choose_printer(self, doc_name: str) -> QPrinter | None:
        """The printer (or file) the user picked, or None when the dialog was cancelled."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(doc_name)
        return printer if self.exec_print_dialog(printer) else None

    def send(self, pdf: Path, printer: QPrinter) -> None:
        """Hand a PDF already made to the printer the dialog chose, off the GUI thread."""
        self.last_pdf = pdf
        self.busy = True
        self.ctx.runner.run(lambda: deliver(pdf, printer), self._printed, self._failed)

    def save_pdf(self, make: MakePdf, file_name: str) -> None:
        path = self.ask_save_path(file_name)
        if path is not None:
            self.save_pdf_to(make, path)

    def save_pdf_to(self, make: MakePdf, path: Path,
                    done: Callable[[Path], None] | None = None) -> None:
        def saved(pdf: Path) -> None:
            self.last_pdf = pdf
            self.busy = False
            if done is not None:
                done(pdf)
            text = QCoreApplication.translate("Printing", "Saved: %1")
            self.say(text.replace("%1", str(pdf)), False)

        self._generate(make, path, saved)

    # ---- plumbing --------------------------------------------------------------------------

    def _generate(self, make: MakePdf, out: Path, then: Callable[[Path], None]) -> None:
        self.busy = True
        self.ctx.runner.run(lambda: make(out), then, self._failed)

    def _printed(self, outcome: PrintOutcome) -> None:
        self.busy = False
        self.last_outcome = outcome
        if outcome.ok:
            text = QCoreApplication.translate("Printing", "Sent to %1")
            self.say(text.replace("%1", outcome.destination), False)
        elif outcome.detail == "no lp":
            text = QCoreApplication.translate(
                "Printing", "This computer has no print command (lp). The PDF is saved at "
                "%1: open it and print it from there.")
            self.say(text.replace("%1", str(self.last_pdf)), True)
        else:
            text = QCoreApplication.translate("Printing", "The printer refused the job: %1")
            self.say(text.replace("%1", outcome.detail), True)

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        # The rule's own message, or a generic one: never an exception's raw text (it may be
        # English, or name a customer's file).
        self.say(self.ctx.error_text(exc), True)


def print_button(text: str, on_print: Callable[[], None],
                 on_save: Callable[[], None]) -> QToolButton:
    """A button that prints on a click, with "Save as PDF…" on its arrow."""
    button = QToolButton()
    button.setObjectName("printButton")
    button.setText(text)
    # As wide as the push buttons it sits beside (a tool button hugs its text).
    button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
    button.clicked.connect(on_print)
    menu = QMenu(button)
    save = QAction(QCoreApplication.translate("Printing", "Save as PDF…"), button)
    save.triggered.connect(on_save)
    menu.addAction(save)
    button.setMenu(menu)
    button.setProperty("saveAction", save)
    return button
