"""Safety rules (BC5xx): nothing from a unit reaches the public site except its own text.

Raw HTML, raw OpenXML/LaTeX, includes and images outside the unit's folder, and
directives off the allow-list are rejected. The builders refuse them too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from markdown_it.token import Token

from baocao.diagnostics import Diagnostic
from baocao.lint.context import LintContext
from baocao.lint.directives import DIRECTIVE as _DIRECTIVE
from baocao.lint.directives import OPAQUE, RAW_DIRECTIVES
from baocao.lint.rules.base import Rule
from baocao.mdparser import parser
from baocao.unitpaths import may_read, named_path

INCLUDES = ("include", "literalinclude")
LINKING = ("image", "figure")


@dataclass
class Found:
    """A directive or inline element of a file, with its 1-based line."""

    kind: str  # "directive", "html", "image", "download"
    name: str
    target: str
    file: Path
    rel: str
    line: int


def scan(tokens: list[Token], file: Path, rel: str, offset: int = 0) -> Iterator[Found]:
    for token in tokens:
        line = (token.map[0] + 1 if token.map else 1) + offset
        if token.type == "html_block":
            yield Found("html", "html", token.content.strip()[:40], file, rel, line)
        elif token.type in ("fence", "colon_fence"):
            match = _DIRECTIVE.match(token.info.strip())
            if match:
                yield Found("directive", match["name"], match["arg"].strip(), file, rel, line)
                if match["name"] not in OPAQUE and token.content.strip():
                    yield from scan(parser().parse(token.content), file, rel, line)
        elif token.type == "inline":
            yield from _scan_inline(token.children or [], file, rel, line)


def _scan_inline(children: list[Token], file: Path, rel: str, line: int) -> Iterator[Found]:
    for child in children:
        if child.type == "html_inline":
            yield Found("html", "html", child.content, file, rel, line)
        elif child.type == "image":
            yield Found("image", "image", str(child.attrs.get("src", "")), file, rel, line)
        elif child.type == "myst_role" and child.meta.get("name") == "download":
            target = re.sub(r"^.*<(.+)>$", r"\1", child.content.strip())
            yield Found("download", "download", target, file, rel, line)
        elif child.type == "softbreak":
            line += 1


def found_items(ctx: LintContext) -> list[Found]:
    """Every directive and inline element of the unit, scanned once for all safety rules."""
    if "safety:found" not in ctx.cache:
        files = ctx.report.files
        ctx.cache["safety:found"] = [
            item for source in files for item in scan(source.tokens, source.path, source.rel)
        ]
    return ctx.cache["safety:found"]


def inside_unit(target: str, found: Found, ctx: LintContext, root: Path) -> bool:
    """A relative path the unit may read (never a URL), by the rule of ``unitpaths``."""
    if (
        not target
        or re.match(r"^[a-z][a-z0-9+.-]*:", target, re.IGNORECASE)
        or target.startswith("//")
    ):
        return False
    return may_read(ctx.report.root, named_path(target, found.file.parent, root))


def _project_root(ctx: LintContext) -> Path:
    return ctx.project_root


class RawHtml(Rule):
    """HTML viết thẳng trong báo cáo (khối HTML hoặc thẻ HTML trong dòng).

    Ví dụ sai:

    ```md
    Kết quả <span style="color:red">vượt kế hoạch</span>.
    ```

    Ví dụ đúng:

    ```md
    Kết quả **vượt kế hoạch**.
    ```
    """

    code, name, family = "BC501", "raw-html", "safety"

    def check(self, ctx: LintContext) -> Iterable[Diagnostic]:
        for item in found_items(ctx):
            if item.kind == "html":
                yield ctx.diag(self, item.rel, item.line, "rule.raw-html", found=item.target)


class UnsafeInclude(Rule):
    """Lệnh `{include}` hoặc `{literalinclude}` lấy tệp nằm ngoài thư mục của đơn vị.

    Ví dụ sai:

    ````md
    ```{include} ../../README.md
    ```
    ````

    Ví dụ đúng:

    ````md
    ```{include} phu-luc.md
    ```
    ````
    """

    code, name, family = "BC502", "unsafe-include", "safety"

    def check(self, ctx: LintContext) -> Iterable[Diagnostic]:
        for item in found_items(ctx):
            if (
                item.kind == "directive"
                and item.name in INCLUDES
                and not inside_unit(item.target, item, ctx, _project_root(ctx))
            ):
                yield ctx.diag(
                    self,
                    item.rel,
                    item.line,
                    "rule.unsafe-include",
                    directive=item.name,
                    target=item.target,
                )


class UnsafeLink(Rule):
    """Hình ảnh, hình vẽ hoặc tệp tải về nằm ngoài thư mục của đơn vị hoặc lấy từ Internet.

    Ví dụ sai:

    ```md
    ![Biểu đồ](https://example.com/bieu-do.png)
    ```

    Ví dụ đúng:

    ```md
    ![Biểu đồ](hinh/bieu-do.png)
    ```
    """

    code, name, family = "BC503", "unsafe-link", "safety"

    def check(self, ctx: LintContext) -> Iterable[Diagnostic]:
        root = _project_root(ctx)
        for item in found_items(ctx):
            linking = item.kind in ("image", "download") or (
                item.kind == "directive" and item.name in LINKING
            )
            if linking and not inside_unit(item.target, item, ctx, root):
                yield ctx.diag(self, item.rel, item.line, "rule.unsafe-link", target=item.target)


class RawContent(Rule):
    """Nội dung thô (`{raw}` ở bất kỳ định dạng nào, `{eval-rst}`) đi thẳng vào HTML hoặc Word.

    Ví dụ sai:

    ````md
    ```{raw} html
    <script>alert(1)</script>
    ```
    ````

    Ví dụ đúng:

    ```md
    Viết nội dung bằng Markdown thông thường.
    ```
    """

    code, name, family = "BC504", "raw-content", "safety"

    def check(self, ctx: LintContext) -> Iterable[Diagnostic]:
        for item in found_items(ctx):
            if item.kind == "directive" and item.name in RAW_DIRECTIVES:
                yield ctx.diag(self, item.rel, item.line, "rule.raw-content", directive=item.name)


class DirectiveNotAllowed(Rule):
    """Lệnh MyST (directive) không có trong danh sách được phép của dự án.

    Danh sách là thiết lập `allowed_directives` trong `[tool.baocao]`.

    Ví dụ sai:

    ````md
    ```{iframe} https://example.com
    ```
    ````

    Ví dụ đúng:

    ````md
    ```{note}
    Số liệu tính đến ngày 30/11/2025.
    ```
    ````
    """

    code, name, family = "BC505", "directive-not-allowed", "safety"

    def check(self, ctx: LintContext) -> Iterable[Diagnostic]:
        allowed = set(ctx.settings.allowed_directives)
        for item in found_items(ctx):
            if item.kind != "directive" or item.name in RAW_DIRECTIVES + INCLUDES:
                continue
            if item.name not in allowed:
                yield ctx.diag(
                    self,
                    item.rel,
                    item.line,
                    "rule.directive-not-allowed",
                    directive=item.name,
                    allowed=", ".join(sorted(allowed)),
                )


RULES: list[type[Rule]] = [RawHtml, UnsafeInclude, UnsafeLink, RawContent, DirectiveNotAllowed]
