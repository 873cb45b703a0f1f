"""Write the roll-up's files into ``_build/xuat/``: the workbook, the CSV files (and the
Ministry's Biểu 0603 where it can be filled), each written atomically.

The files are named by the year (``khen-thuong-2025.xlsx``), so a site built from
another year's export never shows last year's numbers under this year's name.
The site imports this module for the files' names (``sphinxext/exports.py``): the
workbook's writer, and openpyxl with it, is imported only when something is exported.
"""

from __future__ import annotations

import re
from pathlib import Path

from baocao.awards.bieu import StatLayout
from baocao.awards.csvout import (
    ENCODING,
    bieu_rows,
    csv_text,
    left_out_csv_rows,
    totals_rows,
    units_rows,
)
from baocao.awards.rollup import Rollup
from baocao.fsutil import write_atomic

BUILD_DIR = "_build"
EXPORT_DIR = "xuat"  # in _build/ and in the site
STEM = "khen-thuong"


def export_dir(root: Path) -> Path:
    return root / BUILD_DIR / EXPORT_DIR


def file_names(year: int | None) -> dict[str, str]:
    """What each export is called: "xlsx", "units", "totals", "left-out", "bieu" -> file
    name ("bieu", the Ministry's Biểu, only when the form has its layout)."""
    stem = f"{STEM}-{year}" if year else STEM
    return {
        "xlsx": f"{stem}.xlsx",
        "units": f"{stem}-don-vi.csv",
        "totals": f"{stem}-tong-hop.csv",
        "left-out": f"{stem}-chua-tong-hop.csv",
        "bieu": f"{stem}-bieu-0603.csv",
    }


def write_exports(rollup: Rollup, folder: Path, layout: StatLayout | None = None) -> list[Path]:
    """Write every export of ``rollup`` into ``folder``; return the files written."""
    from baocao.awards.xlsx import workbook_bytes  # openpyxl: only when exporting

    names = file_names(rollup.year)
    contents: dict[str, bytes] = {
        "xlsx": workbook_bytes(rollup, layout),
        "units": csv_text(units_rows(rollup)).encode(ENCODING),
        "totals": csv_text(totals_rows(rollup)).encode(ENCODING),
        "left-out": csv_text(left_out_csv_rows(rollup)).encode(ENCODING),
    }
    if layout is not None:
        contents["bieu"] = csv_text(bieu_rows(rollup, layout)).encode(ENCODING)
    written = []
    for key, data in contents.items():
        path = folder / names[key]
        write_atomic(path, data)
        written.append(path)
    return written


def found_exports(folder: Path) -> tuple[int | None, dict[str, Path]]:
    """The latest year's exports in ``folder``: the year and each file by its key."""
    pattern = re.compile(rf"{STEM}-(\d{{4}})\.xlsx")
    years = sorted(int(m[1]) for p in folder.glob("*.xlsx") if (m := pattern.fullmatch(p.name)))
    year = years[-1] if years else None
    names = file_names(year)
    return year, {key: folder / name for key, name in names.items() if (folder / name).is_file()}
