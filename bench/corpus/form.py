"""The form as the generator needs it, adapted from the project's loader (baocao.forms).

baocao's FormNode has no position among siblings and names its parent by id; the generator
numbers some headings from the parent's number and the node's position, so this adapter adds
both. Numbers, titles and mentions are NFC with whitespace collapsed, as the corpus is NFC.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from baocao.forms import FormNode
from baocao.forms import load_form as load_project_form

from .data import nfc

FORMS_DIR = Path(__file__).resolve().parents[2] / "_templates" / "forms"
FORM_ID = "mau-02"


@dataclass(frozen=True)
class Node:
    """One heading of the form, as the generator needs it."""

    id: str
    number: str
    issued_number: str
    title: str  # template with {nam}, {nam_sau}, {nam_truoc}
    required: bool
    depth: int  # 1 for I, II, III
    position: int  # 0-based among its siblings
    parent_number: str
    mentions: tuple[tuple[str, str], ...]  # (name, first identifying words)
    children: tuple["Node", ...]

    def walk(self) -> Iterator["Node"]:
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True)
class Form:
    id: str
    title: str
    roots: tuple[Node, ...]

    @property
    def nodes(self) -> list[Node]:
        return [node for root in self.roots for node in root.walk()]


def _adapt(node: FormNode, position: int, parent_number: str) -> Node:
    number = nfc(node.number)
    return Node(
        id=str(node.id),
        number=number,
        issued_number=nfc(node.issued_number or number),
        title=nfc(node.title),
        required=bool(node.required),
        depth=node.depth,
        position=position,
        parent_number=parent_number,
        mentions=tuple((nfc(m.name), nfc(m.words[0])) for m in node.mentions),
        children=tuple(_adapt(child, i, number) for i, child in enumerate(node.children)),
    )


@cache
def load_form(forms_dir: Path = FORMS_DIR, form_id: str = FORM_ID) -> Form:
    form = load_project_form(forms_dir, form_id)
    roots = tuple(_adapt(node, i, "") for i, node in enumerate(form.nodes))
    return Form(id=str(form.id), title=nfc(form.title), roots=roots)
