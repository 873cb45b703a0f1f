"""CODEOWNERS generated from reports/units.yaml, and its check."""

from __future__ import annotations

from pathlib import Path

import pytest
from baocao.cli import main
from baocao.codeowners import CODEOWNERS, check_codeowners, write_codeowners
from baocao.project import Project

UNITS = """\
board: ["@tinh/ban-thi-dua", thu-ky]
units:
  - slug: so-noi-vu
    name: Sở Nội vụ
    owners: ["@tinh/so-noi-vu", can-bo.tdkt@binhminh.gov.vn]
  - slug: an-giang-school
    name: Trường A
    owners: [thu-ky]
  - slug: xa-moi
    name: Xã Mới
"""


@pytest.fixture
def project(tmp_project: Path) -> Project:
    (tmp_project / "reports" / "units.yaml").write_text(UNITS, "utf-8")
    return Project.discover(tmp_project)


def _rules(path: Path) -> list[str]:
    text = path.read_text("utf-8")
    return [line for line in text.splitlines() if line and not line.startswith("#")]


def test_board_owns_everything_and_units_their_folder(project: Project) -> None:
    assert write_codeowners(project) is True
    assert _rules(project.root / CODEOWNERS) == [
        "* @tinh/ban-thi-dua @thu-ky",
        "/reports/an-giang-school/ @thu-ky @tinh/ban-thi-dua",
        "/reports/so-noi-vu/ @tinh/so-noi-vu can-bo.tdkt@binhminh.gov.vn @tinh/ban-thi-dua @thu-ky",
        "/reports/xa-moi/ @tinh/ban-thi-dua @thu-ky",
    ]
    assert check_codeowners(project)
    assert write_codeowners(project) is False  # already current: not rewritten


def test_check_fails_when_units_change(project: Project) -> None:
    write_codeowners(project)
    units = project.units_file
    units.write_text(units.read_text("utf-8").replace("[thu-ky]", "[hieu-truong]"), "utf-8")
    assert not check_codeowners(Project.discover(project.root))


def test_check_fails_when_the_file_is_missing_or_edited(project: Project) -> None:
    assert not check_codeowners(project)
    write_codeowners(project)
    path = project.root / CODEOWNERS
    path.write_text(path.read_text("utf-8") + "/conf.py @ai-do\n", "utf-8")
    assert not check_codeowners(project)


def test_no_units_list_is_nothing_to_check(tmp_project: Path) -> None:
    assert check_codeowners(Project.discover(tmp_project))


def test_repository_codeowners_is_current(root: Path) -> None:
    assert check_codeowners(Project.discover(root)), "run: baocao codeowners"


def test_cli_check_exit_codes_and_messages(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["codeowners", "--check"]) == 1
    err = capsys.readouterr().err
    assert "chưa khớp với reports/units.yaml" in err and "baocao codeowners" in err
    assert main(["codeowners"]) == 0
    assert "Đã ghi .github/CODEOWNERS (3 đơn vị)." in capsys.readouterr().out
    assert main(["codeowners", "--check"]) == 0
    assert main(["--lang", "en", "codeowners", "--check"]) == 0
    assert "matches reports/units.yaml" in capsys.readouterr().out


def test_cli_writes_atomically_and_leaves_no_temporary_file(project: Project) -> None:
    assert main(["codeowners"]) == 0
    assert sorted(p.name for p in (project.root / ".github").iterdir()) == ["CODEOWNERS"]


def test_bad_handle_is_a_configuration_error(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    units = project.units_file
    units.write_text(units.read_text("utf-8").replace("thu-ky]", "thu ky]", 1), "utf-8")
    assert main(["codeowners"]) == 2
    err = capsys.readouterr().err
    assert "'thu ky'" in err and "không hợp lệ" in err and "Traceback" not in err
    assert not (project.root / CODEOWNERS).exists()
