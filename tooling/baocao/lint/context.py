"""What every rule sees: the unit's report, its form and year, and the alignment."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from baocao.config import Settings
from baocao.diagnostics import Diagnostic, Severity
from baocao.forms import Form, FormNode
from baocao.lint import lines
from baocao.lint.align import Alignment
from baocao.lint.blocks import block_lines
from baocao.lint.headings import body_blocks
from baocao.lint.prose_spans import Spans, prose_spans
from baocao.report import Block, Report, Section


@dataclass
class LintContext:
    report: Report
    settings: Settings
    form: Form | None
    year: int | None
    alignment: Alignment = field(default_factory=Alignment)
    project_root: Path = field(default_factory=Path.cwd)
    cache: dict[str, Any] = field(default_factory=dict)  # shared work between rules
    codes: frozenset[str] = frozenset()  # the codes of the rules that run

    def prose(self, file: str, text: str) -> Spans:
        """The prose spans of ``text`` (``file``'s text, perhaps already fixed), computed once."""
        key = f"prose:{file}"
        cached = self.cache.get(key)
        if cached is None or cached[0] != text:
            cached = self.cache[key] = (text, prose_spans(text))
        return cached[1]

    def section_of(self, node_id: str) -> Section | None:
        index = self.alignment.matches.get(node_id)
        return self.report.sections[index] if index is not None else None

    @cached_property
    def contents(self) -> dict[str, list[Block]]:
        """Body blocks of each matched node: up to the next matched section or wrapper.

        Sub-headings, unknown headings and bold paragraphs in between count as the
        node's body.
        """
        result: dict[str, list[Block]] = {}
        current: list[Block] | None = None
        wrappers = set(self.alignment.wrappers)
        for index, section in enumerate(self.report.sections):
            node_id = self.alignment.node_of.get(index)
            if node_id is not None and index not in self.alignment.duplicates:
                current = result.setdefault(node_id, [])
                current.extend(body_blocks(section))
            elif index in wrappers:
                current = None  # a part wrapper and its own lines belong to no section
            elif current is not None:
                current.append(
                    Block("heading", section.title, section.file, section.line, section.line, [])
                )
                current.extend(section.blocks)
        return result

    @cached_property
    def recognised(self) -> list[str]:
        """The required nodes some heading was taken for, in the form's order."""
        if self.form is None:
            return []
        return [n for n in self.form.required_ids() if n in self.alignment.matches]

    @cached_property
    def off_form(self) -> bool:
        """The unit follows another outline: too few required sections recognised."""
        if self.form is None or not self.form.required_ids():
            return False
        share = len(self.recognised) / len(self.form.required_ids())
        return share < self.form.on_form_minimum

    def lines_of(self, node_id: str) -> list[tuple[str, int, str]]:
        """Rendered lines (file, line, text) of a node's body, computed once."""
        key = f"lines:{node_id}"
        if key not in self.cache:
            self.cache[key] = list(block_lines(self.contents.get(node_id, [])))
        return self.cache[key]

    def nodes(self) -> list[FormNode]:
        return self.form.walk() if self.form else []

    def title(self, node: FormNode) -> str:
        return node.title_for(self.year or 0)

    def diag(
        self,
        rule: type,
        file: str,
        line: int,
        key: str,
        *,
        node: FormNode | None = None,
        severity: Severity | None = None,
        front_key: str | None = None,
        **params,
    ) -> Diagnostic:
        """A Diagnostic of ``rule`` with the section filled in from ``node``.

        ``front_key`` is the front-matter key a metadata finding is about.
        """
        if node is not None:
            params.setdefault("number", node.number)
            params.setdefault("title", self.title(node))
            params.update(self._taken_for(node))
        return Diagnostic(
            code=rule.code,
            rule=rule.name,
            severity=severity or rule.severity,
            file=file,
            line=line,
            key=key,
            params=params,
            section=node.id if node else None,
            section_title=self.title(node) if node else None,
            field=front_key,
            fixable=rule.fixable,
        )

    def _taken_for(self, node: FormNode) -> dict[str, Any]:
        """What a finding about ``node`` must tell when its heading was a doubtful match."""
        index = self.alignment.matches.get(node.id)
        if index is None or index not in self.alignment.doubtful:
            return {}
        section = self.report.sections[index]
        return {
            "taken_heading": section.title,
            "taken_line": section.line,
            "taken_number": node.number,
            "taken_title": self.title(node),
        }

    def body_lines(
        self, keep: Callable[[str], bool] | None = None
    ) -> Iterator[tuple[str, int, str]]:
        """Like text_lines, without the front matter and the ``%`` comment lines."""
        for source in self.report.files:
            if keep is not None and not keep(source.text):
                continue
            end = _front_matter_end(source.tokens)
            for number, line in enumerate(lines.split(source.text)[end:], start=end + 1):
                if "%" not in line or not line.lstrip().startswith("%"):
                    yield source.rel, number, line

    def text_lines(
        self, keep: Callable[[str], bool] | None = None
    ) -> Iterator[tuple[str, int, str]]:
        """(file, line, text) of every line of every file, front matter and comments included.

        ``keep`` skips whole files quickly: only files whose text it accepts are read.
        """
        for source in self.report.files:
            if keep is not None and not keep(source.text):
                continue
            for number, line in enumerate(lines.split(source.text), start=1):
                yield source.rel, number, line


def _front_matter_end(tokens) -> int:
    """The last line of a file's front matter (0 when it has none)."""
    for token in tokens[:1]:
        if token.type == "front_matter" and token.map:
            return token.map[1]
    return 0
