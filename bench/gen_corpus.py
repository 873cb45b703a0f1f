"""Synthetic corpus of unit reports (form mau-02) for benchmarks and scale tests.

Usage::

    python bench/gen_corpus.py N OUT [--seed S] [--year Y] [--words W] [--single-file-share F]
                                     [--awards]

Writes N units into ``OUT/reports/<slug>/`` and ``OUT/reports/units.yaml``. The output is
a pure function of the arguments: two runs with the same seed give identical bytes.

Each unit is built from the form description (``_templates/forms/mau-02/form.yaml``): every
node of the form becomes one heading, in order, at the right effective level (its level in
its file plus the file's depth in the toctree). Only the style of a heading varies per unit
(numbering, case, trailing punctuation, abbreviations, the year dropped), so a good linter
matches every heading of every unit. Bodies are Vietnamese administrative sentences drawn
from templates with numbers filled in, sized to about ``--words`` words a unit.

With ``--awards`` (``with_awards=True``) each unit also carries its commendation data,
``khen-thuong.yaml``, drawn from the form's schema (``bench/corpus/awards.py``); about
``AWARDS_SLIP_SHARE`` of them with one slip the linter finds, so the roll-up leaves them out.

The tables (sentence templates, agencies, places, names, abbreviations) are in
``bench/corpus-data.yaml``; the code is in ``bench/corpus/`` (form.py the form through
``baocao.forms``, text.py sentences and numbers, units.py agencies and front matter,
layout.py files and headings). This file is the entry point: it loads that folder by path.

Import ``generate`` from this file to use it from benchmarks and tests (bench/ is not a
package; ``importlib.util.spec_from_file_location`` works, with or without registering the
module in ``sys.modules``).
"""

import argparse
import importlib
import importlib.util
import random
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

PARTS = "_gen_corpus_parts"  # private name: bench/ must not go on sys.path (html.py, docx.py)


def _load_parts() -> ModuleType:
    """bench/corpus/ as a package named PARTS, loaded by path (once per process)."""
    if PARTS in sys.modules:
        return sys.modules[PARTS]
    folder = Path(__file__).resolve().parent / "corpus"
    spec = importlib.util.spec_from_file_location(
        PARTS, folder / "__init__.py", submodule_search_locations=[str(folder)]
    )
    assert spec and spec.loader
    package = importlib.util.module_from_spec(spec)
    sys.modules[PARTS] = package
    spec.loader.exec_module(package)
    return package


_load_parts()
awards = importlib.import_module(f"{PARTS}.awards")
data = importlib.import_module(f"{PARTS}.data")
formmod = importlib.import_module(f"{PARTS}.form")
layout = importlib.import_module(f"{PARTS}.layout")
text = importlib.import_module(f"{PARTS}.text")
units = importlib.import_module(f"{PARTS}.units")

load_form = formmod.load_form
GITHUB_ORG = "binh-minh-tdkt"
BOARD_TEAM = "ban-thi-dua"

TABLE_NODE = "II.2.4.a"  # commendations granted (Mẫu số 10): where some units put a table
TABLE_SHARE = 0.2
NONE_SHARE = 0.35  # chance that an optional node says only "Không có."
NONE_TEXT = "Không có."
AWARDS_SLIP_SHARE = 0.05  # units whose commendation data holds one error


@dataclass(frozen=True)
class UnitRecord:
    slug: str
    name: str
    kind: str


def build_unit(
    index: int,
    form: formmod.Form,
    unit_layout: layout.Layout,
    seed: int,
    year: int,
    words: int,
    slug_width: int,
) -> tuple[UnitRecord, dict[str, str]]:
    """One unit's record for units.yaml and its files (path relative to the unit -> text)."""
    rng = random.Random(f"{seed}:{index}")
    agency = units.pick_agency(rng)
    years = data.years(year)
    context = {"dv": agency.self_ref, **{k: str(v) for k, v in years.items()}}
    front = units.front_matter(agency, form, year, rng)
    title = f"# {form.title.format(**years)}"
    style = layout.pick_style(rng)
    nodes = form.nodes
    headings = {node.id: layout.heading_text(node, style, years) for node in nodes}

    fixed: dict[str, str] = {}
    free: list[formmod.Node] = []
    for node in nodes:
        if node.children:
            continue
        if not node.required and rng.random() < NONE_SHARE:
            fixed[node.id] = NONE_TEXT
        elif node.mentions:
            fixed[node.id] = text.movements_body(node, rng, context)
        else:
            free.append(node)
    table = text.table_block(rng, context) if rng.random() < TABLE_SHARE else ""

    count = text.words
    fixed_words = (
        count(front)
        + count(title)
        + unit_layout.toctree_words
        + sum(1 + count(heading) for heading in headings.values())
        + sum(count(body) for body in fixed.values())
        + count(table)
    )
    bodies = {**fixed, **text.free_bodies(free, words - fixed_words, rng, context)}
    if table and TABLE_NODE in bodies:
        first, _, rest = bodies[TABLE_NODE].partition("\n\n")
        bodies[TABLE_NODE] = "\n\n".join(part for part in (first, table, rest) if part)

    slug = f"{agency.slug_base}-{index + 1:0{slug_width}d}"
    files = {
        spec.path: layout.render_file(spec, front, title, headings, bodies)
        for spec in unit_layout.files
    }
    return UnitRecord(slug, agency.name, agency.kind), files


def units_yaml(records: list[UnitRecord]) -> str:
    lines = ["board:", f'  - "@{GITHUB_ORG}/{BOARD_TEAM}"', "units:"]
    for record in records:
        lines += [
            f"  - slug: {record.slug}",
            f"    name: {record.name}",
            f"    kind: {record.kind}",
            f'    owners: ["@{GITHUB_ORG}/{record.slug}"]',
        ]
    return "\n".join(lines) + "\n"


def _write(path: Path, content: str) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(content)


def generate(
    n: int,
    out: Path,
    seed: int = 0,
    year: int = 2025,
    words: int = 1400,
    single_file_share: float = 0.2,
    with_awards: bool = False,
) -> list[str]:
    """Write n units under out/reports/ and out/reports/units.yaml; return their slugs.
    With ``with_awards``, each unit also gets its ``khen-thuong.yaml``."""
    form = load_form()
    reports = Path(out) / "reports"
    reports.mkdir(parents=True, exist_ok=True)
    phase = random.Random(f"{seed}:layout").random()
    slug_width = max(4, len(str(n)))
    records: list[UnitRecord] = []
    for index in range(n):
        single = layout.is_single_file(index, single_file_share, phase)
        unit_layout = layout.single_file_layout(form) if single else layout.tree_layout(form)
        record, files = build_unit(index, form, unit_layout, seed, year, words, slug_width)
        unit_dir = reports / record.slug
        for folder in sorted({str(Path(rel).parent) for rel in files}):
            (unit_dir / folder).mkdir(parents=True, exist_ok=True)
        for rel, content in files.items():
            _write(unit_dir / rel, content)
        if with_awards:
            rng = random.Random(f"{seed}:{index}:awards")
            slip = rng.random() < AWARDS_SLIP_SHARE
            _write(unit_dir / "khen-thuong.yaml", awards.awards_yaml(rng, year, slip))
        records.append(record)
    _write(reports / "units.yaml", units_yaml(records))
    return [record.slug for record in records]


def generate_project(n: int, out: Path, **options) -> list[str]:
    """``generate``, plus the repository's settings, conf.py and forms beside the units:
    a project the ``baocao`` commands run in (the benchmarks' corpus)."""
    slugs = generate(n, out, **options)
    root = Path(__file__).resolve().parent.parent
    for name in ("pyproject.toml", "conf.py"):
        shutil.copy(root / name, Path(out) / name)
    shutil.copytree(root / "_templates", Path(out) / "_templates")
    return slugs


# --------------------------------------------------------------------------- command line


def _share(value: str) -> float:
    share = float(value)
    if not 0.0 <= share <= 1.0:
        raise argparse.ArgumentTypeError("must be between 0 and 1")
    return share


def _positive(value: str) -> int:
    number = int(value)
    if number < 0:
        raise argparse.ArgumentTypeError("must not be negative")
    return number


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=_positive, help="number of units")
    parser.add_argument("out", type=Path, help="output folder (reports/ is created in it)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--year", type=int, default=2025)
    parser.add_argument("--words", type=_positive, default=1400, help="target words a unit")
    parser.add_argument("--single-file-share", type=_share, default=0.2)
    parser.add_argument("--awards", action="store_true", help="write khen-thuong.yaml too")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    slugs = generate(
        args.n,
        args.out,
        args.seed,
        args.year,
        args.words,
        args.single_file_share,
        with_awards=args.awards,
    )
    elapsed = time.perf_counter() - start
    print(f"wrote {len(slugs)} units to {args.out / 'reports'} in {elapsed:.2f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
