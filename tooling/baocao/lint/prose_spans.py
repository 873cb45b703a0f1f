"""Which characters of a file are prose: the only text a fix may change.

Prose is what markdown-it's inline rules read as text (a paragraph, a heading, a
table cell, a list item, a link's label) and the front-matter values of text keys
that are not names (``data/front-matter.yaml``). Never prose: link targets,
image paths and alt texts, URLs, inline code, roles, raw HTML, entities, code
blocks and directives with their options, comments, and names (``nguoi_ky``...).

The file is parsed again by the project's own parser with its inline rules
wrapped: each rule reports the source span it consumed, so what is prose is what
markdown-it says, never a guess from the raw text. A span is kept only when it is
found in its source line (anything markdown-it rewrote, such as a tab, is left
alone: the safe side).

Its sibling ``prose.py`` gives the same prose as a reader reads it (text runs, for the
placeholder and typography rules to search); this module gives where it sits in the
file (columns, for the fixes and the tone rule).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import yaml
from markdown_it import MarkdownIt
from markdown_it.rules_core.state_core import StateCore
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

from baocao.frontmatter import schema
from baocao.lint import lines
from baocao.mdparser import fresh_parser

# Inline rules whose span is text as written; everything else (links' targets,
# code, roles, HTML, autolinks, escapes, entities, rules yet unknown) is not prose.
PROSE_RULES = frozenset({"text", "newline", "emphasis", "strikethrough"})
_KEY = "baocao_prose"
_RUNS = re.compile(rb"\x01+")

Spans = dict[int, list[tuple[int, int]]]  # 1-based line -> [start, end) columns of prose


@dataclass
class _Recorder:
    """The spans the inline rules consumed while one inline token is parsed."""

    lines: list[str]
    spans: Spans = field(default_factory=dict)
    cursor: dict[int, int] = field(default_factory=dict)  # where a line's next piece starts
    src: str = ""
    depth: int = 0
    records: list[tuple[int, int, int, bool]] = field(default_factory=list)


def prose_spans(text: str) -> Spans:
    """The prose spans of every line of ``text`` (a Markdown file with front matter)."""
    recorder = _Recorder(lines.split(text))
    tokens = _recording_parser().parse(text, {_KEY: recorder})
    if tokens and tokens[0].type == "front_matter":
        _front_matter_spans(tokens[0], recorder.spans)
    return recorder.spans


def find(
    pattern: re.Pattern[str], text: str, spans: Spans
) -> Iterator[tuple[int, list[re.Match[str]]]]:
    """(line, matches) of ``pattern`` lying wholly inside one prose span of a line."""
    all_lines = lines.split(text)
    for number in sorted(spans):
        found = _inside(pattern, all_lines[number - 1], spans[number])
        if found:
            yield number, found


def rewrite(
    text: str,
    spans: Spans,
    at: Collection[int] | None,
    change: Callable[[str, list[tuple[int, int]]], str],
) -> str:
    """``text`` with ``change(line, prose spans)`` applied on the lines ``at`` (None: all)."""
    pieces = lines.parts(text)
    for number, ranges in spans.items():
        if at is None or number in at:
            pieces[2 * (number - 1)] = change(pieces[2 * (number - 1)], ranges)
    return "".join(pieces)


def substitute(pattern: re.Pattern[str], replace: Callable[[str], str]) -> Callable:
    """A ``change`` for :func:`rewrite`: replace the matches lying inside prose."""

    def change(line: str, ranges: list[tuple[int, int]]) -> str:
        for match in reversed(_inside(pattern, line, ranges)):
            line = line[: match.start()] + replace(match.group(0)) + line[match.end() :]
        return line

    return change


def each_span(convert: Callable[[str], str]) -> Callable:
    """A ``change`` for :func:`rewrite`: ``convert`` each prose span of the line."""

    def change(line: str, ranges: list[tuple[int, int]]) -> str:
        for start, end in sorted(ranges, reverse=True):
            line = line[:start] + convert(line[start:end]) + line[end:]
        return line

    return change


def _inside(pattern: re.Pattern[str], line: str, ranges: list[tuple[int, int]]) -> list:
    return [
        m
        for m in pattern.finditer(line)
        if any(start <= m.start() and m.end() <= end for start, end in ranges)
    ]


# ---- the recording parser ----


@cache
def _recording_parser() -> MarkdownIt:
    """The project's parser, its inline rules wrapped to report what they consume."""
    md = fresh_parser()
    for rule in list(md.inline.ruler.__rules__):
        md.inline.ruler.at(rule.name, _wrap(rule.name, rule.fn))
    md.core.ruler.at("inline", _parse_inlines)
    return md


def _wrap(name: str, rule: Callable[[StateInline, bool], bool]) -> Callable:
    prose = name in PROSE_RULES

    def recorded(state: StateInline, silent: bool) -> bool:
        recorder: _Recorder | None = state.env.get(_KEY)
        if recorder is None:
            return rule(state, silent)
        start = state.pos
        recorder.depth += 1
        try:
            matched = rule(state, silent)
        finally:
            recorder.depth -= 1
        if matched and not silent and state.src is recorder.src:
            recorder.records.append((recorder.depth, start, state.pos, prose))
        return matched

    return recorded


def _parse_inlines(state: StateCore) -> None:
    """markdown-it's core ``inline`` rule, noting the prose of each inline token."""
    recorder: _Recorder | None = state.env.get(_KEY)
    for token in state.tokens:
        if token.type != "inline":
            continue
        if token.children is None:
            token.children = []
        if recorder is not None:
            recorder.src, recorder.records = token.content, []
        state.md.inline.parse(token.content, state.md, state.env, token.children)
        if recorder is not None and token.map:
            _place(token, _mask(token.content, recorder.records), recorder)


def _mask(src: str, records: list[tuple[int, int, int, bool]]) -> bytearray:
    """1 for each prose character of an inline token's content, 0 for the rest.

    Outer spans are painted first, inner ones over them: a link is not prose, the
    text of its label (parsed inside it) is.
    """
    mask = bytearray(b"\x01") * len(src)
    for depth, start, end, prose in sorted(records, key=lambda record: record[0]):
        if depth > 0 or not prose:
            mask[start:end] = (b"\x01" if prose else b"\x00") * (end - start)
    return mask


def _place(token: Token, mask: bytearray, recorder: _Recorder) -> None:
    """Turn the mask of ``token.content`` into spans of the file's lines."""
    first = token.map[0] if token.map else 0
    offset = 0
    for index, piece in enumerate(token.content.split("\n")):
        number = first + index + 1
        if piece and number <= len(recorder.lines):
            # table cells share a line: each is looked for after the one before it
            column = recorder.lines[number - 1].find(piece, recorder.cursor.get(number, 0))
            if column >= 0:
                recorder.cursor[number] = column + len(piece)
                runs = _RUNS.finditer(mask, offset, offset + len(piece))
                recorder.spans.setdefault(number, []).extend(
                    (column + run.start() - offset, column + run.end() - offset) for run in runs
                )
                if not recorder.spans[number]:
                    del recorder.spans[number]
        offset += len(piece) + 1


# ---- front matter ----


@cache
def _prose_keys() -> frozenset[str]:
    return frozenset(
        name for name, spec in schema().items() if spec.type == "text" and not spec.is_name
    )


def _front_matter_spans(token: Token, spans: Spans) -> None:
    """Spans of the values of the front matter's prose keys (``trich_yeu``...)."""
    try:
        node = yaml.compose(token.content, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return
    if not isinstance(node, yaml.MappingNode) or not token.map:
        return
    first = token.map[0] + 2  # the line after the opening "---"
    for key, value in node.value:
        if _is_prose_value(key, value):
            _add_mark_span(value.start_mark, value.end_mark, first, spans)


def _is_prose_value(key: Any, value: Any) -> bool:
    return (
        isinstance(key, yaml.ScalarNode)
        and key.value in _prose_keys()
        and isinstance(value, yaml.ScalarNode)
        and value.tag == "tag:yaml.org,2002:str"
    )


def _add_mark_span(start: yaml.Mark, end: yaml.Mark, first: int, spans: Spans) -> None:
    for line in range(start.line, end.line + 1):
        begin = start.column if line == start.line else 0
        stop = end.column if line == end.line else 1 << 30
        spans.setdefault(first + line, []).append((begin, stop))
