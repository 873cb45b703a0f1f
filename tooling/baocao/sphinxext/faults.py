"""The site's side of the fault boundary (``baocao.faults``): a unit whose reading or
page fails is left out with a message, and every other unit is built.

A fault is kept per document in the environment (``domain.py``), so the dashboard
lists the unit as broken with the reason, the page builder leaves its page out and
the Word builder its file.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from baocao.faults import fault_record
from baocao.sphinxext.domain import Fault, UnitInfo, baocao_domain
from baocao.sphinxext.policy import unit_base, unit_slug
from baocao.sphinxext.texts import text

logger = logging.getLogger(__name__)


def note_fault(env: BuildEnvironment, docname: str, err: BaseException, stage: str) -> None:
    """Remember that ``docname``'s unit failed at ``stage``, and say so."""
    source = Path(env.doc2path(docname))
    try:
        rel = source.relative_to(Path(env.srcdir)).as_posix()
    except ValueError:
        rel = docname
    record = fault_record(err, stage, rel)
    baocao_domain(env).note_fault(docname, record)
    unit = unit_slug(docname, env.config.baocao_reports_dir) or docname
    logger.warning(
        text("fault.skipped", unit=unit, reason=f"{rel}: {record['what']}"),
        type="baocao",
        subtype="fault",
    )


def unit_faults(env: BuildEnvironment, slug: str, info: UnitInfo | None = None) -> list[Fault]:
    """The faults of a unit: its documents' and its linting's (BC009)."""
    prefix = f"{unit_base(slug, env.config.baocao_reports_dir)}/"
    found = list(baocao_domain(env).faults_of(prefix))
    for diagnostic in (info or {}).get("diagnostics", []):
        if diagnostic["code"] == "BC009":
            found.append(
                {
                    "code": "BC009",
                    "file": diagnostic["file"],
                    "line": diagnostic["line"],
                    "what": diagnostic["message"],
                }
            )
    return found


def faulted(env: BuildEnvironment, docname: str) -> bool:
    """Whether the unit ``docname`` belongs to has a fault (its page is left out)."""
    slug = unit_slug(docname, env.config.baocao_reports_dir)
    if slug is None:
        return False
    return bool(unit_faults(env, slug, baocao_domain(env).units.get(slug)))
