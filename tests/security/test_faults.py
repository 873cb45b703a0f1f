"""The fault boundary of a unit: a failure injected into one stage for one unit of
several becomes that unit's finding, its page and Word file are left out, every
other unit comes out whole, the exit code is 1 and the JSON contract holds."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest
from attacks import EXAMPLES, ROOT, add_unit, docx_text, make_project
from attacks import run_here as run
from bs4 import BeautifulSoup

SCHEMA = json.loads((ROOT / "tooling/baocao/data/lint-output.schema.json").read_text("utf-8"))
VICTIM = "bi-loi"


class Injected(RuntimeError):
    pass


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CI", "true")
    root = make_project(tmp_path)
    add_unit(root, VICTIM)
    return root


def fail_for_victim(original: Callable, where: Callable[..., str]) -> Callable:
    """``original``, raising instead when ``where(*args)`` names the victim unit."""

    def patched(*args, **kwargs):
        if f"reports/{VICTIM}" in where(*args, **kwargs):
            raise Injected(f"injected failure in {VICTIM}")
        return original(*args, **kwargs)

    return patched


def test_a_rule_raising_is_the_units_finding_and_the_json_contract_holds(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from baocao.lint.rules.structure import MissingSection

    monkeypatch.setattr(
        MissingSection,
        "check",
        fail_for_victim(MissingSection.check, lambda self, ctx: f"reports/{ctx.report.unit}/"),
    )
    code, out, err = run(project, "lint", "--format", "json")
    assert code == 1 and "Traceback" not in err
    data = json.loads(out)
    jsonschema.validate(data, SCHEMA)
    by_unit = {unit["unit"]: unit for unit in data["units"]}
    victim = by_unit[VICTIM]["diagnostics"]
    assert [d["code"] for d in victim] == ["BC009"]
    assert victim[0]["file"] == f"reports/{VICTIM}/index.md" and victim[0]["line"] == 1
    assert "injected failure" in victim[0]["message"]
    for unit in EXAMPLES:
        assert by_unit[unit]["sections"]["required"] > 0
        assert not [d for d in by_unit[unit]["diagnostics"] if d["severity"] == "error"]


def _source(*args, **kwargs) -> str:
    """The source file named by a docutils document or a transform's document."""
    for arg in args:
        document = getattr(arg, "document", arg)
        settings = getattr(document, "get", None)
        if settings is not None and document.get("source"):
            return str(document["source"])
    return ""


def _patch_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    from baocao.sphinxext.parser import SafeMystParser

    patched = fail_for_victim(SafeMystParser.parse, lambda self, text, doc: doc["source"])
    monkeypatch.setattr(SafeMystParser, "parse", patched)


def _patch_transform(monkeypatch: pytest.MonkeyPatch) -> None:
    from baocao.sphinxext.safety import RemoveUnsafeNodes

    patched = fail_for_victim(RemoveUnsafeNodes.apply, lambda self, **kw: self.document["source"])
    monkeypatch.setattr(RemoveUnsafeNodes, "apply", patched)


def _patch_collect(monkeypatch: pytest.MonkeyPatch) -> None:
    from baocao.sphinxext import units

    patched = fail_for_victim(units.dependencies, lambda project, unit_dir: f"{unit_dir}/")
    monkeypatch.setattr(units, "dependencies", patched)


def _patch_page(monkeypatch: pytest.MonkeyPatch) -> None:
    from baocao.sphinxext.assemble import AssembleUnitPage

    patched = fail_for_victim(AssembleUnitPage.run, lambda self, **kw: self.env.docname)
    monkeypatch.setattr(AssembleUnitPage, "run", patched)


def _patch_write(monkeypatch: pytest.MonkeyPatch) -> None:
    from baocao.sphinxext.builder import ReportsHTMLBuilder

    patched = fail_for_victim(
        ReportsHTMLBuilder.handle_page, lambda self, pagename, *a, **kw: pagename
    )
    monkeypatch.setattr(ReportsHTMLBuilder, "handle_page", patched)


@pytest.mark.parametrize(
    ("inject", "read_fault"),
    [
        (_patch_parser, True),
        (_patch_transform, True),
        (_patch_collect, True),
        (_patch_page, False),
        (_patch_write, False),
    ],
    ids=["read", "transform", "collect", "assemble", "write"],
)
def test_a_site_stage_failing_for_one_unit_leaves_out_its_page_only(
    project: Path, monkeypatch: pytest.MonkeyPatch, inject: Callable, read_fault: bool
) -> None:
    """A fault while reading leaves out the unit's page and Word file; a fault while
    writing its page (a stage the Word builder does not run) its page only."""
    inject(monkeypatch)
    code, _, err = run(project, "build", "html", "-j", "1")
    assert code == 1, err[-3000:]
    assert "Traceback" not in err and "injected failure" in err
    html = project / "_build" / "html"
    assert not (html / "reports" / VICTIM / "index.html").exists()
    for unit in EXAMPLES:
        page = BeautifulSoup((html / "reports" / unit / "index.html").read_text("utf-8"), "lxml")
        assert page.select_one(".baocao-signature") is not None, unit
        assert len(page.select("main h2")) >= 3, unit
    dashboard = BeautifulSoup((html / "index.html").read_text("utf-8"), "lxml")
    row = next(r for r in dashboard.select("tr") if VICTIM in r.get_text())
    assert "injected failure" in row.get_text() and row.select_one("a") is None
    # The Word files: the victim's is left out after a reading fault, the others are made.
    code, _, err = run(project, "build", "docx", "-j", "1")
    assert code == (1 if read_fault else 0) and "Traceback" not in err
    docx = project / "_build" / "docx"
    assert bool(list(docx.glob(f"{VICTIM}*.docx"))) is not read_fault
    for unit in EXAMPLES:
        assert "BÁO CÁO" in docx_text(docx / f"{unit}.docx")


def test_converting_one_units_word_file_failing_leaves_the_others(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its Word file of an earlier build is removed too: it would be published."""
    from baocao.docx import convert

    assert run(project, "build", "html", "-j", "1")[0] == 0
    assert run(project, "build", "docx", "-j", "1")[0] == 0
    docx = project / "_build" / "docx"
    assert list(docx.glob(f"{VICTIM}*.docx"))
    patched = fail_for_victim(convert.finish, lambda data, meta, nd: f"reports/{meta.unit}")
    monkeypatch.setattr(convert, "finish", patched)
    code, _, err = run(project, "build", "docx", "-j", "1")
    assert code == 1 and "Traceback" not in err and VICTIM in err
    assert not list(docx.glob(f"{VICTIM}*.docx"))
    for unit in EXAMPLES:
        assert "BÁO CÁO" in docx_text(docx / f"{unit}.docx")
