"""Structure rules (BC1xx): every required section present, once, in order, at its level."""

from __future__ import annotations

import re
from collections.abc import Iterable

from baocao.diagnostics import Diagnostic
from baocao.lint import lines
from baocao.lint.align import taken_out
from baocao.lint.context import LintContext
from baocao.lint.rules.base import Rule


class MissingSection(Rule):
    """Thiếu một mục bắt buộc của mẫu báo cáo.

    Ví dụ sai:

    ```md
    ## 3. Đánh giá chung
    ### 3.1. Những kết quả đạt được
    (không có mục 3.2)
    ```

    Ví dụ đúng:

    ```md
    ## 3. Đánh giá chung
    ### 3.1. Những kết quả đạt được
    ### 3.2. Tồn tại, hạn chế, nguyên nhân
    ```
    """

    code, name, family = "BC101", "missing-section", "structure"

    def check(self, ctx: LintContext) -> Iterable[Diagnostic]:
        if ctx.off_form:
            return  # told once by BC107
        previous = None
        for node in ctx.nodes():
            section = ctx.section_of(node.id)
            if section is not None:
                previous = (node, section)
                continue
            if not node.required:
                continue
            if previous is None:
                yield ctx.diag(
                    self,
                    ctx.report.index_file,
                    ctx.report.title_line,
                    "rule.missing-section.first",
                    node=node,
                )
            else:
                prev_node, prev_section = previous
                yield ctx.diag(
                    self,
                    prev_section.file,
                    prev_section.line,
                    "rule.missing-section",
                    node=node,
                    after=prev_node.number,
                    after_title=ctx.title(prev_node),
                )


class SectionOrder(Rule):
    """Một mục có trong báo cáo nhưng không đúng thứ tự của mẫu.

    Ví dụ sai:

    ```md
    ## III. Phương hướng, nhiệm vụ công tác thi đua, khen thưởng năm 2026
    ## II. Kết quả thực hiện phong trào thi đua, công tác khen thưởng năm 2025
    ```

    Ví dụ đúng:

    ```md
    ## II. Kết quả thực hiện phong trào thi đua, công tác khen thưởng năm 2025
    ## III. Phương hướng, nhiệm vụ công tác thi đua, khen thưởng năm 2026
    ```
    """

    code, name, family = "BC102", "section-order", "structure"

    def check(self, ctx: LintContext) -> Iterable[Diagnostic]:
        if ctx.off_form:
            return  # told once by BC107
        for index, node_id in taken_out(ctx.alignment, ctx.form).items():
            section = ctx.report.sections[index]
            node = ctx.form.node(node_id)
            yield ctx.diag(self, section.file, section.line, "rule.section-order", node=node)


class HeadingLevel(Rule):
    """Mục đúng tên nhưng sai cấp tiêu đề (số dấu # không khớp với vị trí trong mẫu).

    Ví dụ sai:

    ```md
    ## II. Kết quả thực hiện phong trào thi đua, công tác khen thưởng năm 2025
    ## 1. Công tác lãnh đạo, chỉ đạo tổ chức triển khai phong trào thi đua, công tác khen thưởng
    ```

    Ví dụ đúng:

    ```md
    ## II. Kết quả thực hiện phong trào thi đua, công tác khen thưởng năm 2025
    ### 1. Công tác lãnh đạo, chỉ đạo tổ chức triển khai phong trào thi đua, công tác khen thưởng
    ```
    """

    code, name, family, severity = "BC103", "heading-level", "structure", "warning"

    def check(self, ctx: LintContext) -> Iterable[Diagnostic]:
        if ctx.off_form:
            return  # told once by BC107
        for index, node_id in ctx.alignment.node_of.items():
            section = ctx.report.sections[index]
            node = ctx.form.node(node_id)
            level = ctx.alignment.levels.get(index, section.level)  # wrappers taken out
            if not section.bold and level != node.depth + 1:
                shift = section.level - level
                yield ctx.diag(
                    self,
                    section.file,
                    section.line,
                    "rule.heading-level",
                    node=node,
                    expected=node.depth + 1 + shift,
                    found=section.level,
                )


class BoldHeading(Rule):
    """Một đoạn chữ đậm được dùng thay cho tiêu đề mục của mẫu.

    Ví dụ sai:

    ```md
    **3.2. Tồn tại, hạn chế, nguyên nhân**
    ```

    Ví dụ đúng:

    ```md
    ### 3.2. Tồn tại, hạn chế, nguyên nhân
    ```
    """

    code, name, family, fixable = "BC104", "bold-heading", "structure", True

    def check(self, ctx: LintContext) -> Iterable[Diagnostic]:
        if ctx.off_form:
            return  # told once by BC107
        for index, node_id in ctx.alignment.node_of.items():
            section = ctx.report.sections[index]
            if section.bold:
                node = ctx.form.node(node_id)
                yield ctx.diag(self, section.file, section.line, "rule.bold-heading", node=node)

    def fix(self, text: str, ctx: LintContext, file: str, at: frozenset[int]) -> str:
        depth = next((f.depth for f in ctx.report.files if f.rel == file), 0)
        pieces = lines.parts(text)
        for index, node_id in ctx.alignment.node_of.items():
            section = ctx.report.sections[index]
            if not section.bold or section.file != file or section.line not in at:
                continue
            implied = ctx.alignment.outline_levels.get(index)  # part wrappers counted
            level = max(1, (implied or ctx.form.node(node_id).depth + 1) - depth)
            slot = 2 * (section.line - 1)
            raw = pieces[slot]
            pieces[slot] = (
                "#" * level + " " + re.sub(r"^\s*(\*\*|__)|(\*\*|__)[:.]?\s*$", "", raw).strip()
            )
        return "".join(pieces)


class UnknownSection(Rule):
    """Một tiêu đề không khớp với mục nào của mẫu.

    Ví dụ sai:

    ```md
    ## IV. Các nội dung khác
    ```

    Ví dụ đúng:

    ```md
    ## II. Kết quả thực hiện phong trào thi đua, công tác khen thưởng năm 2025
    ```
    """

    code, name, family, severity = "BC105", "unknown-section", "structure", "warning"

    def check(self, ctx: LintContext) -> Iterable[Diagnostic]:
        if ctx.off_form:
            return  # told once by BC107
        for index in ctx.alignment.unknown:
            section = ctx.report.sections[index]
            yield ctx.diag(
                self, section.file, section.line, "rule.unknown-section", heading=section.title
            )


class DuplicateSection(Rule):
    """Một mục của mẫu được viết hai lần.

    Ví dụ sai:

    ```md
    ### 3.1. Những kết quả đạt được
    ### 3.1. Những kết quả đạt được
    ```

    Ví dụ đúng:

    ```md
    ### 3.1. Những kết quả đạt được
    ### 3.2. Tồn tại, hạn chế, nguyên nhân
    ```
    """

    code, name, family = "BC106", "duplicate-section", "structure"

    def check(self, ctx: LintContext) -> Iterable[Diagnostic]:
        if ctx.off_form:
            return  # told once by BC107
        for index, node_id in ctx.alignment.duplicates.items():
            section = ctx.report.sections[index]
            first = ctx.section_of(node_id)
            node = ctx.form.node(node_id)
            yield ctx.diag(
                self,
                section.file,
                section.line,
                "rule.duplicate-section",
                node=node,
                first=f"{first.file}:{first.line}" if first else "",
            )


class NotOnForm(Rule):
    """Báo cáo viết theo một dàn ý khác, không theo các mục của mẫu.

    Báo lỗi một lần cho cả đơn vị, thay cho từng lỗi thiếu mục, sai thứ tự hay
    tiêu đề lạ: khi các tiêu đề chỉ ứng với dưới một nửa số mục bắt buộc của mẫu.

    Ví dụ sai:

    ```md
    ## I. Kết quả thực hiện nhiệm vụ năm học 2024 - 2025
    ## II. Phương hướng, nhiệm vụ năm học 2025 - 2026
    ```

    Ví dụ đúng:

    ```md
    ## I. Đặc điểm tình hình
    ## II. Kết quả thực hiện phong trào thi đua, công tác khen thưởng năm 2025
    ## III. Phương hướng, nhiệm vụ công tác thi đua, khen thưởng năm 2026
    ```
    """

    code, name, family = "BC107", "not-on-form", "structure"

    def check(self, ctx: LintContext) -> Iterable[Diagnostic]:
        if not ctx.off_form:
            return
        required = ctx.form.required_ids()
        yield ctx.diag(
            self,
            ctx.report.index_file,
            ctx.report.title_line,
            "align.not-on-form" if ctx.recognised else "align.not-on-form.none",
            form=ctx.form.label,
            found=len(ctx.recognised),
            required=len(required),
            sections=", ".join(ctx.recognised),
        )


RULES: list[type[Rule]] = [
    MissingSection,
    SectionOrder,
    HeadingLevel,
    BoldHeading,
    UnknownSection,
    DuplicateSection,
    NotOnForm,
]
