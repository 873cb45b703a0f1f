"""Whatever a unit's khen-thuong.yaml holds, the loader and the rules BC601-BC612 give
findings, never an exception: random YAML documents of the data's shape with random
values, and random text."""

from __future__ import annotations

import tempfile
from pathlib import Path

import yaml
from baocao import yamlio
from baocao.awards.load import load_unit_awards
from baocao.lint import lint_unit
from baocao.lint.engine import choose_rules
from baocao.project import Project
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from lint_helpers import SCHOOL, make_project

IDS = ["nam", "mau-10", "mau-11", "tong-cong", "giay-khen", "tap-the", "ca-nhan", "truc-tiep"]
IDS += ["danh-sach-de-nghi", "ten", "hinh-thuc", "bang-khen-ubnd-tinh", "xyz", "Giấy khen"]
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(alphabet="0123456789 ,.-ngườiáàảãạmươ", max_size=12),
    st.dates(),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.sampled_from(IDS), inner, max_size=5)
    ),
    max_leaves=30,
)
DOCUMENTS = st.dictionaries(st.sampled_from(IDS), VALUES, max_size=6)
SLOW = [HealthCheck.too_slow, HealthCheck.function_scoped_fixture]


@settings(max_examples=60, deadline=None, suppress_health_check=SLOW)
@given(document=DOCUMENTS)
def test_any_document_of_the_datas_shape_gives_findings(tmp_path: Path, document: dict) -> None:
    with tempfile.TemporaryDirectory(dir=tmp_path) as tmp:
        root = make_project(Path(tmp), SCHOOL)
        unit = root / "reports" / SCHOOL
        text = yaml.safe_dump(document, allow_unicode=True)
        (unit / "khen-thuong.yaml").write_text(text, "utf-8")
        result = lint_unit(Project.discover(root), unit, choose_rules(("BC6",)))
    assert not [d for d in result.diagnostics if d.code == "BC009"], result.diagnostics
    for finding in result.diagnostics:
        assert finding.message("vi") and finding.message("en")


@settings(max_examples=80, deadline=None, suppress_health_check=SLOW)
@given(text=st.text(alphabet="{}[]:,-&*!|>'\"#\n\t abc012ầ", max_size=80))
@example(text="mau-10: [1, 2\n")  # not YAML: a problem at a line of the file
def test_any_text_is_read_without_an_exception(tmp_path: Path, text: str) -> None:
    folder = tmp_path / "u"
    folder.mkdir(exist_ok=True)
    (folder / "khen-thuong.yaml").write_text(text, "utf-8")
    awards = load_unit_awards(folder)
    assert awards is not None
    try:
        yaml.load(text, Loader=yamlio._Loader)  # the loader baocao reads with
    except yaml.YAMLError:
        assert awards.problems, "a file YAML cannot read must be a problem, not data"
    for line, _, _ in awards.problems:
        assert 1 <= line <= text.count("\n") + 2
