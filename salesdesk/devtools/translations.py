"""Qt Linguist files, one per area: resources/translations/AREA_zh_CN.ts.

An area is a sub-package of salesdesk/ui (salesdesk/ui/reception/ -> "reception") with its
forms (forms/reception_*.ui); everything else in salesdesk/ui and forms/ is the "shell".

    python -m salesdesk.devtools.translations update AREA   # lupdate: collect the strings
    python -m salesdesk.devtools.translations fill AREA F.json  # {"English": "中文", ...}
    python -m salesdesk.devtools.translations missing [AREA]   # what still lacks zh_CN
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "salesdesk" / "ui"
FORMS = ROOT / "forms"
TS_DIR = ROOT / "resources" / "translations"
LANG = "zh_CN"


def areas() -> list[str]:
    subs = [p.name for p in UI.iterdir()
            if p.is_dir() and p.name not in ("forms", "pages", "__pycache__")
            and (p / "__init__.py").exists()]
    return ["shell", *sorted(subs)]


def sources(area: str) -> list[Path]:
    others = [a for a in areas() if a != "shell"]
    if area == "shell":
        py = [p for p in UI.rglob("*.py")
              if p.relative_to(UI).parts[0] not in (*others, "forms")]
        ui = [p for p in FORMS.glob("*.ui") if not any(p.name.startswith(f"{a}_") for a in others)]
    else:
        py = list((UI / area).rglob("*.py"))
        ui = list(FORMS.glob(f"{area}_*.ui"))
    return sorted(p for p in py + ui if "__pycache__" not in p.parts)


def ts_path(area: str) -> Path:
    return TS_DIR / f"{area}_{LANG}.ts"


def _tool(name: str) -> str:
    exe = Path(sys.executable).parent / name
    return str(exe) if exe.exists() else (shutil.which(name) or name)


def lupdate(area: str, out: Path) -> None:
    srcs = [str(p) for p in sources(area)]
    if not srcs:
        return
    subprocess.run([_tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "none", "-target-language",
                    LANG, *srcs, "-ts", str(out)], check=True, capture_output=True)


def messages(ts: Path) -> dict[tuple[str, str], str | None]:
    """(context, source) -> translation, None when unfinished or empty."""
    out: dict[tuple[str, str], str | None] = {}
    if not ts.exists():
        return out
    for ctx in ET.parse(ts).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            source = msg.findtext("source") or ""
            tr = msg.find("translation")
            done = tr is not None and tr.text and tr.get("type") not in ("unfinished", "vanished",
                                                                         "obsolete")
            out[(name, source)] = tr.text if done and tr is not None else None
    return out


def missing(area: str) -> list[tuple[str, str]]:
    """Strings in the area's sources that have no finished zh_CN translation."""
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "fresh.ts"
        lupdate(area, fresh)
        wanted = messages(fresh)
    have = messages(ts_path(area))
    return sorted(k for k in wanted if not have.get(k))


def fill(area: str, mapping: dict[str, str]) -> int:
    path = ts_path(area)
    tree = ET.parse(path)
    count = 0
    for msg in tree.getroot().iter("message"):
        source = msg.findtext("source") or ""
        if source in mapping:
            tr = msg.find("translation")
            if tr is None:
                tr = ET.SubElement(msg, "translation")
            tr.text = mapping[source]
            tr.attrib.pop("type", None)
            count += 1
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return count


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    cmd, rest = argv[0], argv[1:]
    TS_DIR.mkdir(parents=True, exist_ok=True)
    if cmd == "update":
        for area in rest or areas():
            lupdate(area, ts_path(area))
            print(f"{ts_path(area).name}: {len(missing(area))} untranslated")
        return 0
    if cmd == "fill":
        mapping = json.loads(Path(rest[1]).read_text(encoding="utf-8"))
        print(f"filled {fill(rest[0], mapping)} messages")
        return 0
    if cmd == "missing":
        bad = 0
        for area in rest or areas():
            for ctx, source in missing(area):
                print(f"{area}\t{ctx}\t{source}")
                bad += 1
        return 1 if bad else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
