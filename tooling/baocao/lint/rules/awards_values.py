"""Commendation value rules (BC605–BC606): each count a whole number ≥ 0, the data's
year the report's."""

from __future__ import annotations

import re
from collections.abc import Iterable

from baocao.awards.model import Cell
from baocao.diagnostics import Diagnostic
from baocao.lint.awards_input import awards_input
from baocao.lint.context import LintContext
from baocao.lint.rules.base import Rule

FAMILY = "awards"
_DIGITS = re.compile(r"\d[\d.,]*")


class NotACount(Rule):
    """Số liệu không phải số nguyên không âm: "12 người", -1, 2.5, "mười", "12" trong ngoặc kép.

    Chỉ ghi chữ số, không kèm đơn vị, không có dấu chấm hay dấu phẩy; không có thì ghi 0.

    Ví dụ sai:

    ```yaml
    mau-10:
      giay-khen: {tap-the: 18, ca-nhan: 96 người}
    ```

    Ví dụ đúng:

    ```yaml
    mau-10:
      giay-khen: {tap-the: 18, ca-nhan: 96}
    ```
    """

    code, name, family = "BC605", "awards-not-a-count", FAMILY

    def check(self, ctx: LintContext) -> Iterable[Diagnostic]:
        found = awards_input(ctx)
        if found is None or found.data is None:
            return
        for _, row in found.known_tables():
            for column, cell in row.cells.items():
                if cell.value is not None and cell.count is None:
                    key, params = _count_problem(cell)
                    yield ctx.diag(
                        self,
                        found.file,
                        cell.line,
                        key,
                        kind=row.kind,
                        column=column,
                        value=_shown(cell.value),
                        **params,
                    )


def _count_problem(cell: Cell) -> tuple[str, dict[str, object]]:
    value = cell.value
    if isinstance(value, bool):
        return "awards.count-not-number", {}
    if isinstance(value, int):
        return "awards.count-negative", {}
    if isinstance(value, float):
        return "awards.count-fraction", {}
    digits = _DIGITS.findall(str(value))
    if isinstance(value, str) and len(digits) == 1 and digits[0].isdigit():
        return "awards.count-with-words", {"number": digits[0]}
    return "awards.count-not-number", {}


def _shown(value: object) -> str:
    text = (
        value if isinstance(value, str) else repr(value) if isinstance(value, float) else str(value)
    )
    text = " ".join(str(text).split())
    return text if len(text) <= 40 else text[:39] + "…"


class WrongYear(Rule):
    """Năm trong tệp số liệu khen thưởng (`nam`) thiếu, sai dạng hoặc khác năm của báo cáo.

    Ví dụ sai:

    ```yaml
    nam: 2024
    ```

    Ví dụ đúng:

    ```yaml
    nam: 2025
    ```
    """

    code, name, family = "BC606", "awards-wrong-year", FAMILY

    def check(self, ctx: LintContext) -> Iterable[Diagnostic]:
        found = awards_input(ctx)
        if found is None or found.data is None:
            return
        data, cell = found.data, found.data.year_cell
        if cell is None and data.problems:
            return  # the file could not be read: BC602 says why
        if cell is None:
            yield ctx.diag(self, found.file, 1, "awards.year-missing", year=ctx.year or "")
        elif data.year is None:
            yield ctx.diag(
                self, found.file, cell.line, "awards.year-not-number", value=_shown(cell.value)
            )
        elif ctx.report.declared_year is not None and data.year != ctx.year:
            yield ctx.diag(
                self,
                found.file,
                cell.line,
                "awards.year-mismatch",
                year=data.year,
                report_year=ctx.year,
            )


RULES: list[type[Rule]] = [NotACount, WrongYear]
