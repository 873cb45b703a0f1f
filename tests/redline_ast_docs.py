"""Generated pandoc documents for the pandoc-level redline: a model, random edits, Jobs.

A document is its front matter (number, signer, title, draft) and a list of
blocks: headings with paragraphs of formatted words (bold, italic, a link),
body tables with a header row, a landscape table now and then. Edits change
words and formatting, add or remove paragraphs, add, remove or move whole
sections, edit table cells, add or remove rows, and change the front matter.
The model becomes panflute elements as ``docx/ast.py`` makes them.
"""

from __future__ import annotations

import copy
import datetime as dt
import random
from dataclasses import dataclass
from pathlib import Path

import panflute as pf
import redline_docs
from baocao.docx.ast import PANDOC_API, to_json
from baocao.docx.convert import Job
from baocao.docx.landscape import BOOKMARK_PREFIX
from baocao.docx.meta import DocumentMeta
from baocao.docx.nd30 import ND30

# the Word-level model's words, and a few with capitals, digits and signs
WORDS = (
    *redline_docs.WORDS,
    "Sở",
    "Nội",
    "vụ",
    "126",
    "nhiệm",
    "vụ;",
    "đạt",
    "99,6%",
    "kế",
    "hoạch",
)
IMAGE = Path(__file__).resolve().parent / "fixtures" / "html" / "anh-ngoai.png"
SIGNERS = ("Nguyễn Văn An", "Trần Thị Hương", "Lê Văn Tâm")

Word = tuple[str, str]  # (text, format: "" | "b" | "i" | "a")
Block = tuple  # ("h", level, words) | ("p", words) | ("t", rows, landscape) | ("o", kind, words)
# Blocks of other kinds, as docx/ast.py makes them: each changes pandoc's "first paragraph".
OTHERS = ("quote", "code", "rule", "note", "admonition", "lines", "image")


@dataclass
class Version:
    blocks: list[Block]
    so_ky_hieu: str = "412/BC-SNV"
    nguoi_ky: str = "Nguyễn Văn An"
    title: str = "Tổng kết phong trào thi đua năm 2025"
    draft: bool = False


def words(rng: random.Random, low: int = 3, high: int = 12) -> list[Word]:
    return [
        (rng.choice(WORDS), rng.choice(("", "", "", "", "b", "i", "a")))
        for _ in range(rng.randint(low, high))
    ]


def table(rng: random.Random) -> Block:
    cols = rng.randint(2, 4)
    rows = [[" ".join(w for w, _ in words(rng, 1, 3)) for _ in range(cols)]]
    rows += [[" ".join(w for w, _ in words(rng, 1, 3)) for _ in range(cols)] for _ in range(3)]
    return ("t", rows, rng.random() < 0.3)


def model(rng: random.Random) -> Version:
    blocks: list[Block] = [("p", words(rng))]
    for _ in range(rng.randint(2, 4)):
        blocks.append(("h", rng.choice((1, 2)), words(rng, 2, 5)))
        blocks += [("p", words(rng)) for _ in range(rng.randint(1, 3))]
        if rng.random() < 0.4:
            blocks.insert(rng.randint(len(blocks) - 2, len(blocks)), other(rng))
        if rng.random() < 0.5:
            blocks.append(table(rng))
    return Version(blocks)


def _sections(blocks: list[Block]) -> list[tuple[int, int]]:
    starts = [i for i, b in enumerate(blocks) if b[0] == "h"]
    return list(zip(starts, [*starts[1:], len(blocks)][: len(starts)], strict=True))


def _of(blocks: list[Block], kind: str) -> list[int]:
    return [i for i, b in enumerate(blocks) if b[0] == kind]


def edit(rng: random.Random, version: Version) -> Version:
    version = copy.deepcopy(version)
    kind = rng.choice(EDITS)
    if not _of(version.blocks, "p") or not _sections(version.blocks):
        kind = add_section
    kind(rng, version)
    return version


def edit_words(rng: random.Random, version: Version) -> None:
    found = version.blocks[rng.choice(_of(version.blocks, "p") + _of(version.blocks, "h"))]
    text = found[-1]
    at = rng.randrange(len(text))
    action = rng.choice(("replace", "insert", "delete"))
    if action == "replace":
        text[at] = (rng.choice(WORDS), text[at][1])
    elif action == "insert":
        text.insert(at, (rng.choice(WORDS), ""))
    elif len(text) > 1:
        del text[at]


def edit_format(rng: random.Random, version: Version) -> None:
    text = version.blocks[rng.choice(_of(version.blocks, "p"))][1]
    at = rng.randrange(len(text))
    text[at] = (text[at][0], rng.choice(("", "b", "i", "a")))


def other(rng: random.Random) -> Block:
    return ("o", rng.choice(OTHERS), words(rng, 2, 6))


def add_paragraph(rng: random.Random, version: Version) -> None:
    block = other(rng) if rng.random() < 0.3 else ("p", words(rng))
    version.blocks.insert(rng.randint(0, len(version.blocks)), block)


def remove_paragraph(rng: random.Random, version: Version) -> None:
    del version.blocks[rng.choice(_of(version.blocks, "p"))]


def add_section(rng: random.Random, version: Version) -> None:
    new = [("h", 1, words(rng, 2, 4)), ("p", words(rng)), ("p", words(rng))]
    at = rng.choice([s for s, _ in _sections(version.blocks)] + [len(version.blocks)])
    version.blocks[at:at] = new


def remove_section(rng: random.Random, version: Version) -> None:
    start, end = rng.choice(_sections(version.blocks))
    del version.blocks[start:end]


def move_section(rng: random.Random, version: Version) -> None:
    start, end = _sections(version.blocks)[-1]
    moved = version.blocks[start:end]
    del version.blocks[start:end]
    at = _sections(version.blocks)[0][0] if _sections(version.blocks) else 0
    version.blocks[at:at] = moved


def edit_cell(rng: random.Random, version: Version) -> None:
    tables = _of(version.blocks, "t")
    if not tables:
        version.blocks.append(table(rng))
        return
    rows = version.blocks[rng.choice(tables)][1]
    row = rng.choice(rows)
    row[rng.randrange(len(row))] = " ".join(w for w, _ in words(rng, 1, 3))


def edit_rows(rng: random.Random, version: Version) -> None:
    tables = _of(version.blocks, "t")
    if not tables:
        version.blocks.append(table(rng))
        return
    rows = version.blocks[rng.choice(tables)][1]
    if rng.random() < 0.5 and len(rows) > 2:
        del rows[rng.randrange(1, len(rows))]
    else:
        rows.insert(rng.randint(1, len(rows)), [rng.choice(WORDS) for _ in rows[0]])


def edit_front_matter(rng: random.Random, version: Version) -> None:
    field_name = rng.choice(("so_ky_hieu", "nguoi_ky", "title", "draft"))
    if field_name == "draft":
        version.draft = not version.draft
    elif field_name == "nguoi_ky":
        version.nguoi_ky = rng.choice(SIGNERS)
    elif field_name == "so_ky_hieu":
        version.so_ky_hieu = f"{rng.randint(1, 500)}/BC-SNV"
    else:
        version.title = " ".join(w for w, _ in words(rng, 4, 8))


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


def inlines(text: list[Word]) -> list[pf.Inline]:
    result: list[pf.Inline] = []
    for index, (word, style) in enumerate(text):
        if index:
            result.append(pf.Space())
        item = pf.Str(word)
        if style == "b":
            item = pf.Strong(item)
        elif style == "i":
            item = pf.Emph(item)
        elif style == "a":
            item = pf.Link(item, url="https://example.invalid/van-ban")
        result.append(item)
    return result


def pandoc_table(rows: list[list[str]]) -> pf.Table:
    def row(cells: list[str]) -> pf.TableRow:
        return pf.TableRow(*[pf.TableCell(*([pf.Plain(pf.Str(c))] if c else [])) for c in cells])

    width = 1.0 / len(rows[0])
    return pf.Table(
        pf.TableBody(*[row(r) for r in rows[1:]]),
        head=pf.TableHead(row(rows[0])),
        colspec=[("AlignDefault", width)] * len(rows[0]),
    )


def document(version: Version) -> pf.Doc:
    blocks: list[pf.Block] = []
    landscapes = 0
    for block in version.blocks:
        if block[0] == "h":
            blocks.append(pf.Header(*inlines(block[2]), level=block[1]))
        elif block[0] == "p":
            blocks.append(pf.Para(*inlines(block[1])))
        elif block[0] == "o":
            blocks.append(other_block(block[1], block[2]))
        elif block[2]:
            landscapes += 1
            name = f"{BOOKMARK_PREFIX}{landscapes}"
            blocks.append(pf.Div(pandoc_table(block[1]), identifier=name))
        else:
            blocks.append(pandoc_table(block[1]))
    return pf.Doc(*blocks, api_version=PANDOC_API)


def other_block(kind: str, text: list[Word]) -> pf.Block:
    plain = " ".join(word for word, _ in text)
    if kind == "quote":
        return pf.BlockQuote(pf.Para(*inlines(text)))
    if kind == "code":
        return pf.CodeBlock(plain)
    if kind == "rule":
        return pf.HorizontalRule()
    if kind == "note":
        return pf.Para(*inlines(text), pf.Note(pf.Para(pf.Str("Chú"), pf.Space(), pf.Str(plain))))
    if kind == "admonition":
        return pf.Div(pf.Para(pf.Strong(pf.Str("Lưu ý"))), pf.Para(*inlines(text)))
    if kind == "lines":
        return pf.LineBlock(pf.LineItem(*inlines(text[:1])), pf.LineItem(*inlines(text[1:])))
    return pf.Para(pf.Image(pf.Str(plain), url=IMAGE.as_posix()))


def meta(version: Version) -> DocumentMeta:
    return DocumentMeta(
        unit="so-noi-vu",
        co_quan="Sở Nội vụ",
        so_ky_hieu=version.so_ky_hieu,
        document_type="Báo cáo",
        title=version.title,
        co_quan_chu_quan="UBND tỉnh Bình Minh",
        dia_danh="Bình Minh",
        ngay=dt.date(2025, 12, 12),
        chuc_vu="Giám đốc",
        nguoi_ky=version.nguoi_ky,
        noi_nhan=("Ban Thi đua - Khen thưởng tỉnh", "Lưu: VT"),
        nam=2025,
        draft=version.draft,
    )


def job(version: Version, reference: Path, nd: ND30) -> Job:
    return job_of(document(version), reference, nd, meta(version))


def job_of(doc: pf.Doc, reference: Path, nd: ND30, info: DocumentMeta | None = None) -> Job:
    """A Job of the pandoc document ``doc`` (front matter: a first version's by default)."""
    info = info or meta(Version([]))
    return Job(info.unit, to_json(doc), info, reference.parent, reference, nd)
