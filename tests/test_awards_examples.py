"""The example units' data says what their reports say in 2.4 a): every number of the
typed tables, and the shares of direct workers the prose states, read back from the
Markdown and compared with khen-thuong.yaml."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from baocao.awards.load import load_unit_awards

ROOT = Path(__file__).resolve().parent.parent

# The row labels the reports type, mapped by hand to (table, kind) for the collectives'
# column and for the individuals' column ("Lao động tiên tiến" counts collectives as
# "Tập thể lao động tiên tiến").
ROWS = {
    "“Lao động tiên tiến”": (
        ("mau-10", "tap-the-lao-dong-tien-tien"),
        ("mau-10", "lao-dong-tien-tien"),
    ),
    "“Chiến sĩ thi đua cơ sở”": (None, ("mau-10", "chien-si-thi-dua-co-so")),
    "Giấy khen": (("mau-10", "giay-khen"), ("mau-10", "giay-khen")),
    "Đề nghị Bằng khen": (("mau-11", "bang-khen-ubnd-tinh"), ("mau-11", "bang-khen-ubnd-tinh")),
    "Đề nghị “Chiến sĩ thi đua cấp tỉnh”": (None, ("mau-11", "chien-si-thi-dua-cap-tinh")),
    "Đề nghị Cờ thi đua": (("mau-11", "co-thi-dua-ubnd-tinh"), None),
}
UNITS = {
    "so-noi-vu": "2-ket-qua/2-ket-qua-phong-trao.md",
    "truong-thpt-le-quy-don": "index.md",
    "cong-ty-cap-nuoc-binh-minh": "2-ket-qua.md",
}
# The share of direct workers among the individuals given a Giấy khen, as the prose says.
SHARES = {
    "so-noi-vu": "68,8%",
    "truong-thpt-le-quy-don": "85,7%",
    "cong-ty-cap-nuoc-binh-minh": "74,1%",
}


def typed_rows(text: str) -> list[tuple[str, int, int]]:
    """(label, collectives, individuals) of each row of the table of section a)."""
    section = text.split("a) Công tác khen thưởng theo thẩm quyền", 1)[1].split("\n#", 1)[0]
    rows = []
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 3 and cells[-1].isdigit() and cells[-2].isdigit():
            rows.append((cells[0], int(cells[-2]), int(cells[-1])))
    return rows


def kind_for(label: str) -> tuple:
    key = next(k for k in sorted(ROWS, key=len, reverse=True) if k in label)
    return ROWS[key]


def count(awards, where: tuple | None, column: str) -> int:
    if where is None:
        return 0
    table, kind = where
    row = next((r for r in awards.tables[table].rows if r.kind == kind), None)
    return row.count(column) if row else 0


@pytest.mark.parametrize("unit", sorted(UNITS))
def test_the_typed_table_and_the_data_agree(unit: str) -> None:
    text = (ROOT / "reports" / unit / UNITS[unit]).read_text("utf-8")
    awards = load_unit_awards(ROOT / "reports" / unit)
    rows = typed_rows(text)
    assert len(rows) == 5
    for label, collectives, individuals in rows:
        for_collectives, for_individuals = kind_for(label)
        assert count(awards, for_collectives, "tap-the") == collectives, (unit, label)
        assert count(awards, for_individuals, "ca-nhan") == individuals, (unit, label)


@pytest.mark.parametrize("unit", sorted(SHARES))
def test_the_share_of_direct_workers_is_the_one_the_prose_states(unit: str) -> None:
    text = (ROOT / "reports" / unit / UNITS[unit]).read_text("utf-8")
    assert SHARES[unit] in text
    awards = load_unit_awards(ROOT / "reports" / unit)
    row = next(r for r in awards.tables["mau-10"].rows if r.kind == "giay-khen")
    share = 100 * row.count("truc-tiep") / row.count("ca-nhan")
    assert f"{share:.1f}%".replace(".", ",") == SHARES[unit]


@pytest.mark.parametrize("unit", sorted(UNITS))
def test_the_list_names_the_people_the_report_praises(unit: str) -> None:
    text = "\n".join(p.read_text("utf-8") for p in (ROOT / "reports" / unit).rglob("*.md"))
    awards = load_unit_awards(ROOT / "reports" / unit)
    named = {n.name for n in awards.nominees}
    praised = set(re.findall(r"(?:Bà|Ông|Thầy|Cô|Anh|Chị) ((?:[A-ZĐ][\w]+ ){1,3}[A-ZĐ]\w+)", text))
    assert praised and praised <= named, praised - named
