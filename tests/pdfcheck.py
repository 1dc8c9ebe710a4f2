"""Reading PDFs back the way a person's viewer would: poppler's pdftotext and pdffonts."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path


def _tool(name: str) -> str:
    exe = shutil.which(name)
    assert exe, f"{name} is missing: `make test` installs poppler-utils"
    return exe


def pdf_text(path: Path, layout: bool = False) -> str:
    args = [_tool("pdftotext"), "-enc", "UTF-8"] + (["-layout"] if layout else [])
    return subprocess.run([*args, str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def compact(text: str) -> str:
    """Text without white space, so words a table cell wrapped still match."""
    return re.sub(r"\s+", "", text)


def embedded_fonts(path: Path) -> dict[str, bool]:
    out = subprocess.run([_tool("pdffonts"), str(path)], capture_output=True, text=True,
                         check=True).stdout.splitlines()[2:]
    fonts: dict[str, bool] = {}
    for line in out:
        parts = line.split()
        # name type encoding emb sub uni object ID: "emb" is the 4th column from the right end
        fonts[parts[0]] = parts[-5] == "yes"
    return fonts


def assert_cjk_embedded(path: Path) -> None:
    fonts = embedded_fonts(path)
    cjk = {name: emb for name, emb in fonts.items() if "WenQuanYi" in name}
    assert cjk and all(cjk.values()), f"CJK font not embedded: {fonts}"
