"""The data file a new unit gets: every kind of the form's tables at 0, for whom it may
be given, commented in Vietnamese; ``baocao new --data-only`` for an existing unit,
never over a file."""

from __future__ import annotations

from pathlib import Path

import pytest
from baocao.awards.load import load_unit_awards
from baocao.awards.scaffold import scaffold_awards, write_data_file
from baocao.awards.schema import load_schema
from baocao.cli import main
from baocao.errors import BaocaoError
from baocao.fsutil import write_new
from baocao.lint import lint_unit
from baocao.project import Project

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = load_schema(ROOT / "_templates" / "forms" / "mau-02")


def test_every_kind_of_every_table_is_there_at_zero(tmp_path: Path) -> None:
    (tmp_path / "khen-thuong.yaml").write_text(scaffold_awards(2025, SCHEMA), "utf-8")
    data = load_unit_awards(tmp_path)
    assert data.year == 2025 and not data.problems and not data.unknown_keys
    assert data.nominees == ()
    for spec in SCHEMA.tables:
        table = data.tables[spec.id]
        assert [row.kind for row in table.rows] == list(spec.kinds)
        for row in table.rows:
            assert row.cells and all(cell.value == 0 for cell in row.cells.values())


def test_only_the_columns_a_kind_may_fill_are_written(tmp_path: Path) -> None:
    (tmp_path / "khen-thuong.yaml").write_text(scaffold_awards(2025, SCHEMA), "utf-8")
    rows = {r.kind: r for t in load_unit_awards(tmp_path).tables.values() for r in t.rows}
    assert set(rows["lao-dong-tien-tien"].cells) == {
        "ca-nhan",
        "lanh-dao-cap-tinh",
        "lanh-dao-cap-so",
        "lanh-dao-khac",
        "doanh-nhan",
        "truc-tiep",
    }
    assert set(rows["co-thi-dua-ubnd-tinh"].cells) == {"tap-the", "doanh-nghiep", "tap-the-nho"}
    assert "ho-gia-dinh" in rows["giay-khen"].cells
    assert "ho-gia-dinh" not in rows["huan-chuong"].cells


def test_comments_say_what_each_table_kind_and_column_means() -> None:
    text = scaffold_awards(2026, SCHEMA)
    assert "mau-10:  # Mẫu số 10: Khen thưởng theo thẩm quyền" in text
    assert "  giay-khen:  # Giấy khen" in text
    assert "truc-tiep: 0" in text
    assert "# Trong đó người trực tiếp công tác, lao động, học tập, chiến đấu" in text
    assert "thanh-tich: Hoàn thành xuất sắc nhiệm vụ năm 2026" in text
    assert "nam: 2026" in text


def test_a_new_unit_gets_its_data_file_and_lints_without_data_findings(tmp_project: Path) -> None:
    assert main(["new", "so-y-te", "--year", "2025"]) == 0
    unit = tmp_project / "reports" / "so-y-te"
    assert (unit / "khen-thuong.yaml").read_text("utf-8") == scaffold_awards(2025, SCHEMA)
    result = lint_unit(Project.discover(tmp_project), unit)
    assert not [d for d in result.diagnostics if d.code.startswith("BC6")]


def test_data_only_adds_the_file_to_an_existing_unit(
    tmp_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new", "so-y-te", "--year", "2024"]) == 0
    data = tmp_project / "reports" / "so-y-te" / "khen-thuong.yaml"
    data.unlink()
    capsys.readouterr()
    assert main(["new", "so-y-te", "--data-only"]) == 0
    assert "nam: 2024" in data.read_text("utf-8")  # the year of the unit's report
    assert "reports/so-y-te/khen-thuong.yaml" in capsys.readouterr().out


def test_data_only_never_overwrites(tmp_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "so-y-te", "--year", "2025"]) == 0
    data = tmp_project / "reports" / "so-y-te" / "khen-thuong.yaml"
    data.write_text("nam: 2025\nmau-10:\n  giay-khen: {tap-the: 3}\n", "utf-8")
    capsys.readouterr()
    assert main(["--lang", "en", "new", "so-y-te", "--data-only"]) == 1
    assert data.read_text("utf-8") == "nam: 2025\nmau-10:\n  giay-khen: {tap-the: 3}\n"
    err = capsys.readouterr().err
    assert "reports/so-y-te/khen-thuong.yaml" in err and "never overwrites" in err
    assert "Traceback" not in err


def test_data_only_needs_the_unit(tmp_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "khong-co", "--data-only"]) == 1
    err = capsys.readouterr().err
    assert "baocao new khong-co" in err
    assert not (tmp_project / "reports" / "khong-co").exists()


def test_a_file_appearing_while_writing_is_kept(tmp_path: Path) -> None:
    target = tmp_path / "khen-thuong.yaml"
    target.write_text("của người khác\n", "utf-8")
    with pytest.raises(FileExistsError):
        write_new(target, "mới\n")
    assert target.read_text("utf-8") == "của người khác\n"
    assert [p.name for p in tmp_path.iterdir()] == ["khen-thuong.yaml"]  # no temporary left
    with pytest.raises(BaocaoError) as caught:
        write_data_file(tmp_path, "mới\n", "reports/x/khen-thuong.yaml")
    assert caught.value.file == "reports/x/khen-thuong.yaml"
