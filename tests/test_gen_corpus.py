"""Tests of bench/gen_corpus.py, the synthetic corpus generator (self-contained)."""

import importlib.util
import re
import unicodedata
from pathlib import Path
from types import ModuleType

import pytest
import yaml
from baocao.frontmatter import schema

ROOT = Path(__file__).resolve().parents[1]
GENERATOR = ROOT / "bench" / "gen_corpus.py"
FORM = ROOT / "_templates" / "forms" / "mau-02" / "form.yaml"

FRONT_MATTER_KEYS = tuple(schema())  # every key of data/front-matter.yaml
TREE_FILES = {
    "index.md",
    "1-dac-diem-tinh-hinh.md",
    "2-ket-qua/index.md",
    "2-ket-qua/1-lanh-dao-chi-dao.md",
    "2-ket-qua/2-ket-qua-phong-trao.md",
    "2-ket-qua/3-danh-gia-chung.md",
    "2-ket-qua/4-kien-nghi-de-xuat.md",
    "3-phuong-huong.md",
}
SINGLE_FILES = {"index.md"}
HEADING = re.compile(r"^(#+) (.+)$")
TOCTREE = re.compile(r"^```\{toctree\}\n(.*?)^```", re.S | re.M)
# Tone marks in the "hoà" style (on the second vowel of an open oa, oe, uy syllable).
OLD_TONE_STYLE = re.compile(r"(?:[oO][àáảãạèéẻẽẹ]|(?<![qQ])[uU][ỳýỷỹỵ])(?!\w)")


def _load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gen_corpus", GENERATOR)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


gen = _load_generator()


def _form_nodes() -> list[dict]:
    """The form's nodes in document order, each with its depth (1 for I, II, III)."""

    def walk(items: list[dict], depth: int) -> list[dict]:
        out = []
        for item in items:
            out.append({**item, "depth": depth})
            out += walk(item.get("children") or [], depth + 1)
        return out

    return walk(yaml.safe_load(FORM.read_text("utf-8"))["nodes"], 1)


def _movement_words() -> list[str]:
    return [m["words"][0] for node in _form_nodes() for m in node.get("mentions") or []]


def _snapshot(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


def _unit_files(unit: Path) -> set[str]:
    return {p.relative_to(unit).as_posix() for p in unit.rglob("*") if p.is_file()}


def _unit_text(unit: Path) -> str:
    return "\n".join(p.read_text("utf-8") for p in sorted(unit.rglob("*.md")))


def _front_matter(index: Path) -> dict:
    text = index.read_text("utf-8")
    assert text.startswith("---\n")
    return yaml.safe_load(text[4 : text.index("\n---\n", 4)])


def _headings(path: Path, depth: int = 0) -> list[tuple[int, str]]:
    """(effective level, text) of every heading, following toctrees like Sphinx does."""
    text = path.read_text("utf-8")
    found = [(len(m[1]) + depth, m[2]) for line in text.splitlines() if (m := HEADING.match(line))]
    for block in TOCTREE.findall(text):
        for entry in block.splitlines():
            entry = entry.strip()
            if entry and not entry.startswith(":"):
                found += _headings(path.parent / f"{entry}.md", depth + 1)
    return found


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    out = tmp_path_factory.mktemp("corpus")
    return out / "reports", gen.generate(10, out)


def test_same_seed_gives_identical_bytes(tmp_path: Path) -> None:
    gen.generate(5, tmp_path / "a", seed=7)
    gen.generate(5, tmp_path / "b", seed=7)
    gen.generate(5, tmp_path / "c", seed=8)
    first = _snapshot(tmp_path / "a")
    assert first == _snapshot(tmp_path / "b")
    assert first != _snapshot(tmp_path / "c")


def test_units_and_files(corpus: tuple[Path, list[str]]) -> None:
    reports, slugs = corpus
    assert len(slugs) == len(set(slugs)) == 10
    assert sorted(p.name for p in reports.iterdir() if p.is_dir()) == sorted(slugs)
    for slug in slugs:
        assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*-\d{4}", slug)
        assert _unit_files(reports / slug) in (TREE_FILES, SINGLE_FILES)
    listed = yaml.safe_load((reports / "units.yaml").read_text("utf-8"))
    assert listed["board"] == ["@binh-minh-tdkt/ban-thi-dua"]
    assert [u["slug"] for u in listed["units"]] == slugs
    for unit in listed["units"]:
        assert unit["kind"] in {"so-nganh", "xa-phuong", "truong-hoc", "doanh-nghiep"}
        assert unit["name"]
        assert unit["owners"] == [f"@binh-minh-tdkt/{unit['slug']}"]


def test_both_layouts_appear(corpus: tuple[Path, list[str]]) -> None:
    reports, slugs = corpus
    layouts = [_unit_files(reports / slug) for slug in slugs]
    assert TREE_FILES in layouts
    assert SINGLE_FILES in layouts
    assert layouts.count(SINGLE_FILES) == 2  # the default share, 0.2


def test_every_file_is_nfc(corpus: tuple[Path, list[str]]) -> None:
    reports, _ = corpus
    for path in reports.rglob("*"):
        if path.is_file():
            text = path.read_text("utf-8")
            assert unicodedata.is_normalized("NFC", text), path


@pytest.mark.parametrize("words", [1400, 3000])
def test_word_count_near_target(tmp_path: Path, words: int) -> None:
    slugs = gen.generate(8, tmp_path, seed=3, words=words)
    for slug in slugs:
        count = len(_unit_text(tmp_path / "reports" / slug).split())
        assert 0.75 * words <= count <= 1.25 * words, (slug, count)


def test_front_matter(corpus: tuple[Path, list[str]]) -> None:
    reports, slugs = corpus
    for slug in slugs:
        data = _front_matter(reports / slug / "index.md")
        assert set(FRONT_MATTER_KEYS) <= set(data), slug
        assert all(data[key] not in (None, "", []) for key in FRONT_MATTER_KEYS), slug
        assert data["mau"] == "mau-02"
        assert data["nam"] == 2025
        assert data["co_quan"] == data["co_quan"].upper()
        assert re.fullmatch(r"(TM|KT|TL|TUQ|Q)\. \S.*", data["quyen_han"])
        last = data["noi_nhan"][-1]  # "- Lưu: VT, ..." written unquoted: a one-key mapping
        assert isinstance(last, dict)
        assert list(last) == ["Lưu"]


def test_movement_words_in_every_unit(corpus: tuple[Path, list[str]]) -> None:
    reports, slugs = corpus
    words = _movement_words()
    assert len(words) == 9
    for slug in slugs:
        text = _unit_text(reports / slug)
        missing = [w for w in words if w not in text]
        assert not missing, (slug, missing)


def test_headings_follow_the_form(corpus: tuple[Path, list[str]]) -> None:
    """One heading per form node, in order, at effective level = form depth + 1."""
    reports, slugs = corpus
    nodes = _form_nodes()
    for slug in slugs:
        headings = _headings(reports / slug / "index.md")
        assert [level for level, _ in headings] == [1] + [n["depth"] + 1 for n in nodes], slug
        for (_, text), node in zip(headings[1:], nodes, strict=True):
            opening = " ".join(node["title"].split()[:2]).casefold()
            assert opening in text.casefold(), (slug, text)


def test_text_hygiene(corpus: tuple[Path, list[str]]) -> None:
    reports, slugs = corpus
    for slug in slugs:
        text = _unit_text(reports / slug)
        assert "..." not in text and "…" not in text
        assert text.count("“") == text.count("”")
        body = "\n".join(line for line in text.splitlines() if not line.startswith("#"))
        assert body.count("(") == body.count(")")
        assert "<" not in text and ">" not in text
        assert not OLD_TONE_STYLE.search(text), OLD_TONE_STYLE.search(text)


def test_command_line(tmp_path: Path) -> None:
    assert gen.main(["3", str(tmp_path), "--seed", "1", "--single-file-share", "1"]) == 0
    units = [p for p in (tmp_path / "reports").iterdir() if p.is_dir()]
    assert len(units) == 3
    assert all(_unit_files(unit) == SINGLE_FILES for unit in units)
