"""Getting a generated PDF onto paper, honestly.

PySide6-Essentials has no QPdfDocument, so Qt cannot rasterise our PDF for a QPrinter. The
print dialog (QPrintDialog) still picks the destination: "print to file" copies the very same
PDF to the chosen file; a real printer gets the PDF through the system's ``lp`` (CUPS, on Linux
and macOS), which prints PDF natively. Without ``lp`` we say so and leave the saved PDF for the
user to open and print; nothing pretends to have printed."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtPrintSupport import QPrinter


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
