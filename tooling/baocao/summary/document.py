"""The board's report as a document model, rendered to MyST Markdown by a template.

The model holds the form's outline, the units' texts gathered under each section,
the table of the units' status and totals and the list of units apart; the
template (``data/tong-hop.md.j2``) lays them out. Values a person typed (units'
names, reasons) are escaped; the units' blocks are carried whole (``pieces.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import jinja2
import yaml

from baocao.forms import Form
from baocao.i18n import t
from baocao.summary.gather import Gathered, UnitText
from baocao.summary.pieces import AWARDS_DIRECTIVE
from baocao.wordin.inlines import escape

LINK_SCHEME = "don-vi"  # [Sở Nội vụ](don-vi:so-noi-vu): the unit's page on the site
AWARDS_BLOCK = f":::{{{AWARDS_DIRECTIVE}}}\n:::"


@dataclass
class Section:
    level: int
    heading: str
    texts: list[UnitText] = field(default_factory=list)
    awards: bool = False
    leaf: bool = True

    @property
    def empty(self) -> bool:
        return self.leaf and not self.texts and not self.awards


@dataclass
class SummaryDoc:
    front: str
    title: str
    intro: str
    status_rows: list[list[str]]
    apart: list[str]
    sections: list[Section]
    awards_block: str = AWARDS_BLOCK
    link_scheme: str = LINK_SCHEME
    notice: str = field(default_factory=lambda: t("tong-hop.doc.notice", "vi"))
    status_title: str = ""
    apart_intro: str = field(default_factory=lambda: t("tong-hop.doc.apart", "vi"))
    page_label: str = field(default_factory=lambda: t("tong-hop.doc.page", "vi"))
    nothing: str = field(default_factory=lambda: t("tong-hop.doc.nothing", "vi"))


def summary_doc(
    form: Form,
    year: int,
    front: dict[str, Any],
    gathered: Gathered,
    status_rows: list[list[str]],
    awards_node: str | None,
    numbers_apart: list[str],
) -> SummaryDoc:
    sections = [
        Section(
            node.depth + 1,
            node.heading_for(year),
            gathered.texts.get(node.id, []),
            awards=node.id == awards_node,
            leaf=not node.children,
        )
        for node in form.walk()
    ]
    apart = [
        t("tong-hop.doc.apart-item", "vi", name=u.name, file=u.file, line=u.line, reason=u.reason)
        for u in gathered.apart
    ] + numbers_apart
    intro = t(
        "tong-hop.doc.intro",
        "vi",
        year=year,
        gathered=len(gathered.gathered()),
        expected=len(gathered.status.units),
    )
    return SummaryDoc(
        front=yaml.safe_dump(front, allow_unicode=True, sort_keys=False),
        title=form.title_for(year),
        intro=intro,
        status_rows=status_rows,
        apart=apart,
        sections=sections,
        status_title=t("tong-hop.doc.status-title", "vi", year=year),
    )


def render(doc: SummaryDoc) -> str:
    return _template().render(doc=doc)


@cache
def _template() -> jinja2.Template:
    source = resources.files("baocao").joinpath("data/tong-hop.md.j2").read_text("utf-8")
    env = jinja2.Environment(
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,  # Markdown, not HTML: values are escaped by the ``md`` filter
        undefined=jinja2.StrictUndefined,
    )
    env.filters["md"] = lambda value: escape(" ".join(str(value).split()))
    return env.from_string(source)
