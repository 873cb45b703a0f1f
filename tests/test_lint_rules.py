"""Every lint rule on realistic units: the cases in tests/rules/cases/BCxxx.yml.

Each file names its rule and holds ``fail`` and ``pass`` cases. A case copies a
real example unit (``base: school`` = reports/truong-thpt-le-quy-don, a single
file; ``base: department`` = reports/so-noi-vu, a tree) and changes it with
operations, paths relative to the unit's folder:

- ``replace: {file, old, new}``  ``old`` must occur in the file (exactly once
  unless ``count`` says how many occurrences to replace; ``count: all`` for all)
- ``append: {file, text}``       add text at the end of the file
- ``write: {file, text, encoding}`` write a whole file (UTF-8 unless ``encoding``)
- ``delete_line: {file, match}``  delete the one line containing ``match``
- ``replace_line: {file, match, new}``  replace the one line containing ``match``
- ``replace_lines: {file, start, end, new}``  replace the lines from the one
  containing ``start`` to the one containing ``end`` (inclusive)
- ``normalize: {file, form}``     rewrite a file in Unicode form NFC or NFD
- ``delete: {file}``              remove a file
- ``symlink: {file, target}``     make ``file`` (a file or a folder) a link to ``target``

``encoding: cp1258`` writes Vietnamese as Windows-1258 does (base letters and
precomposed vowels, tone marks as separate combining characters).

A case may set ``settings`` (lines added to ``[tool.baocao]``; ``{root}`` is the
repository, to point at a fixture such as ``forms_dir``), and ``fault_in: CODE``
(that rule raises, as a bug would make it). A fail case lists
``expect``: findings of the rule that must appear (``file``, ``line`` and
optionally ``section``, ``field``, ``severity``); ``count`` fixes how many
findings of the rule there are. A pass case asserts that the rule finds nothing;
``clean: true`` asserts that no rule finds anything.
"""

from __future__ import annotations

import os
import re
import shutil
import unicodedata
from pathlib import Path

import pytest
import yaml
from baocao.lint.rules import ALL_RULES, BY_CODE
from lint_helpers import DEPARTMENT, ROOT, SCHOOL, lint

CASES_DIR = Path(__file__).parent / "rules" / "cases"
BASES = {"school": SCHOOL, "department": DEPARTMENT}
_TEMPLATE_CACHE: dict[str, Path] = {}


def load_cases() -> dict[str, dict]:
    return {
        path.stem: yaml.safe_load(path.read_text("utf-8"))
        for path in sorted(CASES_DIR.glob("BC*.yml"))
    }


CASES = load_cases()


def _params():
    for code, data in CASES.items():
        for kind in ("fail", "pass"):
            for case in data.get(kind, []):
                yield pytest.param(code, kind, case, id=f"{code}-{kind}-{case['name']}")


def build_unit(tmp_path: Path, case: dict) -> tuple[Path, str]:
    """A project with the case's base unit changed by its operations."""
    root = tmp_path / "proj"
    root.mkdir()
    pyproject = (ROOT / "pyproject.toml").read_text("utf-8")
    settings = (case.get("settings") or "").replace("{root}", ROOT.as_posix())
    for line in settings.strip().splitlines():
        key = line.split("=", 1)[0].strip()  # a setting the project has is replaced
        pyproject = re.sub(rf"(?m)^{re.escape(key)}\s*=.*\n", "", pyproject)
        pyproject += line + "\n"
    (root / "pyproject.toml").write_text(pyproject, "utf-8")
    (root / "_templates").symlink_to(ROOT / "_templates", target_is_directory=True)
    unit = BASES[case.get("base", "school")]
    unit_dir = root / "reports" / unit
    shutil.copytree(ROOT / "reports" / unit, unit_dir)
    for op in case.get("ops", []):
        apply_op(unit_dir, op)
    return root, unit


def apply_op(unit_dir: Path, op: dict) -> None:
    (kind, args), *rest = op.items()
    assert not rest, f"one operation per item: {op}"
    path = unit_dir / args["file"]
    if kind == "replace":
        text = path.read_text("utf-8")
        found = text.count(args["old"])
        count = args.get("count", 1)
        if count == "all":
            assert found, f"{args['old']!r} not in {args['file']}"
            text = text.replace(args["old"], args["new"])
        else:
            assert found == count, f"{args['old']!r} occurs {found} times in {args['file']}"
            text = text.replace(args["old"], args["new"])
        path.write_bytes(text.encode("utf-8"))
    elif kind == "append":
        text = path.read_text("utf-8")
        path.write_bytes((text.rstrip("\n") + "\n" + args["text"]).encode("utf-8"))
    elif kind == "write":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(encode(args["text"], args.get("encoding", "utf-8")))
    elif kind in ("delete_line", "replace_line"):
        lines = path.read_text("utf-8").split("\n")
        at = _line_of(lines, args["match"], args["file"])
        lines[at : at + 1] = [] if kind == "delete_line" else [args["new"]]
        path.write_bytes("\n".join(lines).encode("utf-8"))
    elif kind == "replace_lines":
        lines = path.read_text("utf-8").split("\n")
        start, end = (
            _line_of(lines, args["start"], args["file"]),
            _line_of(lines, args["end"], args["file"]),
        )
        assert start <= end, op
        lines[start : end + 1] = [args["new"]]
        path.write_bytes("\n".join(lines).encode("utf-8"))
    elif kind == "normalize":
        text = path.read_text("utf-8")
        path.write_bytes(unicodedata.normalize(args["form"], text).encode("utf-8"))
    elif kind == "chmod":
        path.chmod(int(str(args["mode"]), 0))
    elif kind == "delete":
        path.unlink()
    elif kind == "symlink":
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink(missing_ok=True)
        path.symlink_to(args["target"])
    else:  # pragma: no cover - a typo in a case file
        raise AssertionError(f"unknown operation {kind}")


def _line_of(lines: list[str], match: str, file: str) -> int:
    hits = [i for i, line in enumerate(lines) if match in line]
    assert len(hits) == 1, f"{match!r} on {len(hits)} lines of {file}"
    return hits[0]


_TONES = "\u0300\u0301\u0303\u0309\u0323"


def encode(text: str, encoding: str) -> bytes:
    """``text`` in ``encoding``; for cp1258, tone marks kept apart as Windows-1258 writes them."""
    if encoding.lower() != "cp1258":
        return text.encode(encoding)
    out: list[str] = []
    for char in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", char)
        tones = "".join(c for c in parts if c in _TONES)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
        out.append(base + tones)
    return "".join(out).encode("cp1258")


def _describe(result) -> str:
    return "\n".join(f"{d.file}:{d.line}: {d.code} {d.message('en')}" for d in result.diagnostics)


class InjectedFault(RuntimeError):
    """A rule failing, as a bug would make it (a case's ``fault_in: CODE``)."""


def _fail(self, ctx):
    raise InjectedFault("injected")


@pytest.mark.parametrize(("code", "kind", "case"), list(_params()))
def test_rule_case(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: str, kind: str, case: dict
) -> None:
    if case.get("skip_if_root") and hasattr(os, "geteuid") and os.geteuid() == 0:
        pytest.skip("root reads files whatever their mode")
    if case.get("fault_in"):
        monkeypatch.setattr(BY_CODE[case["fault_in"]], "check", _fail)
    root, unit = build_unit(tmp_path, case)
    result = lint(root, unit)
    found = [d for d in result.diagnostics if d.code == code]
    prefix = f"reports/{unit}/"
    if kind == "pass":
        assert not found, _describe(result)
        if case.get("clean"):
            assert not result.diagnostics, _describe(result)
        return
    assert found, f"{code} not reported; got:\n{_describe(result)}"
    for expected in case.get("expect", []):
        want = {
            "file": prefix + expected["file"],
            **{k: expected[k] for k in expected if k != "file"},
        }
        assert any(all(getattr(d, key) == value for key, value in want.items()) for d in found), (
            f"no {code} finding {want}; got:\n{_describe(result)}"
        )
    if "count" in case:
        assert len(found) == case["count"], _describe(result)
    if case.get("only"):
        others = [d for d in result.diagnostics if d.code != code]
        assert not others, _describe(result)


def test_every_rule_has_cases() -> None:
    assert sorted(CASES) == sorted(BY_CODE)
    for code, data in CASES.items():
        assert data["rule"] == code
        assert data.get("fail") and data.get("pass"), code
        names = [c["name"] for kind in ("fail", "pass") for c in data[kind]]
        # the docstring's examples, by name
        assert any(c["name"].startswith("doc-bad") for c in data["fail"]), code
        assert any(c["name"].startswith("doc-good") for c in data["pass"]), code
        assert len(names) == len(set(names)), f"{code}: case names repeat"


def test_registry_codes_and_names() -> None:
    codes = [rule.code for rule in ALL_RULES]
    assert codes == sorted(codes)
    assert len(set(codes)) == len(codes)
    expected = {f"BC00{i}" for i in range(1, 6)} | {f"BC10{i}" for i in range(1, 7)}
    expected |= {f"BC{f}0{i}" for f in (2, 4, 5) for i in range(1, 6)}
    expected |= {f"BC30{i}" for i in range(1, 5)}
    assert expected <= set(codes), sorted(expected - set(codes))
    for rule in ALL_RULES:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rule.name), rule.name
        assert rule.severity in ("error", "warning")


# ---- the rules' documentation: shape, and its examples are cases ----

_FENCE = re.compile(r"^(?P<fence>`{3,})\w*\n(?P<body>.*?)^(?P=fence)\s*$", re.MULTILINE | re.DOTALL)


def doc_sections(rule) -> tuple[str, str, str]:
    """(summary, bad example, good example) of a rule's docstring."""
    import inspect

    doc = inspect.cleandoc(rule.__doc__ or "")
    summary = doc.split("\n", 1)[0]
    bad_at, good_at = doc.find("Ví dụ sai:"), doc.find("Ví dụ đúng:")
    assert 0 < bad_at < good_at, f"{rule.code}: needs 'Ví dụ sai:' then 'Ví dụ đúng:'"
    bad = _FENCE.search(doc[bad_at:good_at])
    good = _FENCE.search(doc[good_at:])
    assert bad and good, f"{rule.code}: each example needs a fenced block"
    return summary, bad["body"], good["body"]


def key_lines(bad: str, good: str) -> list[str]:
    """The lines of the bad example that the good one does not have."""
    good_lines = {line.strip() for line in good.splitlines()}
    return [
        line.strip()
        for line in bad.splitlines()
        if line.strip()
        and line.strip() not in good_lines
        and not re.fullmatch(r"`+\w*", line.strip())
    ]


def key_text(bad: str, good: str) -> str:
    """What a case must hold to be the doc's example: its longest distinguishing line, or
    the whole example when it differs from the good one only in order."""
    keys = key_lines(bad, good)
    return norm(max(keys, key=len) if keys else bad)


def norm(text: str) -> str:
    """Lines stripped of heading marks, list markers and blank lines; "␠" is a space."""
    lines = (re.sub(r"^\s*(#+|-)\s+", "", line) for line in text.replace("␠", " ").splitlines())
    return "\n".join(line.strip() for line in lines if line.strip())


def _case_texts(case: dict) -> str:
    parts = [case.get("settings") or ""]
    for op in case.get("ops", []):
        for kind, args in op.items():
            parts += [str(args.get(k, "")) for k in ("new", "text")]
            if kind == "symlink":
                parts.append(f"{args['file']} -> {args['target']}")
    return norm("\n".join(parts))


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.code)
def test_rule_doc_shape(rule) -> None:
    summary, bad, good = doc_sections(rule)
    assert summary.strip() and len(summary) <= 120, summary
    assert summary.rstrip().endswith((".", ")")), summary
    assert bad != good


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.code)
def test_rule_doc_examples_are_cases(rule) -> None:
    _, bad, good = doc_sections(rule)
    fails = CASES[rule.code]["fail"]
    if not bad.strip():  # an empty bad example: an empty file
        assert any(
            "write" in op and not op["write"]["text"].strip() for c in fails for op in c["ops"]
        ), f"{rule.code}: no fail case writes an empty file"
    else:
        key = key_text(bad, good)
        assert any(key in _case_texts(c) for c in fails), f"{rule.code}: no fail case has {key!r}"
    if key_lines(good, bad):
        key = key_text(good, bad)
        passes = CASES[rule.code]["pass"]
        assert any(key in _case_texts(c) for c in passes), f"{rule.code}: no pass case has {key!r}"


def test_unreadable_file_as_any_user(tmp_path: Path, monkeypatch) -> None:
    """BC006 when reading fails (as root, chmod cannot make it fail: simulate the error)."""
    root, unit = build_unit(tmp_path, {"base": "department"})
    target = (root / "reports" / unit / "1-dac-diem-tinh-hinh.md").resolve()
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.resolve() == target:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    result = lint(root, unit)
    found = [d for d in result.diagnostics if d.code == "BC006"]
    assert [(d.file, d.line) for d in found] == [(f"reports/{unit}/1-dac-diem-tinh-hinh.md", 1)]
    assert "Permission denied" in found[0].message("en")
