"""Whether a form section is really written: what "mục bắt buộc" counts in the CLI and the site.

A section counts when its heading was recognised and its body (sub-headings
included) says something: not empty, not only placeholders ("……", "[điền vào]"),
not "Không có." for a required section, not the form's guidance left in. A
section with sub-sections counts when one of its required ones does.
"""

from __future__ import annotations

import re

from baocao.forms import FormNode
from baocao.lint.blocks import paragraphs
from baocao.lint.context import LintContext
from baocao.lint.ruledata import rule_data
from baocao.lint.rules.content import _says_nothing, is_guidance

_WORD = re.compile(r"[^\W\d_]{2,}")
NOTHING_MAX = 60  # "Không có." and the like are short: a longer text says something


def written(ctx: LintContext, node: FormNode) -> bool:
    """Whether ``node`` is written, answered once per unit (a parent asks its children)."""
    answers = ctx.cache.setdefault("written", {})
    if node.id not in answers:
        answers[node.id] = _written(ctx, node)
    return answers[node.id]


def _written(ctx: LintContext, node: FormNode) -> bool:
    if node.children:
        counted = [c for c in node.children if c.required] or list(node.children)
        return any(written(ctx, child) for child in counted)
    if ctx.section_of(node.id) is None:
        return False
    blocks = [b for b in ctx.contents.get(node.id, []) if b.kind != "heading"]
    said = ""
    for _, _, text in paragraphs(blocks):
        if _says_something(ctx, text, node):
            said += " " + text
            if not node.required or len(said) > NOTHING_MAX:
                return True
    return bool(said) and not _says_nothing(said.strip())


def _says_something(ctx: LintContext, text: str, node: FormNode) -> bool:
    for pattern in rule_data().placeholders:
        text = pattern.sub(" ", text)
    return _WORD.search(text) is not None and not is_guidance(ctx, node, text)
