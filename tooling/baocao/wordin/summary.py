"""The import report: what went where, what could not, the comments, the unit's state.

Lines of text in the current language, from the message catalogue (``import.*``).
"""

from __future__ import annotations

from baocao.frontmatter import schema
from baocao.i18n import t
from baocao.wordin.importer import Imported
from baocao.wordin.recognise import Recognised

SHOWN = 80  # characters of a paragraph quoted in the report


def quote(text: str) -> str:
    return text if len(text) <= SHOWN else text[: SHOWN - 1].rstrip() + "…"


def report_lines(imported: Imported, recognised: list[Recognised], index_file: str) -> list[str]:
    out = [t("import.report.front-matter", file=index_file)]
    for name, spec in schema().items():
        value = imported.values.get(name)
        if isinstance(value, list):
            value = "; ".join(str(v) for v in value)
        if value not in (None, ""):
            out.append(t("import.report.field", key=name, label=spec.label, value=value))
        elif spec.required:
            out.append(t("import.report.field-missing", key=name, label=spec.label))
    if not imported.header_found:
        out.append(t("import.report.no-header"))
    if not imported.signer_found:
        out.append(t("import.report.no-signer"))
    out += [t("import.report.unplaced", text=quote(text)) for text in imported.unplaced]
    out += _headings(recognised)
    out += _dropped(imported)
    out += _legacy(imported)
    out += _comments(imported)
    return out


def _headings(recognised: list[Recognised]) -> list[str]:
    out = [t("import.report.headings", count=len(recognised))]
    for entry in recognised:
        heading = entry.heading
        if entry.node is not None:
            out.append(
                t(
                    "import.report.heading-node",
                    level=heading.level,
                    text=quote(heading.text),
                    node=entry.node.number,
                )
            )
        else:
            key = (
                "import.report.heading-wrapper"
                if entry.wrapper
                else "import.report.heading-unknown"
            )
            out.append(t(key, level=heading.level, text=quote(heading.text)))
    return out


def _dropped(imported: Imported) -> list[str]:
    out = []
    for dropped in imported.body.dropped:
        out.append(t(f"import.report.{dropped.what}", text=quote(dropped.text)))
    for item in imported.unsupported:
        out.append(t(f"import.report.{item.kind}", text=quote(item.text)))
    return out


def _legacy(imported: Imported) -> list[str]:
    if not imported.legacy:
        return []
    out = [t("import.report.legacy", count=len(imported.legacy))]
    out += [
        t("import.report.legacy-item", encoding=c.encoding, text=quote(c.text))
        for c in imported.legacy
    ]
    return out


def _comments(imported: Imported) -> list[str]:
    out = []
    if imported.changes:
        out.append(t("import.report.changes", count=imported.changes))
    if imported.comments:
        out.append(t("import.report.comments", count=len(imported.comments)))
        out += [
            t(
                "import.report.comment",
                author=c.author or "?",
                text=quote(c.text),
                anchor=quote(c.anchor),
            )
            for c in imported.comments
        ]
    return out
