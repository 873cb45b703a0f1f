"""Commendation data rules (BC601–BC604): a unit's khen-thuong.yaml there, readable,
named with the form's ids, each kind in its table and given to whom it may be.

Every rule reads the data through ``lint.awards_input`` (loaded once per unit); a
finding about the data file carries the data file's own path and line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from baocao.awards.model import AwardSchema, AwardTable, Kind
from baocao.diagnostics import Diagnostic
from baocao.lint.awards_input import (
    AwardsInput,
    awards_input,
    closest,
    column_choices,
    column_label,
    kind_choices,
    schema_error,
    section_node,
)
from baocao.lint.context import LintContext
from baocao.lint.rules.base import Rule

FAMILY = "awards"
_DIGITS = re.compile(r"\d[\d.,]*")


class MissingData(Rule):
    """Mục 2.4 a) có nội dung nhưng đơn vị chưa có tệp số liệu khen thưởng khen-thuong.yaml.

    Ví dụ: mục 2.4 a) viết số khen thưởng, thư mục đơn vị không có `khen-thuong.yaml`.
    Số liệu Mẫu số 10, 11 ghi trong tệp `khen-thuong.yaml` của đơn vị mới được
    kiểm tra, tính tổng, tổng hợp cho toàn tỉnh. Tạo tệp mẫu bằng
    `baocao new <đơn-vị> --data-only` rồi điền số liệu.

    Ví dụ sai:

    ```md
    Trong năm 2025, Sở tặng Giấy khen của Giám đốc Sở cho 18 tập thể, 96 cá nhân.
    ```

    Ví dụ đúng:

    ```yaml
    nam: 2025
    mau-10:
      giay-khen: {tap-the: 18, ca-nhan: 96}
    ```
    """

    code, name, family, severity = "BC601", "awards-missing-data", FAMILY, "warning"

    def check(self, ctx: LintContext) -> Iterable[Diagnostic]:
        found = awards_input(ctx)
        if found is None or found.data is not None:
            return
        node = section_node(ctx, found.schema)
        section = ctx.section_of(node.id) if node else None
        if node is None or section is None:
            return
        if any(b.kind not in ("heading", "comment") for b in ctx.contents.get(node.id, [])):
            slug = ctx.report.unit
            yield ctx.diag(
                self,
                section.file,
                section.line,
                "awards.missing-data",
                node=node,
                data_file=found.file,
                slug=slug,
            )


class Unreadable(Rule):
    """Tệp số liệu khen thưởng không đọc được: sai cú pháp YAML, không phải UTF-8, sai dạng.

    Lược đồ số liệu của mẫu (`_templates/forms/<mẫu>/khen-thuong.yaml`) viết sai cũng
    được báo ở đây, kèm tệp và dòng của lược đồ; phần còn lại của báo cáo vẫn được kiểm tra.

    Ví dụ sai:

    ```yaml
    mau-10:
      giay-khen: {tap-the: 18, ca-nhan: 96
    ```

    Ví dụ đúng:

    ```yaml
    mau-10:
      giay-khen: {tap-the: 18, ca-nhan: 96}
    ```
    """

    code, name, family = "BC602", "awards-unreadable", FAMILY

    def check(self, ctx: LintContext) -> Iterable[Diagnostic]:
        broken = schema_error(ctx)
        if broken is not None:  # the form's schema itself: no data can be checked
            file, line, key, params = broken
            yield Diagnostic(self.code, self.name, "error", file, line, key, params)
        found = awards_input(ctx)
        if found is None or found.data is None:
            return
        for line, key, params in found.data.problems:
            yield ctx.diag(self, found.file, line, key, **params)


class UnknownId(Rule):
    """Tên bảng, hình thức khen thưởng hoặc cột không có trong mẫu (gợi ý tên gần nhất).

    Tên các bảng (`mau-10`, `mau-11`), hình thức (`giay-khen`, `lao-dong-tien-tien`…)
    và cột (`tap-the`, `ca-nhan`, `truc-tiep`…) là các mã trong tệp
    `_templates/forms/<mẫu>/khen-thuong.yaml`.

    Ví dụ sai:

    ```yaml
    mau-10:
      giay-khen: {tap-the: 18, ca-nhan: 96, truc-tiep-san-xuat: 66}
    ```

    Ví dụ đúng:

    ```yaml
    mau-10:
      giay-khen: {tap-the: 18, ca-nhan: 96, truc-tiep: 66}
    ```
    """

    code, name, family = "BC603", "awards-unknown-id", FAMILY

    def check(self, ctx: LintContext) -> Iterable[Diagnostic]:
        found = awards_input(ctx)
        if found is None or found.data is None:
            return
        schema, data = found.schema, found.data
        tables = {t.id: t.id for t in schema.tables}
        for table in data.tables.values():
            if schema.table(table.id) is None:
                yield self._unknown(ctx, found.file, table.line, "table", table.id, tables)
                continue
            yield from self._rows(ctx, found, table)
        for key, line in data.unknown_keys:
            yield ctx.diag(self, found.file, line, "awards.unknown-key", name=key)
        kinds = kind_choices(schema)
        for index, nominee in enumerate(data.nominees, start=1):
            if nominee.kind and schema.kind(nominee.kind) is None:
                yield self._unknown(
                    ctx,
                    found.file,
                    nominee.line,
                    "nominee-kind",
                    nominee.kind,
                    kinds,
                    number=index,
                )

    def _rows(
        self, ctx: LintContext, found: AwardsInput, table: AwardTable
    ) -> Iterator[Diagnostic]:
        schema = found.schema
        spec = schema.table(table.id)
        kinds = kind_choices(schema, spec.kinds if spec else None)
        columns = column_choices(schema)
        rows = [*table.rows, *([table.stated_total] if table.stated_total else [])]
        for row in rows:
            if row in table.rows and schema.kind(row.kind) is None:
                yield self._unknown(
                    ctx, found.file, row.line, "kind", row.kind, kinds, table=table.id
                )
            for column, cell in row.cells.items():
                if schema.column(column) is None:
                    yield self._unknown(
                        ctx, found.file, cell.line, "column", column, columns, kind=row.kind
                    )

    def _unknown(
        self,
        ctx: LintContext,
        file: str,
        line: int,
        what: str,
        value: str,
        choices: dict[str, str],
        **params: object,
    ) -> Diagnostic:
        guess = closest(value, choices)
        if guess:
            return ctx.diag(
                self, file, line, f"awards.unknown-{what}", id=value, closest=guess, **params
            )
        known = ", ".join(sorted(set(choices.values())))
        return ctx.diag(
            self, file, line, f"awards.unknown-{what}-known", id=value, known=known, **params
        )


class NotAllowed(Rule):
    """Hình thức khen thưởng không thuộc bảng đó, hoặc không dành cho đối tượng ở cột đó.

    Ví dụ: "Lao động tiên tiến" chỉ tặng cá nhân, "Cờ thi đua" chỉ tặng tập thể, hộ
    gia đình chỉ nhận Bằng khen, Giấy khen; hình thức đề nghị UBND tỉnh khen thưởng
    ghi ở `mau-11`, không ghi ở `mau-10`.

    Ví dụ sai:

    ```yaml
    mau-10:
      lao-dong-tien-tien: {tap-the: 11, ca-nhan: 198}
    ```

    Ví dụ đúng:

    ```yaml
    mau-10:
      tap-the-lao-dong-tien-tien: {tap-the: 11}
      lao-dong-tien-tien: {ca-nhan: 198}
    ```
    """

    code, name, family = "BC604", "awards-not-allowed", FAMILY

    def check(self, ctx: LintContext) -> Iterable[Diagnostic]:
        found = awards_input(ctx)
        if found is None or found.data is None:
            return
        schema = found.schema
        for table, row in found.known_tables():
            spec = schema.table(table.id)
            kind = schema.kind(row.kind)
            if spec is None or kind is None:
                continue
            if row.kind not in spec.kinds:
                yield ctx.diag(
                    self,
                    found.file,
                    row.line,
                    "awards.kind-not-in-table",
                    kind=kind.label,
                    table=spec.label,
                    others=_tables_with(schema, row.kind),
                )
                continue
            for column, cell in row.cells.items():
                recipient = schema.recipient(column)
                if (cell.count or 0) > 0 and recipient and not _receives(kind, recipient):
                    yield ctx.diag(
                        self,
                        found.file,
                        cell.line,
                        f"awards.not-for-{recipient}",
                        kind=kind.label,
                        column=column_label(schema, column),
                    )
        yield from self._nominees(ctx, found)

    def _nominees(self, ctx: LintContext, found: AwardsInput) -> Iterator[Diagnostic]:
        schema = found.schema
        spec = schema.table(schema.nominee_table)
        for index, nominee in enumerate(found.data.nominees if found.data else (), start=1):
            kind = schema.kind(nominee.kind)
            if kind is None or spec is None:
                continue
            if nominee.kind not in spec.kinds:
                yield ctx.diag(
                    self,
                    found.file,
                    nominee.line,
                    "awards.nominee-not-in-table",
                    number=index,
                    kind=kind.label,
                    table=spec.label,
                )
            elif not _receives(kind, "collective" if nominee.collective else "individual"):
                key = "collective" if nominee.collective else "individual"
                yield ctx.diag(
                    self,
                    found.file,
                    nominee.line,
                    f"awards.nominee-not-{key}",
                    number=index,
                    kind=kind.label,
                )


def _receives(kind: Kind, recipient: str) -> bool:
    return {
        "collective": kind.collective,
        "individual": kind.individual,
        "household": kind.household,
    }.get(recipient, True)


def _tables_with(schema: AwardSchema, kind_id: str) -> str:
    return ", ".join(t.id for t in schema.tables if kind_id in t.kinds) or "-"


RULES: list[type[Rule]] = [MissingData, Unreadable, UnknownId, NotAllowed]
