"""The one rule of what a unit may read (``baocao.unitpaths``), on real folders and links."""

from __future__ import annotations

from pathlib import Path

import pytest
from baocao.unitpaths import (
    links_leaving,
    may_read,
    named_path,
    real_unit_dir,
    unit_files,
    unit_folders,
)


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """reports/u with files, links inside and out; outside/ beside reports/."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text("bí mật", "utf-8")
    unit = tmp_path / "reports" / "u"
    (unit / "sub").mkdir(parents=True)
    (unit / "index.md").write_text("# Báo cáo", "utf-8")
    (unit / "sub" / "a.md").write_text("# A", "utf-8")
    (unit / "copy.md").symlink_to("index.md")
    (unit / "out.md").symlink_to(outside / "secret.md")
    (unit / "linked-sub").symlink_to("sub", target_is_directory=True)
    (unit / "linked-out").symlink_to(outside, target_is_directory=True)
    (unit / "root").symlink_to("/", target_is_directory=True)
    (tmp_path / "reports" / "alias").symlink_to(unit, target_is_directory=True)
    return unit


def test_files_of_the_unit_and_links_staying_inside_may_be_read(tree: Path) -> None:
    assert may_read(tree, tree / "index.md")
    assert may_read(tree, tree / "sub" / "a.md")
    assert may_read(tree, tree / "copy.md")


@pytest.mark.parametrize(
    "rel",
    ["out.md", "linked-out/secret.md", "root/etc/passwd", "linked-sub/a.md", "../x.md", "."],
)
def test_links_leaving_the_unit_linked_folders_and_dot_dot_may_not(tree: Path, rel: str) -> None:
    assert not may_read(tree, Path(str(tree / rel)))


def test_a_unit_folder_that_is_a_link_reads_nothing(tree: Path) -> None:
    alias = tree.parent / "alias"
    assert real_unit_dir(alias) is None
    assert not may_read(alias, alias / "index.md")
    assert list(unit_files(alias)) == []
    assert alias in unit_folders(tree.parent)


def test_listing_a_unit_never_walks_through_a_link(tree: Path) -> None:
    names = {p.relative_to(tree).as_posix() for p in unit_files(tree)}
    assert names == {"index.md", "sub/a.md", "copy.md"}


def test_links_leaving_the_unit_are_found(tree: Path) -> None:
    assert {p.name for p in links_leaving(tree)} == {"out.md", "linked-out", "root"}


def test_named_paths_follow_sphinx(tree: Path) -> None:
    srcdir = tree.parent.parent
    assert named_path("/reports/u/index.md", tree / "sub", srcdir) == tree / "index.md"
    assert named_path("../index.md", tree / "sub", srcdir) == tree / "index.md"
