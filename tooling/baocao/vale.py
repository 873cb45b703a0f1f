"""Vale's configuration, generated from the project's one terminology file.

``data/terminology.yaml`` lists abbreviations, wrong spellings and words to
avoid; the linter reads it too. From it this module renders ``.vale.ini`` and
three rules in ``styles/Baocao/``:

- ``Spelling`` (substitution, error): wrong spellings and forms;
- ``Avoid`` (substitution, warning): words that do not belong in an
  administrative report, with what to write instead;
- ``Abbreviations`` (conditional, suggestion): an abbreviation used before its
  full form has been written with the abbreviation in brackets.

``python -m baocao.vale`` writes the files; ``--check`` exits 1 when the
committed ones are stale. Vale builds a substitution's pattern from
``WORD_TEMPLATE`` and the swap keys; Vale's regex engine (regexp2) and Python's
``re`` both treat Vietnamese letters as word characters for ``\\b``.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import click
import yaml

from baocao.config import find_root
from baocao.errors import ConfigError
from baocao.fsutil import write_atomic
from baocao.i18n import LANGUAGES, set_lang, t
from baocao.lint.tone import to_style

TERMINOLOGY = "tooling/baocao/data/terminology.yaml"
STYLE = "Baocao"
STYLES_PATH = "styles"
WORD_TEMPLATE = r"\b(?:%s)\b"
GENERATED = f"Generated from {TERMINOLOGY} by `python -m baocao.vale`; do not edit by hand."

_META = re.compile(r"([\\.+*?()|\[\]{}^$])")


@dataclass(frozen=True)
class Abbreviation:
    short: str
    full: str


@dataclass(frozen=True)
class Substitution:
    wrong: str
    right: str
    bad: str
    good: str


@dataclass(frozen=True)
class Avoid:
    word: str
    instead: tuple[str, ...]
    bad: str
    good: str


@dataclass(frozen=True)
class Terminology:
    abbreviations: tuple[Abbreviation, ...]
    substitutions: tuple[Substitution, ...]
    avoid: tuple[Avoid, ...]


def _problem(kind: str, where: str) -> ConfigError:
    return ConfigError(f"vale.bad-{kind}", file=TERMINOLOGY, where=where)


def _text(entry: dict[str, Any], key: str, where: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise _problem("text", f"{where}.{key}")
    return unicodedata.normalize("NFC", value.strip())


def _entries(data: dict[str, Any], key: str) -> list[tuple[str, dict[str, Any]]]:
    items = data.get(key)
    if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
        raise _problem("list", key)
    return [(f"{key}[{index}]", item) for index, item in enumerate(items)]


def _choices(entry: dict[str, Any], where: str) -> tuple[str, ...]:
    raw = entry.get("instead")
    values = [raw] if isinstance(raw, str) else raw
    if not isinstance(values, list) or not values:
        raise _problem("text", f"{where}.instead")
    return tuple(_text({"instead": value}, "instead", where) for value in values)


def load_terminology(text: str | None = None) -> Terminology:
    """Read the terminology file (the packaged one unless ``text`` is given)."""
    if text is None:
        text = resources.files("baocao").joinpath("data/terminology.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    if not isinstance(data, dict):
        raise _problem("mapping", "/")
    return Terminology(
        tuple(
            Abbreviation(_text(e, "short", w), _text(e, "full", w))
            for w, e in _entries(data, "abbreviations")
        ),
        tuple(
            Substitution(*(_text(e, k, w) for k in ("wrong", "right", "bad", "good")))
            for w, e in _entries(data, "substitutions")
        ),
        tuple(
            Avoid(_text(e, "word", w), _choices(e, w), _text(e, "bad", w), _text(e, "good", w))
            for w, e in _entries(data, "avoid")
        ),
    )


def literal(text: str) -> str:
    """``text`` as a regex matching itself (in Vale's engine and in Python's)."""
    return _META.sub(r"\\\1", text)


def tone_variants(text: str) -> list[str]:
    """``text`` in both tone-mark placements ("Ủy ban", "Uỷ ban"), without repeats."""
    return list(dict.fromkeys([text, to_style(text, "hòa"), to_style(text, "hoà")]))


def rules(term: Terminology) -> dict[str, dict[str, Any]]:
    """The Vale rules, by name (file ``styles/Baocao/<name>.yml``)."""
    fulls = [v for a in term.abbreviations for v in tone_variants(a.full)]
    shorts = "|".join(literal(a.short) for a in term.abbreviations)
    return {
        "Spelling": {
            "extends": "substitution",
            "message": t("vale.msg.spelling", "vi"),
            "level": "error",
            "ignorecase": True,
            "capitalize": True,
            "swap": {literal(s.wrong.lower()): s.right for s in term.substitutions},
        },
        "Avoid": {
            "extends": "substitution",
            "message": t("vale.msg.avoid", "vi"),
            "level": "warning",
            "ignorecase": True,
            "capitalize": True,
            "swap": {literal(a.word.lower()): " hoặc ".join(a.instead) for a in term.avoid},
        },
        "Abbreviations": {
            "extends": "conditional",
            "message": t("vale.msg.abbreviations", "vi"),
            "level": "suggestion",
            "scope": "text",
            "ignorecase": False,
            "first": rf"\b(?:{shorts})\b",
            "second": r"(?i:" + "|".join(literal(f) for f in fulls) + rf")\s+\(({shorts})\)",
        },
    }


def vale_ini() -> str:
    return f"""\
# {GENERATED}
StylesPath = {STYLES_PATH}
MinAlertLevel = suggestion
# Whole words; Vietnamese letters are word characters for \\b in Vale's regex engine.
WordTemplate = {WORD_TEMPLATE}

[*.md]
BasedOnStyles = {STYLE}
# MyST comments ("% ...") hold the form's guidance, not the report's own text.
BlockIgnores = (?m)^%.*$
"""


def render(term: Terminology) -> dict[str, str]:
    """Every generated file, by POSIX path relative to the project root."""
    files = {".vale.ini": vale_ini()}
    for name, rule in rules(term).items():
        body = yaml.safe_dump(rule, allow_unicode=True, sort_keys=False, width=10_000)
        files[f"{STYLES_PATH}/{STYLE}/{name}.yml"] = f"# {GENERATED}\n{body}"
    return files


def stale(root: Path, term: Terminology) -> list[str]:
    """Generated files missing or different under ``root``, and stray rules in the style."""
    files = render(term)
    out = [p for p, text in files.items() if _read(root / p) != text]
    style_dir = root / STYLES_PATH / STYLE
    if style_dir.is_dir():
        out += sorted(
            p.relative_to(root).as_posix()
            for p in style_dir.iterdir()
            if p.relative_to(root).as_posix() not in files
        )
    return out


def _read(path: Path) -> str | None:
    return path.read_text("utf-8") if path.is_file() else None


def write(root: Path, term: Terminology) -> list[str]:
    """Write the generated files that changed; return their paths."""
    written = []
    for rel, text in render(term).items():
        if _read(root / rel) != text:
            write_atomic(root / rel, text)
            written.append(rel)
    return written


@click.command(help=t("vale.help"))
@click.option("--check", is_flag=True, help=t("vale.opt.check"))
@click.option("--lang", type=click.Choice(LANGUAGES), default="vi", show_default=True)
def main(check: bool, lang: str) -> None:
    set_lang(lang)
    root = find_root()
    try:
        term = load_terminology()
    except ConfigError as err:
        click.echo(err.render(), err=True)
        sys.exit(err.exit_code)
    if check:
        problems = stale(root, term)
        if problems:
            click.echo(t("vale.stale", files=", ".join(problems)), err=True)
            sys.exit(1)
        click.echo(t("vale.up-to-date"))
        return
    written = write(root, term)
    click.echo(t("vale.written", count=len(written), files=", ".join(written) or "-"))


if __name__ == "__main__":
    main(prog_name="python -m baocao.vale")
