"""The outline of a unit's headings: which heading is inside which, and the part wrappers.

A part wrapper ("PHẦN THỨ NHẤT", "PHẦN I: TÌNH HÌNH …", "A. KẾT QUẢ …", or any
heading the form does not know that holds form sections) is structure: the
sections under it keep their levels relative to it, one level up when it takes
the place of a section level (## and deeper).
"""

from __future__ import annotations

from functools import cached_property

from baocao.numbering import parse
from baocao.report import Section

WRAPPER_STYLES = ("part", "upper")


class Outline:
    def __init__(self, sections: list[Section]) -> None:
        self.sections = sections
        self.implied: dict[int, int] = {}  # bold paragraph taken for a node -> its level
        self.wrapping = {i for i, s in enumerate(sections) if _wrapper_style(s)}
        self.shifted_by_settle = False
        self._levels: list[int] | None = None
        self._parents: list[int | None] | None = None
        self._chains: dict[int, list[int]] = {}

    def raw(self, i: int) -> int:
        section = self.sections[i]
        return self.implied.get(i, 0) if section.bold else section.level

    def parents(self, i: int) -> list[int]:
        """The headings that hold section ``i``, nearest first (kept until settle)."""
        if i not in self._chains:
            k = self._parent()[i]
            self._chains[i] = [] if k is None else [k, *self.parents(k)]
        return self._chains[i]

    def _parent(self) -> list[int | None]:
        """The nearest heading that holds each section (one pass, kept until settle)."""
        if self._parents is None:
            self._parents, stack = [], []  # stack of (level, index), levels increasing
            for i in range(len(self.sections)):
                level = self.raw(i)
                if not level:  # a bold paragraph not taken for a section: outside the outline
                    self._parents.append(None)
                    continue
                while stack and stack[-1][0] >= level:
                    stack.pop()
                self._parents.append(stack[-1][1] if stack else None)
                stack.append((level, i))
        return self._parents

    def level(self, i: int) -> int:
        """The heading level with the wrappers above it taken out."""
        if self._levels is None:
            self._levels = self._unwrapped_levels()
        return self._levels[i]

    def _unwrapped_levels(self) -> list[int]:
        """Each heading's level less the wrappers (at ## and deeper) that hold it, in one
        pass: a heading's parent comes before it."""
        shifts: list[int] = []
        levels: list[int] = []
        for i, parent in enumerate(self._parent()):
            shift = 0
            if parent is not None:
                shift = shifts[parent] + int(parent in self.wrapping and self.raw(parent) >= 2)
            shifts.append(shift)
            raw = self.raw(i)
            levels.append(max(1, raw - shift) if raw else 0)
        return levels

    @cached_property
    def _bodies(self) -> list[str]:
        return [s.body_text() for s in self.sections]

    def body(self, i: int) -> str:
        """The text under heading ``i``, its sub-headings' text included."""
        parts, level = [self._bodies[i]], self.raw(i)
        for k in range(i + 1, len(self.sections)):
            if not level or 0 < self.raw(k) <= level:
                break
            parts += [self.sections[k].title, self._bodies[k]]
        return "\n".join(parts)

    def settle(self, node_of: dict[int, str], depth_of: dict[str, int]) -> None:
        """Once matched: wrappers are the unmatched headings that hold form sections."""
        self.implied = {
            i: depth_of[n] + 1 + self._wrapped(i)
            for i, n in node_of.items()
            if self.sections[i].bold
        }
        self._parents = None
        self._chains = {}
        holding = {k for i in node_of for k in self._free_parents(i, node_of)}
        wrapping = {
            i
            for i, s in enumerate(self.sections)
            if i not in node_of and not s.bold and (i in holding or _wrapper_style(s))
        }
        self.shifted_by_settle = wrapping != self.wrapping
        self.wrapping = wrapping
        self._levels = None

    def _free_parents(self, i: int, node_of: dict[int, str]) -> list[int]:
        """The parents of a top-most matched section: inside a section, an unknown heading
        is not a wrapper."""
        parents = self.parents(i)
        return [] if any(k in node_of for k in parents) else parents

    def _wrapped(self, i: int) -> int:
        """1 when a wrapper comes before a bold paragraph (it has no level of its own)."""
        return int(any(k < i and self.raw(k) >= 2 for k in self.wrapping))

    def styled_wrapper(self, i: int) -> bool:
        """A wrapper by its own numbering ("PHẦN I", "A."), not only by what it holds."""
        return i in self.wrapping and _wrapper_style(self.sections[i])

    def unwrap(self, i: int) -> None:
        """Heading ``i`` is a form section after all: the headings under it keep their levels."""
        if i in self.wrapping:
            self.wrapping = self.wrapping - {i}
            self._levels = None

    def wrappers(self) -> list[int]:
        return sorted(self.wrapping)

    def owner(self, i: int, node_of: dict[int, str]) -> int | None:
        """The nearest matched section that holds section ``i``."""
        return next((k for k in self.parents(i) if k in node_of), None)


def _wrapper_style(section: Section) -> bool:
    return not section.bold and parse(section.title.strip("*_ ")).style in WRAPPER_STYLES


def read_outline(sections: list[Section]) -> Outline:
    return Outline(sections)
