"""``baocao lint`` checks a unit's khen-thuong.yaml with its report: the data file's
findings carry its own path and line, in every output format and language, and a data
file nothing can read is that unit's finding, never a crash."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
from lint_helpers import COMPANY, DEPARTMENT, EXAMPLES, ROOT, SCHOOL, lint, make_project, run_cli

SCHEMA = ROOT / "tooling" / "baocao" / "data" / "lint-output.schema.json"
DATA = "khen-thuong.yaml"


def test_the_examples_have_data_and_no_finding_about_it(tmp_path: Path) -> None:
    root = make_project(tmp_path, *EXAMPLES)
    for unit in EXAMPLES:
        assert (root / "reports" / unit / DATA).is_file()
        result = lint(root, unit)
        assert not [d for d in result.diagnostics if d.code.startswith("BC6")], unit


def test_json_names_the_data_file_and_validates(tmp_path: Path) -> None:
    root = make_project(tmp_path, SCHOOL)
    path = root / "reports" / SCHOOL / DATA
    path.write_text(
        path.read_text("utf-8").replace("{ca-nhan: 96}", "{ca-nhan: 96 người}"), "utf-8"
    )
    run = run_cli(root, "lint", "--format", "json")
    assert run.code == 1
    data = run.json()
    jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text("utf-8"))).validate(data)
    (found,) = [d for u in data["units"] for d in u["diagnostics"] if d["code"] == "BC605"]
    assert found["file"] == f"reports/{SCHOOL}/{DATA}"
    assert found["line"] == 9
    assert "96" in found["message"]


def test_naming_the_data_file_lints_its_unit_in_english(tmp_path: Path) -> None:
    root = make_project(tmp_path, DEPARTMENT, COMPANY)
    path = root / "reports" / DEPARTMENT / DATA
    path.write_text(path.read_text("utf-8").replace("nam: 2025", "nam: 2024"), "utf-8")
    run = run_cli(root, "--lang", "en", "lint", f"reports/{DEPARTMENT}/{DATA}")
    assert run.code == 1
    assert f"reports/{DEPARTMENT}/{DATA}:4: BC606" in run.out
    assert "The commendation data is for 2024, the report for 2025" in run.out
    assert COMPANY not in run.out


def test_github_annotations_point_at_the_data_file(tmp_path: Path) -> None:
    root = make_project(tmp_path, SCHOOL)
    path = root / "reports" / SCHOOL / DATA
    path.write_text("nam: 2025\nmau-10:\n  giay-khen: {tap-the: 3, ca-nhan: 14\n", "utf-8")
    run = run_cli(root, "lint", "--format", "github")
    assert f"file=reports/{SCHOOL}/{DATA},line=4" in run.out


def test_garbage_in_the_data_file_is_the_units_finding(tmp_path: Path) -> None:
    root = make_project(tmp_path, SCHOOL, DEPARTMENT)
    (root / "reports" / SCHOOL / DATA).write_bytes(b"\x00\xff\xfe garbage \x81\x82")
    run = run_cli(root, "lint", "--format", "json")
    by_unit = {u["unit"]: u for u in run.json()["units"]}
    codes = [d["code"] for d in by_unit[SCHOOL]["diagnostics"]]
    assert codes == ["BC602"]
    assert by_unit[SCHOOL]["sections"]["present"] == 19  # the report itself still read
    assert by_unit[DEPARTMENT]["diagnostics"] == []


def test_a_data_file_linked_from_outside_is_not_read(tmp_path: Path) -> None:
    root = make_project(tmp_path, SCHOOL)
    outside = tmp_path / "secret.yaml"
    outside.write_text("nam: 2025\nmau-10:\n  giay-khen: {tap-the: 99}\n", "utf-8")
    target = root / "reports" / SCHOOL / DATA
    target.unlink()
    target.symlink_to(outside)
    result = lint(root, SCHOOL)
    found = [(d.code, d.key) for d in result.diagnostics if d.code.startswith("BC6")]
    assert found == [("BC602", "awards.outside-unit")]


def test_explain_is_unchanged_by_the_data(tmp_path: Path) -> None:
    root = make_project(tmp_path, SCHOOL)
    with_data = run_cli(root, "lint", "--explain", "--format", "json").json()
    (root / "reports" / SCHOOL / DATA).unlink()
    without = run_cli(root, "lint", "--explain", "--format", "json").json()
    assert with_data["units"][0]["headings"] == without["units"][0]["headings"]
    codes = [d["code"] for d in without["units"][0]["diagnostics"]]
    assert codes == ["BC601"]


def test_every_message_the_awards_code_can_name_exists_in_both_languages() -> None:
    """Message ids built from parts in the rules (awards.unknown-{what}, …) all exist."""
    from baocao.i18n import catalogue

    built = [
        f"awards.unknown-{what}{known}"
        for what in ("table", "kind", "column", "nominee-kind")
        for known in ("", "-known")
    ]
    built += [f"awards.not-for-{r}" for r in ("collective", "individual", "household")]
    built += [f"awards.nominee-not-{r}" for r in ("collective", "individual")]
    built += [f"awards.list-mismatch-{r}" for r in ("collective", "individual")]
    built += [f"awards.nominee-no-{key}" for key in ("ten", "hinh-thuc")]
    built += [
        f"awards.prose-{what}-{r}"
        for what in ("count", "total")
        for r in ("collective", "individual", "household", "combined")
    ]
    messages = catalogue()
    for key in built:
        assert key in messages, key
    for key, entry in messages.items():
        if key.startswith("awards."):
            assert entry.get("vi") and entry.get("en"), key


def test_a_malformed_schema_is_told_once_per_unit_and_the_report_still_checked(
    tmp_path: Path,
) -> None:
    root = make_project(tmp_path, SCHOOL)
    schema = root / "_templates" / "forms" / "mau-02" / DATA
    text = schema.read_text("utf-8")
    schema.write_text(text.replace("    recipient: household\n", "    recipient: hộ\n"), "utf-8")
    line = text[: text.index("    recipient: household\n")].count("\n") + 1
    result = lint(root, SCHOOL)
    (found,) = [d for d in result.diagnostics if d.code.startswith("BC6")]
    assert (found.code, found.file, found.line) == (
        "BC602",
        "_templates/forms/mau-02/" + DATA,
        line,
    )
    assert "recipient" in found.message("vi") and "recipient" in found.message("en")
    assert result.present == 19  # the report itself was read and checked
