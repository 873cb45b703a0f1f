"""Metadata rules (BC3xx): the front matter of index.md complete and right, and the
signer block there, not in the text."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache

from baocao import dates
from baocao.diagnostics import Diagnostic
from baocao.forms import FormNode
from baocao.lint import placeholders
from baocao.lint.blocks import paragraphs
from baocao.lint.context import LintContext
from baocao.lint.ruledata import rule_data
from baocao.lint.rules.base import Rule
from baocao.report import Block


class MissingField(Rule):
    """Thiếu một thông tin bắt buộc ở phần đầu tệp index.md (front matter).

    Ví dụ sai:

    ```yaml
    co_quan: SỞ NỘI VỤ
    so_ky_hieu:
    ```

    Ví dụ đúng:

    ```yaml
    co_quan: SỞ NỘI VỤ
    so_ky_hieu: 412/BC-SNV
    ```
    """

    code, name, family = "BC301", "missing-field", "metadata"

    def check(self, ctx: LintContext) -> Iterable[Diagnostic]:
        if any(p.code == "BC002" for p in ctx.report.problems):
            return  # unreadable, not missing: front-matter-syntax says where
        yield from _field_problems(self, ctx, "missing")


def _field_problems(rule: Rule, ctx: LintContext, kind: str) -> Iterable[Diagnostic]:
    """The front-matter problems of one kind ("missing" or "invalid") the loader found."""
    for problem in ctx.report.front_matter.problems:
        if problem.kind == kind:
            yield ctx.diag(
                rule,
                ctx.report.index_file,
                problem.line,
                problem.key,
                front_key=problem.field,
                **problem.params,
            )


class InvalidField(Rule):
    """Một thông tin ở phần đầu tệp sai kiểu hoặc sai dạng (ngày, số ký hiệu, mẫu).

    Ví dụ sai:

    ```yaml
    so_ky_hieu: Số 412 BC SNV
    ngay: 15/12/2025
    ```

    Ví dụ đúng:

    ```yaml
    so_ky_hieu: 412/BC-SNV
    ngay: 2025-12-15
    ```
    """

    code, name, family = "BC302", "invalid-field", "metadata"

    def check(self, ctx: LintContext) -> Iterable[Diagnostic]:
        fm = ctx.report.front_matter
        yield from _field_problems(self, ctx, "invalid")
        number = fm.get("so_ky_hieu")
        code = ctx.form.document_code if ctx.form else "BC"
        if isinstance(number, str) and placeholders.first(number):
            return  # a placeholder, told as such by BC202
        if isinstance(number, str) and not _is_document_number(number, code):
            yield ctx.diag(
                self,
                ctx.report.index_file,
                fm.line("so_ky_hieu"),
                "rule.invalid-field.so-ky-hieu",
                front_key="so_ky_hieu",
                field="so_ky_hieu",
                value=number,
                code=code,
            )


def _is_document_number(number: str, code: str) -> bool:
    """Whether ``number`` has one of the shapes of data/lint.yaml (state or Party body)."""
    shapes = rule_data().document_numbers
    return any(re.fullmatch(shape.replace("{code}", re.escape(code)), number) for shape in shapes)


class WrongYear(Rule):
    """Năm không khớp: năm báo cáo, ngày ban hành, năm ghi trong trích yếu hoặc tiêu đề mục.

    Kết quả là năm N, so sánh với năm N-1, phương hướng cho năm N+1. Một năm học
    hay một giai đoạn có chứa năm đúng ("Năm học 2024–2025", "giai đoạn 2021 - 2025",
    "nhiệm kỳ 2020-2025") là đúng. Ngày ban hành (`ngay`) phải từ 01/01 năm N đến
    hết `max_days_after_year` ngày sau 31/12 (mặc định 120 ngày: đến 30/4 năm N+1).

    Ví dụ sai:

    ```md
    ## III. Phương hướng, nhiệm vụ công tác thi đua, khen thưởng năm 2025
    ```

    Ví dụ đúng:

    ```md
    ## III. Phương hướng, nhiệm vụ công tác thi đua, khen thưởng năm 2026
    ```
    """

    code, name, family = "BC303", "wrong-year", "metadata"

    def check(self, ctx: LintContext) -> Iterable[Diagnostic]:
        yield from self.check_front_matter(ctx)
        # Headings are checked against the unit's own year (or the campaign's), never
        # against a guess: without a readable `nam` every year would look wrong.
        known = isinstance(ctx.report.front_matter.get("nam"), int) or ctx.settings.year
        if known and ctx.year is not None and ctx.form is not None:
            yield from self.check_headings(ctx)

    def check_front_matter(self, ctx: LintContext) -> Iterable[Diagnostic]:
        fm, index = ctx.report.front_matter, ctx.report.index_file
        year = fm.get("nam")
        expected = ctx.settings.year
        if isinstance(year, int) and expected and year != expected:
            yield ctx.diag(
                self,
                index,
                fm.line("nam"),
                "rule.wrong-year.nam",
                front_key="nam",
                year=year,
                expected=expected,
            )
        date = fm.get("ngay")
        if isinstance(year, int) and isinstance(date, dt.date):
            earliest = dt.date(year, 1, 1)
            latest = dt.date(year, 12, 31) + dt.timedelta(days=ctx.settings.max_days_after_year)
            if date < earliest or date > latest:
                yield ctx.diag(
                    self,
                    index,
                    fm.line("ngay"),
                    "rule.wrong-year.ngay",
                    front_key="ngay",
                    date=dates.vn_date(date),
                    year=year,
                    earliest=dates.vn_date(earliest),
                    latest=dates.vn_date(latest),
                )

    def check_headings(self, ctx: LintContext) -> Iterable[Diagnostic]:
        pattern = rule_data().year_pattern
        allowed = {ctx.year - 1, ctx.year, ctx.year + 1}
        # the report's own title and subject line, often copied from last year's report
        in_title = {int(y) for y in pattern.findall(ctx.form.title_for(ctx.year))} or allowed
        yield from self.check_subject(ctx, in_title)
        title = ctx.report.title
        if title and (years := wrong_years(title, in_title)):
            yield self._heading(ctx, ctx.report.index_file, ctx.report.title_line, years, in_title)
        for index, section in enumerate(ctx.report.sections):
            node_id = ctx.alignment.node_of.get(index)
            expected = allowed
            if node_id is not None:
                expected = _title_years(ctx.form.node(node_id), ctx.year) or allowed
            if years := wrong_years(section.title, expected):
                yield self._heading(ctx, section.file, section.line, years, expected)

    def check_subject(self, ctx: LintContext, expected: set[int]) -> Iterable[Diagnostic]:
        """The subject line (``trich_yeu``) names the years of the report's title."""
        fm = ctx.report.front_matter
        subject = fm.get("trich_yeu")
        if isinstance(subject, str) and (years := wrong_years(subject, expected)):
            yield ctx.diag(
                self,
                ctx.report.index_file,
                fm.line("trich_yeu"),
                "rule.wrong-year.trich-yeu",
                front_key="trich_yeu",
                year=", ".join(map(str, years)),
                expected=", ".join(map(str, sorted(expected))),
            )

    def _heading(
        self, ctx: LintContext, file: str, line: int, years: list[int], expected: set[int]
    ) -> Diagnostic:
        """One finding per heading, however many wrong years it names ("2022–2023")."""
        return ctx.diag(
            self,
            file,
            line,
            "rule.wrong-year.heading",
            year=", ".join(map(str, years)),
            expected=", ".join(map(str, sorted(expected))),
        )


@cache
def _title_years(node: FormNode, year: int) -> frozenset[int]:
    """The years a node's title names for the report's year (none for most titles)."""
    return frozenset(int(y) for y in rule_data().year_pattern.findall(node.title_for(year)))


@lru_cache(maxsize=4096)
def _named_years(text: str) -> frozenset[int]:
    """The years a heading names, read once per heading text: units write the same."""
    return frozenset(int(y) for y in rule_data().year_pattern.findall(text))


def wrong_years(text: str, expected: set[int]) -> list[int]:
    """The years ``text`` names that are not ``expected``, in order.

    A span of years ("năm học 2024–2025", "giai đoạn 2021 - 2025", "2021 đến 2025")
    that contains an expected year is right as a whole: none of its years is wrong. A
    year that is part of a name ("Nghị định 98/2023/NĐ-CP", "Chương trình giáo dục phổ
    thông 2018") is no year of the report.
    """
    if not _named_years(text) - expected:
        return []  # most headings: no year, or only the expected ones
    data = rule_data()
    kept = []
    for match in data.year_range_pattern.finditer(text):
        span = year_span(match["start"], match["end"])
        if span is not None and expected & set(range(span[0], span[1] + 1)):
            kept.append(match.span())
    for pattern in data.year_name_patterns:
        kept += [match.span("year") for match in pattern.finditer(text)]
    for start, end in sorted(kept, reverse=True):
        text = text[:start] + " " + text[end:]
    return sorted({int(y) for y in data.year_pattern.findall(text)} - expected)


def year_span(start: str, end: str) -> tuple[int, int] | None:
    """First and last year of a span ("2024", "25" -> 2024, 2025); None if not a span."""
    first = int(start)
    last = int(end) if len(end) == 4 else first // 100 * 100 + int(end)
    if first < last <= first + rule_data().year_span_max:
        return first, last
    return None


class MissingLuu(Rule):
    """Danh sách nơi nhận thiếu dòng cuối "Lưu: VT, ...".

    Ví dụ sai:

    ```yaml
    noi_nhan:
      - Ban Thi đua - Khen thưởng tỉnh
    ```

    Ví dụ đúng:

    ```yaml
    noi_nhan:
      - Ban Thi đua - Khen thưởng tỉnh
      - Lưu: VT, TĐKT.
    ```
    """

    code, name, family = "BC304", "missing-luu", "metadata"

    def check(self, ctx: LintContext) -> Iterable[Diagnostic]:
        fm = ctx.report.front_matter
        recipients = fm.get("noi_nhan")
        has_luu = bool(recipients) and re.match(r"^lưu\s*:", recipients[-1].strip(), re.I)
        if isinstance(recipients, list) and recipients and not has_luu:
            yield ctx.diag(
                self,
                ctx.report.index_file,
                fm.line("noi_nhan"),
                "rule.missing-luu",
                front_key="noi_nhan",
            )


class SignerInBody(Rule):
    """Dòng của khối chữ ký ("Nơi nhận:", "Lưu: VT, ...") nằm trong nội dung một mục.

    Thường gặp khi chép từ một văn bản khác hoặc chuyển từ tệp Word: nơi nhận và
    người ký ghi ở phần đầu tệp index.md (`noi_nhan`, `nguoi_ky`), không ghi trong
    nội dung.

    Ví dụ sai:

    ```md
    **Nơi nhận:**
    ```

    Ví dụ đúng:

    ```yaml
    noi_nhan:
      - Ban Thi đua - Khen thưởng tỉnh
      - Lưu: VT, TĐKT.
    ```
    """

    code, name, family = "BC305", "signer-in-body", "metadata"

    def check(self, ctx: LintContext) -> Iterable[Diagnostic]:
        patterns = rule_data().signer_lines
        for node_id, blocks in ctx.contents.items():
            first = next(
                (p for p in _body_lines(blocks) if any(r.match(p[2]) for r in patterns)), None
            )
            if first is not None:  # a pasted signer block is told once, at its first line
                file, line, text = first
                node = ctx.form.node(node_id)
                found = text.splitlines()[0].strip()
                yield ctx.diag(self, file, line, "rule.signer-in-body", node=node, found=found)


def _body_lines(blocks: list[Block]) -> Iterator[tuple[str, int, str]]:
    """Paragraphs and list items, and the bold paragraphs read as headings ("**Nơi nhận:**")."""
    for block in blocks:
        if block.kind == "heading":
            yield block.file, block.line, block.text
        else:
            yield from paragraphs([block])


RULES: list[type[Rule]] = [MissingField, InvalidField, WrongYear, MissingLuu, SignerInBody]
