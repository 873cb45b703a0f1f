"""The schema of the commendation data beside the form: the shipped one reads, and a
malformed one stops with the file, the line and what is wrong."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from baocao.awards.schema import load_schema
from baocao.errors import ConfigError

FORM = Path(__file__).resolve().parent.parent / "_templates" / "forms" / "mau-02"

GOOD = """\
columns:
  - {id: tap-the, label: Tập thể}
  - {id: tap-the-nho, label: Tập thể nhỏ, part_of: tap-the}
  - {id: ca-nhan, label: Cá nhân}
kinds:
  - {id: giay-khen, label: Giấy khen, household: true}
  - {id: lao-dong-tien-tien, label: Lao động tiên tiến, collective: false}
  - {id: chien-si-thi-dua-co-so, label: Chiến sĩ thi đua cơ sở, collective: false}
tables:
  - id: mau-10
    label: Mẫu số 10
    title: Khen thưởng theo thẩm quyền
    kinds: [giay-khen, lao-dong-tien-tien, chien-si-thi-dua-co-so]
ratio_rules:
  - id: cstdcs
    message: Chiến sĩ thi đua cơ sở không quá 15% số Lao động tiên tiến
    table: mau-10
    kind: chien-si-thi-dua-co-so
    column: ca-nhan
    of_kind: lao-dong-tien-tien
    of_column: ca-nhan
    max_share: 0.15
    basis: nd-a
bases:
  - id: nd-a
    title: Nghị định A
    issued: 01/01/2020
    effective: 01/03/2020
    source: https://example.org/a
    replaced_by: nd-b
  - {id: nd-b, title: Nghị định B, issued: 02/02/2024, source: https://example.org/b}
"""


def write_form(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "forms" / "mau-x"
    folder.mkdir(parents=True)
    (folder / "khen-thuong.yaml").write_text(text, "utf-8")
    return folder


def test_the_shipped_schema_follows_the_ministrys_categories() -> None:
    schema = load_schema(FORM)
    assert [t.id for t in schema.tables] == ["mau-10", "mau-11"]
    assert {c.id for c in schema.totals()} == {"tap-the", "ho-gia-dinh", "ca-nhan"}
    assert {c.id for c in schema.parts("ca-nhan")} == {
        "lanh-dao-cap-tinh",
        "lanh-dao-cap-so",
        "doanh-nhan",
        "lanh-dao-khac",
        "truc-tiep",
    }
    assert {c.id for c in schema.parts("tap-the")} == {"doanh-nghiep", "tap-the-nho"}
    assert "giay-khen" in schema.table("mau-10").kinds
    assert "bang-khen-ubnd-tinh" in schema.table("mau-11").kinds
    kind = schema.kind("lao-dong-tien-tien")
    assert kind is not None and not kind.collective and kind.individual
    assert schema.kind("bang-khen-ubnd-tinh").household
    assert not schema.kind("co-thi-dua-ubnd-tinh").individual


def test_every_basis_has_a_source_and_replacements_point_to_a_basis() -> None:
    schema = load_schema(FORM)
    assert schema.bases
    for basis in schema.bases:
        assert basis.source.startswith("https://"), basis.id
        assert not basis.replaced_by or schema.basis(basis.replaced_by) is not None


def test_a_schema_is_read_with_its_rules_and_bases(tmp_path: Path) -> None:
    schema = load_schema(write_form(tmp_path, GOOD))
    rule = schema.ratio_rules[0]
    assert (rule.kind, rule.of_kind, rule.max_share, rule.basis) == (
        "chien-si-thi-dua-co-so",
        "lao-dong-tien-tien",
        0.15,
        "nd-a",
    )
    assert schema.basis("nd-a").replaced_by == "nd-b"
    assert schema.basis("nd-b").effective == ""
    assert schema.column("tap-the-nho").part_of == "tap-the"


@pytest.mark.parametrize(
    ("old", "new", "line", "words"),
    [
        ("kinds: [giay-khen, lao", "kinds: [giay-khn, lao", 13, "giay-khn"),
        ("part_of: tap-the}", "part_of: ca-nhan-x}", 3, "ca-nhan-x"),
        ("max_share: 0.15", "max_share: 15", 22, "0.15"),
        ("basis: nd-a", "basis: nd-z", 23, "nd-z"),
        ("replaced_by: nd-b", "replaced_by: nd-c", 30, "nd-c"),
        ("{id: ca-nhan, label: Cá nhân}", "{id: tap-the, label: Cá nhân}", 4, "tap-the"),
        ("household: true}", "household: có}", 6, "bool"),
        (
            "  - {id: tap-the, label: Tập thể}\n",
            "  - {id: tap-the, label: Tập thể, x: 1}\n",
            2,
            "'x'",
        ),
        ("    title: Khen thưởng theo thẩm quyền\n", "", 10, "'title'"),
        ("of_kind: lao-dong-tien-tien", "of_kind: giay-khen-2", 20, "giay-khen-2"),
    ],
)
def test_a_malformed_schema_names_file_line_and_key(
    tmp_path: Path, old: str, new: str, line: int, words: str
) -> None:
    assert old in GOOD
    folder = write_form(tmp_path, GOOD.replace(old, new, 1))
    with pytest.raises(ConfigError) as caught:
        load_schema(folder)
    error = caught.value
    assert error.file == str(folder / "khen-thuong.yaml")
    assert error.line == line
    assert words in error.render("vi")
    assert words in error.render("en")


def test_a_schema_with_bad_yaml_names_its_line(tmp_path: Path) -> None:
    folder = write_form(tmp_path, GOOD.replace("kinds:\n", "kinds:\n  - [\n", 1))
    with pytest.raises(ConfigError) as caught:
        load_schema(folder)
    assert caught.value.message_id == "form.yaml-syntax"
    assert caught.value.line > 5


def test_a_form_can_carry_its_own_columns(tmp_path: Path) -> None:
    folder = tmp_path / "forms" / "mau-tinh"
    shutil.copytree(FORM, folder)
    text = (folder / "khen-thuong.yaml").read_text("utf-8")
    text = text.replace(
        "  - id: ho-gia-dinh\n",
        "  - id: nong-dan\n    label: Trong đó nông dân\n    part_of: ca-nhan\n"
        "  - id: ho-gia-dinh\n",
    )
    (folder / "khen-thuong.yaml").write_text(text, "utf-8")
    schema = load_schema(folder)
    assert schema.column("nong-dan").part_of == "ca-nhan"
    assert schema.column("nong-dan").label == "Trong đó nông dân"


def test_a_missing_schema_says_so(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        load_schema(tmp_path)
    assert caught.value.message_id == "awards.schema-missing"


def test_the_ratio_fixture_is_the_shipped_schema_with_one_rule() -> None:
    """tests/fixtures/forms-ratio (a province's own schema, used by BC611's cases) must
    not drift from the shipped one in anything but its ratio rule."""
    fixture = load_schema(FORM.parents[2] / "tests" / "fixtures" / "forms-ratio" / "mau-02")
    shipped = load_schema(FORM)
    assert [r.id for r in fixture.ratio_rules] == ["cstdcs-tren-ldtt"]
    assert fixture.basis(fixture.ratio_rules[0].basis) is not None
    assert (fixture.tables, fixture.kinds, fixture.columns, fixture.bases) == (
        shipped.tables,
        shipped.kinds,
        shipped.columns,
        shipped.bases,
    )


def test_the_shipped_schema_names_its_section_and_list_table() -> None:
    schema = load_schema(FORM)
    assert schema.section == "II.2.4.a" and schema.nominee_table == "mau-11"
    assert schema.recipient("truc-tiep") == "individual"
    assert schema.recipient("doanh-nghiep") == "collective"
    assert schema.recipient("ho-gia-dinh") == "household"
