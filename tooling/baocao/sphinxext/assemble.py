"""A unit's page is its whole report, read as it will be printed.

When the HTML builder resolves a unit's ``index`` document, ``AssembleUnitPage``
replaces each ``{toctree}`` by the documents it lists (as Sphinx's singlehtml
builder does, but only within the unit's folder), then adds the header block
before the title, the signature and recipients after the last section, and the
panel of lint findings. The section list that the page's navigation shows is
computed here and kept on the document (``baocao_nav``).
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.transforms.post_transforms import SphinxPostTransform

from baocao.sphinxext.doctrees import take
from baocao.sphinxext.document import (
    findings_panel,
    header_block,
    signature_block,
    status_banner,
)
from baocao.sphinxext.domain import baocao_domain
from baocao.sphinxext.policy import unit_base, unit_index, unit_slug

NAV_DEPTH = 3  # the title (1), parts I., II. (2) and their items 1., 2. (3)


class AssembleUnitPage(SphinxPostTransform):
    default_priority = 5  # before references are resolved, so inlined ones are too
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        docname = self.env.docname
        reports_dir = self.config.baocao_reports_dir
        slug = unit_slug(docname, reports_dir)
        if slug is None or docname != unit_index(slug, reports_dir):
            return
        domain = baocao_domain(self.env)
        included = {docname}
        inline_toctrees(self.env, self.document, f"{unit_base(slug, reports_dir)}/", included)
        dedupe_ids(self.document)
        self.document["baocao_nav"] = section_nav(self.document)
        info = domain.units.get(slug)
        if info is None:
            return
        top = next((n for n in self.document.children if isinstance(n, nodes.section)), None)
        at = self.document.index(top) if top is not None else 0
        self.document[at:at] = [*status_banner(info), *header_block(info)]
        self.document += signature_block(info)
        self.document += findings_panel(info, domain.removed_in(included))


def inline_toctrees(
    env: BuildEnvironment, tree: nodes.Element, prefix: str, included: set[str]
) -> None:
    """Replace each toctree by the doctrees of its entries inside the unit, recursively.

    Entries outside the unit's folder, repeated, or that could not be read are
    left out; the loader and the linter report them.
    """
    for toctree in list(tree.findall(addnodes.toctree)):
        parts: list[nodes.Node] = []
        for child in map(str, toctree["includefiles"]):
            if not child.startswith(prefix) or child in included or child not in env.all_docs:
                continue
            included.add(child)
            subtree = take(env, child)  # not kept: memory stays flat in the units
            inline_toctrees(env, subtree, prefix, included)
            start = addnodes.start_of_file(docname=child)
            start.extend(list(subtree.children))
            parts.append(start)
        wrapper = toctree.parent
        if not (isinstance(wrapper, nodes.compound) and "toctree-wrapper" in wrapper["classes"]):
            wrapper = toctree
        if parts:
            wrapper.replace_self(parts)
        else:  # every entry left out: replacing by nothing would lose the wrapper's classes
            wrapper.parent.remove(wrapper)


def dedupe_ids(tree: nodes.document) -> None:
    """Give later duplicates of an id (from different files) a numbered suffix.

    References inside the same file (``refid``, ``backrefs``) follow the rename.
    """
    seen: set[str] = set()
    renamed: dict[tuple[str, str], str] = {}
    for node in tree.findall(nodes.Element):
        scope = _file_of(node)
        ids = []
        for old in node["ids"]:
            new, n = old, 1
            while new in seen:
                n += 1
                new = f"{old}-{n}"
            seen.add(new)
            if new != old:
                renamed[(scope, old)] = new
            ids.append(new)
        node["ids"] = ids
    if not renamed:
        return
    for node in tree.findall(nodes.Element):
        scope = _file_of(node)
        if "refid" in node:
            node["refid"] = renamed.get((scope, node["refid"]), node["refid"])
        if node.get("backrefs"):
            node["backrefs"] = [renamed.get((scope, ref), ref) for ref in node["backrefs"]]


def _file_of(node: nodes.Node) -> str:
    while node is not None and not isinstance(node, addnodes.start_of_file):
        node = node.parent
    return node["docname"] if node is not None else ""


def section_nav(tree: nodes.document) -> list[tuple[int, str, str]]:
    """(depth, title, anchor) of each section down to NAV_DEPTH, in document order."""
    result = []
    for section in tree.findall(nodes.section):
        depth = sum(1 for a in _ancestors(section) if isinstance(a, nodes.section)) + 1
        if 1 < depth <= NAV_DEPTH and section["ids"] and section.children:
            result.append((depth, section[0].astext(), section["ids"][0]))
    return result


def _ancestors(node: nodes.Node) -> list[nodes.Node]:
    found = []
    while node.parent is not None:
        node = node.parent
        found.append(node)
    return found


def setup_assemble(app: Sphinx) -> None:
    app.add_post_transform(AssembleUnitPage)
