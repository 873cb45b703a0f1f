"""A corpus full of slips, to check that a change to the linter changes no finding.

Usage: .venv/bin/python bench/mutate_corpus.py OUT [--units 150] [--seed 7]

The bench corpus (bench/gen_corpus.py, seed 0) has almost no findings, so comparing
``baocao lint --format json`` before and after a change on it says little of the text
rules. This writes a project to OUT holding the hand-judged units of tests/corpus and
``--units`` bench units, with slips injected at random in the lines after the front
matter: phrases typed twice (some glued to a sign that is neither a letter nor
punctuation), stray characters and marks, double spaces, tabs, a space before a line
break, the other tone style, spaced codes and dates, and some files with CRLF or CR line
endings. Lint it with the code before and after, and compare the two JSON reports.
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import shutil
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXTRA = (
    "×", "°", "\u00a0", "•", "“", "”", "(", ")", "«", "…", "—", "_", "2", "\ufffc", "`x`",
    "[a](b.md)", "và", "của", "Của", "hoà", "hòa", "thuỷ", "thủy", "khoẻ", "quý", " ,", " .",
    "( ", "01 /BC", "15/ 12/2025", "2001- 2005", "a(b", "x\t", "  ", "\u200b",
)  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--units", type=int, default=150)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    shutil.copytree(ROOT / "_templates", args.out / "_templates")
    shutil.copy(ROOT / "pyproject.toml", args.out / "pyproject.toml")
    for unit in sorted((ROOT / "tests" / "corpus" / "units").iterdir()):
        shutil.copytree(unit, args.out / "reports" / unit.name)
    with tempfile.TemporaryDirectory() as tmp:
        _bench_corpus(Path(tmp), args.units)
        for unit in sorted((Path(tmp) / "reports").iterdir())[: args.units]:
            if unit.is_dir():
                shutil.copytree(unit, args.out / "reports" / unit.name)
    rng = random.Random(args.seed)
    for path in sorted((args.out / "reports").rglob("*.md")):
        path.write_bytes(_mutated(path.read_text("utf-8"), rng).encode("utf-8"))


def _bench_corpus(out: Path, units: int) -> None:
    spec = importlib.util.spec_from_file_location("gen_corpus", ROOT / "bench" / "gen_corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.generate(units, out)


def _mutated(text: str, rng: random.Random) -> str:
    lines = text.split("\n")
    start = 0
    if lines and lines[0] == "---":
        start = next((n for n in range(1, len(lines)) if lines[n] == "---"), 0) + 1
    for number in range(start, len(lines)):
        if lines[number].strip() and rng.random() < 0.35:
            lines[number] = _mutated_line(lines[number], rng)
            if rng.random() < 0.3:
                lines[number] = _mutated_line(lines[number], rng)
    text = "\n".join(lines)
    ending = rng.random()
    if ending < 0.1:
        text = text.replace("\n", "\r\n")
    elif ending < 0.13:
        text = text.replace("\n", "\r")
    return text.replace("hòa", "hoà") if rng.random() < 0.2 else text


def _mutated_line(line: str, rng: random.Random) -> str:
    words = line.split(" ")
    if len(words) < 3:
        return line
    kind, at = rng.randrange(6), rng.randrange(len(words))
    if kind == 0:  # a phrase typed twice
        words[at:at] = words[at : at + rng.randint(1, 5)]
    elif kind == 1:  # the same, its last word glued to a sign
        phrase = words[at : at + rng.randint(1, 3)]
        words[at:at] = [*phrase[:-1], phrase[-1] + rng.choice(EXTRA)] if phrase else []
    elif kind == 2:
        words.insert(at, rng.choice(EXTRA))
    elif kind == 3:
        words[at] += rng.choice(EXTRA)
    elif kind == 4:
        words[at] = rng.choice(EXTRA) + words[at]
    else:
        gap = rng.choice(["  ", "\n", " \n", "\t"])
        return gap.join([" ".join(words[:at]), " ".join(words[at:])])
    return " ".join(words)


if __name__ == "__main__":
    main()
