"""Write the roll-up's files into ``_build/xuat/``: the workbook, the CSV files (and the
Ministry's Biểu 0603 where it can be filled), each written atomically.

The files are named by the year (``khen-thuong-2025.xlsx``), so a site built from
another year's export never shows last year's numbers under this year's name.
"""

from __future__ import annotations

from pathlib import Path

from baocao.awards.csvout import ENCODING, csv_text, left_out_csv_rows, totals_rows, units_rows
from baocao.awards.rollup import Rollup
from baocao.awards.xlsx import workbook_bytes
from baocao.fsutil import write_atomic

BUILD_DIR = "_build"
EXPORT_DIR = "xuat"  # in _build/ and in the site
STEM = "khen-thuong"


def export_dir(root: Path) -> Path:
    return root / BUILD_DIR / EXPORT_DIR


def file_names(year: int | None) -> dict[str, str]:
    """What each export is called: "xlsx", "units", "totals", "left-out" -> file name."""
    stem = f"{STEM}-{year}" if year else STEM
    return {
        "xlsx": f"{stem}.xlsx",
        "units": f"{stem}-don-vi.csv",
        "totals": f"{stem}-tong-hop.csv",
        "left-out": f"{stem}-chua-tong-hop.csv",
    }


def write_exports(rollup: Rollup, folder: Path) -> list[Path]:
    """Write every export of ``rollup`` into ``folder``; return the files written."""
    names = file_names(rollup.year)
    contents: dict[str, bytes] = {
        "xlsx": workbook_bytes(rollup),
        "units": csv_text(units_rows(rollup)).encode(ENCODING),
        "totals": csv_text(totals_rows(rollup)).encode(ENCODING),
        "left-out": csv_text(left_out_csv_rows(rollup)).encode(ENCODING),
    }
    written = []
    for key, data in contents.items():
        path = folder / names[key]
        write_atomic(path, data)
        written.append(path)
    return written
