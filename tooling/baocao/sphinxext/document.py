"""The parts of a unit's page that come from its front matter and its lint results.

The header block and the signature block follow the layout of Nghị định
30/2020/NĐ-CP (../shared/nd30-format.md): agencies and number on the left, the
national motto and the place and date on the right, then the document type; at
the end the recipients on the left and the signature on the right. The panel of
lint findings closes the page. All are plain docutils nodes with classes, so the
HTML writer escapes every value a unit wrote.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from docutils import nodes

from baocao.sphinxext.domain import Removal, UnitInfo
from baocao.sphinxext.texts import text
from baocao.text import squash


def _para(value: str, cls: str, *, strong: bool = False, em: bool = False) -> nodes.paragraph:
    inner: nodes.Node = nodes.Text(value)
    if em:
        inner = nodes.emphasis(value, "", inner)
    if strong:
        inner = nodes.strong(value, "", inner)
    return nodes.paragraph("", "", inner, classes=[cls])


def _box(cls: str, *children: nodes.Node) -> nodes.container:
    return nodes.container("", *children, classes=[cls])


def vietnamese_date(place: str, iso: str) -> str:
    """ "Bình Minh, ngày 05 tháng 01 năm 2024": a leading zero for days 1-9 and months 1-2."""
    day = dt.date.fromisoformat(iso)
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return text("header.date", place=place, day=f"{day.day:02d}", month=month, year=day.year)


def header_block(info: UnitInfo) -> list[nodes.Node]:
    front: dict[str, Any] = info["front"]
    left: list[nodes.Node] = []
    if front.get("co_quan_chu_quan"):
        left.append(_para(front["co_quan_chu_quan"].upper(), "baocao-co-quan-chu-quan"))
    left.append(_para(str(front.get("co_quan", "")).upper(), "baocao-co-quan", strong=True))
    left.append(_para(text("header.so", so=front.get("so_ky_hieu", "")), "baocao-so-ky-hieu"))
    right: list[nodes.Node] = [
        _para(text("header.quoc-hieu"), "baocao-quoc-hieu", strong=True),
        _para(text("header.tieu-ngu"), "baocao-tieu-ngu", strong=True),
    ]
    if front.get("ngay"):
        place_date = vietnamese_date(front.get("dia_danh", ""), front["ngay"])
        right.append(_para(place_date, "baocao-ngay", em=True))
    parts: list[nodes.Node] = [
        _box(
            "baocao-header", _box("baocao-header-left", *left), _box("baocao-header-right", *right)
        ),
        _para(info["document_type"], "baocao-loai", strong=True),
    ]
    subject = front.get("trich_yeu") or info["form_title"]
    if subject and squash(subject).casefold() != squash(info["title"]).casefold():
        parts.append(_para(subject, "baocao-trich-yeu", strong=True))
    return parts


def recipient_lines(recipients: list[str]) -> list[str]:
    """ "- X;" for each recipient, the last one ending with "."."""
    lines = [item.strip().rstrip(";.").strip() for item in recipients if item.strip()]
    return [f"- {line}{'.' if i == len(lines) - 1 else ';'}" for i, line in enumerate(lines)]


def signature_block(info: UnitInfo) -> nodes.container:
    front: dict[str, Any] = info["front"]
    recipients = [_para(text("sign.noi-nhan"), "baocao-noi-nhan-label", strong=True, em=True)]
    recipients += [
        _para(line, "baocao-noi-nhan-item") for line in recipient_lines(front.get("noi_nhan", []))
    ]
    signer: list[nodes.Node] = []
    if front.get("quyen_han"):
        signer.append(_para(front["quyen_han"].upper(), "baocao-quyen-han", strong=True))
    signer.append(_para(str(front.get("chuc_vu", "")).upper(), "baocao-chuc-vu", strong=True))
    signer.append(nodes.container("", classes=["baocao-cho-ky"]))
    signer.append(_para(front.get("nguoi_ky", ""), "baocao-nguoi-ky", strong=True))
    return _box(
        "baocao-signature",
        _box("baocao-noi-nhan", *recipients),
        _box("baocao-ky", *signer),
    )


def status_banner(info: UnitInfo) -> list[nodes.Node]:
    """At the top of a page with findings: "DỰ THẢO" when it has errors or is marked a
    draft (as its Word file), and a link down to the findings panel."""
    draft = bool(info["errors"] or info.get("draft"))
    if not draft and not info["warnings"]:
        return []
    parts: list[nodes.Node] = []
    if draft:
        parts.append(nodes.strong("", text("banner.draft")))
    if info["errors"] or info["warnings"]:
        link = nodes.reference(
            "",
            text("banner.link", errors=info["errors"], warnings=info["warnings"]),
            refid="ket-qua-kiem-tra",
        )
        parts += [nodes.Text(" "), link] if draft else [link]
    cls = "baocao-banner-draft" if draft else "baocao-banner-warnings"
    return [nodes.paragraph("", "", *parts, classes=["baocao-banner", cls, "no-search"])]


def findings_panel(info: UnitInfo, removed: list[Removal]) -> nodes.container:
    """The unit's lint findings and what the builder removed; "none" when clean."""
    panel = nodes.container("", classes=["baocao-panel", "no-search"])
    panel["ids"].append("ket-qua-kiem-tra")
    panel += nodes.rubric("", text("panel.title"))
    counts = {k: info[k] for k in ("present", "required", "errors", "warnings")}
    key = "panel.summary" if info["complete"] else "panel.summary.incomplete"
    panel += _para(text(key, **counts), "baocao-panel-summary")
    findings = [_finding(d) for d in info["diagnostics"]]
    if findings:
        panel += nodes.bullet_list("", *findings, classes=["baocao-findings"])
    elif not info["load_errors"]:
        panel += _para(text("panel.clean"), "baocao-panel-clean")
    if removed:
        panel += nodes.rubric("", text("panel.removed-title"))
        items = [_item(f"{r['file']}:{r['line']}: {r['what']}", "baocao-removed") for r in removed]
        panel += nodes.bullet_list("", *items, classes=["baocao-removed-list"])
    return panel


def _finding(diagnostic: dict[str, Any]) -> nodes.list_item:
    label = text("panel.error" if diagnostic["severity"] == "error" else "panel.warning")
    where = text("panel.where", file=diagnostic["file"], line=diagnostic["line"])
    if diagnostic["section"]:
        where += "; " + text("panel.section", section=diagnostic["section"])
    para = nodes.paragraph(
        "",
        "",
        nodes.inline("", label, classes=[f"baocao-{diagnostic['severity']}"]),
        nodes.Text(" "),
        nodes.literal("", diagnostic["code"]),
        nodes.Text(f" {diagnostic['message']} "),
        nodes.inline("", f"({where})", classes=["baocao-where"]),
    )
    return nodes.list_item("", para, classes=[f"baocao-finding-{diagnostic['severity']}"])


def _item(value: str, cls: str) -> nodes.list_item:
    return nodes.list_item("", nodes.paragraph("", value), classes=[cls])
