"""The imported headings recognised against the form, with the linter's alignment
(``baocao.lint.align``): which node each heading stands for, and its level set to
that node's depth."""

from __future__ import annotations

from dataclasses import dataclass

from baocao.forms import Form, FormNode
from baocao.lint.align import align
from baocao.report import Section
from baocao.wordin.myst import Item


@dataclass
class Recognised:
    heading: Item
    node: FormNode | None
    wrapper: bool = False  # a part wrapper ("Phần thứ nhất"): groups the form's parts


def recognise(items: list[Item], form: Form, year: int) -> list[Recognised]:
    """Align the headings with the form; a heading that stands for a node takes its depth."""
    headings = [item for item in items if item.kind == "heading"]
    sections = [
        Section(item.text, item.level + 1, "", index + 1) for index, item in enumerate(headings)
    ]
    alignment = align(sections, form, year)
    nodes = {node.id: node for node in form.walk()}
    out = []
    for index, item in enumerate(headings):
        node_id = alignment.node_of.get(index)
        node = nodes.get(node_id) if node_id and index not in alignment.out_of_order else None
        if node is not None:
            item.level = node.depth
        out.append(Recognised(item, node, index in alignment.wrappers))
    return out
