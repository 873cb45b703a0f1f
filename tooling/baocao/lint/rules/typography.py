"""Typography rules (BC406-BC409): slips a careful clerk catches, in prose only.

They read the prose of lint/prose.py (never code, links, URLs, paths or HTML) and fix
through lint/slips.py, which rewrites a slip only where the fix is certain.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import ClassVar

from baocao.diagnostics import Diagnostic
from baocao.lint import prose
from baocao.lint.context import LintContext
from baocao.lint.ruledata import rule_data
from baocao.lint.rules.base import Rule
from baocao.lint.slips import Slip, fix_text
from baocao.text import nfc

Found = tuple[int, str, str]  # (index in the run, text as written, text fixed)


class TypographyRule(Rule):
    """A warning with a safe fix: each slip of a run of prose, its line, its correction."""

    family, severity, fixable = "text", "warning", True
    key: ClassVar[str]

    def found(self, text: str) -> Iterator[Found]:
        raise NotImplementedError

    def slips(self, ctx: LintContext) -> list[Slip]:
        key = f"slips:{self.code}"
        if key not in ctx.cache:
            ctx.cache[key] = [
                Slip(run.file, run.line_at(index), found, fixed)
                for run in prose.runs(ctx)
                for index, found, fixed in self.found(nfc(run.text))
            ]
        return ctx.cache[key]

    def check(self, ctx: LintContext) -> Iterable[Diagnostic]:
        for slip in self.slips(ctx):
            found, fixed = (" ".join(t.split("\n")) for t in (slip.found, slip.fixed))
            yield ctx.diag(self, slip.file, slip.line, self.key, found=found, fixed=fixed)

    def fix(self, text: str, ctx: LintContext, file: str) -> str:
        return fix_text(text, file, self.slips(ctx))


class RepeatedWords(TypographyRule):
    """Một cụm từ hoặc một hư từ ("của", "và", "các", ...) bị gõ lặp hai lần liền nhau.

    Một tiếng đứng liền nhau hai lần thường là hai từ ghép gặp nhau ("trực tiếp tiếp
    khách", "học sinh sinh hoạt") hoặc từ láy ("người người", "luôn luôn"): chỉ báo các
    hư từ trong danh sách của `data/lint.yaml`. Sửa tự động bằng `baocao lint --fix`.

    Ví dụ sai:

    ```md
    Thực hiện Kế hoạch số kế hoạch số 12/KH-UBND của của Ủy ban nhân dân tỉnh.
    ```

    Ví dụ đúng:

    ```md
    Thực hiện Kế hoạch số 12/KH-UBND của Ủy ban nhân dân tỉnh.
    ```
    """

    code, name, key = "BC406", "repeated-words", "rule.repeated-words"
    PATTERN = re.compile(
        r"(?<![\w\ufffc])(?P<phrase>(?:[^\W\d_]+ ){0,4}[^\W\d_]+)"
        r"(?P<gap>[ \n]+)(?P=phrase)(?![\w])",
        re.IGNORECASE,
    )

    def found(self, text: str) -> Iterator[Found]:
        slips = rule_data().repeated_word_slips
        for match in self.PATTERN.finditer(text):
            phrase = match["phrase"]
            if " " not in phrase and phrase.lower() not in slips:
                continue  # two words meeting ("trực tiếp tiếp khách"), "người người", a name
            yield match.start(), match.group(0), phrase


class SpaceBeforePunctuation(TypographyRule):
    """Dấu cách đặt trước dấu câu hoặc dấu đóng ngoặc, hoặc sau dấu mở ngoặc.

    Dấu câu là dấu phẩy, chấm phẩy, hai chấm, chấm, chấm hỏi, chấm than.

    Sửa tự động bằng `baocao lint --fix`.

    Ví dụ sai:

    ```md
    Khen thưởng 20 tập thể ; 45 cá nhân trong năm 2025 ( theo Mẫu số 10 ).
    ```

    Ví dụ đúng:

    ```md
    Khen thưởng 20 tập thể; 45 cá nhân trong năm 2025 (theo Mẫu số 10).
    ```
    """

    code, name, key = "BC407", "space-before-punctuation", "rule.space-before-punctuation"
    # a word, spaces, then a closing mark (a dot only when it is not a dotted line or
    # a decimal); or an opening bracket or quote, spaces, then a word
    BEFORE = re.compile(
        r"(?P<word>[^\s\ufffc(\[“«]*(?:[^\W_]|[)\]”»%]))(?P<gap> +)"
        r"(?P<mark>[,;:!?)\]”»]|\.(?![.…\w]))"
    )
    AFTER = re.compile(r"(?<![^\s(\[])(?P<mark>[(\[“«])(?P<gap> +)(?P<word>[^\s\ufffc)\]”»]+)")

    def found(self, text: str) -> Iterator[Found]:
        for match in self.BEFORE.finditer(text):
            yield match.start(), match.group(0), match["word"] + match["mark"]
        for match in self.AFTER.finditer(text):
            yield match.start(), match.group(0), match["mark"] + match["word"]


class NoSpaceBeforeBracket(TypographyRule):
    """Thiếu dấu cách trước dấu mở ngoặc đơn.

    Ký hiệu một chữ trong ngoặc ("khoản 1(a)", "(s)") không bị báo. Sửa tự động bằng
    `baocao lint --fix`.

    Ví dụ sai:

    ```md
    Tỷ lệ hoàn thành 02/16(đạt 12,5%) chỉ tiêu của năm.
    ```

    Ví dụ đúng:

    ```md
    Tỷ lệ hoàn thành 02/16 (đạt 12,5%) chỉ tiêu của năm.
    ```
    """

    code, name, key = "BC408", "no-space-before-bracket", "rule.no-space-before-bracket"
    PATTERN = re.compile(
        r"(?P<before>[^\s(\[\ufffc]*[^\W_])\((?P<after>(?![^\W_]{1,2}\))[^\W\d_][^\s()\ufffc]*)"
    )

    def found(self, text: str) -> Iterator[Found]:
        for match in self.PATTERN.finditer(text):
            yield match.start(), match.group(0), f"{match['before']} ({match['after']}"


class SpacedCode(TypographyRule):
    """Dấu cách thừa trong số, ký hiệu văn bản, ngày tháng hoặc khoảng năm, số.

    Sửa tự động bằng `baocao lint --fix`. Khoảng có dấu cách cả hai bên ("2021 - 2025")
    là cách viết đúng.

    Ví dụ sai:

    ```md
    Thực hiện Báo cáo số 01 /BC-UBND và Công văn số 885/ PGDĐT (giai đoạn 2001- 2005).
    ```

    Ví dụ đúng:

    ```md
    Thực hiện Báo cáo số 01/BC-UBND và Công văn số 885/PGDĐT (giai đoạn 2001-2005).
    ```
    """

    code, name, key = "BC409", "spaced-code", "rule.spaced-code"
    _UPPER = r"[A-ZĐ][A-ZĐ0-9]+"
    PATTERN = re.compile(
        # a document's number and code: "01 /BC-UBND", "885/ PGDĐT", "30/2020/ NĐ-CP"
        rf"(?<![\w/])\d{{1,5}}(?: */ *(?:19|20)\d\d)? */ *{_UPPER}"
        rf"(?:(?:- ?| -(?=\S)){_UPPER})*(?![\w-])"
        # a date: "15/ 12/2025"
        r"|(?<![\w/])\d{1,2} */ *\d{1,2} */ *(?:19|20)\d\d(?![\w/])"
        # a range spaced on one side only: "2001- 2005", "10 -15"
        r"|(?<![\w/.,])\d+(?: [-–—](?=\d)|[-–—] (?=\d))\d+(?![\w/])"
    )

    def found(self, text: str) -> Iterator[Found]:
        for match in self.PATTERN.finditer(text):
            written = match.group(0)
            if " " in written:
                yield match.start(), written, written.replace(" ", "")


RULES: list[type[Rule]] = [RepeatedWords, SpaceBeforePunctuation, NoSpaceBeforeBracket, SpacedCode]
