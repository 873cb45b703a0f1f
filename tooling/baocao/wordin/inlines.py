"""pandoc inline elements (JSON) to MyST Markdown text, escaped so that it reads back as
the same text."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from baocao.text import nfc

_ESCAPES = str.maketrans({ch: "\\" + ch for ch in "\\`*_[]<>|"})
ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")  # "&" that starts an entity ("&amp;")
_QUOTES = {"DoubleQuote": ("“", "”"), "SingleQuote": ("‘", "’")}

Node = dict[str, Any]


def escape(text: str) -> str:
    text = text.translate(_ESCAPES)
    return ENTITY.sub(r"\\&", text) if "&" in text else text


class Inlines:
    """Renders inlines; footnotes go to ``on_note`` (which returns their label) and pictures
    through ``image_path``."""

    def __init__(
        self,
        on_note: Callable[[list[Node]], str],
        image_path: Callable[[str], str],
        on_dropped: Callable[[str, str], None],
    ) -> None:
        self.on_note = on_note
        self.image_path = image_path
        self.on_dropped = on_dropped

    def render(self, nodes: list[Node], plain: bool = False) -> str:
        out = []
        for node in nodes:  # words and spaces first: most of a report
            kind = node["t"]
            if kind == "Str":
                out.append(node["c"] if plain else escape(node["c"]))
            elif kind in ("Space", "SoftBreak"):
                out.append(" ")
            else:
                out.append(self.one(node, plain))
        return nfc("".join(out))

    def one(self, node: Node, plain: bool) -> str:
        kind, content = node["t"], node.get("c")
        simple = _SIMPLE.get(kind)
        if simple is not None:
            return simple(self, content, plain)
        if kind in ("Emph", "Strong"):
            return self.emphasis(kind, content, plain)
        if kind in ("Underline", "Strikeout", "SmallCaps", "Span", "Cite"):
            return self.render(content[-1] if kind in ("Span", "Cite") else content, plain)
        if kind in ("Superscript", "Subscript"):
            return self.script(kind, content, plain)
        if kind == "Quoted":
            opening, closing = _QUOTES.get(content[0]["t"], ("“", "”"))
            return opening + self.render(content[1], plain) + closing
        if kind == "Link":
            return self.link(content, plain)
        if kind == "Image":
            return self.image(content, plain)
        if kind == "Note":
            return "" if plain else f"[^{self.on_note(content)}]"
        if kind == "RawInline":
            self.on_dropped("raw", content[1])
        return ""

    def emphasis(self, kind: str, content: list[Node], plain: bool) -> str:
        inner = self.render(content, plain)
        if plain or not inner.strip():
            return inner
        mark = "*" if kind == "Emph" else "**"
        lead = inner[: len(inner) - len(inner.lstrip())]
        tail = inner[len(inner.rstrip()) :]
        return f"{lead}{mark}{inner.strip()}{mark}{tail}"

    def script(self, kind: str, content: list[Node], plain: bool) -> str:
        inner = self.render(content, True)
        if plain or not inner.strip():
            return inner
        role = "sup" if kind == "Superscript" else "sub"
        return f"{{{role}}}`{inner.strip()}`"

    def link(self, content: list, plain: bool) -> str:
        text = self.render(content[1], plain)
        url = content[2][0]
        if plain or not url or url.startswith("#"):
            return text
        target = f"<{url}>" if re.search(r"[\s()<>]", url) else url
        return f"[{text}]({target})"

    def image(self, content: list, plain: bool) -> str:
        alt = self.render(content[1], True)
        if plain:
            return alt
        return f"![{escape(alt)}]({self.image_path(content[2][0])})"


def _code(_: Inlines, content: list, plain: bool) -> str:
    text = content[1]
    if plain:
        return text
    fence = "`" * (max((len(m) for m in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _line_break(_: Inlines, content: None, plain: bool) -> str:
    return " " if plain else "\\\n"


_SIMPLE: dict[str, Callable[[Inlines, Any, bool], str]] = {
    "LineBreak": _line_break,
    "Code": _code,
    "Math": lambda _s, c, p: c[1] if p else escape(c[1]),
}
