"""Generated Word documents for the redline tests: a model, random edits, python-docx files.

A document is a list of blocks: a header table (front matter), headings with
paragraphs of formatted runs, body tables, and a signature table. Edits change
words, paragraphs, whole sections (added, removed, moved), table cells and rows,
the front matter cells and a run's formatting.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import random

import docx

WORDS = [
    "báo",
    "cáo",
    "thi",
    "đua",
    "khen",
    "thưởng",
    "năm",
    "đơn",
    "vị",
    "tập",
    "thể",
    "cá",
    "nhân",
    "kết",
    "quả",
    "phong",
    "trào,",
    "hoàn",
    "thành.",
]
STAMP = dt.datetime(2026, 3, 4, 5, 6, 7, tzinfo=dt.UTC)

Run = tuple[str, bool]
Block = tuple  # ("h", level, text) | ("p", [runs]) | ("t", [[cell text]])


def sentence(rng: random.Random, low: int = 3, high: int = 14) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(low, high)))


def paragraph(rng: random.Random) -> Block:
    return ("p", [(sentence(rng), rng.random() < 0.2) for _ in range(rng.randint(1, 3))])


def table(rng: random.Random, rows: int, cols: int) -> Block:
    return ("t", [[sentence(rng, 1, 3) for _ in range(cols)] for _ in range(rows)])


def model(rng: random.Random) -> list[Block]:
    blocks: list[Block] = [("t", [["SỞ NỘI VỤ", "CỘNG HÒA"], ["Số: 1/BC", "ngày 12"]])]
    for number in range(1, rng.randint(2, 4) + 1):
        blocks.append(("h", 1, f"{number}. {sentence(rng, 2, 5)}"))
        for _ in range(rng.randint(1, 4)):
            blocks.append(paragraph(rng))
        if rng.random() < 0.4:
            blocks.append(table(rng, rng.randint(2, 4), rng.randint(2, 3)))
    blocks.append(("t", [["Nơi nhận:", "GIÁM ĐỐC\nNguyễn Văn An"]]))
    return blocks


def sections(blocks: list[Block]) -> list[tuple[int, int]]:
    starts = [i for i, b in enumerate(blocks) if b[0] == "h"]
    ends = [*starts[1:], len(blocks) - 1][: len(starts)]
    return list(zip(starts, ends, strict=True))


def edit(rng: random.Random, blocks: list[Block]) -> list[Block]:
    """One random edit of a kind chosen at random; returns the new model."""
    blocks = copy.deepcopy(blocks)
    kind = rng.choice(EDITS)
    if not _paragraphs(blocks) or not sections(blocks):
        kind = add_section  # everything was removed: the other edits need something
    kind(rng, blocks)
    return blocks


def _paragraphs(blocks: list[Block]) -> list[int]:
    return [i for i, b in enumerate(blocks) if b[0] == "p"]


def edit_words(rng: random.Random, blocks: list[Block]) -> None:
    i = rng.choice(_paragraphs(blocks))
    runs = blocks[i][1]
    r = rng.randrange(len(runs))
    words = runs[r][0].split()
    at = rng.randrange(len(words))
    action = rng.choice(("replace", "insert", "delete"))
    if action == "replace":
        words[at] = rng.choice(WORDS)
    elif action == "insert":
        words.insert(at, rng.choice(WORDS))
    elif len(words) > 1:
        del words[at]
    runs[r] = (" ".join(words), runs[r][1])


def edit_format(rng: random.Random, blocks: list[Block]) -> None:
    i = rng.choice(_paragraphs(blocks))
    runs = blocks[i][1]
    r = rng.randrange(len(runs))
    runs[r] = (runs[r][0], not runs[r][1])


def add_paragraph(rng: random.Random, blocks: list[Block]) -> None:
    blocks.insert(rng.randint(2, len(blocks) - 1), paragraph(rng))


def remove_paragraph(rng: random.Random, blocks: list[Block]) -> None:
    del blocks[rng.choice(_paragraphs(blocks))]


def add_section(rng: random.Random, blocks: list[Block]) -> None:
    new = [("h", 1, f"9. {sentence(rng, 2, 4)}"), paragraph(rng), paragraph(rng)]
    start = rng.choice([s for s, _ in sections(blocks)] + [len(blocks) - 1])
    if start < 1:
        start = 1
    blocks[start:start] = new


def remove_section(rng: random.Random, blocks: list[Block]) -> None:
    start, end = rng.choice(sections(blocks))
    del blocks[start:end]


def move_section(rng: random.Random, blocks: list[Block]) -> None:
    spans = sections(blocks)
    start, end = spans[-1] if len(spans) > 1 else spans[0]
    moved = blocks[start:end]
    del blocks[start:end]
    at = sections(blocks)[0][0] if sections(blocks) else 1
    blocks[at:at] = moved


def edit_cell(rng: random.Random, blocks: list[Block]) -> None:
    tables = [i for i, b in enumerate(blocks) if b[0] == "t"]
    rows = blocks[rng.choice(tables)][1]
    row = rng.choice(rows)
    row[rng.randrange(len(row))] = sentence(rng, 1, 3)


def edit_rows(rng: random.Random, blocks: list[Block]) -> None:
    tables = [i for i, b in enumerate(blocks[1:-1], 1) if b[0] == "t"]
    if not tables:
        edit_cell(rng, blocks)
        return
    rows = blocks[rng.choice(tables)][1]
    if rng.random() < 0.5 and len(rows) > 1:
        del rows[rng.randrange(len(rows))]
    else:
        rows.insert(rng.randint(0, len(rows)), [sentence(rng, 1, 2) for _ in rows[0]])


def edit_front_matter(rng: random.Random, blocks: list[Block]) -> None:
    rows = blocks[rng.choice((0, -1))][1]
    row = rng.choice(rows)
    row[rng.randrange(len(row))] = rng.choice(("Số: 7/BC", "PHÓ GIÁM ĐỐC\nTrần Thị Hương", "UBND"))


EDITS = (
    edit_words,
    edit_format,
    add_paragraph,
    remove_paragraph,
    add_section,
    remove_section,
    move_section,
    edit_cell,
    edit_rows,
    edit_front_matter,
)


def render(blocks: list[Block]) -> bytes:
    """The model as a Word file made with python-docx."""
    document = docx.Document()
    for block in blocks:
        if block[0] == "h":
            document.add_heading(block[2], block[1])
        elif block[0] == "p":
            target = document.add_paragraph()
            for text, bold in block[1]:
                target.add_run(text + " ").bold = bold
        else:
            rows = block[1]
            grid = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            for r, row in enumerate(rows):
                for c, text in enumerate(row):
                    cell = grid.cell(r, c)
                    lines = text.split("\n")
                    cell.paragraphs[0].text = lines[0]
                    for line in lines[1:]:
                        cell.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
