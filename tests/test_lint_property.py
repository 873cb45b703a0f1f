"""Property: whatever a unit's folder holds, the linter reports findings, never a traceback.

Random Unicode, broken front matter, random heading trees (with bold paragraphs,
toctrees to files that exist, are missing, leave the unit or are not UTF-8).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from baocao.forms import load_form
from baocao.lint import lint_unit
from baocao.project import Project
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lint_helpers import ROOT, make_project, run_cli

FORM = load_form((ROOT / "_templates" / "forms").resolve(), "mau-02")
TITLES = [n.heading_for(2025) for n in FORM.walk()] + [n.title_for(2025) for n in FORM.walk()]
KEYS = [
    *("mau", "nam", "co_quan", "so_ky_hieu", "dia_danh"),
    *("ngay", "chuc_vu", "nguoi_ky", "noi_nhan"),
]

small_text = st.text(max_size=60)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 3000),
    small_text,
    st.dates().map(str),
    st.lists(small_text, max_size=3),
    st.dictionaries(small_text, small_text, max_size=2),
)
good_front = st.dictionaries(st.sampled_from(KEYS), scalars, max_size=9).map(
    lambda d: "---\n" + yaml.safe_dump(d, allow_unicode=True) + "---\n"
)
broken_front = st.one_of(
    small_text.map(lambda t: f"---\n{t}\n---\n"),
    small_text.map(lambda t: f'---\nco_quan: "{t}\nnam: [\n---\n'),
    good_front.map(lambda t: t[: len(t) // 2]),  # cut in the middle
    st.just("---\n---\n"),
    st.just(""),
)
title = st.one_of(
    st.sampled_from(TITLES),
    st.sampled_from(TITLES).map(str.upper),
    st.sampled_from(TITLES).map(lambda t: t[: max(1, len(t) // 2)]),
    small_text,
)
heading = st.tuples(
    st.integers(1, 6), title, st.booleans(), st.one_of(st.just(""), st.text(max_size=120))
)


def render_heading(level: int, text: str, bold: bool, body: str) -> str:
    text = text.replace("\n", " ").strip() or "x"
    line = f"**{text}**" if bold else "#" * level + " " + text
    return f"{line}\n\n{body}\n\n"


children = st.lists(
    st.tuples(
        st.sampled_from(["a", "b/c", "../ngoai", "/tuyet-doi", "khong-co", "a"]),
        st.one_of(
            st.lists(heading, max_size=4).map(
                lambda hs: "".join(render_heading(*h) for h in hs).encode("utf-8")
            ),
            st.binary(max_size=80),
            st.text(max_size=80).map(lambda t: t.encode("utf-8", "surrogatepass")),
        ),
    ),
    max_size=3,
)


@st.composite
def units(draw) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    front = draw(st.one_of(good_front, broken_front))
    body = "".join(render_heading(*h) for h in draw(st.lists(heading, max_size=12)))
    extra = draw(st.one_of(st.just(""), st.text(max_size=200)))
    entries = draw(children)
    toctree = ""
    if entries:
        toctree = "```{toctree}\n" + "\n".join(name for name, _ in entries) + "\n```\n\n"
        for name, data in entries:
            if not name.startswith(("..", "/")) and name != "khong-co":
                files[f"{name}.md"] = data
    index = front + "\n# Báo cáo\n\n" + toctree + body + extra
    files["index.md"] = index.encode("utf-8", "surrogatepass")
    return files


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    return make_project(tmp_path_factory.mktemp("prop"))


def write_unit(root: Path, files: dict[str, bytes]) -> Path:
    unit = root / "reports" / "ngau-nhien"
    shutil.rmtree(unit, ignore_errors=True)
    for name, data in files.items():
        path = unit / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return unit


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(files=units())
def test_lint_never_raises(project: Path, files: dict[str, bytes]) -> None:
    unit = write_unit(project, files)
    result = lint_unit(Project.discover(project), unit)
    for d in result.diagnostics:
        assert d.line >= 1 and d.file
        assert d.message("vi") and d.message("en")
    done = run_cli(project, "lint", "reports/ngau-nhien", "--format", "json")
    assert done.code in (0, 1), done.err
    assert "Traceback" not in done.err and not done.err.strip(), done.err
    assert len(done.json()["units"][0]["diagnostics"]) == len(result.diagnostics)


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(files=units())
def test_fix_never_raises_and_settles(project: Path, files: dict[str, bytes]) -> None:
    write_unit(project, files)
    first = run_cli(project, "lint", "reports/ngau-nhien", "--fix", "--format", "json")
    assert first.code in (0, 1), first.err
    assert "Traceback" not in first.err
    second = run_cli(project, "lint", "reports/ngau-nhien", "--diff")
    assert second.code in (0, 1)
    assert "\n+++ b/" not in "\n" + second.out, second.out  # a second fix has nothing to do
