"""Commendation prose rule (BC612): what section 2.4 a) says against the data."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from baocao.awards.claims import COMBINED, TOTAL, Claim, claims
from baocao.awards.model import UnitAwards
from baocao.diagnostics import Diagnostic
from baocao.forms import FormNode
from baocao.lint.awards_input import AwardsInput, awards_input, label, section_node
from baocao.lint.blocks import paragraphs
from baocao.lint.context import LintContext
from baocao.lint.rules.base import Rule

PROSE_BLOCKS = ("paragraph", "bullet_list", "ordered_list", "blockquote")


class ProseCount(Rule):
    """Câu văn ở mục 2.4 a) nêu số tập thể, cá nhân được khen thưởng khác với tệp số liệu.

    Chỉ đọc câu nói rõ một hình thức và số lượng của nó ("tặng Giấy khen cho 18 tập
    thể, 96 cá nhân", "đề nghị UBND tỉnh tặng Bằng khen cho 4 tập thể") hoặc tổng của
    một bảng gọi đúng tên ("khen thưởng theo thẩm quyền cho 29 tập thể"); câu nói về
    một phần (đột xuất, thủ tục đơn giản, "trong đó"), so sánh, chỉ tiêu hay năm khác
    thì bỏ qua. Sửa câu văn hoặc số liệu trong `khen-thuong.yaml` cho khớp.

    Ví dụ sai:

    ```md
    Sở tặng Giấy khen của Giám đốc Sở cho 18 tập thể, 97 cá nhân.
    ```

    Ví dụ đúng:

    ```md
    Sở tặng Giấy khen của Giám đốc Sở cho 18 tập thể, 96 cá nhân.
    ```
    """

    code, name, family, severity = "BC612", "awards-prose-count", "awards", "warning"

    def check(self, ctx: LintContext) -> Iterable[Diagnostic]:
        found = awards_input(ctx)
        if found is None or found.data is None or ctx.year is None:
            return
        node = section_node(ctx, found.schema)
        if node is None:
            return
        blocks = [b for b in ctx.contents.get(node.id, []) if b.kind in PROSE_BLOCKS]
        for file, line, text in paragraphs(blocks):
            for claim in claims(text, found.schema, ctx.year):
                at = line + text.count("\n", 0, claim.start)
                yield from self._compare(ctx, found, claim, node, file, at)

    def _compare(
        self,
        ctx: LintContext,
        found: AwardsInput,
        claim: Claim,
        node: FormNode,
        file: str,
        line: int,
    ) -> Iterator[Diagnostic]:
        data = found.data
        counted = _data_count(found, data, claim) if data is not None else None
        if counted is None or counted == claim.count:
            return
        spec = found.schema.table(claim.table)
        what = "total" if claim.kind == TOTAL else "count"
        yield ctx.diag(
            self,
            file,
            line,
            f"awards.prose-{what}-{claim.recipient}",
            node=node,
            stated=claim.count,
            counted=counted,
            kind=label(found.schema, claim.kind),
            table=spec.label if spec else claim.table,
            data_file=found.file,
        )


def _data_count(found: AwardsInput, data: UnitAwards, claim: Claim) -> int | None:
    """What the data counts for the claim, None when it cannot say (unreadable data,
    a cell that is not a count)."""
    if data.problems and not data.tables:
        return None
    table = data.tables.get(claim.table)
    rows = [r for r in table.rows if claim.kind in (TOTAL, r.kind)] if table else []
    wanted = ("collective", "individual") if claim.recipient == COMBINED else (claim.recipient,)
    columns = [c.id for c in found.schema.totals() if c.recipient in wanted]
    cells = [row.cells.get(c) for row in rows for c in columns]
    if any(cell is not None and cell.value is not None and cell.count is None for cell in cells):
        return None
    return sum(row.count(c) for row in rows for c in columns)


RULES: list[type[Rule]] = [ProseCount]
