"""Commendation data for the tests, made and summed here independently of baocao: plain
Python over the data files read with yaml.safe_load, never through the loader or the
roll-up."""

from __future__ import annotations

import csv
import random
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest
import yaml
from baocao.awards.rollup import ERRORS, MISSING, OTHER_YEAR

NOT_TABLES = ("nam", "danh-sach-de-nghi")
NOT_KINDS = ("tong-cong",)


def plain_sums(files: list[Path]) -> Counter:
    """(table, kind, column) -> the sum over ``files``, by plain reading of the YAML."""
    sums: Counter = Counter()
    for path in files:
        data = yaml.safe_load(path.read_text("utf-8"))
        for table, rows in data.items():
            if table in NOT_TABLES:
                continue
            for kind, cells in (rows or {}).items():
                if kind in NOT_KINDS:
                    continue
                for column, value in cells.items():
                    sums[table, kind, column] += value
    return sums


def assert_equal_sums(rollup, sums: Counter) -> None:
    keys = set(rollup.every_key())
    assert set(sums) <= keys, set(sums) - keys  # nothing typed falls outside the schema
    for key in keys:
        assert rollup.total.get(*key) == sums.get(key, 0), key


INDEX = """---
mau: mau-02
nam: {year}
co_quan: {name}
---
# Báo cáo tổng kết công tác thi đua, khen thưởng năm {year}
"""
UNIT_KINDS = ("so-nganh", "xa-phuong", "truong-hoc", "doanh-nghiep", "")


class Schema:
    """What the generator needs of the schema file, read plainly: the kinds of each table
    and who may receive each kind."""

    def __init__(self, root: Path) -> None:
        path = root / "_templates/forms/mau-02/khen-thuong.yaml"
        data = yaml.safe_load(path.read_text("utf-8"))
        self.tables = {t["id"]: t["kinds"] for t in data["tables"]}
        self.kinds = {k["id"]: k for k in data["kinds"]}

    def takes(self, kind: str, recipient: str) -> bool:
        return self.kinds[kind].get(recipient, recipient != "household")


def clean_data(rng: random.Random, schema: Schema, year: int) -> dict:
    """A unit's data as the rules want it: whole numbers, breakdowns within their totals,
    recipients the kind allows, Mẫu 11's list of names matching its table."""
    data: dict = {"nam": year}
    nominees = []
    for table, kinds in schema.tables.items():
        rows = {}
        most = 200 if table == "mau-10" else 4
        for kind in kinds:
            if rng.random() < 0.4:
                continue
            row = {}
            if schema.takes(kind, "collective"):
                row["tap-the"] = rng.randint(0, most // 5 or 2)
                if row["tap-the"] and rng.random() < 0.3:
                    row["tap-the-nho"] = rng.randint(0, row["tap-the"])
            if schema.takes(kind, "individual"):
                row["ca-nhan"] = rng.randint(0, most)
                if row["ca-nhan"] and rng.random() < 0.5:
                    row["truc-tiep"] = rng.randint(0, row["ca-nhan"])
            rows[kind] = row
            if table == "mau-11":
                nominees += names(kind, row.get("tap-the", 0), row.get("ca-nhan", 0))
        data[table] = rows
    data["danh-sach-de-nghi"] = nominees
    return data


def names(kind: str, collectives: int, people: int) -> list[dict]:
    found = [
        {"ten": f"Phòng {n + 1}", "don-vi": "Đơn vị", "hinh-thuc": kind, "tap-the": True}
        for n in range(collectives)
    ]
    found += [
        {
            "ten": f"Nguyễn Văn {n + 1}",
            "chuc-vu": "Chuyên viên",
            "don-vi": "Phòng",
            "hinh-thuc": kind,
        }
        for n in range(people)
    ]
    for item in found:
        item["thanh-tich"] = "Hoàn thành xuất sắc nhiệm vụ"
    return found


def negative(row: dict) -> None:
    row["ca-nhan"] = -3


def text(row: dict) -> None:
    row["tap-the"] = "12 tập thể"


def fraction(row: dict) -> None:
    row["ca-nhan"] = 2.5


def breakdown(row: dict) -> None:
    row.update({"ca-nhan": 1, "truc-tiep": 9})


BREAKS = (negative, text, fraction, breakdown)


def generated_project(root: Path, n: int) -> tuple[list[Path], dict[str, str]]:
    """``n`` units with data files; returns the files that must be summed and, for every
    unit that must be left out, why."""
    schema = Schema(root)
    rng = random.Random(300)
    summed: list[Path] = []
    left: dict[str, str] = {}
    entries = []
    for index in range(n):
        slug = f"don-vi-{index:03}"
        kind = UNIT_KINDS[index % len(UNIT_KINDS)]
        entries.append({"slug": slug, "name": f"Đơn vị số {index}", "kind": kind})
        folder = root / "reports" / slug
        folder.mkdir(parents=True)
        year = 2024 if index % 31 == 7 else 2025  # a unit still on last year's report
        (folder / "index.md").write_text(INDEX.format(year=year, name=slug), "utf-8")
        if index % 29 == 5:
            left[slug] = MISSING
            continue
        data = clean_data(rng, schema, year)
        path = folder / "khen-thuong.yaml"
        if index % 13 == 3:
            kind_id = rng.choice(schema.tables["mau-10"])
            row = data["mau-10"].setdefault(kind_id, {})
            BREAKS[index % len(BREAKS)](row)
            left[slug] = ERRORS
        elif data["nam"] == 2024:
            left[slug] = OTHER_YEAR
        else:
            summed.append(path)
        path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    units = {"units": entries}
    (root / "reports/units.yaml").write_text(yaml.safe_dump(units, allow_unicode=True), "utf-8")
    return summed, left


# --------------------------------------------------------------------------- reading exports

BOM = b"\xef\xbb\xbf"


def read_csv(path: Path) -> list[list[str]]:
    data = path.read_bytes()
    assert data.startswith(BOM)
    return list(csv.reader(data.decode("utf-8-sig").splitlines()))


# LibreOffice's setting for .xlsx files: recalculate every formula on load (0: always),
# so the values read back are LibreOffice's own, whatever a file may have cached.
RECALC_ON_LOAD = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
 xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">
<prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""
# Comma, double quote, UTF-8, from line 1, raw values (not as shown), every sheet.
EXPORT_ALL_SHEETS = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"


def recalculated(xlsx: Path, work: Path) -> dict[str, list[list[str]]]:
    """Each sheet of ``xlsx`` as LibreOffice computes it on load, by sheet name."""
    program = shutil.which("soffice") or shutil.which("libreoffice")
    if program is None:
        pytest.skip("LibreOffice (soffice) is not installed: the workbook is not recalculated")
    profile = work / "profile"
    (profile / "user").mkdir(parents=True, exist_ok=True)
    (profile / "user/registrymodifications.xcu").write_text(RECALC_ON_LOAD, "utf-8")
    out = work / "csv"
    done = subprocess.run(
        [
            program,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            EXPORT_ALL_SHEETS,
            "--outdir",
            str(out),
            str(xlsx),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    if "source file could not be loaded" in done.stderr + done.stdout:
        pytest.skip("LibreOffice Calc (Debian: libreoffice-calc) is not installed")
    sheets = {
        path.stem.removeprefix(f"{xlsx.stem}-"): list(
            csv.reader(path.read_text("utf-8").splitlines())
        )
        for path in out.glob("*.csv")
    }
    assert sheets, done.stderr
    return sheets


def value(text: str) -> float:
    return float(text[:-1]) / 100 if text.endswith("%") else float(text)


def row_of(sheet: list[list[str]], label: str, column: int = 1) -> list[str]:
    return next(row for row in sheet if len(row) > column and row[column] == label)
