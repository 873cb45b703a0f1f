"""The entries of a ``{toctree}`` fence: the file each one names, as Sphinx reads it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from baocao.report import load_report
from baocao.unitpaths import UnitScope, may_read

FENCE = """```{toctree}
:maxdepth: 2

chuong-1
chuong-2.md
Phần ba <phan-3/index>
self
.md
ghi.chu.MD
/reports/don-vi/cuoi
../ngoai
```
"""


def unit(tmp_path: Path, fence: str = FENCE) -> Path:
    folder = tmp_path / "reports" / "don-vi"
    folder.mkdir(parents=True)
    (folder / "index.md").write_text("# Báo cáo\n\n" + fence, "utf-8")
    for name in ("chuong-1.md", "chuong-2.md", "phan-3/index.md", ".md.md", "cuoi.md"):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(f"## {name}\n\nNội dung.\n", "utf-8")
    return folder


def test_each_entry_names_its_file_and_suffix(tmp_path: Path) -> None:
    folder = unit(tmp_path)
    report = load_report(folder, tmp_path)
    read = [source.rel for source in report.files]
    assert read == [
        "reports/don-vi/index.md",
        "reports/don-vi/chuong-1.md",
        "reports/don-vi/chuong-2.md",
        "reports/don-vi/phan-3/index.md",
        "reports/don-vi/.md.md",  # ".md" has no suffix: ".md" is added, as Path.suffix says
        "reports/don-vi/cuoi.md",
    ]
    problems = [(d.code, d.line, d.params.get("path")) for d in report.problems]
    assert problems == [
        ("BC003", 11, "reports/don-vi/ghi.chu.MD.md"),  # ".MD" is not ".md"
        ("BC005", 13, None),  # outside the unit
    ]
    assert all(isinstance(source.path, Path) for source in report.files)


def test_an_entry_naming_the_root_faults_as_before(tmp_path: Path) -> None:
    depth = len(Path(tmp_path).parts) + 3
    folder = unit(tmp_path, "```{toctree}\n" + "../" * depth + "\n```\n")
    with pytest.raises(ValueError, match="empty name"):
        load_report(folder, tmp_path)


def test_scope_reads_as_may_read(tmp_path: Path) -> None:
    folder = unit(tmp_path)
    outside = tmp_path / "ngoai.md"
    outside.write_text("x", "utf-8")
    os.symlink(outside, folder / "lien-ket.md")
    os.symlink(tmp_path, folder / "thu-muc")
    scope = UnitScope(folder, folder.resolve())
    for name in ("chuong-1.md", "phan-3/index.md", "lien-ket.md", "thu-muc/ngoai.md", "../x.md"):
        path = os.path.normpath(folder / name)
        assert scope.may_read(path) == may_read(folder, Path(path)), name
    assert scope.may_read(os.path.normpath(folder / "chuong-1.md"))
    assert not scope.may_read(os.path.normpath(folder / "lien-ket.md"))
    assert not UnitScope(folder, None).may_read(os.path.normpath(folder / "chuong-1.md"))
