"""Content rules (BC2xx): each section really written, not placeholders or the form's guidance."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from rapidfuzz import fuzz

from baocao.diagnostics import Diagnostic
from baocao.forms import FormNode
from baocao.lint import mentions, placeholders, prose
from baocao.lint.blocks import paragraphs, words
from baocao.lint.context import LintContext
from baocao.lint.ruledata import rule_data
from baocao.lint.rules.base import Rule
from baocao.text import squash


def _says_nothing(text: str) -> bool:
    if len(text) > 60:
        return False
    folded = squash(text).lower().rstrip(".! ")
    return folded in rule_data().nothing_to_report


class EmptySection(Rule):
    """Mục không có nội dung (chỉ có tiêu đề, ghi chú % hoặc khoảng trắng).

    Mục không bắt buộc (nếu có) được ghi "Không có.".

    Ví dụ sai:

    ```md
    ### 3.2. Tồn tại, hạn chế, nguyên nhân

    % Nêu tồn tại, hạn chế.
    ```

    Ví dụ đúng:

    ```md
    ### 3.2. Tồn tại, hạn chế, nguyên nhân

    Việc phát hiện, bồi dưỡng điển hình tiên tiến ở một số phòng còn chậm.
    ```
    """

    code, name, family = "BC201", "empty-section", "content"

    def check(self, ctx: LintContext) -> Iterable[Diagnostic]:
        for node in ctx.nodes():
            section = ctx.section_of(node.id)
            if section is None or node.children:
                continue
            text = " ".join(t for _, _, t in ctx.lines_of(node.id))
            if not text.strip():
                severity = "error" if node.required else "warning"
                key = "rule.empty-section" if node.required else "rule.empty-section.optional"
                yield ctx.diag(self, section.file, section.line, key, node=node, severity=severity)
            elif node.required and _says_nothing(text):
                yield ctx.diag(
                    self, section.file, section.line, "rule.empty-section.required", node=node
                )


class Placeholder(Rule):
    """Nội dung còn để trống hoặc ghi tạm ("……", "...", ". . .", "xxx", "[điền vào]").

    Được tìm trong nội dung, tiêu đề và các giá trị ở phần đầu tệp. Dấu "…" kết thúc
    một từ hay một danh sách ("gồm A, B, C…", "các phong trào: …, …, v.v.") hoặc nằm
    trong ngoặc kép (lược bớt khi trích dẫn) không phải chỗ để trống.

    Ví dụ sai:

    ```md
    Trong năm 2025, đơn vị đã khen thưởng …… tập thể và [điền vào] cá nhân.
    ```

    Ví dụ đúng:

    ```md
    Trong năm 2025, đơn vị đã khen thưởng 12 tập thể và 48 cá nhân.
    ```
    """

    code, name, family = "BC202", "placeholder", "content"

    def check(self, ctx: LintContext) -> Iterable[Diagnostic]:
        yield from self.check_front_matter(ctx)
        suspects = {f.rel for f in ctx.report.files if placeholders.may_hold(f.text)}
        if not suspects:
            return  # a few searches per file settle most reports
        node_at = _node_lines(ctx)
        title_at = (ctx.report.index_file, ctx.report.title_line)
        for (file, line), text in _first_per_line(prose.runs(ctx), suspects).items():
            node_id = node_at.get((file, line))
            if node_id is not None:
                node = ctx.form.node(node_id)
                yield ctx.diag(self, file, line, "rule.placeholder", node=node, found=text)
            elif (file, line) == title_at and ctx.report.title is not None:
                yield ctx.diag(self, file, line, "rule.placeholder.title", found=text)
            else:
                yield ctx.diag(self, file, line, "rule.placeholder.text", found=text)

    def check_front_matter(self, ctx: LintContext) -> Iterable[Diagnostic]:
        fm = ctx.report.front_matter
        texts = [v for value in fm.values.values() for v in _texts(value)]
        if not placeholders.may_hold("\n".join(texts)):
            return  # one search settles most front matters
        for name, value in fm.values.items():
            items = value if isinstance(value, list) else [value]
            text = next((f for f in map(_placeholder_in, items) if f), None)
            if text:
                yield ctx.diag(
                    self,
                    ctx.report.index_file,
                    fm.line(name),
                    "rule.placeholder.field",
                    front_key=name,
                    field=name,
                    found=text,
                )


def _texts(value: object) -> list[str]:
    items = value if isinstance(value, list) else [value]
    return [item for item in items if isinstance(item, str)]


def _placeholder_in(value: object) -> str | None:
    return placeholders.first(value) if isinstance(value, str) else None


def _first_per_line(runs: Iterable[prose.Run], files: set[str]) -> dict[tuple[str, int], str]:
    """(file, line) -> the first placeholder on that line."""
    result: dict[tuple[str, int], tuple[int, str]] = {}
    for run in runs:
        if run.file not in files:
            continue
        for match in placeholders.found(run.text):
            where = (run.file, run.line_at(match.start()))
            if where not in result or match.start() < result[where][0]:
                # one line in the message, as the typography rules quote a text
                result[where] = (match.start(), " ".join(match.group(0).split()))
    return {where: text for where, (_, text) in sorted(result.items())}


def _node_lines(ctx: LintContext) -> dict[tuple[str, int], str]:
    """(file, line) -> the form node whose heading or body holds that line."""
    result: dict[tuple[str, int], str] = {}
    for node_id in ctx.contents:
        section = ctx.section_of(node_id)
        if section is not None:
            result[(section.file, section.line)] = node_id
        for file, line, _ in ctx.lines_of(node_id):
            result.setdefault((file, line), node_id)
    return result


class GuidanceLeft(Rule):
    """Lời hướng dẫn của mẫu còn để nguyên làm nội dung của mục.

    Ví dụ sai:

    ```md
    ## I. Đặc điểm tình hình

    Nêu khái quát đặc điểm tình hình chung; những thuận lợi, khó khăn của cơ quan,
    đơn vị trong năm 2025.
    ```

    Ví dụ đúng:

    ```md
    ## I. Đặc điểm tình hình

    Năm 2025, Sở có 9 phòng chuyên môn với 126 công chức, người lao động.
    ```
    """

    code, name, family = "BC203", "guidance-left", "content"

    def check(self, ctx: LintContext) -> Iterable[Diagnostic]:
        for node_id, blocks in ctx.contents.items():
            node = ctx.form.node(node_id)
            for file, line, text in paragraphs(blocks):
                if is_guidance(ctx, node, text):
                    yield ctx.diag(self, file, line, "rule.guidance-left", node=node)


def is_guidance(ctx: LintContext, node: FormNode, text: str) -> bool:
    """Whether ``text``, a paragraph of ``node``, is its guidance or issued heading left in.
    Asked here and by ``written`` of the same paragraphs: answered once per unit."""
    answers = ctx.cache.setdefault("guidance", {})
    key = (node.id, text)
    if key not in answers:
        limit = rule_data().guidance_similarity
        folded = _fold(text)
        guides = _guides(node, ctx.year or 0)
        answers[key] = any(fuzz.ratio(folded, guide, score_cutoff=limit) for guide in guides)
    return answers[key]


@cache
def _guides(node: FormNode, year: int) -> list[str]:
    """The node's guidance and its issued heading, folded for comparison."""
    texts = [*node.guidance_for(year), node.issued_heading_for(year)]
    return [folded for folded in map(_fold, texts) if folded]


def _fold(text: str) -> str:
    return one_spaced(text).lstrip("-•+* ").lower()


def one_spaced(text: str) -> str:
    """``text`` with each run of white space one space, and none at the ends.

    Most paragraphs have nothing but single spaces and line breaks between words: a
    text whose only white space, once its line breaks are spaces, is single spaces
    (every other white space character is unprintable) needs no splitting."""
    flat = text.replace("\n", " ")
    if flat.isprintable() and "  " not in flat:
        return flat.strip()
    return " ".join(text.split())


class MovementsMissing(Rule):
    """Mục 2.2 a) chưa nêu kết quả của một phong trào thi đua do cấp trên phát động.

    Ví dụ sai:

    ```md
    ### a) Các phong trào thi đua do Thủ tướng Chính phủ, Tỉnh ủy, UBND tỉnh phát động

    Đơn vị hưởng ứng phong trào “Chuyển đổi số” và xây dựng nông thôn mới.
    ```

    Ví dụ đúng:

    ```md
    ### a) Các phong trào thi đua do Thủ tướng Chính phủ, Tỉnh ủy, UBND tỉnh phát động

    Nêu kết quả từng phong trào: xây dựng nông thôn mới, vì người nghèo, kết cấu hạ tầng,
    văn hóa công sở, chung sức đồng lòng, Đảng viên tình nguyện, cải cách hành chính trên
    địa bàn tỉnh, trách nhiệm người đứng đầu, chuyển đổi số.
    ```
    """

    code, name, family, severity = "BC204", "movements-missing", "content", "warning"

    def check(self, ctx: LintContext) -> Iterable[Diagnostic]:
        for node in ctx.nodes():
            section = ctx.section_of(node.id)
            if section is None or not node.mentions:
                continue
            # "xây dựng NTM", "CCHC": the abbreviations of data/terminology.yaml count
            body = " ".join(t for _, _, t in ctx.lines_of(node.id))
            for mention in mentions.missing(body, node.mentions):
                yield ctx.diag(
                    self,
                    section.file,
                    section.line,
                    "rule.movements-missing",
                    node=node,
                    movement=mention.name,
                )


class TooShort(Rule):
    """Mục bắt buộc quá ngắn so với số từ tối thiểu trong thiết lập (mặc định tắt).

    Bật bằng `min_words = 40` trong `[tool.baocao]` của pyproject.toml.

    Ví dụ sai:

    ```md
    ### 3.1. Những kết quả đạt được

    Đạt kết quả tốt.
    ```

    Ví dụ đúng:

    ```md
    ### 3.1. Những kết quả đạt được

    Phong trào thi đua được triển khai sâu rộng tới 100% phòng, đơn vị; 12 tập thể và
    48 cá nhân được khen thưởng, tăng 15% so với năm 2024.
    ```
    """

    code, name, family, severity = "BC205", "too-short", "content", "warning"

    def check(self, ctx: LintContext) -> Iterable[Diagnostic]:
        minimum = ctx.settings.min_words
        if minimum <= 0:
            return
        for node in ctx.nodes():
            section = ctx.section_of(node.id)
            if section is None or node.children or not node.required:
                continue
            count = words(ctx.contents.get(node.id, []))
            if 0 < count < minimum:
                yield ctx.diag(
                    self,
                    section.file,
                    section.line,
                    "rule.too-short",
                    node=node,
                    words=count,
                    minimum=minimum,
                )


RULES: list[type[Rule]] = [EmptySection, Placeholder, GuidanceLeft, MovementsMissing, TooShort]
