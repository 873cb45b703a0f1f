"""``baocao new``: a scaffold that builds at once and loads back with every form node."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
import yaml
from baocao.cli import main
from baocao.lint import lint_unit
from baocao.project import Project


@pytest.mark.parametrize("year", [2023, 2025])
@pytest.mark.parametrize("single", [False, True])
def test_new_loads_back_with_every_node(tmp_project: Path, year: int, single: bool) -> None:
    args = ["new", "so-thu-nghiem", "--year", str(year), "--co-quan", "Sở Thử nghiệm"]
    assert main([*args, "--single-file"] if single else args) == 0
    project = Project.discover(tmp_project)
    result = lint_unit(project, tmp_project / "reports" / "so-thu-nghiem")
    form = project.form("mau-02")
    assert set(result.context.alignment.matches) == {n.id for n in form.walk()}
    assert result.required == 19
    assert result.present == 0  # a draft: every section still to be written
    headings = [s.title for s in result.report.headings()]
    assert headings == [n.heading_for(year) for n in form.walk()]
    assert result.report.front_matter.get("nam") == year
    assert result.report.front_matter.get("co_quan") == "SỞ THỬ NGHIỆM"
    files = {f.rel for f in result.report.files}
    assert len(files) == (1 if single else 8)


def test_new_guidance_is_kept_as_comments(tmp_project: Path) -> None:
    assert main(["new", "don-vi", "--year", "2025"]) == 0
    text = (tmp_project / "reports/don-vi/1-dac-diem-tinh-hinh.md").read_text("utf-8")
    assert (
        "% Nêu khái quát đặc điểm tình hình chung; những thuận lợi, khó khăn của cơ quan, "
        "đơn vị trong năm 2025." in text
    )
    tree = (tmp_project / "reports/don-vi/2-ket-qua/2-ket-qua-phong-trao.md").read_text("utf-8")
    assert "## 2.4. Kết quả thực hiện công tác khen thưởng" in tree
    assert "%   - Chuyển đổi số" in tree


def test_new_registers_the_unit(tmp_project: Path) -> None:
    (tmp_project / "reports/units.yaml").write_text(
        "# các đơn vị\nboard: ['@tinh/ban-tdkt']\nunits:\n  - slug: co-san\n    name: Có sẵn\n",
        "utf-8",
    )
    assert main(["new", "don-vi-moi", "--co-quan", "Phòng Mới"]) == 0
    text = (tmp_project / "reports/units.yaml").read_text("utf-8")
    assert text.startswith("# các đơn vị")
    data = yaml.safe_load(text)
    assert [u["slug"] for u in data["units"]] == ["co-san", "don-vi-moi"]
    assert data["units"][1]["name"] == "Phòng Mới"


def test_new_never_overwrites(tmp_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "don-vi", "--year", "2025"]) == 0
    index = tmp_project / "reports/don-vi/index.md"
    index.write_text("nội dung của người viết", "utf-8")
    assert main(["new", "don-vi"]) == 1
    assert index.read_text("utf-8") == "nội dung của người viết"
    assert "không bao giờ ghi đè" in capsys.readouterr().err


@pytest.mark.parametrize("slug", ["Sở Nội vụ", "so_noi_vu", "abc-", "a", "SO-NOI-VU"])
def test_new_refuses_a_bad_slug(
    tmp_project: Path, slug: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new", slug]) == 1
    err = capsys.readouterr().err
    assert "ví dụ: so-noi-vu" in err and "Traceback" not in err
    assert not any((tmp_project / "reports").iterdir())


def test_new_with_the_small_test_form(tmp_project: Path) -> None:
    fixtures = Path(__file__).parent / "fixtures" / "forms" / "mini"
    target = tmp_project / "_templates" / "forms" / "mini"
    target.mkdir()
    (target / "form.yaml").write_text((fixtures / "form.yaml").read_text("utf-8"), "utf-8")
    assert main(["new", "thu", "--form", "mini", "--year", "2025", "--single-file"]) == 0
    result = lint_unit(Project.discover(tmp_project), tmp_project / "reports" / "thu")
    assert result.form == "mini" and result.required == 3
    assert result.present == 0  # a draft: every section still to be written
    assert [s.title for s in result.report.headings()] == [
        "1. Kết quả năm 2025",
        "1.1. Việc đã làm",
        "1.2. Việc chưa làm",
        "2. Kế hoạch năm 2026",
    ]


def test_new_folders_have_the_mode_mkdir_gives(tmp_project: Path) -> None:
    old = os.umask(0o022)
    try:
        assert main(["new", "don-vi", "--year", "2025"]) == 0
    finally:
        os.umask(old)
    unit = tmp_project / "reports/don-vi"
    assert stat.S_IMODE(unit.stat().st_mode) == 0o755
    assert stat.S_IMODE((unit / "2-ket-qua").stat().st_mode) == 0o755
    assert stat.S_IMODE((unit / "index.md").stat().st_mode) == 0o644


def test_new_records_kind_and_owners_and_keeps_codeowners_current(
    tmp_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_project / "reports/units.yaml").write_text("board: ['@tinh/ban-tdkt']\nunits: []\n")
    assert main(["codeowners"]) == 0
    args = ["new", "xa-an-binh", "--kind", "xa-phuong", "--owner", "tinh/xa-an-binh"]
    assert main([*args, "--owner", "@nguyen-van-a"]) == 0
    out = capsys.readouterr().out
    assert "Đã cập nhật .github/CODEOWNERS" in out and "Chưa ghi loại" not in out
    unit = yaml.safe_load((tmp_project / "reports/units.yaml").read_text("utf-8"))["units"][0]
    assert unit["kind"] == "xa-phuong"
    assert unit["owners"] == ["@tinh/xa-an-binh", "@nguyen-van-a"]
    codeowners = (tmp_project / ".github/CODEOWNERS").read_text("utf-8")
    assert "/reports/xa-an-binh/ @tinh/xa-an-binh @nguyen-van-a @tinh/ban-tdkt" in codeowners
    assert main(["codeowners", "--check"]) == 0


def test_new_without_kind_or_owner_says_what_to_add(
    tmp_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new", "don-vi", "--kind", "truong-hoc"]) == 0
    out = capsys.readouterr().out
    assert "Chưa ghi loại đơn vị (--kind) hoặc người phụ trách (--owner)" in out
    assert "'owners' của 'don-vi' trong reports/units.yaml" in out


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--owner", "có dấu"], "'có dấu' không phải tên người dùng hay nhóm GitHub"),
        (["--kind", "benh-vien-tu"], "benh-vien-tu"),
    ],
)
def test_new_refuses_a_bad_owner_or_kind(
    tmp_project: Path, capsys: pytest.CaptureFixture[str], args: list[str], expected: str
) -> None:
    assert main(["new", "don-vi", *args]) == 2
    err = capsys.readouterr().err
    assert expected in err and "Traceback" not in err
    assert not (tmp_project / "reports/don-vi").exists()
