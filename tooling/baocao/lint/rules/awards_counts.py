"""Commendation count rules (BC607–BC611): breakdowns within their totals, typed totals
that add up, the list of names matching its table, complete names, ratio rules."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from baocao.awards.model import AwardRow, AwardTable
from baocao.diagnostics import Diagnostic
from baocao.i18n import LANGUAGES, decimal
from baocao.lint.awards_input import AwardsInput, awards_input, column_label, label
from baocao.lint.context import LintContext
from baocao.lint.rules.base import Rule

FAMILY = "awards"


def _counts_known(row: AwardRow, column: str) -> bool:
    """Whether the cell is absent or a whole number ≥ 0 (a bad one is BC605's)."""
    cell = row.cells.get(column)
    return cell is None or cell.value is None or cell.count is not None


class BreakdownExceeds(Rule):
    """Số "trong đó" lớn hơn tổng của nó, hoặc các số "trong đó" cộng lại lớn hơn tổng.

    Ví dụ: số người trực tiếp công tác, lao động, sản xuất (`truc-tiep`) không thể lớn
    hơn số cá nhân (`ca-nhan`); lãnh đạo, doanh nhân và người trực tiếp cộng lại cũng
    không thể vượt số cá nhân.

    Ví dụ sai:

    ```yaml
    giay-khen: {tap-the: 18, ca-nhan: 96, truc-tiep: 106}
    ```

    Ví dụ đúng:

    ```yaml
    giay-khen: {tap-the: 18, ca-nhan: 96, truc-tiep: 66}
    ```
    """

    code, name, family = "BC607", "awards-breakdown-exceeds", FAMILY

    def check(self, ctx: LintContext) -> Iterable[Diagnostic]:
        found = awards_input(ctx)
        if found is None:
            return
        for _, row in found.known_tables():
            for total in found.schema.totals():
                yield from self._within(ctx, found, row, total.id)

    def _within(
        self, ctx: LintContext, found: AwardsInput, row: AwardRow, total: str
    ) -> Iterator[Diagnostic]:
        schema = found.schema
        parts = [p.id for p in schema.parts(total) if p.id in row.cells]
        if not parts or not all(_counts_known(row, c) for c in (total, *parts)):
            return
        limit = row.count(total)
        common = {"kind": label(schema, row.kind), "total": column_label(schema, total)}
        over = [p for p in parts if row.count(p) > limit]
        for part in over:
            yield ctx.diag(
                self,
                found.file,
                row.cells[part].line,
                "awards.part-exceeds",
                part=column_label(schema, part),
                value=row.count(part),
                limit=limit,
                **common,
            )
        together = sum(row.count(p) for p in parts)
        if not over and len(parts) > 1 and together > limit:
            yield ctx.diag(
                self,
                found.file,
                row.line,
                "awards.parts-exceed",
                parts=", ".join(column_label(schema, p) for p in parts),
                value=together,
                limit=limit,
                **common,
            )


class TotalMismatch(Rule):
    """Dòng tổng cộng (`tong-cong`) đơn vị tự ghi không bằng tổng các hình thức trong bảng.

    Dòng tổng cộng không bắt buộc: baocao tự tính tổng. Nếu ghi, nó phải khớp.

    Ví dụ sai:

    ```yaml
    mau-10:
      lao-dong-tien-tien: {ca-nhan: 198}
      giay-khen: {tap-the: 18, ca-nhan: 96}
      tong-cong: {tap-the: 18, ca-nhan: 284}
    ```

    Ví dụ đúng:

    ```yaml
    mau-10:
      lao-dong-tien-tien: {ca-nhan: 198}
      giay-khen: {tap-the: 18, ca-nhan: 96}
      tong-cong: {tap-the: 18, ca-nhan: 294}
    ```
    """

    code, name, family = "BC608", "awards-total-mismatch", FAMILY

    def check(self, ctx: LintContext) -> Iterable[Diagnostic]:
        found = awards_input(ctx)
        if found is None or found.data is None:
            return
        schema = found.schema
        for table in found.data.tables.values():
            stated, spec = table.stated_total, schema.table(table.id)
            if stated is None or spec is None:
                continue
            for column, cell in stated.cells.items():
                computed = _sum(table, column)
                if cell.count is None or schema.column(column) is None or computed is None:
                    continue
                if cell.count != computed:
                    yield ctx.diag(
                        self,
                        found.file,
                        cell.line,
                        "awards.total-mismatch",
                        table=spec.label,
                        column=column_label(schema, column),
                        stated=cell.count,
                        computed=computed,
                    )


def _sum(table: AwardTable, column: str) -> int | None:
    """The column's total over the rows, None when a cell is not a count."""
    if not all(_counts_known(row, column) for row in table.rows):
        return None
    return table.total(column)


class ListMismatch(Rule):
    """Danh sách đề nghị (`danh-sach-de-nghi`) không khớp số tập thể, cá nhân của Mẫu số 11.

    Mỗi hình thức trong bảng Mẫu số 11 phải có đúng chừng ấy tập thể (`tap-the: true`)
    và cá nhân trong danh sách. Chỉ kiểm tra khi đơn vị có ghi danh sách.

    Ví dụ sai:

    ```yaml
    mau-11:
      bang-khen-ubnd-tinh: {ca-nhan: 2}
    danh-sach-de-nghi:
      - {ten: Nguyễn Văn An, hinh-thuc: bang-khen-ubnd-tinh}
    ```

    Ví dụ đúng:

    ```yaml
    mau-11:
      bang-khen-ubnd-tinh: {ca-nhan: 1}
    danh-sach-de-nghi:
      - {ten: Nguyễn Văn An, hinh-thuc: bang-khen-ubnd-tinh}
    ```
    """

    code, name, family = "BC609", "awards-list-mismatch", FAMILY

    def check(self, ctx: LintContext) -> Iterable[Diagnostic]:
        found = awards_input(ctx)
        if found is None or found.data is None or not found.data.nominees:
            return
        schema, data = found.schema, found.data
        spec = schema.table(schema.nominee_table)
        table = data.tables.get(schema.nominee_table)
        if spec is None:
            return
        rows = {row.kind: row for row in table.rows} if table else {}
        for kind in spec.kinds:
            named = [n for n in data.nominees if n.kind == kind]
            row = rows.get(kind)
            for who in ("collective", "individual"):
                listed = sum(n.collective == (who == "collective") for n in named)
                counted = _counted(found, row, who)
                if counted is None or listed == counted:
                    continue
                line = row.line if row else named[0].line
                yield ctx.diag(
                    self,
                    found.file,
                    line,
                    f"awards.list-mismatch-{who}",
                    kind=label(schema, kind),
                    table=spec.label,
                    counted=counted,
                    listed=listed,
                )


def _counted(found: AwardsInput, row: AwardRow | None, who: str) -> int | None:
    """The row's count of ``who`` (its total columns for that recipient), None when a
    cell is not a count."""
    columns = [c.id for c in found.schema.totals() if c.recipient == who]
    if row is None:
        return 0
    if not all(_counts_known(row, c) for c in columns):
        return None
    return sum(row.count(c) for c in columns)


class NomineeIncomplete(Rule):
    """Một mục của danh sách đề nghị thiếu tên (`ten`) hoặc hình thức khen thưởng (`hinh-thuc`).

    Ví dụ sai:

    ```yaml
    danh-sach-de-nghi:
      - ten: Nguyễn Thị Thu Thủy
        chuc-vu: Chuyên viên
    ```

    Ví dụ đúng:

    ```yaml
    danh-sach-de-nghi:
      - ten: Nguyễn Thị Thu Thủy
        chuc-vu: Chuyên viên
        hinh-thuc: bang-khen-ubnd-tinh
    ```
    """

    code, name, family = "BC610", "awards-nominee-incomplete", FAMILY

    def check(self, ctx: LintContext) -> Iterable[Diagnostic]:
        found = awards_input(ctx)
        if found is None or found.data is None:
            return
        for index, nominee in enumerate(found.data.nominees, start=1):
            for key, value in (("ten", nominee.name), ("hinh-thuc", nominee.kind)):
                if not value:
                    yield ctx.diag(
                        self,
                        found.file,
                        nominee.line,
                        f"awards.nominee-no-{key}",
                        number=index,
                        name=nominee.name,
                    )


class RatioBroken(Rule):
    """Một tỷ lệ khống chế ghi trong mẫu bị vượt (thông báo dẫn căn cứ pháp lý của nó).

    Tỷ lệ lấy từ `ratio_rules` trong `_templates/forms/<mẫu>/khen-thuong.yaml`, mỗi
    tỷ lệ có căn cứ pháp lý; mẫu mặc định không đặt tỷ lệ nào (xem
    docs/khen-thuong-nguon.md). Ví dụ dưới đây với tỷ lệ "Chiến sĩ thi đua cơ sở
    không quá 15% số Lao động tiên tiến" mà một tỉnh tự đặt.

    Ví dụ sai:

    ```yaml
    mau-10:
      chien-si-thi-dua-co-so: {ca-nhan: 40}
      lao-dong-tien-tien: {ca-nhan: 198}
    ```

    Ví dụ đúng:

    ```yaml
    mau-10:
      chien-si-thi-dua-co-so: {ca-nhan: 26}
      lao-dong-tien-tien: {ca-nhan: 198}
    ```
    """

    code, name, family = "BC611", "awards-ratio", FAMILY

    def check(self, ctx: LintContext) -> Iterable[Diagnostic]:
        found = awards_input(ctx)
        if found is None or found.data is None:
            return
        schema = found.schema
        for rule in schema.ratio_rules:
            table = found.data.tables.get(rule.table)
            rows = {row.kind: row for row in table.rows} if table else {}
            row, base = rows.get(rule.kind), rows.get(rule.of_kind)
            if row is None or not _counts_known(row, rule.column):
                continue
            if base is not None and not _counts_known(base, rule.of_column):
                continue
            count = row.count(rule.column)
            of = base.count(rule.of_column) if base else 0
            if count > rule.max_share * of + 1e-9:
                basis = schema.basis(rule.basis)
                yield ctx.diag(
                    self,
                    found.file,
                    row.cells[rule.column].line if rule.column in row.cells else row.line,
                    "awards.ratio",
                    cap=rule.message,
                    count=count,
                    of=of,
                    **_percent("share", 100 * count / of if of else None),
                    **_percent("limit", 100 * rule.max_share),
                    basis=basis.title if basis else rule.basis,
                    issued=basis.issued if basis else "",
                )


def _percent(name: str, value: float | None) -> dict[str, str]:
    """A percentage as each language writes it ("13,1" and "13.1"), "∞" when undefined."""
    return {
        f"{name}_{lang}": decimal(value, 1, lang) if value is not None else "∞"
        for lang in LANGUAGES
    }


RULES: list[type[Rule]] = [
    BreakdownExceeds,
    TotalMismatch,
    ListMismatch,
    NomineeIncomplete,
    RatioBroken,
]
