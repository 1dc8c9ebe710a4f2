"""Compile Qt Designer forms: forms/NAME.ui -> salesdesk/ui/forms/ui_NAME.py (pyside6-uic).

``python -m salesdesk.devtools.forms`` regenerates all; ``--check`` exits 1 when a generated
module differs from what its .ui gives (a test runs that)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FORMS = ROOT / "forms"
OUT = ROOT / "salesdesk" / "ui" / "forms"


def uic() -> str:
    exe = Path(sys.executable).parent / "pyside6-uic"
    return str(exe) if exe.exists() else (shutil.which("pyside6-uic") or "pyside6-uic")


def compile_form(ui: Path) -> str:
    result = subprocess.run([uic(), "--from-imports", str(ui)], capture_output=True, text=True,
                            check=True)
    # Drop the header line that names the uic version, so upgrades do not count as drift.
    lines = [ln for ln in result.stdout.splitlines()
             if "Created by: Qt User Interface Compiler" not in ln]
    return "\n".join(lines) + "\n"


def target(ui: Path) -> Path:
    return OUT / f"ui_{ui.stem}.py"


def main(argv: list[str]) -> int:
    check = "--check" in argv
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "__init__.py").touch()
    drift = []
    for ui in sorted(FORMS.glob("*.ui")):
        code = compile_form(ui)
        out = target(ui)
        if check:
            if not out.exists() or out.read_text(encoding="utf-8") != code:
                drift.append(out.name)
        else:
            out.write_text(code, encoding="utf-8")
    if drift:
        print("out of date (run `make forms`): " + ", ".join(drift))
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
