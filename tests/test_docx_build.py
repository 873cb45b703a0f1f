"""``baocao build docx``: files, draft names, failures, reproducible bytes, messages."""

from __future__ import annotations

import shutil
from pathlib import Path

import lint_helpers
import pytest
from test_docx_support import BLOCKED, DRAFT, EXAMPLES, ROOT, Built, build_once, run_cli


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return build_once(tmp_path_factory.getbasetemp())


def test_every_unit_gets_its_file_and_a_draft_its_draft_name(built: Built) -> None:
    names = set(built.first_bytes)
    assert {f"{unit}.docx" for unit in EXAMPLES} <= names
    assert f"{DRAFT}-du-thao.docx" in names
    assert f"{DRAFT}.docx" not in names
    for unit in EXAMPLES:
        assert f"{unit}: đã tạo _build/docx/{unit}.docx" in built.first.stdout.splitlines()
    assert f"{DRAFT}: đã tạo _build/docx/{DRAFT}-du-thao.docx (bản DỰ THẢO" in built.first.stdout


def test_a_failed_unit_leaves_no_partial_file_and_the_others_are_built(built: Built) -> None:
    assert built.first.returncode == 1
    assert f"{BLOCKED}: không tạo được tệp Word" in built.first.stderr
    assert f"1 đơn vị không tạo được tệp Word: {BLOCKED}." in built.first.stderr
    blocked = built.docx_dir / f"{BLOCKED}.docx"
    assert blocked.is_dir() and not any(blocked.iterdir())
    leftovers = [p.name for p in built.docx_dir.iterdir() if p.name.startswith(".")]
    assert leftovers == []
    assert "Đã tạo 4 tệp Word (1 bản dự thảo)" in built.first.stdout


def test_building_twice_gives_identical_bytes(built: Built) -> None:
    assert len(built.first_bytes) == 4
    assert built.second_bytes == built.first_bytes


def test_one_unit_in_english(built: Built) -> None:
    result = run_cli(built.project, "--lang", "en", "build", "docx", EXAMPLES[1])
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == f"{EXAMPLES[1]}: wrote _build/docx/{EXAMPLES[1]}.docx"
    assert "Word files written: 1 (0 drafts)" in result.stdout
    assert (built.docx_dir / f"{EXAMPLES[1]}.docx").read_bytes() == built.first_bytes[
        f"{EXAMPLES[1]}.docx"
    ]


def test_an_unknown_unit_is_a_usage_error(built: Built) -> None:
    result = run_cli(built.project, "build", "docx", "khong-co-don-vi")
    assert result.returncode == 2
    assert "Không có đơn vị 'khong-co-don-vi'" in result.stderr
    assert EXAMPLES[0] in result.stderr


def test_a_broken_configuration_is_reported_not_a_traceback(tmp_path) -> None:
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    shutil.copytree(ROOT / "_templates", tmp_path / "_templates")
    shutil.copytree(ROOT / "reports" / EXAMPLES[1], tmp_path / "reports" / EXAMPLES[1])
    (tmp_path / "conf.py").write_text('extensions = ["baocao.sphinxext", "khong_co_module"]\n')
    result = run_cli(tmp_path, "build", "docx")
    assert result.returncode == 2
    assert "Không chạy được Sphinx" in result.stderr
    assert "khong_co_module" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_unit_with_a_file_not_in_utf8_does_not_stop_the_others(tmp_path) -> None:
    from test_docx_support import make_project

    project = make_project(tmp_path)
    broken = project / "reports" / EXAMPLES[1] / "1-dac-diem-tinh-hinh.md"
    broken.write_bytes("# I. Đặc điểm tình hình\n\n".encode() + "Công tác\n".encode("cp1258"))
    done = run_cli(project, "build", "docx", EXAMPLES[1], EXAMPLES[2])
    assert done.returncode == 0, done.stderr
    out = project / "_build" / "docx"
    assert (out / f"{EXAMPLES[1]}-du-thao.docx").is_file()
    assert (out / f"{EXAMPLES[2]}.docx").is_file()
    assert "UTF-8" in done.stderr


def test_a_word_build_leaves_no_docutils_registration_behind(tmp_path: Path) -> None:
    """Two commands in one process (the watcher, tests): the second site build must not
    warn that Sphinx's nodes are registered twice."""
    first = lint_helpers.make_project(tmp_path / "a", lint_helpers.DEPARTMENT)
    second = lint_helpers.make_project(tmp_path / "b", lint_helpers.DEPARTMENT)
    for root in (first, second):
        shutil.copy(ROOT / "conf.py", root / "conf.py")
    assert lint_helpers.run_cli(first, "build", "docx", lint_helpers.DEPARTMENT).code == 0
    built = lint_helpers.run_cli(second, "build", "html", "-j", "1")
    assert built.code == 0 and "already registered" not in built.err, built.err
