"""One walk of a unit: the files it may read in os.walk's sorted order, and the links leaving it."""

from __future__ import annotations

import os
from pathlib import Path

from baocao.unitpaths import UnitScope, UnitWalk, links_leaving, may_read, unit_file_names


def tree(tmp_path: Path) -> Path:
    unit = tmp_path / "reports" / "don-vi"
    for name in ("index.md", "b/z.md", "b/a.md", "a/x.md", "a/c/y.md", "B.md", "_r.png"):
        (unit / name).parent.mkdir(parents=True, exist_ok=True)
        (unit / name).write_text(name, "utf-8")
    outside = tmp_path / "ngoai"
    (outside / "sub").mkdir(parents=True)
    (outside / "f.md").write_text("x", "utf-8")
    os.symlink(outside / "f.md", unit / "b" / "ra-ngoai.md")  # a file outside
    os.symlink(outside, unit / "a" / "thu-muc-ngoai")  # a folder outside: never walked
    os.symlink(unit / "a" / "x.md", unit / "trong.md")  # a file inside: listed
    os.symlink(unit / "b", unit / "lien-ket-b")  # a folder inside: not walked, not leaving
    os.symlink(tmp_path / "khong-co", unit / "gay.md")  # a broken link
    return unit


def test_files_in_sorted_walk_order_never_through_a_link(tmp_path: Path) -> None:
    unit = tree(tmp_path)
    names = [os.path.relpath(name, unit) for name in unit_file_names(unit)]
    assert names == [
        "B.md",
        "_r.png",
        "index.md",
        "trong.md",
        "a/x.md",
        "a/c/y.md",
        "b/a.md",
        "b/z.md",
    ]


def test_links_leaving_are_noted_on_the_same_walk(tmp_path: Path) -> None:
    unit = tree(tmp_path)
    walk = UnitWalk(unit)
    assert not walk.complete
    listed = list(walk.files())
    assert walk.complete and len(listed) == 8
    leaving = sorted(os.path.relpath(link, unit) for link in walk.links_leaving())
    assert leaving == ["a/thu-muc-ngoai", "b/ra-ngoai.md", "gay.md"]
    assert sorted(links_leaving(unit)) == sorted(walk.links_leaving())


def test_links_leaving_walks_when_the_files_were_not_read(tmp_path: Path) -> None:
    unit = tree(tmp_path)
    walk = UnitWalk(unit)
    assert len(walk.links_leaving()) == 3
    assert UnitWalk(unit / "b" / "a.md").links_leaving() == []  # not a unit folder


def test_a_folder_without_links_needs_no_question_to_the_disk(tmp_path: Path) -> None:
    unit = tmp_path / "reports" / "don-vi"
    (unit / "a").mkdir(parents=True)
    (unit / "index.md").write_text("x", "utf-8")
    walk = UnitWalk(unit)
    assert not walk.no_links  # not walked yet
    list(walk.files())
    assert walk.no_links
    scope = UnitScope(unit, unit.resolve(), walk.no_links)
    for name in ("index.md", "a/b.md", "khong-co/c.md", "../ngoai.md", ""):
        path = os.path.normpath(unit / name)
        assert scope.may_read(path) == may_read(unit, Path(path)), name


def test_one_link_anywhere_and_every_path_is_asked_of_the_disk(tmp_path: Path) -> None:
    walk = UnitWalk(tree(tmp_path))
    list(walk.files())
    assert walk.complete and not walk.no_links
