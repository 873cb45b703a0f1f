"""Each unit's commendation data, ``khen-thuong.yaml``, drawn from the form's schema.

Kinds and columns come from the schema beside the form (``baocao.awards.schema``); who
may receive a kind (collective, individual, household) decides which columns a row
fills; the breakdowns of a column are disjoint parts of it; Mẫu số 11's list of names
has one entry per collective and individual of its table. A share of units carry one
slip (a breakdown larger than its total), as real data does, so the roll-up has units
to leave out.
"""

import random
from functools import cache

from baocao.awards.model import AwardSchema
from baocao.awards.schema import load_schema

from .data import GIVEN_NAMES, MIDDLE_NAMES, SURNAMES
from .form import FORM_ID, FORMS_DIR

RECIPIENT = {"tap-the": "collective", "ca-nhan": "individual", "ho-gia-dinh": "household"}
MOST = {"mau-10": 120, "mau-11": 3}  # the largest count of a cell in each table
EMPTY_ROW_SHARE = 0.35
POSTS = ("Chuyên viên", "Trưởng phòng", "Phó Trưởng phòng", "Công nhân", "Giáo viên")
ACHIEVEMENTS = (
    "Hoàn thành xuất sắc nhiệm vụ năm {nam}",
    "Có sáng kiến được công nhận cấp cơ sở",
    "Dẫn đầu phong trào thi đua năm {nam}",
)


@cache
def schema() -> AwardSchema:
    return load_schema(FORMS_DIR / FORM_ID)


def takes(kind_id: str, column: str) -> bool:
    kind = schema().kind(kind_id)
    return kind is not None and getattr(kind, RECIPIENT.get(column, ""), False)


def row(rng: random.Random, table: str, kind: str) -> dict[str, int]:
    cells: dict[str, int] = {}
    for total in schema().totals():
        if not takes(kind, total.id):
            continue
        most = MOST[table] if total.id != "tap-the" else max(2, MOST[table] // 5)
        count = rng.randint(0, most)
        if total.id == "ho-gia-dinh" and (table == "mau-11" or rng.random() < 0.8):
            continue
        cells[total.id] = count
        left = count
        for part in schema().parts(total.id):
            if left and rng.random() < 0.5:
                cells[part.id] = rng.randint(0, left)
                left -= cells[part.id]
    return cells


def nominees(rng: random.Random, kind: str, cells: dict[str, int], year: int) -> list[str]:
    lines = []
    for index in range(cells.get("tap-the", 0)):
        lines += [
            f"  - ten: Phòng nghiệp vụ {index + 1}",
            "    don-vi: Đơn vị",
            f"    hinh-thuc: {kind}",
            f"    thanh-tich: {rng.choice(ACHIEVEMENTS).format(nam=year)}",
            "    tap-the: true",
        ]
    for _ in range(cells.get("ca-nhan", 0)):
        name = f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE_NAMES)} {rng.choice(GIVEN_NAMES)}"
        lines += [
            f"  - ten: {name}",
            f"    chuc-vu: {rng.choice(POSTS)}",
            "    don-vi: Đơn vị",
            f"    hinh-thuc: {kind}",
            f"    thanh-tich: {rng.choice(ACHIEVEMENTS).format(nam=year)}",
        ]
    return lines


def flow(cells: dict[str, int]) -> str:
    return "{" + ", ".join(f"{column}: {value}" for column, value in cells.items()) + "}"


def awards_yaml(rng: random.Random, year: int, slip: bool) -> str:
    """The data file's text; with ``slip``, one breakdown larger than its total."""
    lines = [f"# Số liệu khen thưởng năm {year} (mục 2.4 a).", f"nam: {year}", ""]
    names: list[str] = []
    for table in schema().tables:
        rows = {}
        for kind in table.kinds:
            if rng.random() < EMPTY_ROW_SHARE:
                continue
            cells = row(rng, table.id, kind)
            if cells:
                rows[kind] = cells
                if table.id == "mau-11":
                    names += nominees(rng, kind, cells, year)
        if slip and table.id == "mau-10" and rows:
            cells = rows[next(iter(rows))]
            total = "ca-nhan" if "ca-nhan" in cells else "tap-the"
            cells[schema().parts(total)[-1].id] = cells.get(total, 0) + 5
        if rows:
            lines += [f"{table.id}:", *(f"  {k}: {flow(c)}" for k, c in rows.items()), ""]
        else:
            lines += [f"{table.id}: {{}}", ""]
    lines += ["danh-sach-de-nghi:" + ("" if names else " []"), *names]
    return "\n".join(lines) + "\n"
