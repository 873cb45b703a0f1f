"""Typography rules (BC406-BC409): slips a careful clerk catches, in prose only.

They read the prose of lint/prose.py (never code, links, URLs, paths or HTML) and fix
through lint/slips.py, which rewrites a slip only where the fix is certain.
"""

from __future__ import annotations

import operator
import re
import string
from collections.abc import Iterable, Iterator
from itertools import chain, cycle
from typing import ClassVar

from baocao.diagnostics import Diagnostic
from baocao.lint import prose
from baocao.lint.context import LintContext
from baocao.lint.ruledata import rule_data
from baocao.lint.rules.base import Rule
from baocao.lint.slips import Slip, fix_text

Found = tuple[int, str, str]  # (index in the run, text as written, text fixed)


class TypographyRule(Rule):
    """A warning with a safe fix: each slip of a run of prose, its line, its correction."""

    family, severity, fixable = "text", "warning", True
    key: ClassVar[str]

    def may_have(self, text: str) -> bool:
        """A quick test of a whole file's prose: could it hold a slip at all?"""
        return True

    def to_search(self, runs: list[prose.Run], joined: str) -> list[prose.Run]:
        """The runs of one file worth searching (``joined``: their texts, one a line)."""
        return runs if self.may_have(joined) else []

    def found(self, text: str) -> Iterator[Found]:
        raise NotImplementedError

    def slips(self, ctx: LintContext) -> list[Slip]:
        key = f"slips:{self.code}"
        if key not in ctx.cache:
            joined = prose.joined(ctx)
            ctx.cache[key] = [
                Slip(run.file, run.line_at(index), found, fixed)
                for file, runs in prose.by_file(ctx).items()
                for run in self.to_search(runs, joined[file])
                for index, found, fixed in self.found(run.text)
            ]
        return ctx.cache[key]

    def check(self, ctx: LintContext) -> Iterable[Diagnostic]:
        for slip in self.slips(ctx):
            found, fixed = (" ".join(t.split("\n")) for t in (slip.found, slip.fixed))
            yield ctx.diag(self, slip.file, slip.line, self.key, found=found, fixed=fixed)

    def fix(self, text: str, ctx: LintContext, file: str, at: frozenset[int]) -> str:
        """Only the slips the linter reported (``at``: their lines, none silenced)."""
        return fix_text(text, file, [slip for slip in self.slips(ctx) if slip.line in at])


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
    # the shortest phrase first; \w then a check for digits is faster than a letter class;
    # possessive (a word or a gap given back could never make a match): no backtracking
    PATTERN = re.compile(r"\b(?P<phrase>\w++(?: \w++){0,4}?)(?P<gap>[ \n]++)(?P=phrase)\b")
    LONGEST = re.compile(r"\b(?P<phrase>\w++(?: \w++){1,4})(?P<gap>[ \n]++)(?P=phrase)\b")

    def to_search(self, runs: list[prose.Run], joined: str) -> list[prose.Run]:
        """Only the runs where a word or a pair of words comes again: one quick test a file."""
        # "run0 mark0 run1 mark1 ... ": each run followed by a separator
        texts = chain.from_iterable(zip([run.text for run in runs], cycle(_SEPARATORS)))
        words = _words(" ".join(texts).lower() + " ")
        repeats = _repeats(words)
        if not repeats:
            return []
        separators = bytes(map(_SEPARATOR_WORDS.__contains__, words))
        found = {separators.count(1, 0, at) for at in repeats}  # the run of each word
        return [runs[i] for i in sorted(found) if i < len(runs)]

    def found(self, text: str) -> Iterator[Found]:
        lowered = text.lower()
        if len(lowered) != len(text):
            return  # a letter whose lower case is longer: not Vietnamese prose
        slips = rule_data().repeated_word_slips
        for match in self.PATTERN.finditer(lowered):
            phrase = match["phrase"]
            if " " not in phrase and phrase not in slips:
                # two words meeting ("trực tiếp tiếp khách"), "người người", a name; but
                # a longer phrase may repeat from here ("người người thi đua người người thi đua")
                match = self.LONGEST.match(lowered, match.start())
                phrase = match["phrase"] if match else ""
            if " " not in phrase and phrase not in slips:
                continue
            if any(char.isdigit() or char == "_" for char in phrase):
                continue  # numbers ("10 10" in a list of figures), not words
            start, end = match.span()
            yield start, text[start:end], text[start : match.end("phrase")]


def _repeats(words: list[bytes], longest: int = 5) -> list[int]:
    """Where a phrase of ``words`` (``longest`` words at most) may follow itself.

    A word typed twice makes two equal words in a row; a phrase typed twice makes two
    words in a row each equal to the one 2 to ``longest`` words later. Computed with C
    loops (``map``, ``bytes.find``), not Python's; for a phrase, only the words at even
    places are compared first (two words in a row hold one of them), then the word
    beside each of the few found.
    """
    found = _ones(bytes(map(operator.eq, words, words[1:])))
    evens = words[::2]
    for size in range(2, longest + 1):
        for half in _ones(bytes(map(operator.eq, evens, words[size::2]))):
            at = 2 * half  # words[at] == words[at + size]: are the next ones or the ones before?
            if words[at + 1 : at + 2] == words[at + size + 1 : at + size + 2]:
                found.append(at)
            if at and words[at - 1] == words[at + size - 1]:
                found.append(at - 1)
    return found


def _ones(same: bytes) -> list[int]:
    """The places of the ones in ``same``."""
    found = []
    at = same.find(1)
    while at >= 0:
        found.append(at)
        at = same.find(1, at + 1)
    return found


def _may_repeat(text: str) -> bool:
    """Whether some phrase of ``text`` may follow itself (the quick test, for one text)."""
    return bool(_repeats(_words(text.lower())))


def _words(text: str) -> list[bytes]:
    """The words of ``text``: split at spaces and punctuation, as bytes (fast C loops)."""
    text = _OTHER_PUNCTUATION.sub(" ", text)
    return text.encode("utf-8").translate(_ASCII_PUNCTUATION).split()


# Between runs, words no run has; six of them in turn, so that no two equal ones come
# within a phrase's length of each other and make a repeat of their own.
_SEPARATORS = tuple(f"\x00{i}" for i in range(6))
_SEPARATOR_WORDS = frozenset(mark.encode("ascii") for mark in _SEPARATORS)

_ASCII_PUNCTUATION = bytes.maketrans(
    string.punctuation.encode("ascii"), b" " * len(string.punctuation)
)
_OTHER_PUNCTUATION = re.compile(f"[“”‘’«»…–—{prose.OPAQUE}]")


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
    # a word, spaces, then a closing mark (a dot only when it is not a dotted line, spaced
    # as ". . ." or not, nor a decimal); or an opening bracket or quote, spaces, then a word
    # starts with a space (a literal is found fast); the character before is checked apart
    BEFORE = re.compile(r" +(?P<mark>[,;:!?)\]”»]|\.(?![.…\w]| +[.…]))")
    AFTER = re.compile(r"(?<![^\s(\[\ufffc])(?P<mark>[(\[“«])(?P<gap> +)(?=[^\s\ufffc)\]”»])")

    # a closing mark after a space or an opening one before a space: one character class
    # first (an alternation of classes would be tried at every character)
    SIGN = re.compile(r"[,;:.!?)\]”»(\[“«](?:(?<= [,;:.!?)\]”»])|(?<=[(\[“«])(?= ))")

    def may_have(self, text: str) -> bool:
        return self.SIGN.search(text) is not None

    def found(self, text: str) -> Iterator[Found]:
        if not self.may_have(text):
            return  # one quick search instead of two
        for match in self.BEFORE.finditer(text):
            before = text[match.start() - 1 : match.start()]
            if not before or not (before.isalnum() or before in ")]”»%"):
                continue
            word = _word_before(text, match.start())
            yield match.start() - len(word), word + match.group(0), word + match["mark"]
        for match in self.AFTER.finditer(text):
            word = _word_after(text, match.end())
            yield match.start(), match.group(0) + word, match["mark"] + word


_WORD_BEFORE = re.compile(r"[^\s\ufffc(\[“«]*$")
_WORD_AFTER = re.compile(r"[^\s\ufffc)\]”»]*")


def _word_before(text: str, end: int) -> str:
    """The word that ends at ``end`` (up to a space, an opaque piece or an opening mark)."""
    start = max(0, end - 40)
    match = _WORD_BEFORE.search(text, start, end)
    return match.group(0) if match else ""


def _word_after(text: str, start: int) -> str:
    match = _WORD_AFTER.match(text, start, start + 40)
    return match.group(0) if match else ""


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
    PATTERN = re.compile(r"\((?<=[^\W_]\()(?![^\W_]{1,2}\))(?=[^\W\d_])")

    def may_have(self, text: str) -> bool:
        return "(" in text

    def found(self, text: str) -> Iterator[Found]:
        for match in self.PATTERN.finditer(text):
            before = _word_before(text, match.start())
            after = _WORD_AFTER_BRACKET.match(text, match.end(), match.end() + 40)
            written = after.group(0) if after else ""
            yield (
                match.start() - len(before),
                f"{before}({written}",
                f"{before} ({written}",
            )


_WORD_AFTER_BRACKET = re.compile(r"[^\s()\ufffc]*")


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
    # each starts with a digit (a character class is found fast), then looks behind it
    PATTERNS = (
        # a document's number and code: "01 /BC-UBND", "885/ PGDĐT", "30/2020/ NĐ-CP"
        re.compile(
            rf"\d(?<![\w/]\d)\d{{0,4}}(?: */ *(?:19|20)\d\d)? */ *{_UPPER}"
            rf"(?:(?:- ?| -(?=\S)){_UPPER})*(?![\w-])"
        ),
        # a date: "15/ 12/2025"
        re.compile(r"\d(?<![\w/]\d)\d? */ *\d{1,2} */ *(?:19|20)\d\d(?![\w/])"),
        # a range spaced on one side only: "2001- 2005", "10 -15"
        re.compile(r"\d(?<![\w/.,]\d)\d*(?: [-–—](?=\d)|[-–—] (?=\d))\d+(?![\w/])"),
    )

    # a slash or dash between digits or capitals with a space on one side (or around a
    # slash): starts with a character class, so it is fast to find
    SIGN = re.compile(
        r"[-–—/](?:(?<=[\dA-ZĐ] .)(?=[\dA-ZĐ])|(?<=[\dA-ZĐ].)(?= [\dA-ZĐ])"
        r"|(?<=[\dA-ZĐ] /)(?= [\dA-ZĐ]))"
    )

    def may_have(self, text: str) -> bool:
        return self.SIGN.search(text) is not None  # a space beside a slash or a dash

    def found(self, text: str) -> Iterator[Found]:
        if not self.may_have(text):
            return
        for match in (m for pattern in self.PATTERNS for m in pattern.finditer(text)):
            written = match.group(0)
            if " " in written:
                yield match.start(), written, written.replace(" ", "")


RULES: list[type[Rule]] = [RepeatedWords, SpaceBeforePunctuation, NoSpaceBeforeBracket, SpacedCode]
