"""Read a Word report: the python-docx pass, then pandoc for the body."""

from __future__ import annotations

import io
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import docx

from baocao.errors import BaocaoError
from baocao.wordin import revisions
from baocao.wordin.header import take_header
from baocao.wordin.headings import promote_headings
from baocao.wordin.legacy import Converted, convert_legacy
from baocao.wordin.myst import Body, MystWriter
from baocao.wordin.pandoc_read import read_body
from baocao.wordin.signer import take_signer
from baocao.wordin.source import docx_bytes
from baocao.wordin.unsupported import Unsupported, find_unsupported

IMAGES = "images"
ACCEPT, REJECT = "accept", "reject"


@dataclass
class Imported:
    """Everything read from the file, before it is written as a unit."""

    values: dict[str, object]
    document_type: str
    body: Body
    headings: int  # paragraphs promoted to headings
    changes: int = 0
    comments: list[revisions.Comment] = field(default_factory=list)
    legacy: list[Converted] = field(default_factory=list)
    media: dict[str, bytes] = field(default_factory=dict)  # path in the unit -> bytes
    unplaced: list[str] = field(default_factory=list)
    unsupported: list[Unsupported] = field(default_factory=list)
    header_found: bool = False
    signer_found: bool = False


def read_word(
    path: Path,
    document_type: str,
    changes: str | None = None,
    meanwhile: Callable[[], None] | None = None,
) -> Imported:
    """Read ``path`` (a report whose document type, under its header, is ``document_type``);
    with tracked changes and no choice (``accept``/``reject``), stop. ``meanwhile`` runs
    while pandoc reads the body."""
    document = docx.Document(io.BytesIO(docx_bytes(path)))
    count = revisions.count_changes(document)
    if count and changes is None:
        comments = len(revisions.comments(document))
        raise BaocaoError("import.tracked-changes", file=path, changes=count, comments=comments)
    if changes == ACCEPT:
        revisions.accept(document)
    elif changes == REJECT:
        revisions.reject(document)
    comments = revisions.comments(document)  # anchored to the text as chosen
    revisions.drop_comment_marks(document)
    unsupported = find_unsupported(document)
    legacy = convert_legacy(document)
    header = take_header(document, document_type)
    signer = take_signer(document)
    headings = promote_headings(document)
    body, media = _body(document, meanwhile)
    return Imported(
        values={**header.values, **signer.values},
        document_type=header.document_type,
        body=body,
        headings=headings,
        changes=count,
        comments=comments,
        legacy=legacy,
        media=media,
        unplaced=header.unplaced,
        unsupported=unsupported,
        header_found=header.found,
        signer_found=signer.found,
    )


def _body(document, meanwhile: Callable[[], None] | None) -> tuple[Body, dict[str, bytes]]:
    names: dict[str, str] = {}

    def image_name(path: str) -> str:
        if path not in names:
            stem = PurePosixPath(path).name
            taken = set(names.values())
            name, n = f"{IMAGES}/{stem}", 1
            while name in taken:
                n += 1
                name = f"{IMAGES}/{n}-{stem}"
            names[path] = name
        return names[path]

    with tempfile.TemporaryDirectory(prefix="baocao-import-") as tmp:
        prepared = Path(tmp, "body.docx")
        document.save(str(prepared))
        tree = read_body(prepared, Path(tmp, "media"), meanwhile)
        body = MystWriter(image_name).write(tree)
        media = {
            name: Path(path).read_bytes() for path, name in names.items() if Path(path).is_file()
        }
    return body, media
