"""YAML loading that keeps line numbers, so errors can name the file and line."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from baocao.flatyaml import flat_mapping

try:  # the C loader is several times faster; same behaviour
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - pure-Python PyYAML build
    _Loader = yaml.SafeLoader

Path_ = tuple[str | int, ...]


@dataclass
class LineMap:
    """1-based line of every key path in a YAML document, e.g. ("nodes", 0, "title")."""

    lines: dict[Path_, int] = field(default_factory=dict)
    offset: int = 0

    def line(self, path: Path_, default: int = 1) -> int:
        """The line of ``path``, or of its nearest ancestor that has one."""
        while path:
            if path in self.lines:
                return self.lines[path] + self.offset
            path = path[:-1]
        return default + self.offset


@dataclass
class YamlProblem(Exception):
    """A YAML syntax error, or a value it cannot construct (``value``: a date that does
    not exist, a number too long): 1-based line and the parser's own description."""

    line: int
    problem: str
    value: bool = False


_TOP_KEY = re.compile(r"^([^\s#:'\"-][^:#]*?)\s*:(?:\s|$)", re.MULTILINE)


def load_yaml(text: str, line_offset: int = 0, deep: bool = True) -> tuple[Any, LineMap]:
    """Parse one YAML document; return its data and a map of key paths to lines.

    ``line_offset`` is added to every line (front matter starts after the ``---``).
    With ``deep=False`` only top-level keys get their line (a fast scan of the text,
    enough for a flat mapping such as front matter). Raises :class:`YamlProblem`
    on a syntax error.
    """
    try:
        return _load_flat(text, line_offset) if not deep else _load_deep(text, line_offset)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = (mark.line + 1 if mark else 1) + line_offset
        raise YamlProblem(line, str(err.problem or err.context or err)) from None
    except yaml.YAMLError as err:
        raise YamlProblem(1 + line_offset, str(err)) from None
    except (ValueError, OverflowError) as err:  # a value the loader cannot construct
        line = _unconstructible_line(text) + line_offset
        raise YamlProblem(line, str(err), value=True) from None


def _unconstructible_line(text: str) -> int:
    """The line of the first scalar the loader cannot construct (a date such as
    2023-13-45, a number of thousands of digits), 1 when none is found."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        for scalar in _scalars(node):
            try:
                loader.construct_object(scalar)
            except (ValueError, OverflowError):
                return scalar.start_mark.line + 1
    finally:
        loader.dispose()
    return 1


def _scalars(node: yaml.Node | None) -> list[yaml.ScalarNode]:
    if isinstance(node, yaml.ScalarNode):
        return [node]
    if isinstance(node, yaml.MappingNode):
        return [s for pair in node.value for item in pair for s in _scalars(item)]
    if isinstance(node, yaml.SequenceNode):
        return [s for item in node.value for s in _scalars(item)]
    return []


def _load_deep(text: str, line_offset: int) -> tuple[Any, LineMap]:
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    lines = LineMap(offset=line_offset)
    if node is not None:
        _record_lines(node, (), lines.lines)
    return data, lines


def _load_flat(text: str, line_offset: int) -> tuple[Any, LineMap]:
    data = flat_mapping(text)  # the usual plain lines, read without YAML's parser
    if data is None:
        data = yaml.load(text, Loader=_Loader)
    lines = LineMap(offset=line_offset)
    lines.lines[()] = 1
    for match in _TOP_KEY.finditer(text):
        key = match.group(1)
        lines.lines.setdefault((key,), text.count("\n", 0, match.start()) + 1)
    return data, lines


def _record_lines(node: yaml.Node, path: Path_, out: dict[Path_, int]) -> None:
    out[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node)
            _record_lines(value_node, (*path, key), out)
            out[(*path, key)] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _record_lines(item, (*path, index), out)
