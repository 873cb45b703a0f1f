"""The counts read from the prose of 2.4 a): a corpus of sentences in many voices, the
claims written by hand, and sentences that must stay unread (a false warning is worse
than a missed one)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from baocao.awards.claims import claims, clauses
from baocao.awards.schema import load_schema

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = load_schema(ROOT / "_templates" / "forms" / "mau-02")
CORPUS = yaml.safe_load(
    (ROOT / "tests" / "fixtures" / "awards" / "claims-corpus.yaml").read_text("utf-8")
)


def read(text: str) -> list[list]:
    found = claims(text, SCHEMA, 2025)
    return sorted([c.kind or "TOTAL", c.table, c.recipient, c.count] for c in found)


@pytest.mark.parametrize("case", CORPUS["read"], ids=lambda c: c["text"][:50])
def test_a_plain_sentence_is_read(case: dict) -> None:
    assert read(case["text"]) == sorted(case["claims"])


@pytest.mark.parametrize("text", CORPUS["silent"], ids=lambda t: t[:50])
def test_a_doubtful_sentence_is_not_read(text: str) -> None:
    assert read(text) == []


def test_the_corpus_is_large_and_varied() -> None:
    assert len(CORPUS["read"]) >= 30 and len(CORPUS["silent"]) >= 25
    kinds = {claim[0] for case in CORPUS["read"] for claim in case["claims"]}
    assert len(kinds - {"TOTAL"}) >= 8 and "TOTAL" in kinds


def test_a_claim_keeps_its_place_in_the_text() -> None:
    text = "Năm nay đơn vị làm tốt.\nSở tặng Giấy khen cho 18 tập thể."
    (claim,) = claims(text, SCHEMA, 2025)
    assert text.count("\n", 0, claim.start) == 1


def test_a_decimal_number_does_not_cut_a_sentence() -> None:
    assert [c for _, c in clauses("Chiếm 68,8%. Tặng 1.200 cá nhân; xong")] == [
        "Chiếm 68,8%",
        " Tặng 1.200 cá nhân",
        " xong",
    ]


def test_a_provinces_own_kinds_are_read(tmp_path: Path) -> None:
    folder = tmp_path / "mau-x"
    folder.mkdir()
    text = (ROOT / "_templates" / "forms" / "mau-02" / "khen-thuong.yaml").read_text("utf-8")
    text = text.replace(
        "  - id: giay-khen\n",
        "  - id: ky-niem-chuong\n    label: Kỷ niệm chương\n  - id: giay-khen\n",
    ).replace("      - giay-khen\n", "      - giay-khen\n      - ky-niem-chuong\n", 1)
    (folder / "khen-thuong.yaml").write_text(text, "utf-8")
    schema = load_schema(folder)
    (claim,) = claims("Tặng Kỷ niệm chương cho 7 cá nhân.", schema, 2025)
    assert (claim.kind, claim.table, claim.count) == ("ky-niem-chuong", "mau-10", 7)
