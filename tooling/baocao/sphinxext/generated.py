"""Documents the builder makes itself, without parsing a source file.

The dashboard (the root document, which has no source file) and a stand-in for a
source file that is not UTF-8: its unit's page then says, in that file's place,
why it is missing. Both go through the same collectors as a parsed document.
"""

from __future__ import annotations

from docutils import nodes
from docutils.utils import new_document

from baocao.sphinxext.texts import text


def _document(source: str, anchor: str, title: str, body: str, cls: str) -> nodes.document:
    doctree = new_document(source)
    section = nodes.section("", ids=[anchor], names=[anchor])
    section += nodes.title("", title)
    section += nodes.paragraph("", body, classes=[cls])
    doctree += section
    return doctree


def dashboard_doctree(source: str) -> nodes.document:
    """The dashboard as read: a title and an introduction (the table comes when writing)."""
    return _document(
        source, "bang-tong-hop", text("dash.title"), text("dash.intro"), "baocao-dash-intro"
    )


def unreadable_doctree(source: str, name: str, anchor: str) -> nodes.document:
    """A source file that is not UTF-8: its name and what to do about it."""
    return _document(source, anchor, name, text("build.not-utf8"), "baocao-unreadable")
