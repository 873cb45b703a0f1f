"""Vale styles generated from the terminology file: current, well formed, and correct.

Vale cannot be installed here, so its patterns are rebuilt as Vale builds them
(the substitution and conditional checks of Vale 3) and run with Python's ``re``,
whose ``\\b`` treats Vietnamese letters as word characters, as Vale's regexp2 does.
Where ``vale`` is on PATH, a test also runs it.
"""

from __future__ import annotations

import configparser
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from baocao import vale
from baocao.i18n import set_lang
from baocao.project import Project

ROOT = Path(__file__).resolve().parent.parent
STYLE_DIR = ROOT / "styles" / vale.STYLE
TERM = vale.load_terminology()
REQUIRED = {
    "substitution": {"swap"},
    "existence": {"tokens"},
    "conditional": {"first", "second"},
}


def _ini() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.read_string("[core]\n" + (ROOT / ".vale.ini").read_text("utf-8"))
    return parser["core"]


def _rule(name: str) -> dict:
    return yaml.safe_load((STYLE_DIR / f"{name}.yml").read_text("utf-8"))


def substitution_pattern(rule: dict) -> tuple[re.Pattern[str], list[str]]:
    """Vale's pattern for a substitution rule: the swap keys, longest first, each a
    group, inside the configured WordTemplate, with (?i) when ignorecase is set."""
    keys = sorted(rule["swap"], key=len, reverse=True)
    tokens = "|".join(f"({key})" for key in keys)
    pattern = _ini()["WordTemplate"] % tokens
    if rule.get("ignorecase"):
        pattern = "(?i)" + pattern
    return re.compile(pattern), keys


def substitution_alerts(rule: dict, text: str) -> list[tuple[str, str]]:
    """(observed, expected) for every alert the rule raises on ``text``."""
    pattern, keys = substitution_pattern(rule)
    alerts = []
    for match in pattern.finditer(text):
        index = next(i for i, group in enumerate(match.groups()) if group is not None)
        alerts.append((match[index + 1], rule["swap"][keys[index]]))
    return alerts


def conditional_alerts(rule: dict, text: str) -> list[str]:
    """Vale's conditional check: each `first` match must have been captured by `second`."""
    flags = re.IGNORECASE if rule.get("ignorecase") else 0
    defined = {
        group
        for match in re.finditer(rule["second"], text, flags)
        for group in match.groups()
        if group
    }
    return [m[0] for m in re.finditer(rule["first"], text, flags) if m[0] not in defined]


def test_committed_files_are_current() -> None:
    assert vale.stale(ROOT, TERM) == [], "run: python -m baocao.vale"


def test_check_command_detects_stale_and_stray_files(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.baocao]\n", "utf-8")
    written = vale.write(tmp_path, TERM)
    assert sorted(written) == sorted(vale.render(TERM))
    assert vale.stale(tmp_path, TERM) == []
    spelling = tmp_path / "styles" / "Baocao" / "Spelling.yml"
    spelling.write_text(spelling.read_text("utf-8").replace("bổ sung", "bổ xung"), "utf-8")
    (tmp_path / "styles" / "Baocao" / "Old.yml").write_text("extends: existence\n", "utf-8")
    assert vale.stale(tmp_path, TERM) == ["styles/Baocao/Spelling.yml", "styles/Baocao/Old.yml"]
    done = subprocess.run(
        [str(ROOT / ".venv/bin/python"), "-m", "baocao.vale", "--check"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1
    assert "styles/Baocao/Spelling.yml" in done.stderr and "python -m baocao.vale" in done.stderr


def test_vale_ini_points_at_the_generated_style() -> None:
    core = _ini()
    assert core["StylesPath"] == "styles"
    assert "%s" in core["WordTemplate"]
    text = (ROOT / ".vale.ini").read_text("utf-8")
    assert re.search(r"^\[\*\.md\]\nBasedOnStyles = Baocao$", text, re.MULTILINE)


@pytest.mark.parametrize("path", sorted(STYLE_DIR.glob("*.yml")), ids=lambda p: p.name)
def test_rules_are_valid_yaml_with_the_fields_vale_requires(path: Path) -> None:
    rule = yaml.safe_load(path.read_text("utf-8"))
    assert isinstance(rule, dict)
    assert rule["extends"] in REQUIRED
    assert isinstance(rule["message"], str) and rule["message"].count("%s") >= 1
    assert rule["level"] in {"suggestion", "warning", "error"}
    assert REQUIRED[rule["extends"]] <= set(rule)
    for key in ("first", "second"):
        if key in rule:
            re.compile(rule[key])


def test_every_terminology_entry_is_in_a_rule() -> None:
    spelling, avoid = _rule("Spelling")["swap"], _rule("Avoid")["swap"]
    assert {vale.literal(s.wrong.lower()): s.right for s in TERM.substitutions} == spelling
    assert {vale.literal(a.word.lower()) for a in TERM.avoid} == set(avoid)
    first = _rule("Abbreviations")["first"]
    assert all(re.fullmatch(first, a.short) for a in TERM.abbreviations)


def test_terminology_holds_the_abbreviations_the_linter_needs() -> None:
    shorts = {a.short: a.full for a in TERM.abbreviations}
    for short in ("TĐKT", "UBND", "HĐND", "CBCCVC", "CNVCLĐ", "MTTQ", "CCVC", "BCH"):
        assert short in shorts
    assert shorts["UBND"] == "Ủy ban nhân dân"
    assert shorts["CBCCVC"] == "cán bộ, công chức, viên chức"


@pytest.mark.parametrize("entry", TERM.substitutions, ids=lambda s: s.wrong)
def test_spelling_flags_the_bad_example_only(entry: vale.Substitution) -> None:
    rule = _rule("Spelling")
    alerts = substitution_alerts(rule, entry.bad)
    assert [observed.lower() for observed, _ in alerts] == [entry.wrong.lower()]
    assert alerts[0][1] == entry.right
    assert substitution_alerts(rule, entry.good) == []
    assert entry.right.lower() in entry.good.lower()


@pytest.mark.parametrize("entry", TERM.avoid, ids=lambda a: a.word)
def test_avoid_flags_the_bad_example_only(entry: vale.Avoid) -> None:
    rule = _rule("Avoid")
    alerts = substitution_alerts(rule, entry.bad)
    assert [observed.lower() for observed, _ in alerts] == [entry.word.lower()]
    assert all(choice in alerts[0][1] for choice in entry.instead)
    assert substitution_alerts(rule, entry.good) == []
    assert any(choice in entry.good for choice in entry.instead)


def test_good_examples_pass_every_rule() -> None:
    goods = [e.good for e in TERM.substitutions] + [e.good for e in TERM.avoid]
    for name in ("Spelling", "Avoid"):
        assert [g for g in goods if substitution_alerts(_rule(name), g)] == []


def test_whole_words_only() -> None:
    """A wrong form inside a longer word is not flagged; Vietnamese letters around it count."""
    rule = _rule("Avoid")
    assert substitution_alerts(rule, "Kiểm tra checkpoint và teamwork.") == []
    assert substitution_alerts(rule, "Đã check.") == [("check", "kiểm tra")]
    assert substitution_alerts(_rule("Spelling"), "Ôbổ xungđ") == []


def test_ignorecase_catches_capitals_and_headings() -> None:
    alerts = substitution_alerts(_rule("Spelling"), "BỔ XUNG QUY CHẾ; Đề suất khen thưởng")
    assert alerts == [("BỔ XUNG", "bổ sung"), ("Đề suất", "đề xuất")]


@pytest.mark.parametrize("entry", TERM.abbreviations, ids=lambda a: a.short)
def test_abbreviation_must_be_spelled_out_first(entry: vale.Abbreviation) -> None:
    rule = _rule("Abbreviations")
    bad = f"Năm 2023, {entry.short} đã triển khai kế hoạch."
    good = f"Năm 2023, {entry.full} ({entry.short}) đã triển khai kế hoạch; {entry.short} cũng…"
    assert conditional_alerts(rule, bad) == [entry.short]
    assert conditional_alerts(rule, good) == []


def test_abbreviation_full_form_in_either_tone_style() -> None:
    rule = _rule("Abbreviations")
    assert conditional_alerts(rule, "Uỷ ban nhân dân (UBND) tỉnh; UBND giao.") == []
    assert conditional_alerts(rule, "ỦY BAN NHÂN DÂN (UBND) TỈNH; UBND giao.") == []
    assert conditional_alerts(rule, "Công ty (UBND) và UBND.") == ["UBND", "UBND"]


def test_abbreviation_inside_a_longer_one_is_not_flagged() -> None:
    text = "Cán bộ, công chức, viên chức (CBCCVC) của đơn vị; CBCCVC tham gia."
    assert conditional_alerts(_rule("Abbreviations"), text) == []


def test_generated_files_do_not_depend_on_the_cli_language() -> None:
    vietnamese = vale.render(TERM)
    set_lang("en")
    try:
        assert vale.render(TERM) == vietnamese
    finally:
        set_lang("vi")
    assert _rule("Spelling")["message"] == "Viết đúng là '%s', không phải '%s'."
    assert "Lần đầu dùng" in _rule("Abbreviations")["message"]


def test_malformed_terminology_is_a_configuration_error() -> None:
    with pytest.raises(vale.ConfigError) as caught:
        vale.load_terminology("abbreviations: []\nsubstitutions: [{wrong: a}]\navoid: []\n")
    assert caught.value.exit_code == 2
    assert "substitutions[0].right" in caught.value.render("vi")


def test_example_reports_have_no_spelling_errors() -> None:
    """The example units pass the error-level rule, as Vale would apply it to their text."""
    project = Project.discover(ROOT)
    rule = _rule("Spelling")
    found = []
    for unit in project.unit_dirs():
        for path in sorted(unit.rglob("*.md")):
            body = [ln for ln in path.read_text("utf-8").splitlines() if not ln.startswith("%")]
            found += [(project.rel(path), a) for a in substitution_alerts(rule, "\n".join(body))]
    assert found == []


def test_vale_runs_on_the_examples_and_flags_the_bad_ones(tmp_path: Path) -> None:
    binary = shutil.which("vale")
    if binary is None:
        pytest.skip("vale is not on PATH (it cannot be installed here); patterns checked above")
    examples = tmp_path / "examples.md"
    examples.write_text("\n\n".join(e.bad for e in TERM.substitutions) + "\n", "utf-8")
    done = subprocess.run(
        [binary, "--config", str(ROOT / ".vale.ini"), "--output=JSON", str(examples)],
        capture_output=True,
        text=True,
    )
    alerts = [a for file_alerts in json.loads(done.stdout).values() for a in file_alerts]
    assert {a["Check"] for a in alerts} >= {"Baocao.Spelling"}
    assert len([a for a in alerts if a["Check"] == "Baocao.Spelling"]) == len(TERM.substitutions)
    reports = subprocess.run(
        [binary, "--config", str(ROOT / ".vale.ini"), "--minAlertLevel=error", "reports"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert reports.returncode == 0, reports.stdout + reports.stderr
