"""Unsafe content never reaches the site, whatever the lint settings.

Two layers. The parser (``parser.py``) refuses raw HTML, ``{raw}``, ``{eval-rst}``,
directives off the allow-list and includes or images from outside the unit before
they become nodes. Then ``RemoveUnsafeNodes`` walks every doctree as it is read and
removes what may still carry foreign content: raw nodes of any format, images and
downloads from outside the unit or the Internet, links with a script scheme, and
anything whose source file lies outside the unit. Each removal is a
``baocao.unsafe`` warning and is listed in the unit's panel on its page.
"""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.transforms import SphinxTransform
from sphinx.util import logging

from baocao.sphinxext.domain import baocao_domain
from baocao.sphinxext.policy import UnitScope, scope_for, unsafe_scheme
from baocao.sphinxext.texts import text
from baocao.unitpaths import may_read

logger = logging.getLogger(__name__)


def current_scope(env: BuildEnvironment) -> UnitScope | None:
    return scope_for(env.docname, Path(env.srcdir), env.config.baocao_reports_dir)


def refuse(env: BuildEnvironment, source: str, line: int | None, key: str, **params: str) -> None:
    """Log a removal as a warning and remember it for the unit's panel."""
    what = text(key, **params)
    rel = _rel(source, Path(env.srcdir))
    where = f"{rel}:{line}" if line else rel
    logger.warning(
        text("removed.warning", what=what), location=where, type="baocao", subtype="unsafe"
    )
    baocao_domain(env).note_removed(env.docname, {"file": rel, "line": line or 0, "what": what})


def _rel(source: str, srcdir: Path) -> str:
    try:
        return Path(source).resolve().relative_to(srcdir.resolve()).as_posix()
    except ValueError:
        return source


class RemoveUnsafeNodes(SphinxTransform):
    """Remove every node that could bring foreign content into a unit's page."""

    default_priority = 850  # after the parser, before doctree-read (880) collects images

    def apply(self, **kwargs: object) -> None:
        self.scope = current_scope(self.env)
        self.own_source = self.document.get("source", "")
        self.walk(self.document)

    def walk(self, parent: nodes.Element) -> None:
        for node in list(parent.children):
            if not isinstance(node, nodes.Element):
                continue
            reason = self.reason(node)
            if reason is None:
                self.walk(node)
                continue
            key, params = reason
            refuse(self.env, node.source or self.own_source, node.line, key, **params)
            self.drop(node)

    def reason(self, node: nodes.Element) -> tuple[str, dict[str, str]] | None:
        scope, srcdir = self.scope, Path(self.env.srcdir)
        if isinstance(node, nodes.raw):
            return "removed.raw", {"name": "raw " + node.get("format", "")}
        source = node.source or self.own_source
        if node.source != self.own_source and _is_file(node.source) and not _inside(scope, source):
            return "removed.included", {"target": _rel(source, srcdir)}
        included = node.get("source") if isinstance(node, nodes.literal_block) else None
        if included and not _inside(scope, included):
            return "removed.included", {"target": _rel(included, srcdir)}
        base = Path(source).parent
        if isinstance(node, nodes.image) and not _allowed(scope, node["uri"], base):
            return "removed.outside", {"name": "image", "target": node["uri"]}
        if isinstance(node, addnodes.download_reference):
            target = node.get("reftarget", "")
            if not _allowed(scope, target, base):
                return "removed.outside", {"name": "download", "target": target}
        if isinstance(node, nodes.reference) and unsafe_scheme(node.get("refuri", "")):
            return "removed.link", {"target": node["refuri"]}
        return None

    @staticmethod
    def drop(node: nodes.Element) -> None:
        """Links keep their text; everything else goes."""
        if isinstance(node, nodes.reference | addnodes.download_reference):
            node.replace_self(nodes.inline("", node.astext()))
        else:
            node.parent.remove(node)


def _is_file(source: str | None) -> bool:
    """Nodes from an included file carry its path as their source."""
    return bool(source) and Path(source).is_absolute() and Path(source).is_file()


def _inside(scope: UnitScope | None, source: str) -> bool:
    return scope is not None and may_read(scope.unit_dir, Path(source))


def _allowed(scope: UnitScope | None, target: str, base: Path) -> bool:
    return scope is not None and scope.contains(target, base)


def disable_raw(app: Sphinx) -> None:
    """docutils' own switch: the ``raw`` directive refuses to run."""
    app.env.settings["raw_enabled"] = False


def setup_safety(app: Sphinx) -> None:
    app.add_transform(RemoveUnsafeNodes)
    app.connect("builder-inited", disable_raw)
