"""Text rules (BC4xx): Vietnamese text clean — NFC, Unicode, one tone style, tidy."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from baocao.diagnostics import Diagnostic
from baocao.lint import legacy, lines, prose_spans, tone
from baocao.lint.blocks import paragraphs
from baocao.lint.context import LintContext
from baocao.lint.rules.base import Rule


class Nfd(Rule):
    """Chữ tiếng Việt ở dạng tổ hợp (NFD): trông giống nhưng làm hỏng tìm kiếm và so khớp.

    Thường gặp khi chép từ một số trình soạn thảo trên macOS hoặc trang web. Sửa
    tự động bằng `baocao lint --fix`.

    Ví dụ sai:

    ```md
    Công tác thi đua (mỗi dấu là một ký tự riêng: "Co\u0302ng")
    ```

    Ví dụ đúng:

    ```md
    Công tác thi đua
    ```
    """

    code, name, family, fixable = "BC401", "nfd", "text", True

    def check(self, ctx: LintContext) -> Iterable[Diagnostic]:
        for source in ctx.report.files:
            if unicodedata.is_normalized("NFC", source.text):
                continue
            bad = [
                n
                for n, line in enumerate(lines.split(source.text), 1)
                if not unicodedata.is_normalized("NFC", line)
            ]
            yield ctx.diag(self, source.rel, bad[0], "rule.nfd", count=len(bad))

    def fix(self, text: str, ctx: LintContext, file: str, at: frozenset[int]) -> str:
        # one finding stands for every line of the file: all its prose is normalised
        return prose_spans.rewrite(text, ctx.prose(file, text), None, prose_spans.each_span(_nfc))


class LegacyEncoding(Rule):
    """Chữ bị lỗi mã do chép từ văn bản cũ gõ bằng phông TCVN3 (.VnTime) hoặc VNI.

    Sửa tự động bằng `baocao lint --fix` (chuyển sang Unicode).

    Ví dụ sai:

    ```md
    Céng hoµ x· héi chñ nghÜa ViÖt Nam
    ```

    Ví dụ đúng:

    ```md
    Cộng hòa xã hội chủ nghĩa Việt Nam
    ```
    """

    code, name, family, fixable = "BC402", "legacy-encoding", "text", True

    def check(self, ctx: LintContext) -> Iterable[Diagnostic]:
        for file, line, text in ctx.text_lines(legacy.may_be_legacy):
            if legacy.is_legacy(text):
                fixed, encoding = legacy.convert(text)
                yield ctx.diag(
                    self,
                    file,
                    line,
                    "rule.legacy-encoding",
                    encoding=encoding,
                    sample=fixed.strip()[:60],
                )

    def fix(self, text: str, ctx: LintContext, file: str, at: frozenset[int]) -> str:
        # The converted text takes the project's tone style when the tone rule runs:
        # TCVN3 and VNI write "hoà", and a fix must not leave a tone-style finding
        # behind for a second --fix (nor restyle anything when that rule is off).
        style = ctx.settings.tone_style if ToneStyle.code in ctx.codes else None

        def change(line: str, ranges: list[tuple[int, int]]) -> str:
            if not legacy.is_legacy(line):
                return line
            convert, _ = legacy.converter_for(line)

            def restyled(span: str) -> str:
                return tone.to_style(convert(span), style) if style else convert(span)

            return prose_spans.each_span(restyled)(line, ranges)

        return prose_spans.rewrite(text, ctx.prose(file, text), at, change)


class ToneStyle(Rule):
    """Cách đặt dấu thanh không thống nhất trong một báo cáo ("hòa" và "hoà" lẫn lộn).

    Kiểu ưu tiên là thiết lập `tone_style` ("hòa" mặc định, như Quốc hiệu). Sửa tự
    động bằng `baocao lint --fix`. Chỉ xét phần lời văn: đường dẫn tệp, ảnh, địa chỉ
    web, mã trong dấu `` ` ``, khối mã, chỉ thị và tên riêng ở phần thông tin đầu tệp
    (người ký, cơ quan, địa danh...) giữ nguyên cách viết.

    Ví dụ sai:

    ```md
    Xây dựng văn hóa công sở; hoà giải ở cơ sở.
    ```

    Ví dụ đúng:

    ```md
    Xây dựng văn hóa công sở; hòa giải ở cơ sở.
    ```
    """

    code, name, family, severity, fixable = "BC403", "tone-style", "text", "warning", True

    def check(self, ctx: LintContext) -> Iterable[Diagnostic]:
        # Only prose counts: a path, a URL, code or a person's name keeps its spelling.
        preferred = ctx.settings.tone_style
        other = "hoà" if preferred == "hòa" else "hòa"
        found = {s.rel: list(self._in_prose(ctx, s, other)) for s in ctx.report.files}
        if not any(found.values()):
            return
        if not any(next(self._in_prose(ctx, s, preferred), None) for s in ctx.report.files):
            return  # one style throughout, whichever it is
        for file, hits in found.items():
            for line, matches in hits:
                words = ", ".join(m.group(0) for m in matches)
                yield ctx.diag(self, file, line, "rule.tone-style", found=words, style=preferred)

    @staticmethod
    def _in_prose(ctx: LintContext, source, style: str):
        if not tone.find(source.text, style):  # most files: no need to look closer
            return iter(())
        return prose_spans.find(
            tone.pattern(style), source.text, ctx.prose(source.rel, source.text)
        )

    def fix(self, text: str, ctx: LintContext, file: str, at: frozenset[int]) -> str:
        style = ctx.settings.tone_style
        other = "hoà" if style == "hòa" else "hòa"
        move = prose_spans.substitute(
            tone.pattern(other), lambda ending: tone.restyle(ending, style)
        )
        return prose_spans.rewrite(text, ctx.prose(file, text), at, move)


# Characters a user cannot see that Word and web pages paste: zero-width (non-)joiners and
# spaces, byte-order mark, word joiner, no-break spaces (wide and narrow), soft hyphen.
_INVISIBLE = ("\u200b", "\u200c", "\u200d", "\ufeff", "\u2060", "\u00a0", "\u202f", "\u00ad")


class StrayWhitespace(Rule):
    """Khoảng trắng thừa: cuối dòng, hai dấu cách liền nhau, tab hoặc ký tự vô hình.

    Ví dụ sai:

    ```md
    Đơn vị đã  khen thưởng 12 tập thể.␠␠
    ```

    Ví dụ đúng:

    ```md
    Đơn vị đã khen thưởng 12 tập thể.
    ```
    """

    code, name, family, severity = "BC404", "stray-whitespace", "text", "warning"
    PATTERN = re.compile(r"[ \t]+$|(?<=\S) {2,}(?=\S)|\t|[" + "".join(_INVISIBLE) + "]")

    def check(self, ctx: LintContext) -> Iterable[Diagnostic]:
        for file, line, text in ctx.body_lines(_may_have_stray_whitespace):
            if text.lstrip().startswith("|") or text.startswith("    "):
                continue  # tables and code keep their own spacing
            match = self.PATTERN.search(_legacy_letters(text))
            if match:
                column = lines.column(text, match.start())
                yield ctx.diag(self, file, line, "rule.stray-whitespace", column=column)


class UnbalancedQuotes(Rule):
    """Dấu ngoặc kép hoặc ngoặc đơn không cân (mở mà không đóng, hoặc ngược lại).

    Ví dụ sai:

    ```md
    Phong trào “Cả nước đoàn kết, chung sức đồng lòng thi đua (giai đoạn 2021–2025.
    ```

    Ví dụ đúng:

    ```md
    Phong trào “Cả nước đoàn kết, chung sức đồng lòng thi đua” (giai đoạn 2021–2025).
    ```
    """

    code, name, family, severity = "BC405", "unbalanced-quotes", "text", "warning"
    PAIRS = (("“", "”"), ("(", ")"), ("[", "]"))
    # Code, a link's brackets and target ("[text](target)" keeps "text"), and enumerators
    # ("a) ...; b) ...", "1) ...") anywhere in the paragraph: none of them pairs.
    NOT_PAIRED = re.compile(
        r"`[^`]*`|\]\([^)]*\)|\[(?=[^\[\]]*\]\()|(?:^|(?<=[\s;:,]))[a-zđ0-9]{1,2}\)(?=\s)"
    )

    def check(self, ctx: LintContext) -> Iterable[Diagnostic]:
        blocks = [b for s in ctx.report.sections for b in s.blocks] + ctx.report.preamble
        for file, line, text in paragraphs(blocks):
            if not self.unbalanced(text):
                continue
            bad = self.unbalanced(self.NOT_PAIRED.sub(" ", text))
            if bad:
                yield ctx.diag(self, file, line, "rule.unbalanced-quotes", pairs=" ".join(bad))

    # any character of PAIRS or a straight quote: most paragraphs hold none
    SIGN = re.compile(r'[“”()\[\]"]')

    def unbalanced(self, text: str) -> list[str]:
        if not self.SIGN.search(text):
            return []
        bad = [o + c for o, c in self.PAIRS if text.count(o) != text.count(c)]
        if text.count('"') % 2:
            bad.append('""')
        return bad


RULES: list[type[Rule]] = [Nfd, LegacyEncoding, ToneStyle, StrayWhitespace, UnbalancedQuotes]


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _legacy_letters(text: str) -> str:
    """The line with a soft hyphen that is a letter of the old TCVN3 font ("ư") masked.

    Such a line is BC402's; the mask keeps every column where it was.
    """
    if "\u00ad" in text and legacy.is_legacy(text):
        return text.replace("\u00ad", "-")
    return text


# Two spaces or more between two characters of one line (not an indent, as in the front
# matter's lists); it starts with its literal, so a search of a whole file is fast.
_DOUBLE_SPACE = re.compile(r"  (?<=\S  ) *(?=\S)")


def _may_have_stray_whitespace(text: str) -> bool:
    """A quick whole-file test before the line-by-line search (a line may end in "\r\n")."""
    return (
        "\t" in text
        or " \n" in text
        or " \r" in text
        or text.endswith(" ")
        or any(ch in text for ch in _INVISIBLE)
        or ("  " in text and _DOUBLE_SPACE.search(text) is not None)
    )
