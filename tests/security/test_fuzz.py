"""Random units (file trees, symbolic links, toctrees, front matter) against the boundary
of what a unit may read (``baocao.unitpaths``) and the fault boundary (``baocao.faults``).

Linting: whatever the unit, nothing is read from outside it, every link leaving it is
an error, and no input makes the linter fail (a BC009 here would be a bug). Both
builders (few examples, they are slow): nothing from outside is published and the
example unit beside the random ones is built whole.
"""

from __future__ import annotations

import contextlib
import io
import shutil
import tempfile
from pathlib import Path

from attacks import BASE, SECRET, add_unit, docx_text, make_project
from baocao.cli import main
from baocao.lint import lint_unit
from baocao.project import Project
from baocao.unitpaths import may_read, real_unit_dir
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

NAMES = ["a", "b", "c/d", "c/e/f", "g"]
ENTRIES = [
    *NAMES,
    "lien-ket",
    "thu-muc/secret",
    "../so-noi-vu/index",
    "/reports/so-noi-vu/index",
    "../../outside/secret",
    "khong-co",
    "self",
    "Tên <a>",
]
LINKS = {
    "outside-file": lambda out, unit: out / "secret.md",
    "outside-folder": lambda out, unit: out,
    "root": lambda out, unit: Path("/"),
    "environ": lambda out, unit: Path("/proc/self/environ"),
    "inside-file": lambda out, unit: unit / "a.md",
    "inside-folder": lambda out, unit: unit / "c",
    "dangling": lambda out, unit: unit / "khong-co.md",
    "other-unit": lambda out, unit: unit.parent / BASE / "index.md",
}
DATES = [
    "2025-12-12",
    "2023-13-45",
    "2024-02-30",
    "!!python/object:os.system x",
    "9" * 5000,
    "{a: 1}",
    "[1, 2]",
    "'<script>x</script>'",
    "",
    "2025-12-12T10:00:00",
]
RECIPIENTS = [
    "\n  - Sở Nội vụ\n  - Lưu: VT.",
    " {a: 1}",
    " Sở Nội vụ",
    " [[1, [2]]]",
    " !!binary aGk=",
]


@st.composite
def units(draw: st.DrawFn) -> dict:
    files = draw(st.lists(st.sampled_from(NAMES), unique=True, max_size=4))
    toctrees = {
        name: draw(st.lists(st.sampled_from(ENTRIES), max_size=3)) for name in ["index", *files]
    }
    links = draw(
        st.dictionaries(
            st.sampled_from(["lien-ket.md", "thu-muc", "g.md", "anh.png"]),
            st.sampled_from(sorted(LINKS)),
            max_size=3,
        )
    )
    front = {"ngay": draw(st.sampled_from(DATES)), "noi_nhan": draw(st.sampled_from(RECIPIENTS))}
    return {"files": files, "toctrees": toctrees, "links": links, "front": front}


def write_unit(project: Path, slug: str, spec: dict) -> Path:
    unit = project / "reports" / slug
    unit.mkdir()
    outside = project.parent / "outside"
    front = (
        f"---\nmau: mau-02\nnam: 2025\nco_quan: SỞ THỬ\nngay: {spec['front']['ngay']}\n"
        f"noi_nhan:{spec['front']['noi_nhan']}\n---\n"
    )
    for name in ["index", *spec["files"]]:
        path = unit / f"{name}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        toctree = "\n".join(spec["toctrees"][name])
        head = front + "# Báo cáo thử\n" if name == "index" else f"# Mục {name}\n"
        path.write_text(f"{head}\nNội dung {name}.\n\n```{{toctree}}\n{toctree}\n```\n", "utf-8")
    for name, kind in spec["links"].items():
        link = unit / name
        if link.is_symlink() or link.exists():
            link.unlink()
        link.symlink_to(LINKS[kind](outside, unit))
    return unit


def run(project: Path, *args: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with (
        contextlib.chdir(project),
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
    ):
        code = main(list(args))
    return code, err.getvalue()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(spec=units())
def test_lint_never_reads_outside_a_unit_nor_fails(spec: dict) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        project = make_project(Path(tmp))
        unit = write_unit(project, "ngau-nhien", spec)
        result = lint_unit(Project.discover(project), unit)
        codes = [d.code for d in result.diagnostics]
        assert "BC009" not in codes, [d.message("en") for d in result.diagnostics]
        assert result.report is not None
        real = real_unit_dir(unit)
        assert real is not None
        for source in result.report.files:
            assert may_read(unit, source.path)
            assert source.path.resolve().is_relative_to(real)
            assert SECRET not in source.text
        leaving = [
            name
            for name, kind in spec["links"].items()
            if kind in ("outside-file", "outside-folder", "root", "environ", "other-unit")
        ]
        flagged = {d.file for d in result.diagnostics if d.code == "BC007"}
        assert {f"reports/ngau-nhien/{name}" for name in leaving} <= flagged


@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(first=units(), second=units())
def test_builders_publish_nothing_from_outside_and_build_the_others(
    first: dict, second: dict
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        project = make_project(Path(tmp))
        for slug in ("cong-ty-cap-nuoc-binh-minh", "truong-thpt-le-quy-don"):
            shutil.rmtree(project / "reports" / slug)
        write_unit(project, "ngau-nhien-1", first)
        write_unit(project, "ngau-nhien-2", second)
        html_code, html_err = run(project, "build", "html", "-j", "1")
        docx_code, docx_err = run(project, "build", "docx", "-j", "1")
        assert html_code in (0, 1) and docx_code in (0, 1)
        assert "Traceback" not in html_err + docx_err
        build = project / "_build"
        for path in build.rglob("*"):
            if path.suffix in (".html", ".js"):
                assert SECRET not in path.read_text("utf-8", "replace"), path
            elif path.suffix == ".docx":
                assert SECRET not in docx_text(path), path
        page = (build / "html" / "reports" / BASE / "index.html").read_text("utf-8")
        assert "SỞ NỘI VỤ" in page
        assert "SỞ NỘI VỤ" in docx_text(build / "docx" / f"{BASE}.docx")


def test_add_unit_is_the_example_copy(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    unit = add_unit(project, "ban-sao")
    assert (unit / "index.md").read_text("utf-8") == (
        project / "reports" / BASE / "index.md"
    ).read_text("utf-8")
